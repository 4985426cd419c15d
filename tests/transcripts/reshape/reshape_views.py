# reshape returns a view whenever the strides can express the new shape, else silently a copy.
import numpy as np
a = np.arange(12)
r = a.reshape(3, 4)
r.base is a
r.strides
a.reshape(4, 3).strides
a.reshape(2, 3, 2).strides
a.reshape(-1, 6).shape
a.reshape(2, -1, 3).shape
a.reshape((6, 2)).shape
a.reshape(12, 1).strides
a.reshape(1, 12).strides
a.reshape(3, 4, order='F')
a.reshape(3, 4, order='F').strides
np.shares_memory(a.reshape(3, 4, order='F'), a)
t = r.T
t.strides
t.reshape(12)
np.shares_memory(t.reshape(12), a)
t.reshape(12).base is None
t.reshape(12).flags.owndata
t.reshape(12, order='F')
np.shares_memory(t.reshape(12, order='F'), a)
s = r[:, ::2]
s.strides
s.reshape(6)
np.shares_memory(s.reshape(6), a)
s.reshape(3, 2, 1).strides
np.shares_memory(s.reshape(3, 2, 1), a)
r[:, 1:3].reshape(3, 2, 1).strides
r[1:].reshape(8).strides
np.shares_memory(r[1:].reshape(8), a)
r[:, :2].reshape(6)
np.shares_memory(r[:, :2].reshape(6), a)
r[:, :2].reshape(3, 2).strides
a[::2].reshape(2, 3).strides
a[::-1].reshape(3, 4).strides
a[::-1].reshape(3, 4)
r.reshape(12).base is a
r.reshape(3, 4) is r
b = a.reshape(3, 4)
b[0, 0] = 100
a[0]
t.reshape(12)[0] = -1
a[0]
