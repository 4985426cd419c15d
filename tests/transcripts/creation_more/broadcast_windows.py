# broadcast_to and sliding_window_view: read-only views whose repeated elements have zero strides.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
a = np.arange(3)
b = np.broadcast_to(a, (4, 3))
b
b.strides
b.flags.writeable, b.flags.owndata
np.shares_memory(a, b)
b[0, 0] = 9
b[:] = 0
np.broadcast_to(a, (2, 1, 3)).strides
np.broadcast_to(a[:, None], (3, 4)).strides
np.broadcast_to(np.arange(6).reshape(2, 3), (2, 2, 3)).strides
np.broadcast_to(5, (2, 3))
np.broadcast_to(5, (2, 3)).strides
np.broadcast_to(a, 3).strides
np.broadcast_to(a, (3, 4))
np.broadcast_to(a, (2,))
np.broadcast_to(np.ones((2, 3)), (3,))
np.broadcast_to(a, ())
np.broadcast_to(a, (-1, 3))
np.broadcast_to(a, (0, 3)).shape
np.broadcast_to(a[::-1], (2, 3)).strides
np.broadcast_to(a, (2, 3)).copy().strides
np.broadcast_to(a, (2, 3)).copy().flags.writeable
w = sliding_window_view(np.arange(6), 3)
w
w.shape, w.strides
w.flags.writeable, w.flags.owndata
w[0, 0] = 1
sliding_window_view(np.arange(6), 3, writeable=True).flags.writeable
m = np.arange(12).reshape(3, 4)
sliding_window_view(m, (2, 2)).shape
sliding_window_view(m, (2, 2)).strides
sliding_window_view(m, 2, axis=1).shape
sliding_window_view(m, 3, axis=0)
sliding_window_view(m, (2, 2), axis=(0, 1)).shape
sliding_window_view(np.arange(6), 7)
sliding_window_view(np.arange(6), -1)
sliding_window_view(m, 2)
sliding_window_view(m, (2, 2), axis=0)
sliding_window_view(np.arange(6), 3).sum(axis=1)
np.lib.stride_tricks.sliding_window_view(np.arange(4), 2)
