# Basic slicing returns a view: same buffer, .base points at the owner, writes show through.
import numpy as np
a = np.arange(10)
a.base is None
a.flags.owndata
b = a[2:7]
b
b.base is a
b.flags.owndata
np.shares_memory(a, b)
b[0] = 99
a
a[3] = -1
b
c = b[1:3]
c
c.base is a
c.base is b
c[:] = 0
a
d = a[::3]
d
d.base is a
np.shares_memory(a, d)
e = a[7:]
np.shares_memory(b, e)
np.may_share_memory(b, e)
np.shares_memory(a[:5], a[5:])
np.may_share_memory(a[::2], a[1::2])
np.shares_memory(a[::2], a[1::2])
a[:] = 7
b
d
