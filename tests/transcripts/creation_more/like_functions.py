# zeros_like & co. copy shape and dtype; order='K' (the default) keeps the prototype's memory layout.
import numpy as np
m = np.arange(6, dtype=np.int32).reshape(2, 3)
z = np.zeros_like(m)
z
z.dtype, z.shape, z.strides
z.flags.owndata, np.shares_memory(z, m)
np.ones_like(m)
np.full_like(m, 7)
np.full_like(m, 7.9)
np.full_like(m, 2.5, dtype=float)
np.zeros_like(m, dtype=np.uint8)
np.ones_like(m, dtype=bool)
np.empty_like(m).shape, np.empty_like(m).dtype
np.zeros_like(m, shape=(4,))
np.zeros_like(m, shape=(3, 2)).strides
np.zeros_like(m, shape=5).shape
np.zeros_like(m.T).strides
np.zeros_like(m.T, order='C').strides
np.zeros_like(m.T, order='F').strides
np.zeros_like(m.T, order='A').strides
np.zeros_like(m, order='F').strides
np.zeros_like(m, order='A').strides
p = np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1)
p.strides
np.zeros_like(p).strides
np.zeros_like(p, order='A').strides
np.empty_like(p[::-1]).strides
np.ones_like(m[:, ::2]).strides
np.zeros_like(m[:, ::-1]).strides
np.zeros_like(np.broadcast_to(m, (2, 2, 3))).strides
np.zeros_like(m, order='X')
np.zeros_like([[1, 2], [3, 4]])
np.ones_like([1.5, 2.5])
np.full_like([1, 2], 3.7)
np.zeros_like(5)
np.zeros_like(5.0).shape
np.full_like(m, 300, dtype=np.uint8)
np.full_like(np.arange(3, dtype=np.uint8), 300)
np.zeros_like(np.array([b'ab', b'c']))
np.full_like(np.array([1.5, 2.5]), np.nan)
np.full_like(np.arange(3), np.nan)
np.zeros_like(m, shape=(2, -1))
np.zeros_like(np.zeros((2, 0))).strides
