# shape, strides, dtype, itemsize, nbytes, size, ndim, len for arrays of several dtypes and ranks.
import numpy as np
a = np.arange(12, dtype='int32').reshape(3, 4)
a.shape
a.strides
a.dtype
a.itemsize
a.nbytes
a.size
a.ndim
len(a)
a.itemsize * a.size
a.dtype.itemsize
b = np.zeros((2, 3, 4), dtype='u2')
b.shape, b.strides, b.itemsize, b.nbytes, b.size, b.ndim
s = np.array([b'abc', b'de'])
s.shape, s.strides, s.itemsize, s.nbytes
z = np.array(3.5)
z.shape, z.strides, z.size, z.ndim, z.nbytes
len(z)
e = np.zeros((0, 5))
e.shape, e.strides, e.size, e.nbytes, len(e)
v = a[:, ::2]
v.nbytes
v.size
v.strides
a[::-1].strides
a.T.nbytes
np.zeros(3, dtype=bool).itemsize
np.zeros(3, dtype='f4').nbytes
np.zeros(3, dtype=np.uint64).strides
np.zeros((2, 3), dtype='S5').strides
type(a.shape)
type(a.strides)
type(a.nbytes)
type(a.itemsize)
a.shape[0]
a.strides[-1]
