# .T and .transpose() only permute shape and strides: always a view, never a copy.
import numpy as np
m = np.arange(6).reshape(2, 3)
m.T
m.T.shape
m.strides
m.T.strides
m.T.base is m.base
m.T.flags.c_contiguous
m.T.flags.f_contiguous
m.T.T.strides
m.transpose().strides
m.transpose(1, 0).strides
m.transpose((1, 0)).strides
m.transpose(0, 1).strides
t = np.arange(24).reshape(2, 3, 4)
t.strides
t.T.shape
t.T.strides
t.transpose(1, 0, 2).shape
t.transpose(1, 0, 2).strides
t.transpose(2, 0, 1).strides
t.transpose(0, 2, 1)[1]
t.transpose(-1, 0, 1).shape
a = np.arange(4)
a.T is a
a.T.base is a
a.T.strides
np.arange(4, dtype='u1').reshape(2, 2).T.strides
m.T[0] = 50
m
f = np.zeros((2, 3), order='F')
f.T.flags.c_contiguous
f.T.strides
m.transpose(1, 1)
m.transpose(0, 1, 2)
