# np.void scalars: made from a length, from bytes or from a record with its dtype; their type, dtype and bytes
import numpy as np
np.void(b'abc')
np.void(5)
type(np.void(3))
np.void(b'ab').dtype
np.void((1, 2.0), dtype=[('a', 'i4'), ('b', 'f8')])
v = np.zeros(2, dtype=[('a', 'i4'), ('b', 'f8')])[0]
v.dtype, v.itemsize, v.shape
v.tobytes()
isinstance(v, np.void), isinstance(v, np.generic), isinstance(v, np.flexible)
v.item()
np.void(2.5)
np.void('abc')
np.void(-1)
np.void(1, dtype='i4')
np.void(b'\x01\x02', dtype='V2')
type(np.void(3)) is np.void, type(v) is np.void
