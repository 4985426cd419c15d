# A stride of 0 repeats the same element: broadcasting without copying.
import numpy as np
a = np.arange(4)
r = np.lib.stride_tricks.as_strided(a, (3, 4), (0, 8))
r
r.strides
r.flags.c_contiguous
r.nbytes
a.nbytes
np.lib.stride_tricks.as_strided(a, (4, 3), (8, 0))
np.lib.stride_tricks.as_strided(a[2:], (5,), (0,))
np.lib.stride_tricks.as_strided(a, (2, 2, 2), (0, 0, 8))
s = np.array([7.5])
np.lib.stride_tricks.as_strided(s, (2, 3), (0, 0))
t = np.lib.stride_tricks.as_strided(a, (3, 4), (0, 8))
(t == r).all()
t.copy()
t.copy().strides
t.copy().flags.owndata
np.array(t).strides
t.ravel()
t + 1
t.sum()
t.T
t.T.strides
np.copy(t).strides
np.copy(t)
np.array(t).flags.f_contiguous
