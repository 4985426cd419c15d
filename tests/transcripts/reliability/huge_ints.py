# Ints past 64 bits where NumPy wants an npy_intp: an index, take's indices, a shape, kth, pad widths (issue 7).
import numpy as np
x = np.arange(5)
a = np.zeros((2, 3))
# NumPy 2 reads each int as int64 or, past it, uint64: a mix of both is float64
np.array([1, 10**19])
np.array([2**63, 1])
np.array([10**19, 2**63])
# an index that fits uint64 overflows; one past it would be an object array, no index
x[10**19]
x[2**63 - 1]
x[2**63]
x[-2**63]
x[-2**63 - 1]
x[2**64]
x[-10**19] = 1
x[10**19] = 1
a[0, 10**19]
a[-10**19, 0]
x[..., 10**19]
x[np.uint64(10**19)]
x[[10**19]]
x[[-10**19]]
x[[2**64, 1]]
x[10**19:], x[:-10**19]
# take reads its indices as npy_intp
np.take(x, 10**19)
np.take(x, -10**19)
np.take(x, [1, -10**19])
x.take(2**64)
np.take(x, 10**19, mode='clip')
np.take(x, np.uint64(3))
# shapes
x.reshape(10**19)
x.reshape(-10**19)
x.reshape((5, 2**63))
x.reshape(np.uint64(10**19))
x.reshape(2**63 - 1)
x.reshape(-2)
np.reshape(x, 10**19)
x.shape = 10**19
np.zeros(-10**19)
np.full(10**19, 1)
np.full(2, 10**19)
np.full(2, 10**19, dtype=float)
# kth is cast to npy_intp: uint64 wraps, anything wider is no integer
np.partition(x, 10**19)
np.partition(x, 2**63)
np.partition(x, -10**19)
np.partition(x, 2**64)
np.partition(x, [1, 10**19])
np.partition(x, [10**19])
np.argpartition(x, 10**19)
x.partition(10**19)
np.partition(x, np.uint64(10**19))
np.partition(x, np.array([2], dtype=np.uint64))
np.partition(x, 2.0)
# pad_width must be signed integers; huge widths wrap as int64 sums do
np.pad(x, 10**19)
np.pad(x, -10**19)
np.pad(x, (1, 2**64))
np.pad(x, 1.5)
np.pad(x, True)
np.pad(x, np.uint8(1))
np.pad(x, -1)
np.pad(x, 2**63 - 1)
np.pad(x, 2**62)
np.pad(x, 1)
