# Viewing as a smaller dtype multiplies the last axis; bytes come out in little-endian order.
import numpy as np
a = np.arange(4, dtype='u2')
a.view('u1')
a.view('u1').shape
a.view('u1').strides
a.view('u1').base is a
b = np.array([1, 256, 258, -1], dtype='<i4')
b.view('u1')
b.view('i2')
b.view('u2')
b.view('<i4')
b.view('i1')
m = np.arange(6, dtype='int64').reshape(2, 3)
m.view('int32')
m.view('int32').shape
m.view('int32').strides
m.view('u1').shape
f = np.array([1.0, -2.0, 0.5])
f.view('u8')
f.view('i8')
f.view('u4')
np.array([1.0, 2.0], dtype='float32').view('u4')
np.array([True, False, True]).view('u1')
np.array([1, 0, 2], dtype='u1').view(bool)
np.array([1, 0, 2], dtype='u1').view('?')
x = np.arange(3, dtype='u2')
xv = x.view('u1')
xv[0] = 255
xv[1] = 1
x
c = np.array([b'ab', b'cd'], dtype='S2')
c.view('u1')
c.view('S1')
c.view('c')
