# A list stores references to objects that live elsewhere; an array stores the values.
import numpy as np
import sys
p = np.arange(10)
sys.getsizeof(p)
p.itemsize * p.size
q = p[0]
sys.getsizeof(q)
l = [i for i in p]
sys.getsizeof(l)
sys.getsizeof(p.tolist())
sys.getsizeof(list(range(10)))
sys.getsizeof(0), sys.getsizeof(2 ** 30), sys.getsizeof(1.5)
# the seed's timing example: the list comprehension is the slow side
import time
list1 = range(100000)
array1 = np.arange(100000)
t0 = time.perf_counter()
resultantList = [(a * b) for a, b in zip(list1, list1)]
t1 = time.perf_counter()
resultantArray = array1 * array1
t2 = time.perf_counter()
t1 - t0 > t2 - t1
resultantList[-1] == resultantArray[-1]
