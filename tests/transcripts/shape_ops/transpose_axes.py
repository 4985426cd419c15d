# transpose/swapaxes/moveaxis/.T only permute shape and strides: always views, never copies.
import numpy as np
t = np.arange(24).reshape(2, 3, 4)
t.strides
t.T.shape, t.T.strides
t.transpose().shape
t.transpose(1, 0, 2).strides
t.transpose((2, 0, 1)).shape
t.transpose([0, 2, 1]).strides
t.transpose(-1, 0, 1).shape
t.transpose(1, 0, 2).base is t.base
t.transpose(1, 0, 2).flags['C_CONTIGUOUS']
t.T.flags['F_CONTIGUOUS']
t.transpose(0, 1)
t.transpose(0, 1, 1)
t.transpose(0, 1, 3)
t.transpose(0, 1, -4)
t.swapaxes(0, 2).shape
t.swapaxes(0, 2).strides
t.swapaxes(-1, 1).shape
t.swapaxes(0, 3)
t.swapaxes(3, 0)
np.swapaxes(t, 1, 2).shape
np.moveaxis(t, 0, -1).shape
np.moveaxis(t, 0, -1).strides
np.moveaxis(t, -1, 0).shape
np.moveaxis(t, [0, 1], [-1, -2]).shape
np.moveaxis(t, 3, 0)
np.moveaxis(t, 0, 3)
np.moveaxis(t, [0, 1], [1])
np.moveaxis(t, [0, 0], [1, 2])
np.transpose(t).shape
np.transpose(t, (1, 2, 0)).strides
v = np.arange(5)
v.T is v
v.T.base is v
v.transpose().shape
z = np.array(3)
z.T
z.T.shape
z.transpose()
t.T.T.strides
t.T[0, 0]
t.T[0, 0].strides
t.transpose(2, 1, 0)[1, 2, 1] == t[1, 2, 1]
t.transpose(None).shape
