# List comprehensions: tuple targets over zip/enumerate, nesting, conditions, and their own scope (`_` and loop names do not leak).
import numpy as np
l1 = [1, 2, 3]
l2 = [4, 5, 6]
[(a * b) for a, b in zip(l1, l2)]
[a * b for a, b in zip(range(5), range(5))]
[(i, c) for i, c in enumerate('abc')]
[i * c for i, c in enumerate('abc')]
[x for x in range(10) if x % 3 == 0]
[x for x in range(20) if x % 2 if x % 3]
[(x, y) for x in range(3) for y in range(x)]
[[x * y for y in range(3)] for x in range(3)]
[x + 1 for x in [y * 2 for y in range(3)]]
[(a, b, c) for a, (b, c) in zip('xy', [(1, 2), (3, 4)])]
[a for a, in [(1,), (2,)]]
{x: x ** 2 for x in range(4)}
{k: v for k, v in zip('ab', [1, 2])}
{x % 3 for x in range(10)}
sum(x * x for x in range(4))
list(x for x in 'ab')
tuple(i for i in range(3))
max(len(w) for w in ['a', 'abc', 'ab'])
7
[_ for _ in range(4)]
_
x = 'outer'
[x for x in range(3)]
x
i = 99
[i * 2 for i in range(2)]
i
[y for y in range(2)]
y
[i for i in np.arange(3)]
[type(i) for i in np.arange(2)]
[float(v) for v in np.arange(3)]
[r.sum() for r in np.arange(6).reshape(3, 2)]
[r for r in np.arange(4).reshape(2, 2)]
[a * b for a, b in zip(np.arange(3), np.arange(3))]
type([a * b for a, b in zip(np.arange(3), np.arange(3))][0])
n = 3
[n * k for k in range(n)]
[k for k in range(5) if k > n]
[(lambda v: v + 1)(k) for k in range(3)]
[a * b for a, b in zip([1, 2], [3, 4, 5, 6])]
[a for a, b in [(1, 2, 3)]]
[a for a, b in [1, 2]]
[z for z in 5]
[undefined_name for q in range(2)]
