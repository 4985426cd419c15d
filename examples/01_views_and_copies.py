# Views share memory; copies get their own. Watch the ↳ line: "view of a" vs "owns its data".
import numpy as np
a = np.arange(10)
a
b = a[2:8:2]
b
b.base is a
b[0] = 99
a
c = a[2:8:2].copy()
c
c.base is None
np.shares_memory(a, b), np.shares_memory(a, c)
m = a.reshape(2, 5)
m
m.T
m.T.reshape(10)
m.T.reshape(10).base is a
