# Views of views: .base always names the array that owns the memory, never the intermediate view.
import numpy as np
a = np.arange(24)
b = a.reshape(4, 6)
c = b[1:3]
d = c[:, ::2]
e = d.T
for x in (b, c, d, e): print(x.base is a, x.flags.owndata, x.shape, x.strides)
e
e[0, 0] = 1000
a[6]
b[1, 0]
f = e.copy()
f.base is None
g = f[1:]
g.base is f
np.shares_memory(g, a)
np.shares_memory(e, b)
h = a[::-1][::-1]
h.base is a
(h == a).all()
h.strides
