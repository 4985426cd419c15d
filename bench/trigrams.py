# The seed's trigram question at full size: 2**28 one-byte chars, an overlapping (N-2, 3) window
# view, the S3 view of it, and its repr (views are O(1); the repr reads only the edges).
import numpy as np
a = np.arange(2**28, dtype='u1').view('c')
tri = np.lib.stride_tricks.as_strided(a, (len(a) - 2, 3), a.strides * 2)
v = tri.view('S3')
r = repr(v)
len(r)
t = tri[:, ::2].copy()
