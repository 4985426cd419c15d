# as_strided sliding windows: overlapping rows that all alias one buffer (stay within bounds!).
import numpy as np
from numpy.lib.stride_tricks import as_strided
a = np.arange(8)
w = as_strided(a, (6, 3), (8, 8))
w
w.shape
w.strides
w.flags.owndata
w.flags.writeable
np.shares_memory(w, a)
w.base is a
w.base is None
type(w.base).__name__
w[0, 2] is w[1, 1]
w[0, 2] == w[1, 1]
a[2] = 100
w
a[2] = 2
w2 = as_strided(a, shape=(4, 2), strides=(16, 8))
w2
w3 = as_strided(a, (3, 4), (a.strides[0] * 2, a.strides[0]))
w3
w3.sum()
w3[1:, ::2]
w3[1:, ::2].strides
b = np.arange(10, dtype='int32')
as_strided(b, (4, 4), (8, 4))
as_strided(b, (4, 4), (8, 4)).strides
as_strided(b, (8, 3), b.strides * 2)
b.strides * 2
c = np.arange(12, dtype='u1')
as_strided(c, (5, 4), (2, 1))
as_strided(c, (5, 4), (2, 1)).view('u4')
as_strided(c, (3, 2, 2), (4, 2, 1))
