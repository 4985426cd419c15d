# Seed 6 'how to take a matrix in python?': 1234x5678 rows of 1..5678, then order='F'.
import numpy as np
a = np.empty((1234, 5678), dtype=np.int)
a = np.empty((1234, 5678), dtype=int)
a[:] = np.linspace(1, 5678, 5678)
a
a.shape, a.dtype, a.strides
a.nbytes
a[0, :5]
a[1233, -3:]
(a[0] == a[1233]).all()
a = np.empty((1234, 4567), dtype=np.int, order='F')
a = np.empty((1234, 4567), dtype=int, order='F')
a.strides
a.flags.f_contiguous
a[:] = np.linspace(1, 5678, 5678)
a[:] = np.linspace(1, 4567, 4567)
a
a.strides
a.ravel(order='K')[:5]
a.ravel()[:5]
np.shares_memory(a.ravel(order='K'), a)
np.shares_memory(a.ravel(), a)
a.T.flags.c_contiguous
