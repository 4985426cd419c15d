# .astype copies by default (even to the same dtype) and casts unsafely: truncation, wrapping.
import numpy as np
a = np.arange(5)
b = a.astype('int64')
b is a
np.shares_memory(a, b)
b.flags.owndata
c = a.astype('int64', copy=False)
c is a
a.astype(float)
a.astype('f4')
a.astype('u1')
a.astype(bool)
a.astype('S1')
np.array([1.7, -1.7, 2.5]).astype(int)
np.array([1.7, 2.5]).astype('u1')
np.array([300, -1, 255]).astype('u1')
np.array([200, 128]).astype('i1')
np.array([0.0, 0.5, -2.0]).astype(bool)
np.array([70000]).astype('i2')
np.array([1, 2], dtype='u1').astype('i8').strides
m = np.arange(6).reshape(2, 3).T
m.astype('i4').strides
m.astype('i4', order='C').strides
m.astype('i4').flags.f_contiguous
(np.arange(30) * 37 % 256).astype('B')[:10]
(np.arange(30) * 37 % 256).astype('B').view('c')[:10]
np.arange(3).astype('S3').astype(int)
np.array([b'abc']).astype('u1')
