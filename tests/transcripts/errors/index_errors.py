# IndexError messages: out of bounds (with axis number), too many indices, invalid index types.
import numpy as np
a = np.arange(5)
m = np.arange(12).reshape(3, 4)
z = np.array(7)
a[5]
a[10]
a[-6]
a[-5]
m[3]
m[3, 0]
m[0, 4]
m[0, -5]
m[-4, 0]
m[1][4]
a[0, 0]
m[0, 0, 0]
m[0, :, 0]
z[0]
z[:]
a[1.5]
a['x']
a[..., ...]
a[None, 5]
a[5:][0]
m.T[4, 0]
m[:, ::2][0, 2]
np.zeros((2, 0))[0, 0]
np.arange(0)[0]
