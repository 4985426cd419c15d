# ValueError messages: reshape sizes, broadcasting, dtype views, slices, ragged lists, copy=False.
import numpy as np
a = np.arange(12)
a.reshape(5)
a.reshape(5, 3)
a.reshape(-1, 5)
a.reshape(-1, -1)
a.reshape(0, -1)
a[:5] = np.arange(3)
a[:] = np.ones((2, 6))
a.reshape(3, 4)[:] = [1, 2, 3]
a.reshape(3, 4) + np.arange(3)
np.arange(6)[::2].view('u1')
np.arange(3, dtype='u1').view('u2')
np.array(3).view('u1')
a[::0]
np.array([[1, 2], [3]])
np.array([1, [2, 3]])
np.array(a, copy=False)
np.array([1, 2], copy=False)
a.transpose(0, 0)
np.zeros(-3)
np.empty((1234, 5678, 1000, 1000))
np.zeros(0).min()
np.array([b'x1']).astype(int)
m = np.arange(6).reshape(2, 3)
m.shape = (4, 2)
m.T.shape = 6
m.shape
