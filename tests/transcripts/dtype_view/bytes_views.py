# uint8 data seen as single chars 'c' (dtype S1) and as S3 strings; bytes reprs.
import numpy as np
d = (np.arange(12) * 37 % 256).astype('B')
d
c = d.view('c')
c
c.dtype
c.dtype.str
c.dtype.itemsize
c.view('S3')
c.view('S4')
c.view('S4').shape
c.view('S12')
c.view('S6').view('u1').base is d
s = np.array([b'abc', b'de', b''], dtype='S3')
s
s.view('u1')
s.view('c')
s.view('S1').reshape(3, 3)
s.nbytes
np.array(b'hi').dtype
np.array([b'hello', b'x']).dtype
np.arange(97, 103, dtype='u1').view('S2')
np.arange(97, 103, dtype='u1').view('S3')[1]
type(np.arange(97, 103, dtype='u1').view('S3')[1])
np.array([b'a\x00b', b'\x00\x00c', b'ab\x00'], dtype='S3')
np.array([b'a\x00b', b'\x00\x00c', b'ab\x00'], dtype='S3').view('u1')
print(c.view('S3'))
