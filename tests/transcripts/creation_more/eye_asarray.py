# np.eye/identity, and asarray/ascontiguousarray/asfortranarray: no copy when the layout already fits.
import numpy as np
np.eye(3)
np.eye(2, 4)
np.eye(4, 2)
np.eye(3, k=1)
np.eye(3, k=-2)
np.eye(3, k=5)
np.eye(3, dtype=int)
np.eye(2, dtype=bool)
np.eye(0)
np.eye(3, 3, 1, dtype=np.uint8)
np.eye(3, order='F').strides
np.eye(-1)
np.identity(3, dtype=np.int16)
np.identity(2).flags.owndata
a = np.arange(6).reshape(2, 3)
np.asarray(a) is a
np.asarray(a, dtype=a.dtype) is a
np.asarray(a, dtype=float) is a
np.asarray(a, order='C') is a
np.asarray(a, order='F') is a
np.asarray(a, order='F').strides
np.asarray(a.T, order='K') is not None
np.asarray([1, 2, 3])
np.asarray((1.5, 2))
np.asanyarray(a) is a
np.array(a) is a
np.array(a, copy=False) is a
np.array(a, copy=None) is a
np.array(a, dtype=float, copy=False)
np.asarray(a, copy=True) is a
c = np.ascontiguousarray(a)
c is a
t = np.ascontiguousarray(a.T)
t.strides, t.flags.owndata, np.shares_memory(t, a)
np.ascontiguousarray(a[:, ::2]).strides
np.ascontiguousarray(5)
np.ascontiguousarray(5).shape
np.ascontiguousarray([[1, 2]], dtype=np.int8).strides
f = np.asfortranarray(a)
f.strides, f.flags['F_CONTIGUOUS'], f.flags['C_CONTIGUOUS']
np.asfortranarray(f) is f
np.asfortranarray(a.T) is not None, np.shares_memory(np.asfortranarray(a.T), a)
np.asfortranarray(np.arange(3)) is not None
np.asfortranarray(7).shape
np.ascontiguousarray(a, dtype=float).dtype
np.array([1, 2], ndmin=3)
np.array([1, 2], ndmin=3).strides
np.array(a, ndmin=3).base is a
