# Recursive containers: comparisons, membership, counting and hashing give CPython's RecursionError; the session goes on.
import numpy as np
l = [1]; l.append(l); m = [1]; m.append(m)
l == m
l != m
l < m
l >= m
l in m
m.count(l)
l.index(m)
l.remove(m)
sorted([l, m])
max(l, m)
l
print(l)
d = {}; d[1] = d; e = {}; e[1] = e
d == e
d
t = [d, l]
t == t
a = []
for i in range(10**5): a = [a]
b = []
for i in range(10**5): b = [b]
a == b
a < b
str(a)
len(a)
t = ()
for i in range(10**5): t = (t,)
hash(t)
{t}
t == t
len(t)
x = 5
x
