# dtype objects: every common spelling, .str, .name, .itemsize, .kind, and their reprs.
import numpy as np
np.dtype('B')
np.dtype('b')
np.dtype('c')
np.dtype('S3')
np.dtype('<i8')
np.dtype('u1')
np.dtype('uint32')
np.dtype(np.uint64)
np.dtype('int64')
np.dtype(int)
np.dtype(float)
np.dtype(bool)
np.dtype('?')
np.dtype('f4')
np.dtype('f8')
np.dtype('d')
np.dtype('i')
np.dtype('h')
np.dtype('H')
np.dtype('i2')
np.dtype('float32')
np.dtype('int8')
np.dtype('S')
np.dtype(np.float32)
np.dtype(np.int16)
np.dtype(np.bool_)
for t in ['B', 'c', 'S3', '<i8', 'u1', 'uint32', '?']: print(t, np.dtype(t).str, np.dtype(t).name)
np.dtype('c').name
np.dtype('S3').name
np.dtype('u2').kind
np.dtype('f8').kind
np.dtype('S3').kind
np.dtype('?').kind
np.dtype('i4').char
np.dtype('u1') == np.uint8
np.dtype('u1') == 'B'
np.dtype('c') == np.dtype('S1')
np.dtype('i8') == int
np.zeros(2, dtype='<u4').dtype
np.zeros(2, dtype='>u4').dtype
str(np.dtype('int16'))
print(np.dtype('S3'))
type(np.dtype('u1'))
np.dtype('int64').type
np.dtype('u3')
