# set and frozenset methods bound from their CPython specs: their argument errors
s = {1, 2, 3}
f = frozenset({2, 3, 4})
s.add()
s.add(1, 2)
s.add(x=1)
s.discard(9); s
s.remove(9)
s.pop(1)
s.clear(1)
s.copy(1)
s.update([4], (5,)); s
s.update(x=[1])
s.union([9], [10])
s.intersection({1, 2}, [2])
s.difference()
s.symmetric_difference({1, 7})
s.symmetric_difference({1}, {2})
s.issubset()
s.issubset(range(10)), s.issuperset([1]), s.isdisjoint([42])
f.union(s), f.copy() is f, f.symmetric_difference([2])
f.add(1)
set.add(f, 1)
set.union(f, [1])
frozenset.union(s, [1])
s | f, f & s, f - s, s ^ f
set().pop()
