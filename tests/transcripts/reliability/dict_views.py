# Dict views read their dict live (len, repr, in, iteration); a loop that swaps keys meets CPython's 'keys changed' (issue 7).
import numpy as np
d = {'a': 1, 'b': 2}
k, v, i = d.keys(), d.values(), d.items()
d['c'] = 3
len(k), len(v), len(i)
k
v
i
'c' in k, 3 in v, ('c', 3) in i, ('c', 4) in i
del d['a']
k, list(k), len(i)
d['b'] = 20
v
i
print(k, v, i)
str(k)
d.clear()
k, v, i, len(k), bool(k), bool(d.values())
type(k), type(v), type(i)
e = {1: 1, 2: 2}
for x in e:
    del e[x]
    e[x + 10] = 0
e
f = {'a': 1, 'b': 2, 'c': 3}
for x in f:
    del f[x]
    f[x + 'x'] = 1
f
g = {1: 1, 2: 2, 3: 3}
for x in g:
    g.pop(x)
    g[x] = 0
g
h = {1: 1}
it = iter(h)
next(it)
h[2] = 2
next(it)
next(it)
del h[2]
next(it)
j = {1: 1, 2: 2}
it = iter(j)
del j[1]; j[3] = 3
next(it), next(it)
next(it)
m = {1: 1, 2: 2, 3: 3}
it = iter(m.items())
next(it)
del m[1]; m[4] = 4
list(it)
n = {'v': 1}
n['v'] = n.values()
n
n['k'] = n.keys()
n
q = {1: 1, 2: 2, 3: 3}
it = iter(q)
next(it)
q.popitem()
q[4] = 4
list(it)
r = {1: 1, 2: 2, 3: 3}
it = iter(r)
next(it)
r.popitem(); r[5] = 5
list(it)
s = {i: i for i in range(6)}
for x in s:
    del s[x]
    s[x + 100] = 0
s
c = {1: 1, 2: 2}
del c[1]
c2 = c.copy()
it = iter(c2)
del c2[2]; c2[7] = 7
list(it)
u = {1: 1}
it = iter(u)
list(it)
u[2] = 2
next(it)
w = {'a': 1, 'b': 2}
kv = w.items()
('a', 1) in kv, ('a', 2) in kv, ('z', 1) in kv, 'a' in kv, ('a', 1, 2) in kv
([], 1) in kv
[] in w.keys()
