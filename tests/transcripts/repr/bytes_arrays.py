# Bytes (S) arrays: b'' reprs, escapes, trailing NUL stripping, dtype='|Sn' always shown.
import numpy as np
np.array([b'abc', b'de'])
np.array([b'a', b'bb', b'ccc'])
np.array([b''])
np.array(b'xyz')
np.array([b'\x00', b'\xff', b'\n', b"'", b'"', b'\\'])
np.array([b'ab\x00', b'\x00ab'])
np.array([b'tab\there'])
np.zeros(3, dtype='S2')
np.zeros((2, 2), dtype='c')
np.array([[b'ab', b'c'], [b'd', b'ef']])
print(np.array([b'abc', b'de']))
print(np.array([[b'ab', b'c'], [b'd', b'ef']]))
np.array([b'abc'], dtype='S5')
np.array([b'abcdef'], dtype='S2')
np.array([1, 22, 333], dtype='S3')
np.array([1.5, 2], dtype='S3')
np.arange(3).astype('S2')
np.array([b'7', b'42']).astype(int)
np.array([b'1.5']).astype(float)
np.array([b'x']).dtype.str
np.array([b'abc', b'de'])[0]
np.array([b'abc', b'de'])[1]
np.array([b'ab\x00'])[0]
len(np.array([b'ab\x00'])[0])
