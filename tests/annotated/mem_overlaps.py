# Elements that share bytes: as_strided and sliding_window_view count them (×k), and
# broadcast_to's zero strides repeat every element of memory.
import numpy as np
x = np.arange(6)
w = np.lib.stride_tricks.as_strided(x, (4, 3), x.strides * 2)
%mem w
v = np.lib.stride_tricks.sliding_window_view(x, 3)
%mem x v
bb = np.broadcast_to(np.arange(3), (1000, 3))
%mem bb
c = np.frombuffer(b'abcdefgh', dtype='S1')
cw = np.lib.stride_tricks.as_strided(c, (6, 3), (1, 1))
%mem cw
