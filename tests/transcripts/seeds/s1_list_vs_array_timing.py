# Seed 1's timing example at full size (size = 1000000): the list comprehension over zip and the array multiply both run; times are compared, not printed.
import numpy
import time
size = 1000000
list1 = range(size)
list2 = range(size)
array1 = numpy.arange(size)
array2 = numpy.arange(size)
initialTime = time.time()
type(initialTime)
resultantList = [(a * b) for a, b in zip(list1, list2)]
listTime = time.time() - initialTime
initialTime = time.time()
resultantArray = array1 * array2
arrayTime = time.time() - initialTime
listTime > 0, arrayTime >= 0, listTime > arrayTime
len(resultantList), resultantArray.shape
resultantList[:5], resultantList[-1]
resultantArray[:5], resultantArray[-1]
type(resultantList[-1]), type(resultantArray[-1])
resultantList == resultantArray.tolist()
resultantArray.dtype, resultantArray.nbytes
t0 = time.perf_counter()
t1 = time.perf_counter()
t1 >= t0, type(t1)
t = time.time()
t > 1.7e9
time.time() >= t
