# width: 60
# Each kind of picture at 60 columns (a projector): fields wrap between, never inside.
import numpy as np
a = np.arange(10)
b = a
d = a[2:8:2]
d
r = a[::-1]
%mem a d r
m = a.reshape(2, 5)
%mem m
u = np.arange(3, dtype='u2')
s = u.view('S3')
%mem s
x = np.arange(6)
w = np.lib.stride_tricks.as_strided(x, (4, 3), x.strides * 2)
%mem w
np.broadcast_to(x, (3, 6))
big = np.arange(100000)
bv = big[10:-10:7]
%mem bv
%buffers
t = m.T
t.reshape(10)
