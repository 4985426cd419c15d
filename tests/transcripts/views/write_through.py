# Assignment through views: broadcasting and casting write into the base array.
import numpy as np
a = np.zeros(8, dtype=int)
a[::2] = 1
a
a[1::2] = [10, 20, 30, 40]
a
b = a[1:]
b[0] = 99
a
a[2:5] = 3.9
a
a[-3:] = -7
a
m = np.zeros((3, 4))
m[1] = 5
m
m[:, 2] = [1, 2, 3]
m
m[:, :] = np.arange(4)
m
col = m[:, 0]
col[:] = -1
m
row = m[2]
row *= 10
m
u = np.zeros(4, dtype='u1')
u[:] = 300 % 256
u
u[1:3] = 255.7
u
f = np.zeros(3, dtype='float32')
f[:] = [1, 2.5, 1e10]
f
t = np.zeros((2, 2, 3), dtype='i2')
t[..., 0] = 7
t
t[:, None, 1] = [[1, 2, 3]]
t
