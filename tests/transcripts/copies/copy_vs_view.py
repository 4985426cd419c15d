# .copy(), np.copy and np.array(x) allocate new memory: owndata True, base None, writes do not leak.
import numpy as np
a = np.arange(6)
c = a.copy()
c.base is None
c.flags.owndata
np.shares_memory(a, c)
c[0] = 100
a
c
d = np.copy(a)
d.flags.owndata
np.shares_memory(a, d)
e = np.array(a)
e is a
e.flags.owndata
np.shares_memory(a, e)
v = a[1:4].copy()
v.base is None
v.strides
s = a[::2].copy()
s.strides
s.flags.c_contiguous
a[::2].flags.c_contiguous
r = a[::-1].copy()
r.strides
r
m = np.arange(12).reshape(3, 4)
mc = m[:, 1:3].copy()
mc.strides
mc.flags.owndata
m[:, 1:3].strides
mt = m.T.copy()
mt.strides
mt.flags.c_contiguous
g = np.array(m[:, ::2])
g.base is None
g.strides
l = [1, 2, 3]
np.array(l).flags.owndata
b = a
b is a
b[0] = -1
a[0]
