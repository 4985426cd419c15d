# Integer indexing returns a NEW numpy scalar each time, not a reference into the array.
import numpy as np
a = np.arange(5)
a[0]
a[-1]
a[-5]
type(a[0])
a[0] is a[0]
a[1] == a[1]
i = a[1]
a[1] = 50
i
a[1]
type(np.arange(3, dtype='u1')[0])
type(np.arange(3, dtype='int32')[0])
type(np.zeros(2)[0])
type(np.zeros(2, dtype='float32')[0])
type(np.array([True])[0])
type(np.array([b'ab'])[0])
np.zeros(2, dtype='float32')[0]
np.array([True, False])[1]
np.array([b'ab', b'c'])[1]
m = np.arange(12).reshape(3, 4)
m[1, 2]
m[1][2]
m[-1, -1]
m[1]
type(m[1])
m[1].base is m.base
m[(2, 0)]
t = np.arange(24).reshape(2, 3, 4)
t[1, 2, 3]
t[1, 2]
t[-1]
t[0, -1, 0]
z = np.array(7)
z[()]
type(z[()])
z.ndim
a[np.int64(2)]
a[a.size - 1]
