# ravel(order) is a view when the memory already runs in that order; flatten() always copies.
import numpy as np
m = np.arange(12).reshape(3, 4)
r = m.ravel()
r.base is m.base, r.flags.owndata
m.ravel(order='F')
m.ravel(order='F').flags.owndata
m.ravel(order='A')
m.ravel(order='K')
np.shares_memory(m.ravel('K'), m)
t = m.T
t.ravel()
t.ravel().flags.owndata
t.ravel('F')
np.shares_memory(t.ravel('F'), m)
t.ravel('A')
np.shares_memory(t.ravel('A'), m)
t.ravel('K')
np.shares_memory(t.ravel('K'), m)
p = np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2)
p.ravel('K')
np.shares_memory(p.ravel('K'), p)
p.ravel('C')
p.flatten('K')
v = m[::-1]
v.ravel('K')
v.flatten('K')
m[:, ::2].ravel()
m[:, ::2].ravel().flags.owndata
m[:, ::2].ravel('K')
m.flatten()
m.flatten().flags.owndata
m.flatten('F')
t.flatten('A')
np.ravel(t)
np.ravel(t, order='K')
m.ravel('Z')
m.flatten(order=None)
m.ravel(None).base is m.base
z = np.zeros((2, 0))
z.ravel().strides
z.flatten().strides
np.array(5).ravel()
np.array(5).flatten().shape
m.tobytes() == m.ravel().tobytes()
t.tobytes() == t.ravel().tobytes()
t.tobytes(order='A') == m.tobytes()
t.tobytes('K') == t.tobytes('C')
