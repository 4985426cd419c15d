# Broadcasting: shapes align from the right; size-1 axes stretch (as a zero stride would).
import numpy as np
m = np.arange(12).reshape(3, 4)
r = np.array([10, 20, 30, 40])
c = np.array([[100], [200], [300]])
m + r
m + c
m * r
r + c
(r + c).shape
m - m[0]
m - m[:, :1]
m / m.max()
np.arange(3)[:, None] * np.arange(4)
np.arange(3)[None, :] + np.arange(3)[:, None]
t = np.arange(24).reshape(2, 3, 4)
t + r
(t + c).shape
t * np.arange(2)[:, None, None]
np.ones((2, 1, 3)) + np.ones((4, 1))
(np.ones((2, 1, 3)) + np.ones((4, 1))).shape
np.array(5) + m[0]
m + np.array([[1]])
m + r[:3]
m + np.arange(3)
t + np.ones((3, 2))
