# Multi-dimensional basic indexing: mixing ints, slices, Ellipsis and None (np.newaxis).
import numpy as np
m = np.arange(12).reshape(3, 4)
m[:, 1]
m[:, 1].shape
m[:, 1].strides
m[:, 1:2]
m[:, 1:2].shape
m[1:, ::2]
m[::-1]
m[::-1].strides
m[:, ::-1]
m[::-1, ::-1]
m[..., 0]
m[1, ...]
m[...]
m[...].base is m.base
m[None]
m[None].shape
m[None].strides
m[:, None]
m[:, None].shape
m[:, None].strides
m[:, :, None].shape
m[:, :, np.newaxis].strides
np.newaxis is None
m[None, 1, None, ::2]
m[None, 1, None, ::2].shape
t = np.arange(24).reshape(2, 3, 4)
t[..., 1]
t[..., 1].strides
t[0, ..., 2]
t[:, 1, :]
t[:, 1, :].strides
t[1, :, ::-2]
t[..., None].shape
t[::2, ::2, ::2]
t[::2, ::2, ::2].strides
z = np.array(3)
z[None]
z[...]
z[...].shape
z[None, None].shape
