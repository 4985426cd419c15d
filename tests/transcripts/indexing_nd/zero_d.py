# 0-d results: all-integer indexes give NumPy scalars, a[()] too; a[...] on 0-d stays a 0-d view.
import numpy as np
a = np.arange(6).reshape(2, 3)
a[1, 2]
type(a[1, 2])
a[1, 2].ndim
a[1][2]
a[1, 2, ...]
type(a[1, 2, ...])
a[1, 2, ...].shape
a[1, 2, ...].base is a.base
a[1, 2, None]
a[1, 2, None].shape
z = np.array(5)
z.shape, z.ndim, z.strides
z[()]
type(z[()])
z[...]
type(z[...])
z[...].base is z
z[...] is z
z[None]
z[None].shape
z[..., None].strides
z.item()
type(z.item())
z[()] = 7
z
z[...] = 9
z
a[()]
a[()].base is a.base
a[()] is a
s = a[0, 0]
s[()]
type(s[()])
s[...]
type(s[...])
b = np.array([1.5, 2.5])
b[0], type(b[0])
b[-1].item()
b[0, ...]
c = np.arange(4).reshape(2, 2)[0, 1, ...]
c[()] = 100
c
np.array(3.0)[()]
np.array(True)[...]
