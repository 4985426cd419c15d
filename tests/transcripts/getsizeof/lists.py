# sys.getsizeof of lists = 56 + 8 x capacity: displays, list(), comprehensions, *, +, slicing, and CPython's over-allocation on append.
import numpy as np
from sys import getsizeof
getsizeof([])
getsizeof([1]), getsizeof([1, 2]), getsizeof([1, 2, 3]), getsizeof([1, 2, 3, 4]), getsizeof([1, 2, 3, 4, 5])
x = 7
getsizeof([x]), getsizeof([x, x]), getsizeof([x, x, x]), getsizeof([x, x, x, x, x])
getsizeof([x, 1, 2]), getsizeof([1, 2, x])
getsizeof([*range(3)]), getsizeof([x, *range(3)]), getsizeof([*range(3), x])
[getsizeof(list(range(n))) for n in range(12)]
getsizeof(list(range(100))), getsizeof(list(range(1000)))
[getsizeof([i for i in range(n)]) for n in range(12)]
getsizeof([i for i in range(100)]), getsizeof([i for i in range(1000)])
getsizeof(list(i for i in range(3))), getsizeof(list(i for i in range(10)))
getsizeof(list(zip(range(3), range(3)))), getsizeof(list(zip(range(9), range(9))))
getsizeof(list(map(str, range(3))))
getsizeof(list('abc')), getsizeof(list((1, 2, 3))), getsizeof(list([1, 2, 3])), getsizeof(list({1: 2}))
getsizeof(list(np.arange(5)))
l = []
sizes = []
for i in range(20): l.append(i); sizes.append(getsizeof(l))
sizes
while l: l.pop(); sizes.append(getsizeof(l))
sizes[20:]
getsizeof([0] * 10), getsizeof([0] * 0), getsizeof([1, 2] * 3)
getsizeof([1, 2] + [3]), getsizeof([] + [])
big = list(range(10))
getsizeof(big[:5]), getsizeof(big[::2]), getsizeof(big[5:5]), getsizeof(big[:])
getsizeof(big.copy())
e = [1, 2, 3]
e.extend([4])
getsizeof(e)
e.extend(range(10))
getsizeof(e)
f = []
f.extend([1, 2, 3])
getsizeof(f)
f.extend((4, 5, 6))
getsizeof(f)
g = []
g.extend(range(3))
getsizeof(g)
g.extend(i for i in range(3))
getsizeof(g)
h = [1, 2, 3, 4]
h.insert(0, 0)
getsizeof(h)
h += [5]
getsizeof(h)
h *= 3
getsizeof(h)
h.clear()
getsizeof(h)
k = list(range(10))
del k[2:8]
getsizeof(k)
k[1:1] = [0] * 20
getsizeof(k)
k[:] = []
getsizeof(k)
m = list(range(8))
m.remove(3)
getsizeof(m)
m.pop(); m.pop(); m.pop()
getsizeof(m)
sorted([3, 1, 2]), getsizeof(sorted([3, 1, 2])), getsizeof(sorted(range(5)))
getsizeof(np.arange(10).tolist()), getsizeof(np.arange(5).tolist())
getsizeof(np.zeros((2, 3)).tolist())
getsizeof('a b c'.split())
getsizeof([[]]), getsizeof([[1, 2, 3]])
