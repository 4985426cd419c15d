# sys.getsizeof of tuples, dicts, sets, ranges, slices and iterators: only the container, never what it refers to.
import numpy as np
from sys import getsizeof
getsizeof(()), getsizeof((1,)), getsizeof((1, 2)), getsizeof((1, 2, 3))
getsizeof(tuple(range(10))), getsizeof(tuple(range(100)))
getsizeof((1, [1, 2, 3, 4, 5, 6, 7, 8]))
getsizeof(({},))
getsizeof({})
getsizeof({'a': 1})
getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5})
getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6})
getsizeof({1: 'a'})
getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6})
getsizeof({(1, 2): 3})
[getsizeof({i: i for i in range(n)}) for n in range(12)]
[getsizeof({str(i): i for i in range(n)}) for n in range(12)]
getsizeof({i: i for i in range(22)}), getsizeof({i: i for i in range(43)}), getsizeof({i: i for i in range(100)})
getsizeof(dict(a=1)), getsizeof(dict(a=1, b=2, c=3, d=4, e=5, f=6))
getsizeof(dict(zip('abc', range(3)))), getsizeof(dict(zip(range(3), range(3))))
getsizeof(dict.fromkeys(range(6)))
d = {'a': 1}
getsizeof(d)
d[1] = 2
getsizeof(d)
d2 = {'a': 1, 'b': 2, 'c': 3, 'd': 4}
d2['e'] = 5
getsizeof(d2)
d2['f'] = 6
getsizeof(d2)
d3 = {i: i for i in range(10)}
for i in range(10): del d3[i]
getsizeof(d3), len(d3)
d3[1] = 1
getsizeof(d3)
getsizeof(d3.copy()), getsizeof(dict(d3)), getsizeof(d2.copy())
getsizeof(set()), getsizeof({1}), getsizeof({1, 2}), getsizeof({1, 2, 3, 4}), getsizeof({1, 2, 3, 4, 5})
[getsizeof(set(range(n))) for n in range(22)]
s = set()
sizes = []
for i in range(20): s.add(i); sizes.append(getsizeof(s))
sizes
getsizeof({i for i in range(5)}), getsizeof({i for i in range(19)})
getsizeof(frozenset()), getsizeof(frozenset(range(5)))
getsizeof(range(10)), getsizeof(range(10 ** 20)), getsizeof(range(0))
getsizeof(slice(1, 2)), getsizeof(slice(None))
getsizeof(zip()), getsizeof(zip([1], [2], [3]))
getsizeof(enumerate([])), getsizeof(map(str, [])), getsizeof(reversed([])), getsizeof(iter([])), getsizeof(iter(range(3)))
getsizeof(x for x in [])
getsizeof(getsizeof)
getsizeof(int), getsizeof(type)
