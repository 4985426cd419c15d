# memoryview: Python's own window on an array's memory (format, shape, strides over the same bytes), and bytes()/np.frombuffer over any buffer
import numpy as np
a = np.arange(6, dtype=np.int16).reshape(2, 3)
m = a.data
repr(m).startswith('<memory at 0x')
m.obj is a, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous
m.tolist()
len(m)
m[1]
m[1, 2]
m[0:1].shape, m[0:1].obj is a
list(m)
m1 = memoryview(a[0])
m1[1:3].tolist()
m1[::2].tolist(), m1[::2].strides, m1[::-1].tolist()
m1[1] = 100; a
m1[1] = 2**20
m1[1] = 1.5
m1[5]
m1[-1]
m1['a']
m2 = memoryview(b'abc')
m2.readonly, m2.format, m2[0], m2.tolist(), bytes(m2[1:])
m2[0] = 1
hash(m2) == hash(b'abc')
hash(m1)
m2 == b'abc', m1 == [0, 100, 2], m1 == memoryview(np.array([0, 100, 2], dtype=np.int16)), m1 == memoryview(np.array([0, 100, 2]))
m1 < m1
memoryview(np.float64(1.5)).tolist(), memoryview(np.float64(1.5)).shape
memoryview([1, 2])
memoryview(3)
m1.tobytes(), bytes(m1), m1.hex(), bytes(a), bytes(a.T), bytes(np.int16(3))
memoryview(a.T).c_contiguous, memoryview(a.T).f_contiguous, memoryview(a.T).strides
memoryview(a[:, ::2]).contiguous, memoryview(a[:, ::2]).strides
x = np.asarray(m1); np.shares_memory(x, a), x.base is m1, type(x.base)
y = np.frombuffer(m1, dtype=np.int8); np.shares_memory(y, a), y
np.frombuffer(a[0, ::2])
np.frombuffer(a, dtype=np.int16)
memoryview(np.zeros(2, complex)).format, memoryview(np.zeros(2, 'S3')).format, memoryview(np.zeros(2, '>i4')).format, memoryview(np.zeros(2, 'U2')).format, memoryview(np.zeros(2, np.float16)).format, memoryview(np.zeros(2, bool)).format, memoryview(np.zeros(2, np.uint64)).format
memoryview(np.zeros(2, complex)).tolist()
memoryview(np.zeros(2, 'S3')).tolist()
memoryview(np.zeros(2, np.float16)).tolist()
memoryview(np.zeros(2, bool)).tolist()
c = m1.cast('B'); c.tolist(), c.format, c.shape
m.cast('B', (3, 4)).shape
memoryview(a.T).cast('B')
m1.release(); repr(m1).startswith('<released memory at 0x')
m1.tolist()
m1[0]
m.toreadonly().readonly
import sys; sys.getsizeof(m)
memoryview(np.zeros((2,0)))[0] if False else memoryview(np.zeros((2, 0))).shape
iter(memoryview(np.float64(1.5)))
len(memoryview(np.float64(1.5)))
memoryview(np.float64(1.5))[()]
type(m), isinstance(m, memoryview)
