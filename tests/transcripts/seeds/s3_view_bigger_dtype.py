# Seed 3 'view contiguous part of non-contiguous array as bigger dtype' (2**28 -> 2**10).
import numpy as np
a = (np.arange(2**10) * 7 % 256).astype('B').view('c')
a
tri = np.lib.stride_tricks.as_strided(a, (len(a) - 2, 3), a.strides * 2)
tri.shape
tri.strides
tri
tri = tri.view('S3')
tri
tri.shape
tri.strides
np.empty((8, 4), 'uint32')[:, :2].view('uint64').shape
np.empty((8, 4), 'uint32')[:, :2].view('uint64').strides
np.empty((8, 4), 'uint32')[:, :2].flags.c_contiguous
np.lib.stride_tricks.as_strided(a[:0].view('S3'), ((2**10) - 2,), (1,))
X = np.empty((8, 4), 'uint32')[:, :2]
np.lib.stride_tricks.as_strided(X[:0].view(np.uint64), (8, 1), X.strides).shape
X = np.arange(32, dtype='uint32').reshape(8, 4)[:, :2]
np.lib.stride_tricks.as_strided(X[:0].view(np.uint64), (8, 1), X.strides)
X.view(np.uint64)
a = (np.arange(2**10) * 7 % 256).astype('B').view('c')
tri = np.lib.stride_tricks.as_strided(a, (len(a)-2,3), a.strides*2)
tri.view('S3')
np.arange(3, dtype='u1').view('c').view('S3')
np.lib.stride_tricks.as_strided(a, (len(a) - 2, 3), a.strides * 2)[:, ::2].view('S2')
