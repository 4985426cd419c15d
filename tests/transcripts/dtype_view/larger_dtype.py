# Viewing as a larger dtype shrinks the last axis; it must be contiguous and evenly divisible.
import numpy as np
b = np.arange(8, dtype='u1')
b.view('u2')
b.view('<u4')
b.view('u8')
b.view('u8').shape
b[:6].view('S3')
b.view('S4')
b[:6].view('S2')
b.reshape(2, 4).view('u2')
b.reshape(2, 4).view('u2').shape
b.reshape(2, 4).view('u2').strides
b.reshape(2, 4).view('u4')
b.reshape(4, 2).view('u2')
b.reshape(4, 2).view('u2').shape
m = np.arange(12, dtype='int32').reshape(3, 4)
m.view('int64')
m[:, :2].view('int64')
m[:, :2].view('int64').shape
m[:, :2].view('int64').strides
m[:, 2:].view('int64')
m[::2].view('int64')
m[::2].view('int64').strides
t = np.arange(24, dtype='u1').reshape(2, 3, 4)
t.view('u4')
t.view('u4').shape
t.view('u4').strides
t[:, :, 1:3].view('u2')
t[:, :, 1:3].view('u2').strides
np.arange(4, dtype='i2').view('float32').dtype
w = np.zeros(4, dtype='u1')
w.view('u4')[0] = 0x01020304
w
