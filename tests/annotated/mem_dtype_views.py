# dtype views: items of another size straddle the owner's elements (neighbouring items
# alternate ─ and ═ so each one's extent shows without colour).
import numpy as np
u = np.arange(3, dtype='u2')
s = u.view('S3')
s
%mem s
h = np.arange(6, dtype=np.int16)
hs = h.view('S4')
%mem h hs
# the seed's trigrams: as_strided rows of 3 bytes, viewed as S3 (allowed since NumPy 1.23)
a = np.frombuffer(b'the cat sat', 'S1').copy()
tri = np.lib.stride_tricks.as_strided(a, (len(a) - 2, 3), a.strides * 2)
t3 = tri.view('S3')
t3
%mem t3
X = np.zeros((8, 4), 'uint32')[:, :2]
Y = X.view('uint64')
%mem Y
