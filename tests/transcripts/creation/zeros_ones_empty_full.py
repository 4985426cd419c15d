# zeros/ones/empty/full: shapes as int or tuple, dtype=, order=; never look at empty's contents.
import numpy as np
np.zeros(3)
np.zeros((2, 3))
np.zeros((2, 3), dtype=int)
np.zeros(4, dtype='u1')
np.zeros(2, dtype=bool)
np.zeros(2, dtype='S3')
np.zeros((2,))
np.zeros(())
np.zeros([2, 2])
np.ones(3)
np.ones((2, 2), dtype='i2')
np.ones(3, dtype=bool)
np.ones(2, dtype='S2')
np.full(3, 7)
np.full((2, 2), 1.5)
np.full(3, 7.0)
np.full(3, 7, dtype='u1')
np.full((2, 3), True)
np.full(2, b'ab')
e = np.empty((3, 4))
e.shape, e.dtype, e.strides, e.flags.owndata
e2 = np.empty((8, 4), 'uint32')
e2.dtype, e2.nbytes, e2.strides
np.empty(5, dtype='int32').nbytes
e3 = np.empty((2, 3), dtype='i1', order='F')
e3.strides
np.zeros((2, 3), order='C').strides
np.zeros((2, 3), order='F').strides
np.ones((2, 3), dtype='u2', order='F').strides
np.full((2, 3), 9, order='F')
np.full((2, 3), 9, order='F').strides
np.zeros(3).flags.owndata
np.zeros(0)
np.zeros((3, 0)).strides
np.zeros(2**10).nbytes
np.zeros((2, 3), order='X')
np.zeros(-1)
np.zeros(2.5)
