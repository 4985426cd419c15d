# Zero-size arrays: new ones get all-zero strides, but slices keep their parent's strides.
import numpy as np
np.zeros(0).strides
np.arange(0).strides
np.zeros((0, 5)).strides
np.zeros((2, 0)).strides
np.zeros((0, 3), dtype='u1', order='F').strides
np.array([]).strides
a = np.arange(5)
a[:0].strides
a[3:3].strides
a[::-1][:0].strides
a[:0].copy().strides
np.array(a[:0]).strides
m = np.arange(10).reshape(2, 5)
m[:0].strides
m[:, :0].strides
m[:0].shape, m[:0].size, m[:0].nbytes
m[:0].flags.c_contiguous
m[:, 5:].base is m.base
np.zeros((0, 5)).reshape(5, 0).strides
np.arange(8, dtype='u1')[:0].view('u2').strides
np.arange(8, dtype='u1')[:0].view('S4').shape
m[:0].T.strides
m[:0].sum()
m[:, :0].sum(axis=1)
len(m[:0])
