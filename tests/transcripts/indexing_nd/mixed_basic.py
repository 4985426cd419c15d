# N-d basic indexing: ints drop an axis, slices keep it, ... fills the rest, None adds a length-1 axis.
import numpy as np
a = np.arange(60).reshape(3, 4, 5)
a.strides
a[1]
a[1].shape, a[1].strides
a[1, 2]
a[1, 2, 3]
type(a[1, 2, 3])
a[-1, -1, -1]
a[1, :, 3]
a[1, :, 3].strides
a[:, 2]
a[:, 2].shape, a[:, 2].strides
a[..., 3]
a[..., 3].shape
a[1, ...]
a[1, ..., 2]
a[..., 1, 2]
a[:, :, ::2].strides
a[::2, ::3, ::4]
a[::2, ::3, ::4].strides
a[None].shape, a[None].strides
a[:, None].shape, a[:, None].strides
a[..., None].shape, a[..., None].strides
a[1, None, 2].shape
a[1, None, 2]
a[None, ..., None].shape
a[np.newaxis, 0, np.newaxis, :, 0].shape
b = a[1:, 1:3, ::2]
b.shape, b.strides
b.base is a.base
b.__array_interface__['data'][0] - a.__array_interface__['data'][0]
b.flags['C_CONTIGUOUS'], b.flags['F_CONTIGUOUS']
a[1][2][3] == a[1, 2, 3]
a[:, 1][1] is a[:, 1][1]
a[2:, :, :].flags['C_CONTIGUOUS']
a[:, 2:, :].flags['C_CONTIGUOUS']
c = np.arange(24).reshape(2, 3, 4, order='F')
c.strides
c[:, 0].strides
c[..., 0].flags['F_CONTIGUOUS']
c[0].flags['F_CONTIGUOUS'], c[0].flags['C_CONTIGUOUS']
a[(1, 2)]
a[1, 2:4, (3)]
i = (slice(None), 1)
a[i]
a[slice(1, None, 2), slice(None, None, -1), 0]
