# Seed 1, Python side: the 'Id of' loop (ids shown as relations: two blocks take turns), scalars vs list references, getsizeof.
import numpy as np
import sys
a = np.arange(5)
lines = []
for i in a: lines.append("Id of {} : {} \n".format(i, id(i)))
names = {}
for s in lines: print(s.replace(s.split(' : ')[1].strip(), names.setdefault(s.split(' : ')[1].strip(), 'id' + str(len(names)))), end='')
len(names)
[int(s.split(' : ')[1]) for s in lines][0::2] == [int(lines[0].split(' : ')[1])] * 3
ids = [id(i) for i in a]
len(set(ids))
kept = [i for i in a]
len(set(id(i) for i in kept))
arr = np.arange(5)
arr
i = arr[1]
i
type(i)
i.__array_interface__['__ref']
i.__array_interface__['shape'], i.__array_interface__['strides'], i.__array_interface__['descr']
sys.getsizeof(i), i.itemsize, i.size, i.nbytes
sys.getsizeof(arr), arr.nbytes, sys.getsizeof(arr) - arr.nbytes
i is arr[1], i == arr[1], id(i) == id(arr[1])
a, b, c = 100, 'b', {}
alist = [a, b, c]
id(alist[0]) == id(a)
alist[0] is a, alist[1] is b, alist[2] is c
sys.getsizeof(alist), sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(c)
a2 = 100
id(a2) == id(a)
x = 1000
xlist = [x]
id(xlist[0]) == id(x)
y = 1000
id(y) == id(x)
