# The "why" notes: a short second line only where NumPy surprises.
import numpy as np
a = np.arange(5)
# the seed: ids during iteration
for i in a: print(id(i))
m = np.arange(10).reshape(2, 5)
t = m.T
# a reshape or ravel that had to copy, and why
t.reshape(10)
t.ravel()
m.reshape(10)
np.array(a)
np.asarray(a) is a
# fancy and boolean indexing copy
a[[0, 2]]
a[a > 2]
# the NumPy >= 1.23 rule for view(dtype) of another itemsize
tri = np.arange(9, dtype='u1').reshape(3, 3)
tri.T.view('S3')
np.arange(3).view('S3')
np.array(5).view('u1')
# overlapping elements
x = np.arange(6)
np.lib.stride_tricks.as_strided(x, (4, 3), x.strides * 2)
np.lib.stride_tricks.sliding_window_view(x, 3)
# zero strides
np.broadcast_to(x, (3, 6))
# a scalar is copied out of the buffer
s = x[4]
s
x[4] = 40
s
