# Integer-array indexing makes a NEW array (a copy): it owns its data and writes do not reach the source.
import numpy as np
a = np.arange(10) * 10
b = a[[0, 2]]
b
b.flags.owndata
b.base is None
np.shares_memory(a, b)
b[0] = -1
a[:3]
a[[-1, -2, 0]]
a[[3, 3, 3]]
a[np.array([1, 4])]
a[np.array([[0, 1], [2, 3]])]
a[np.array([[0, 1], [2, 3]])].shape
a[[[0, 1], [2, 3]]].strides
a[[]]
a[[]].dtype, a[[]].shape
a[np.array([], dtype=int)].shape
a[[True, False] * 5]
a[np.arange(3, dtype=np.uint8)]
a[np.int64(3)]
a[np.array(3)]
type(a[np.array(3)])
m = np.arange(12).reshape(3, 4)
m[[2, 0]]
m[[2, 0]].flags.owndata
m[[2, 0]].strides
m[:, [3, 0]]
m[:, [3, 0]].strides
m[:, [3, 0]].flags.owndata
m[:, [3, 0]].base.shape
m[[0, 2], 1:]
m[[0, 2], 1:].flags.owndata
m[1:, [0, 2]].strides
m[[1], [2]]
m[[0, 1, 2], [3, 2, 1]]
m[[[0], [2]], [1, 3]]
m[[[0], [2]], [1, 3]].shape
m[[[0, 0], [2, 2]], [[0, 3], [0, 3]]]
m[1, [0, 1]]
m[[0, 1], 1]
m[..., [0, -1]]
m[None, [0, 1]].shape
m[[0, 1], None].shape
m.T[[0, 1]].strides
m[::-1][[0]]
x = m[[0, 1]]
x[0, 0] = 100
m[0, 0]
