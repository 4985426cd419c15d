# List item and slice assignment: replacing, growing, shrinking, extended slices, del, and the errors.
import numpy as np
l = list(range(10))
l[0] = 'first'
l[-1] = 'last'
l
l[10] = 0
l[-11] = 0
l[1:3] = ['a', 'b']
l
l[1:3] = ['A']
l
l[1:2] = [1, 2, 3, 4]
l
l[5:5] = ['ins']
l
l[:] = [0, 1, 2, 3, 4, 5, 6, 7]
l
l[::2] = 'wxyz'
l
l[::2] = [1, 2]
l[::-1] = range(8)
l
l[1:7:3] = [None, None]
l
l[100:] = [8, 9]
l
l[:0] = (-1,)
l
l[2:5] = []
l
l[1:3] = 5
l[0:2] = np.arange(2)
l
type(l[0])
del l[0]
l
del l[-1]
l
del l[1:3]
l
del l[::2]
l
del l[100]
del l[:]
l
m = [1, 2, 3]
n = m
m[:] = [9]
n
m[len(m):] = [10, 11]
m
m[1:2] = m
m
t = (1, 2)
t[0] = 5
s = 'abc'
s[0] = 'x'
del t[0]
r = range(3)
r[0] = 1
d = {}
d['k'] = [1]
d['k'][0] = 2
d
d[(1, 2)] = 'tuple key'
d
del d['k']
d
del d['missing']
