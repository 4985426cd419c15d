# np.lib.array_utils.byte_bounds and ndarray.ctypes.data, as in NumPy 2.4 (Rougier's exercises)
import numpy as np
from numpy.lib.array_utils import byte_bounds
a = np.arange(12)
lo, hi = byte_bounds(a)
lo == a.__array_interface__['data'][0]
hi - lo
a.ctypes.data == a.__array_interface__['data'][0]
v = a[2:8:2]
vlo, vhi = byte_bounds(v)
vlo - lo, vhi - lo
r = a[::-1]
rlo, rhi = byte_bounds(r)
rlo - lo, rhi - lo
r.ctypes.data - lo
m = a.reshape(3, 4)[:, ::-2]
mlo, mhi = byte_bounds(m)
mlo - lo, mhi - lo
e = a[5:5]
elo, ehi = byte_bounds(e)
elo - lo, ehi - lo
np.lib.array_utils.byte_bounds(a[1:]) == (lo + 8, hi)
type(a.ctypes.data)
b = np.broadcast_to(a, (2, 12))
byte_bounds(b) == (lo, hi)
byte_bounds(np.float64(1.5))[1] - byte_bounds(np.float64(1.5))[0]
byte_bounds([1, 2])
np.byte_bounds
byte_bounds(a, a)
byte_bounds()
x = np.arange(10, dtype=np.uint8)
tri = np.lib.stride_tricks.as_strided(x, (8, 3), (1, 1))
tlo, thi = byte_bounds(tri)
thi - tlo
overlap = lambda x, y: byte_bounds(x)[0] < byte_bounds(y)[1] and byte_bounds(y)[0] < byte_bounds(x)[1]
overlap(a[:6], a[6:]), overlap(a[:7], a[6:])
a.ctypes.data == v.ctypes.data - 16
