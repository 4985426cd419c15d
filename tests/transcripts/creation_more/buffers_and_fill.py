# frombuffer reads a bytes object without copying (read-only, base is the bytes); tobytes copies out.
import numpy as np
b = b'\x01\x02\x03\x04\x05\x06\x07\x08'
x = np.frombuffer(b, dtype=np.uint8)
x
x.flags.writeable, x.flags.owndata
x.base is b
type(x.base)
x[0] = 9
np.frombuffer(b, dtype=np.uint16)
np.frombuffer(b, dtype='>u2')
np.frombuffer(b, dtype=np.int32, count=1)
np.frombuffer(b, dtype=np.uint8, offset=6)
np.frombuffer(b, dtype=np.int64)
np.frombuffer(b, dtype=np.int32, count=3)
np.frombuffer(b, dtype=np.int16, offset=1)
np.frombuffer(b, dtype=np.uint8, offset=9)
np.frombuffer(b'abc', dtype='S1')
np.frombuffer(b'', dtype=np.uint8)
y = x.copy()
y.flags.writeable, y.base is None
x.view(np.uint32)
x[::2].base is b
x.reshape(2, 4).flags.writeable
a = np.arange(4, dtype=np.uint16)
a.tobytes()
a[::-1].tobytes()
a.reshape(2, 2).T.tobytes()
a.reshape(2, 2).T.tobytes(order='F')
a.reshape(2, 2).T.tobytes(order='A')
type(a.tobytes())
np.frombuffer(a.tobytes(), dtype=np.uint16)
np.array([1.5], dtype='>f8').tobytes()
np.array([b'ab', b'c']).tobytes()
f = np.zeros(4, dtype=np.int8)
f.fill(3)
f
f.fill(300)
f.fill(2.9)
f
f[::2].fill(-1)
f
g = np.empty((2, 2))
g.fill(np.nan)
g
g.fill('1.5')
g
np.zeros(3, dtype=bool).fill(2)
r = np.arange(3)
r.flags.writeable = False
r.fill(0)
