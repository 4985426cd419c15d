# Record arrays: np.rec.array, fromarrays, fromrecords; r.x is a strided view like a['x']; np.record scalars; reprs
import numpy as np
r = np.rec.array([(1, 2.0), (3, 4.5)], dtype=[('x', 'i8'), ('y', 'f8')])
r
type(r)
r.dtype
r.x
type(r.x)
r.x.base is r
r[0]
type(r[0])
r[0].x
r[0].y
r[0]['x']
r[1:]
type(r[1:])
r.x.strides, r.y.strides
print(r)
str(r)
isinstance(r, np.ndarray)
a = np.array([(1, 2.0), (3, 4.5)], dtype=[('x', 'i8'), ('y', 'f8')])
v = a.view(np.recarray)
v
v.base is a
np.shares_memory(v, a)
v.x[0] = 100
a
v.dtype
a.dtype
type(v)
v.dtype.type
a.dtype.type
r2 = np.rec.fromarrays([np.arange(3), np.linspace(0, 1, 3)], names='a,b')
r2
r2.b
r3 = np.rec.fromrecords([(1, 'a'), (2, 'bb')], names=['n', 's'])
r3
r3.s
r3[1]
repr(r3[1])
r4 = np.rec.array(a)
r4
np.shares_memory(r4, a)
r5 = np.rec.array([np.arange(2), np.arange(2.0)], names='p,q')
r5
np.rec.fromarrays([[1, 2], [3.0, 4.0]], formats=['i4', 'f4'], names=['u', 'v'])
np.rec.fromarrays([[1, 2], [3.0, 4.0]], dtype=[('u', 'i2'), ('v', 'f2')])
r.z
r[0].z
r.x = [7, 8]
r
r.shape, r.strides, r.itemsize
r[0].item()
r.tolist()
np.record
r[0].dtype
r.view(np.ndarray)
type(r.view(np.ndarray))
r['x']
r[['x']]
type(r[['x']])
r.T
r.copy()
type(r.copy())
r + 1
type(r) is np.recarray, type(r[0]) is np.record
