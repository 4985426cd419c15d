# np.sign of complex numbers (NumPy 2: z/|z|, NaN and infinities by NumPy's rules), and long long: 'q'/'Q' equal int64/uint64 but keep their own char, type number, scalar type and buffer format
import numpy as np
np.sign(np.array([3+4j, -2j, 0j, complex(np.nan, 1), complex(np.inf, 1), complex(np.inf, np.inf)]))
np.sign(3+4j)
np.sign(np.complex64(3+4j))
np.sign(np.array([1+1j], dtype='c8'))
np.dtype('q')
np.dtype('Q')
np.dtype('l')
np.dtype(np.longlong)
np.dtype('q') == np.dtype('l')
np.dtype('q').char
np.dtype('l').char
np.dtype('q').name
np.longlong(1)
np.ulonglong(1)
np.longlong
np.ulonglong
np.longlong is np.int64
np.array([1, 2], dtype='q')
np.array([1, 2], dtype='q').dtype
np.array([1, 2], dtype=np.longlong).dtype.char
memoryview(np.array([1, 2], dtype='q')).format
memoryview(np.array([1, 2])).format
memoryview(np.array([1, 2], dtype='Q')).format
memoryview(np.array([1, 2], dtype='L')).format
type(np.longlong(1))
np.longlong(1) + np.int64(1)
(np.longlong(1) + np.int64(1)).dtype
np.array([1], 'q') + np.array([1], 'l')
(np.array([1], 'q') + np.array([1], 'q')).dtype.char
np.dtype('q').str
np.dtype('q').num
np.dtype('l').num
np.dtype('p')
np.dtype('p').char
np.intp
np.int_
np.dtype('i8').char
np.dtype('int64').char
np.array([1], 'q').astype('l').dtype.char
np.arange(3, dtype='q')
np.zeros(2, 'q')
np.zeros(2, 'q').view('l').dtype.char
np.longlong(5).dtype
np.longlong(5).dtype.char
np.iinfo(np.longlong)
np.dtype('q').type
np.array(np.longlong(3)).dtype.char
np.ulonglong(3) + 1
np.dtype([('a', 'q')])
np.dtype('q').descr
