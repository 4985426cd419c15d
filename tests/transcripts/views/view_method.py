# .view() with no dtype makes a new array object over the same memory; chains collapse to the owner.
import numpy as np
a = np.arange(6)
v = a.view()
v
v is a
v == a
v.base is a
v.flags.owndata
np.shares_memory(a, v)
v.shape = (2, 3)
v
a
a.shape
w = v.view()
w.base is a
w.base is v
v[1, 2] = 50
a
w
x = a.view('int64')
x.base is a
x.dtype
s = a[1:4].view()
s.base is a
s.flags.owndata
m = np.zeros((2, 3))
mv = m.view()
mv[0] = 1
m
