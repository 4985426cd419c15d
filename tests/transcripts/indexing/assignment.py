# Writing through indexes: scalar, slice and broadcast assignment, cast to the array's dtype.
import numpy as np
a = np.arange(6)
a[0] = 10
a[-1] = -5
a
a[1:3] = 0
a
a[::2] = [7, 8, 9]
a
a[:] = 1.75
a
a[::-1] = np.arange(6)
a
m = np.zeros((3, 3), dtype='i1')
m[1] = 1
m[:, 1] = 2
m
m[0, 0] = 127
m
m[1:, 1:] = [[5, 6], [7, 8]]
m
m[...] = np.array([1, 2, 3])
m
m[:, None, 0] = 9
m
b = np.zeros(3, dtype=bool)
b[1] = 5
b
f = np.zeros(3)
f[1] = True
f[2] = 7
f
s = np.zeros(3, dtype='S2')
s[0] = b'hello'
s[1] = b'x'
s
s.view('u1')
a[1:4] = [1, 2]
