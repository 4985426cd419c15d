# Changing a dict or set while iterating it: CPython's RuntimeError, and the iterator stays broken (issue 7).
import numpy as np
d = {1: 2, 3: 4}
for k in d:
    d[k+10] = 1

d
s = {1, 2}
for x in s:
    s.add(x+10)

s
d = {1: 2}
for k in d:
    del d[k]

d
d = {1: 2, 2: 3}
for k in d:
    d[k] = 5

d
d = {1: 2}
for k in d.keys():
    d[5]=1

d = {1: 2}
for k in d.items():
    d[5]=1

d = {1: 2}
for k in d.values():
    d.pop(1)

d = {1:2}
[k for k in d if d.setdefault(7, 0) is None]
d = {1:2}
list(d.update({9:9}) for k in d)
s = {1}
[s.discard(1) for x in s]
s = {1,2}
sorted(s)
d = {1:2}
it = iter(d)
d[3] = 4
next(it)
d = {1: 2, 3: 4}
it = iter(d)
next(it)
d[9] = 9
next(it)
del d[9]
next(it)
d = {1: 2}
for k, v in d.items():
    d[k] = v * 10

d
v = d.values()
d[2] = 3
list(v)
s = {1, 2, 3}
for x in s:
    s.discard(x)
    s.add(x)

s
d = dict.fromkeys(range(3))
it = iter(d)
list(it)
d[7] = 1
list(it)
