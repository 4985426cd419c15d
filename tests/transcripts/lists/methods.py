# List methods: append, pop, insert, extend, remove, index, count, sort, reverse, copy, clear; lists hold references.
import numpy as np
l = [1, 2, 3]
l.append(4)
l
l.append([5, 6])
l
len(l)
l.pop()
l.pop(0)
l
l.pop(-2)
l
l.insert(0, 'a')
l
l.insert(100, 'end')
l.insert(-1, 'before-end')
l.insert(-100, 'start')
l
l.extend([7, 8])
l.extend('xy')
l.extend(range(2))
l.extend(np.arange(2))
l
type(l[-1])
l.index('a')
l.index(7)
l.index('missing')
l.count(0)
l.remove('x')
l.remove('zzz')
l
m = [3, 1, 2]
m.sort()
m
m.sort(reverse=True)
m
m.reverse()
m
m.sort(key=lambda v: -v)
m
c = m.copy()
c is m, c == m
c.clear()
c, m
e = []
e.pop()
[].pop(3)
[1].pop(3)
[1, 2].insert('a', 3)
r = [0]
r += [1, 2]
r
r2 = r
r += (3,)
r2 is r, r
r *= 2
r
r + [9]
[1, 2] * 3
3 * [0]
[0] * 0
[[0] * 2] * 2
nested = [[0] * 2] * 2
nested[0][0] = 5
nested
nested[0] is nested[1]
a = [1, 2]
b = [a, a]
a.append(3)
b
b[0] is a
lst = [1000, 2000]
x = lst[0]
x is lst[0]
lst.append(x)
lst[0] is lst[2]
v = lst.pop()
v is x
[1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0]
[1, 2] == (1, 2)
2 in [1, 2, 3], 5 not in [1, 2]
l.append()
l.append(1, 2)
l.foo
