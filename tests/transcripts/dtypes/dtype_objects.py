# np.dtype objects: construction from strings, types and dtypes; attributes byteorder, kind, char, str, name, itemsize.
import numpy as np
d = np.dtype('int32')
d
d.byteorder
d.kind
d.char
d.str
d.name
d.itemsize
d.isnative
d.type
np.dtype('>i4')
np.dtype('>i4').byteorder
np.dtype('>i4').str
np.dtype('>i4').name
np.dtype('>i4') == np.dtype('i4')
np.dtype('<i4') == np.dtype('i4')
np.dtype('=f8').byteorder
np.dtype('=f8')
np.dtype('|S3')
np.dtype('|S3').byteorder
np.dtype('S3').str
np.dtype('S3').name
np.dtype('S3').kind
np.dtype('<u2')
np.dtype('<u2').byteorder
np.dtype('u1').byteorder
np.dtype('>u1').byteorder
np.dtype('?').str
np.dtype(bool).char
np.dtype(np.float16)
np.dtype('e').name
np.dtype('f2').itemsize
np.dtype(np.complex64).kind
np.dtype('c16').char
np.dtype('complex128').str
np.dtype('>c8')
np.dtype(float)
np.dtype(int)
np.dtype(complex)
np.dtype('b')
np.dtype('B').name
np.dtype('h').str
np.dtype('H').char
np.dtype('l').name
np.dtype('q').name
np.dtype('float64') is np.dtype(float)
np.dtype(d) is d
str(np.dtype('>i4'))
repr(np.dtype('>i4'))
np.dtype('>i4').newbyteorder('<')
np.dtype('i4').newbyteorder('S')
np.dtype('i4').newbyteorder('x')
np.dtype('i5')
np.dtype('<>i4')
np.dtype('float99')
np.dtype(3)
np.arange(3, dtype='>i2').dtype.itemsize
np.zeros(2, dtype='>f4').dtype.str
np.zeros(2, np.dtype('<u2'))
np.dtype('i8') == 'int64'
np.dtype('i8') == np.int64
np.dtype('i8').type is np.int64
s = np.array([b'ab', b'cde'], dtype='|S3')
s
s.dtype
s.dtype.byteorder
s.itemsize
s.view('u1')
np.array([1.5], dtype='=f8').dtype.byteorder
np.array([1, 2], dtype='<u2').dtype
np.array([1, 2], dtype='>i4').view('<i4')
np.array([1, 2], dtype='>i4').astype('=i4').dtype.byteorder
