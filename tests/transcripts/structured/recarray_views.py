# a.view(np.recarray) shares a's buffer; recarray views keep their class, and the base chain stops where the class changes
import numpy as np
a = np.zeros(3, dtype=[('x', 'f8'), ('y', 'i4')])
v = a.view(np.recarray)
v[1:].base is v
v[1:][1:].base is v
v.x.base
v.x.base.base is v
r = np.rec.array([(1, 2.0)], dtype=[('x', 'i8'), ('y', 'f8')])
r.x.base
r.x.base.base is r
r['x'].base.base is r
np.arange(3).view(np.recarray)
np.zeros((2, 2), dtype=[('x', 'i8'), ('y', 'f8')]).view(np.recarray)
np.zeros(0, dtype=[('x', 'i8')]).view(np.recarray)
np.zeros((0, 2), dtype=[('x', 'i8')]).view(np.recarray)
np.array(v)
type(np.array(v))
type(np.asarray(v))
v.view(np.ndarray).base is v
v.view(np.ndarray).dtype
v.view(type=np.ndarray)
v[0].x = 7.5
a
v[0]
isinstance(v[0], np.void), isinstance(v[0], np.record), isinstance(a[0], np.record)
type(a[0])
type(a[0]) is np.void
type(v[0]) is np.record
issubclass(np.record, np.void), issubclass(np.recarray, np.ndarray)
np.recarray
np.rec.recarray is np.recarray
np.rec.record is np.record
np.dtype((np.record, [('x', 'i8')]))
np.dtype((np.record, [('x', 'i8')])) == np.dtype([('x', 'i8')])
v.y
v.y.strides
v.x[::2]
v.reshape(3, 1).shape, type(v.reshape(3, 1))
type(v.T), type(v[::-1]), type(v[...])
v[[0, 2]]
type(v[[0, 2]])
v[v.y == 0]
np.rec.fromrecords([(1, 2.5, 'a'), (2, 3.5, 'bc')])
np.rec.fromrecords([(1, 2.5), (2, 3.5)], names='a, b')
np.rec.fromrecords([[1, 2.5], [2, 3.5]], names=['a', 'b'])
np.rec.fromrecords([(1, 2)], formats='i2,f4', names='p,q')
np.rec.fromrecords([(1, 2)], dtype=[('p', 'u1'), ('q', 'f4')])
np.rec.fromarrays([np.arange(3), np.arange(3) * 2.0])
np.rec.fromarrays([[1, 2], [3, 4, 5]])
np.rec.fromarrays([[1, 2], [3, 4]], names='a,a')
np.rec.fromarrays([[1, 2], [3, 4]], names=5)
np.rec.fromarrays([[1, 2], [3, 4]], dtype=[('a', 'i8')])
np.rec.array(None)
np.rec.array(5)
r3 = np.rec.array(a, copy=False)
np.shares_memory(r3, a)
r3.base is a
np.rec.array([1, 2, 3])
np.rec.array(np.arange(4).reshape(2, 2))
np.recarray((2,), dtype=[('a', 'i4'), ('b', 'f8')]).dtype
v.z
v.shape = (3, 1)
v
a.view(dtype=[('p', 'i8'), ('q', 'i4')], type=np.recarray)
a.view(type=int)
print(v[0])
str(v[0])
v[0].dtype
v[0].item()
v[0]['y'], v[0][1]
v[0].z
