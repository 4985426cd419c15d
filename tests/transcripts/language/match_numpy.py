# match over NumPy values: scalars that subclass Python's types, arrays and dtypes by attribute.
import numpy as np
def kind(x):
    match x:
        case bool():
            return 'bool'
        case int():
            return 'int'
        case float(f):
            return ('float', f)
        case complex(c):
            return ('complex', c)
        case str(s):
            return ('str', s)
        case bytes(b):
            return ('bytes', b)
        case np.generic():
            return 'numpy scalar'
        case np.ndarray(ndim=0):
            return '0-d array'
        case np.ndarray(shape=(n, m)):
            return ('matrix', n, m)
        case np.ndarray(dtype=np.dtype(kind='f')):
            return 'float array'
    return 'other'
[kind(v) for v in (np.True_, np.int64(1), np.float64(2.5), np.float32(1.5), np.complex128(1j), np.complex64(1j), np.str_('s'), np.bytes_(b'b'), np.array(1), np.zeros((2, 3)), np.zeros(3), np.arange(3))]
isinstance(np.str_('s'), str), isinstance(np.complex128(1j), complex), isinstance(np.bytes_(b''), bytes)
def dt(x):
    match x:
        case np.dtype(kind='i', itemsize=8):
            return 'int64'
        case np.dtype(char=c):
            return c
dt(np.dtype('i8')), dt(np.dtype('f4'))
