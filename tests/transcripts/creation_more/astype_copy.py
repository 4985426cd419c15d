# astype copies unless copy=False and nothing would change; then it returns the very same array.
import numpy as np
a = np.arange(4, dtype=np.int32)
a.astype(np.int32) is a
a.astype(np.int32, copy=False) is a
a.astype('int32', copy=False) is a
a.astype('<i4', copy=False) is a
a.astype(np.int64, copy=False) is a
a.astype(np.int64, copy=False).dtype
a.astype(float, copy=False)
t = np.arange(6, dtype=np.int32).reshape(2, 3).T
t.astype(np.int32, copy=False) is t
t.astype(np.int32, order='C', copy=False) is t
t.astype(np.int32, order='C', copy=False).strides
t.astype(np.int32, order='F', copy=False) is t
t.astype(np.int32, order='K').strides
t.astype(np.int32, order='A').strides
t.astype(np.float64).strides
t.astype(np.int8, order='F').strides
s = a[::2]
s.astype(np.int32, copy=False) is s
s.astype(np.int32).strides
a.astype(np.uint8)
np.array([-1, 256]).astype(np.uint8)
np.array([1.9, -1.9]).astype(int)
np.array([1.5, 0.0]).astype(bool)
np.array([1, 2]).astype('S3')
np.array([b'12', b'3']).astype(int)
np.array(['1.5', '2']).astype(float)
np.array([1.5]).astype('X')
a.astype(np.int32, copy=None) is a
b = a.astype(np.int32, copy=False)
b[0] = 100
a[0]
