# Seed trigram trick: overlapping 3-byte windows over 'c' data, then .view('S3') (NumPy >= 1.23).
import numpy as np
a = (np.arange(30) * 37 % 256).astype('B').view('c')
a[:6]
len(a)
a.strides
a.strides * 2
tri = np.lib.stride_tricks.as_strided(a, (len(a) - 2, 3), a.strides * 2)
tri.shape
tri.strides
tri[:3]
tri.flags.c_contiguous
s = tri.view('S3')
s.shape
s.strides
s[:4]
s[-2:]
s.dtype
s[1, 0]
s[:, 0][:5]
np.lib.stride_tricks.as_strided(a, (len(a) - 2, 3), a.strides * 2).view('S3')[:3]
t = np.arange(97, 103, dtype='u1').view('c')
t
tt = np.lib.stride_tricks.as_strided(t, (4, 3), (1, 1))
tt
tt.view('S3')
tt.view('S3').ravel()
tt.view('S3').base is None
np.lib.stride_tricks.as_strided(t, (3, 2), (1, 1)).view('S2')
np.lib.stride_tricks.as_strided(t, (2, 3), (3, 1)).view('S3')
np.lib.stride_tricks.as_strided(t, (3, 3), (1, 2)).view('S3')
