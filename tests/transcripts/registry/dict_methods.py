# dict methods bound from their CPython specs: their argument errors
import collections
d = {'a': 1, 'b': 2}
d.keys(1)
d.get()
d.get('a', 0, 1)
d.get(key='a')
d.get('z', 5)
d.pop()
d.pop('z')
d.pop('z', 3)
d.pop('a', 1, 2)
d.popitem(1)
d.setdefault()
d.setdefault('q')
d.update({'x': 1}, {'y': 2})
d.update([('y', 2)], z=3)
d.copy(1)
d.clear(1)
d.items(), d.values()
d.popitem()
dict.get(d, 'y')
dict.get([], 1)
c = collections.Counter('aab')
c.get('a'), c.pop('b'), c
dd = collections.defaultdict(list); dd.setdefault('k', [1]); dd
d.clear(); d.popitem()
