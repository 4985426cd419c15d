# np.copyto writes into an existing array (casting=, where=); np.select and np.nan_to_num are built on it
import numpy as np
a = np.zeros(3, dtype=int)
np.copyto(a, [1, 2, 3])
a
np.copyto(a, 7, where=[True, False, True])
a
np.copyto(a, 1.5)
np.copyto(a, np.array([1.5, 2.5, 3.5]))
np.copyto(a, np.array([1.5, 2.5, 3.5]), casting='unsafe')
a
np.copyto(a, [1, 2])
np.copyto([1], 1)
np.copyto(np.zeros(3), 1j)
np.copyto(a, 3, casting='no')
a
b = np.arange(6).reshape(2, 3)
np.copyto(b, [10, 20, 30], where=b % 2 == 0)
b
x = np.arange(10)
np.select([x < 3, x > 5], [x, x**2])
np.select([x < 3, x > 5], [x, x**2], 42)
np.select([x < 3, x > 5], [x, 1.5], -1)
np.select([x > 1, x > 5], [0, 1])
np.select([], [])
np.select([x < 3], [x, x])
np.select([x], [x])
f = np.array([np.nan, np.inf, -np.inf, 1.5])
np.nan_to_num(f)
np.nan_to_num(f.astype(np.float32))
np.nan_to_num(f, nan=-1, posinf=99, neginf=-99)
f
g = f.copy()
np.nan_to_num(g, copy=False) is g
g
np.nan_to_num(np.nan)
np.nan_to_num(5)
np.nan_to_num([1, 2])
np.nan_to_num(np.array([complex(np.nan, np.inf), complex(-np.inf, 1)]))
