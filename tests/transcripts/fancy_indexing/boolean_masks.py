# Boolean masks select where True: a[a > 2] is a copy in C order; shapes must match axis by axis.
import numpy as np
a = np.arange(6)
a > 2
a[a > 2]
a[a > 2].flags.owndata
a[a % 2 == 0]
a[[True, False, True, False, True, False]]
a[np.array([True] * 6)].base is None
a[a > 100]
a[a > 100].shape
a[np.zeros(6, dtype=bool)].dtype
m = np.arange(12).reshape(3, 4)
m[m > 5]
m[m % 3 == 0]
(m > 5).nonzero()
np.nonzero(m > 5)
m[np.nonzero(m > 5)]
m[[True, False, True]]
m[[True, False, True]].shape
m[:, [True, False, False, True]]
m[:, [True, False, False, True]].strides
m[1, [True, False, False, True]]
m[[True, False, True], [0, 3]]
m[np.array([True, False])]
m[:, np.array([True, False, True])]
m[np.ones((3, 3), dtype=bool)]
m[np.ones((2, 4), dtype=bool)]
m[np.array([], dtype=bool)]
m.T[m.T > 8]
m[::-1][m[::-1] > 8]
m[True].shape
m[False].shape
m[True, 1]
m[..., True].shape
np.array(5)[True]
np.array(5)[False]
t = np.arange(24).reshape(2, 3, 4)
t[t[..., 0] > 4]
t[t[..., 0] > 4].shape
t[:, t[0, :, 0] > 4].shape
t[np.array([[True, False, True], [False, True, False]])]
