# Byte order: '>' (big-endian) and '<' (little-endian) dtypes; views that reinterpret bytes, byteswap, and native results.
import numpy as np
a = np.arange(4, dtype='<i4')
a
a.tobytes()
a.view('>i4')
a.view('>i4').dtype
a.view('>i4').dtype.byteorder
a.view('>i4').base is a
a.view('>i4')[1]
type(a.view('>i4')[1])
a.view('>i4')[1].dtype
b = np.arange(4, dtype='>i4')
b
b.tobytes()
b.dtype
b.dtype.str
b.dtype.isnative
b + 1
(b + 1).dtype
b * b
-b
b.sum()
b.max()
b.mean()
b == a
b.astype('<i4')
b.astype(np.int32).tobytes()
b.byteswap()
b.byteswap().tobytes()
b.byteswap().view(b.dtype.newbyteorder())
c = b.copy()
c.byteswap(inplace=True)
c
c.dtype
b.newbyteorder
b.dtype.newbyteorder()
np.dtype('>i4').newbyteorder().byteorder
b.view(b.dtype.newbyteorder())
b += 1
b
b.dtype
b[0] = 1000
b
b.tobytes()
x = np.array([1, 256], dtype='<u2')
x.view('>u2')
x.view('u1')
x.view('>u2').view('u1')
np.frombuffer(b'\x00\x01\x00\x02', dtype='>u2')
np.frombuffer(b'\x00\x01\x00\x02', dtype='<u2')
np.frombuffer(b'\x00\x01\x00\x02', dtype='=u2')
f = np.array([1.5, -2.0], dtype='>f8')
f
f.tobytes()
f * 2
f.view('<f8')
np.array([1+2j], dtype='>c8')
np.array([1+2j], dtype='>c8').tobytes()
np.array([1+2j], dtype='>c8') * 2
np.array([1, 2], dtype='>i8').sum(dtype='>i8')
np.arange(3, dtype='>u4') < np.arange(3, dtype='<u4') + 1
np.array(['ab'], dtype='>U2')
np.array(['ab'], dtype='>U2').tobytes()
np.array(['ab'], dtype='>U2') == 'ab'
np.array([1], dtype='|u1').dtype
np.array([1], dtype='>u1').dtype
np.array([True], dtype='>?').dtype.str
