# choice, permutation and shuffle in both APIs: the same seed picks NumPy's elements
import numpy as np
np.random.seed(0)
np.random.choice(5)
np.random.choice(10, 4)
np.random.choice(10, 4, replace=False)
np.random.choice(['a', 'b', 'c'], size=5)
np.random.choice([10, 20, 30, 40], 3, p=[0.1, 0.2, 0.3, 0.4])
np.random.choice(5, size=(2, 3))
np.random.permutation(10)
np.random.permutation([1.5, 2.5, 3.5, 4.5])
a = np.arange(10)
np.random.shuffle(a)
a
m = np.arange(12).reshape(4, 3)
np.random.shuffle(m)
m
np.random.permutation(np.arange(6).reshape(3, 2))
lst = [1, 2, 3, 4, 5]
np.random.shuffle(lst)
lst
rng = np.random.default_rng(3)
rng.choice(5)
rng.choice(10, 4)
rng.choice(10, 4, replace=False)
rng.choice(['x', 'y', 'z'], 6)
rng.choice([1.0, 2.0])
rng.choice(1000, 5, replace=False, shuffle=False)
rng.choice(20000, 3, replace=False)
rng.choice(5, 3, p=[0.5, 0.2, 0.1, 0.1, 0.1])
rng.permutation(10)
rng.permutation([3, 1, 2])
b = np.arange(10)
rng.shuffle(b)
b
c = np.arange(20)[::2]
rng.shuffle(c)
c
big = rng.choice(50000, 2000, replace=False)
big[:5], big.max() < 50000
rng.permutation(np.arange(8).reshape(4, 2))
