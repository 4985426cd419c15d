# Seed 1 'how does memory allocation occur in numpy array?': scalars are new objects.
import numpy as np
a = np.arange(5)
for i in a: print("Value {} : {} {}".format(i, type(i), i is a[i]))
arr = np.arange(5)
arr
{k: v for k, v in arr.__array_interface__.items() if k != 'data'}
arr.__array_interface__['data'][1]
arr.nbytes
5 * 8
v = arr[1:4]
v.__array_interface__['data'][0] - arr.__array_interface__['data'][0]
np.shares_memory(v, arr)
cp = arr.copy()
cp.__array_interface__['data'][0] == arr.__array_interface__['data'][0]
i = arr[1]
i
type(i)
{k: v for k, v in i.__array_interface__.items() if k != 'data'}
i.__array_interface__['__ref']
i.shape, i.ndim, i.dtype, i.itemsize
i is arr[1]
arr[1] = 10
i
a, b, c = 100, 'b', {}
alist = [a, b, c]
id(alist[0]) == id(a)
alist[0] is a
size = 2**10
list1 = range(size)
array1 = np.arange(size)
array2 = np.arange(size)
resultantArray = array1 * array2
resultantArray
resultantArray.dtype, resultantArray.nbytes
resultantArray[:5]
