# The same bytes read as another dtype: .view(dtype) (the seed question about trigrams).
import numpy as np
u = np.arange(4, dtype='u2')
u
u.view('u1')
u.view('u1').strides
w = np.empty((8, 4), 'uint32')[:, :2]
w.strides
w.view('uint64').shape
np.arange(6, dtype='u4')[::2].view('u2')
a = (np.arange(12) * 37 % 256).astype('B').view('c')
a
tri = np.lib.stride_tricks.as_strided(a, (len(a) - 2, 3), a.strides * 2)
tri[:3]
tri.view('S3')[:4]
