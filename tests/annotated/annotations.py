# The annotation line for owners, views, views of views, read-only views, F order and scalars.
import numpy as np
a = np.arange(12)
a
a[3:]
a[3:][::2]
m = a.reshape(3, 4)
m
m[:, 1]
np.broadcast_to(a, (2, 12))
np.zeros((2, 3), order='F')
a[5]
Out[3][1:]
np.frombuffer(b'abcd', 'u1')
