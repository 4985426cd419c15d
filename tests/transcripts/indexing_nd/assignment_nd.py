# Assignment through N-d basic indexes writes in place, broadcasting the value over the view.
import numpy as np
a = np.zeros((3, 4), dtype=int)
a[1] = 5
a
a[:, 2] = [1, 2, 3]
a
a[..., 0] = -1
a
a[::2, ::3] = 9
a
a[1:, 1:] = np.arange(6).reshape(2, 3)
a
a[0, None] = 7
a
a[:, None, 1] = 8
a
a[1, 1] = 2.9
a
a[2] = [10, 20]
a
a[:, :2] = [[1], [2], [3]]
a
b = np.arange(8).reshape(2, 2, 2)
b[..., ::-1] = b[..., :]
b
b[0] = b[1]
b
c = np.arange(6, dtype=np.uint8)
c[0] = 255
c
c[1] = 256
c[2] = -1
c[3:] = 3.7
c
r = np.arange(4)
r.flags.writeable = False
r[0] = 1
r[:] = 0
r[...] = 0
v = r[1:]
v.flags.writeable
v[0] = 5
