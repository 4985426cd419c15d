# order='F' (column-major) arrays: strides grow left to right; they print the same as C arrays.
import numpy as np
c = np.arange(6).reshape(2, 3)
f = np.arange(6).reshape(2, 3, order='F')
f
f.strides
f.flags.f_contiguous
f.flags.c_contiguous
np.shares_memory(f, c)
z = np.zeros((2, 3), order='F')
z.strides
z.flags['F_CONTIGUOUS']
z.flags['C_CONTIGUOUS']
np.ones((2, 3, 4), order='F').strides
np.empty((4, 5), dtype='int32', order='F').strides
np.full((2, 2), 7, order='F').strides
np.zeros((3,), order='F').strides
np.zeros((3,), order='F').flags.c_contiguous
np.zeros((1, 3), order='F').flags.c_contiguous
np.zeros((3, 1), order='F').flags.c_contiguous
np.zeros((1, 3), order='F').strides
np.zeros((3, 1), order='F').strides
z[:, 1:].strides
z[:, 1:].flags.f_contiguous
z[1:].flags.f_contiguous
z.T.flags.c_contiguous
z[0]
z[0].strides
g = np.array([[1, 2, 3], [4, 5, 6]], order='F')
g.strides
g.ravel(order='F')
g.ravel()
g.reshape(3, 2)
np.shares_memory(g.reshape(3, 2), g)
g.reshape(3, 2, order='F')
np.shares_memory(g.reshape(3, 2, order='F'), g)
