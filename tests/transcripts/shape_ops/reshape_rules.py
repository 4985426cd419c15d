# reshape gives a view whenever strides can express the new shape (order='C', 'F' or 'A'), else a copy.
import numpy as np
a = np.arange(12)
b = a.reshape(3, 4)
b.base is a, b.strides
a.reshape((3, 4)).shape
a.reshape([2, 6]).shape
a.reshape(2, -1)
a.reshape(-1, 3).shape
a.reshape(2, 3, -1).shape
a.reshape(-1).strides
a.reshape(5, -1)
a.reshape(-1, -1)
a.reshape(2, 2, 2)
a.reshape(0, -1)
a.reshape(3, 4, order='F')
a.reshape(3, 4, order='F').strides
a.reshape(3, 4, order='F').base is a
a.reshape(3, 4, order='A').strides
a.reshape(3, 4, order='K')
a.reshape(3, 4, order='X')
f = np.arange(12).reshape(3, 4, order='F')
f.strides
f.reshape(4, 3).flags.owndata, np.shares_memory(f.reshape(4, 3), f)
f.reshape(4, 3, order='F').strides, np.shares_memory(f.reshape(4, 3, order='F'), f)
f.reshape(4, 3, order='A').strides
f.reshape(2, 6, order='A')
t = b.T
t.reshape(12)
np.shares_memory(t.reshape(12), b)
t.reshape(12).base is not None
t.reshape(12, order='F')
np.shares_memory(t.reshape(12, order='F'), b)
s = b[:, ::2]
s.reshape(6)
s.reshape(6).base is a
s.reshape(3, 1, 2).strides
np.shares_memory(s.reshape(3, 1, 2), a)
s.reshape(2, 3)
np.shares_memory(s.reshape(2, 3), a)
b.reshape(3, 4) is b
b.reshape(3, 4).base is a
b[:, :1].reshape(3).strides
b[:, :1].reshape(-1).strides
np.arange(6)[::-1].reshape(2, 3).strides
np.arange(6)[::2].reshape(3, 1).strides
np.reshape(a, (4, 3)).shape
np.reshape(a, (4, 3), order='F').strides
e = np.zeros((0, 4))
e.reshape(2, 0, 2).strides
e.reshape(-1, 8).shape
e.reshape(0, -1)
np.arange(1).reshape(()).shape
np.arange(1).reshape(1, 1, 1).strides
a.shape = (4, 3)
a.strides
a.T.shape = 12
