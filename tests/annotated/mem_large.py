# Large buffers: the middle is left out (┄), the first and last bytes of the buffer and of
# every array drawn are always kept.
import numpy as np
big = np.arange(100000)
bv = big[10:-10:7]
%mem bv
back = big[-5::-1000]
%mem big back
c = np.arange(2**20, dtype='u1').view('c')
tri = np.lib.stride_tricks.as_strided(c, (len(c) - 2, 3), c.strides * 2)
%mem tri
