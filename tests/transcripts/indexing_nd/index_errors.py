# Basic-index errors in NumPy's order: a second ..., too many indices, then bounds axis by axis.
import numpy as np
a = np.arange(24).reshape(2, 3, 4)
a[2]
a[-3]
a[0, 3]
a[0, 0, 4]
a[0, 0, -5]
a[5, 5, 5]
a[0, 0, 0, 0]
a[..., ...]
a[..., 0, ...]
a[0, ..., 0, 0, 0]
a[None, None, 0, 0, 0, 0]
a[1.0]
a['x']
a[0, 1.5]
a[:, ::0]
a[1:2:0]
z = np.array(7)
z[0]
z[:]
z[..., 0]
a[0][5]
np.arange(3)[3]
np.arange(3)[-4]
np.arange(0)[0]
np.arange(0)[0:0]
np.zeros((3, 0))[:, 0]
np.zeros((3, 0))[2]
a[0, 0][4]
a[2:, 0]
a[2:, 0].shape
len(a), len(a[0]), len(a[0, 0])
len(z)
