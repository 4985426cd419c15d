# Sets and dicts: CPython's set iteration order (hash tables of ints), set algebra, dict methods and views, hash() of numbers.
import numpy as np
s = {3, 1, 2}
print(s)
print({10, 3, 100, 7})
print(set([5, 13, 21]))
print({-1, -2, 0})
print({1.5, 2, 0.5})
print({(1, 2), (0, 0)})
print({True, 2, 0})
s.add(9)
print(s)
s.discard(3)
print(s, len(s))
list({5, 4, 3, 2, 1})
sorted({5, 4, 3, 2, 1})
{1, 2} | {3}
{1, 2} & {2, 3}
{1, 2} - {2}
{1, 2} ^ {2, 3}
2 in {1, 2}
s.union([100])
s.intersection({1, 2, 9})
frozenset([3, 1])
{frozenset([1]): 'x'}
set('abc') == set('cba')
{1: 'a', 2: 'b'}.keys()
{1: 'a', 2: 'b'}.values()
{1: 'a', 2: 'b'}.items()
list({1: 'a', 2: 'b'}.items())
d = {'a': 1}
d.update(b=2)
d.update({'c': 3})
d.update([('d', 4)])
d
d.pop('a'), d
d.get('zz', 'default')
d.setdefault('e', 5), d
d.popitem()
len(d), 'b' in d, 'zz' not in d
dict.fromkeys('ab', 0)
{k: v for k, v in sorted(d.items())}
{1: 1, True: 2}
{1.0: 'a', 1: 'b'}
hash(1), hash(1.0), hash(True), hash((1, 2)), hash(-1), hash(2 ** 61), hash(1.5)
hash([1])
hash(np.int64(5)), hash(np.float64(1.5))
