# Seed 2 'Difference between list and NumPy array memory size' (getsizeof left out).
import numpy as np
array = np.array([_ for _ in range(4)])
array.nbytes, array
l = list([_ for _ in range(4)])
len(l), l
list(range(4))
arr = np.array([i for i in range(4)])
arr
np.array(range(4))
np.arange(4)
arr.nbytes
arr.itemsize * arr.size
arr + 1
arr.sum()
arr
random_values_numpy = np.arange(1000)
random_values = range(1000)
print(random_values_numpy.itemsize)
print(random_values_numpy.size * random_values_numpy.itemsize)
len(random_values)
random_values_numpy.nbytes
