# Seed 2 'Difference between list and NumPy array memory size' with its getsizeof cells (CPython 3.11 / NumPy 2 numbers).
import numpy as np
from sys import getsizeof
array = np.array([_ for _ in range(4)])
getsizeof(array), array
l = list([_ for _ in range(4)])
getsizeof(l), l
getsizeof([_ for _ in range(4)])
list(range(4))
getsizeof(list(range(4)))
arr = np.array([i for i in range(4)])
arr
getsizeof(arr), arr.nbytes
getsizeof(np.array(range(4))), getsizeof(np.arange(4))
[getsizeof(n) for n in l]
getsizeof(l) + sum(getsizeof(n) for n in l)
big = list(range(1000, 1004))
getsizeof(big) + sum(getsizeof(n) for n in big)
getsizeof(np.arange(1000, 1004))
import sys
random_values_numpy = np.arange(1000)
random_values = range(1000)
print(random_values_numpy.itemsize)
print(random_values_numpy.size * random_values_numpy.itemsize)
print(sys.getsizeof(random_values))
print(sys.getsizeof(random_values) * len(random_values))
sys.getsizeof(random_values_numpy)
sys.getsizeof(list(random_values))
sys.getsizeof(list(random_values)) + sum(sys.getsizeof(v) for v in random_values)
