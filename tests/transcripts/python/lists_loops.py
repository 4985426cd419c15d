# Light Python: list/tuple/dict literals, comprehensions, range, one-line for loops, len.
import numpy as np
list(range(4))
range(4)
range(2, 10, 3)
list(range(10, 0, -4))
len(range(1000))
[i * i for i in range(5)]
[_ for _ in range(4)]
l = list([_ for _ in range(4)])
l
len(l)
t = (1, 'b', {})
t[1]
len(t)
d = {'shape': (2, 3), 'dtype': 'int64'}
d['shape']
for i in range(3): print(i)
for i in np.arange(3): print(i, type(i))
for row in np.arange(6).reshape(2, 3): print(row)
[x for x in np.arange(4) if x % 2]
list(np.arange(3))
tuple(np.arange(3.0))
[type(x) for x in np.arange(2)]
a, b, c = 100, 'b', {}
alist = [a, b, c]
alist
alist[0] is a
alist[2] is c
'{} : {}'.format(1, 'two')
list(range(30))
