# .flatten() always copies; .ravel() returns a view when it can and a copy otherwise.
import numpy as np
m = np.arange(6).reshape(2, 3)
fl = m.flatten()
fl
fl.flags.owndata
np.shares_memory(fl, m)
rv = m.ravel()
rv
rv.base is m.base
np.shares_memory(rv, m)
rv[0] = 99
m
fl[1] = -1
m
t = m.T
t.ravel()
np.shares_memory(t.ravel(), m)
t.ravel().flags.owndata
t.ravel(order='F')
np.shares_memory(t.ravel(order='F'), m)
t.flatten()
t.flatten(order='F')
m[:, ::2].ravel()
np.shares_memory(m[:, ::2].ravel(), m)
m[:, :].ravel().base is m.base
m[:1].ravel()
np.shares_memory(m[:1].ravel(), m)
m[::-1].ravel()
np.shares_memory(m[::-1].ravel(), m)
a = np.arange(10)
np.shares_memory(a[::2].ravel(), a)
a[::2].ravel().strides
a[::-1].ravel().strides
np.shares_memory(a[::-1].ravel(), a)
f = np.zeros((2, 3), order='F')
np.shares_memory(f.ravel(), f)
np.shares_memory(f.ravel('K'), f)
np.shares_memory(f.ravel('A'), f)
np.shares_memory(a[::2].reshape(-1), a)
