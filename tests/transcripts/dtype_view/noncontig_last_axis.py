# NumPy >= 1.23: a larger dtype only needs the LAST axis contiguous, e.g. [:, :2] of uint32 rows.
import numpy as np
x = np.arange(32, dtype='uint32').reshape(8, 4)
y = x[:, :2]
y.flags.c_contiguous
y.strides
v = y.view('uint64')
v.shape
v.strides
v.dtype
v[:3]
v.base is x
x.base is None
v.base is x.base
(v[:, 0] & 0xffffffff).astype('uint32')
(v[:, 0] >> 32).astype('uint32')
y[:, 1:].view('uint64')
x[:, 1:3].view('uint64')[:2]
x[:, 1:3].view('uint64').strides
x[::2, :2].view('uint64')
x[::2, :2].view('uint64').strides
x[:, :3].view('uint64')
x[:, ::2].view('uint64')
x.T.view('uint64')
x.T[:, :2].view('uint64')
e = np.empty((8, 4), 'uint32')[:, :2].view('uint64')
e.shape
e.strides
e.dtype
e.flags.owndata
