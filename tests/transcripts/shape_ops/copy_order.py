# copy(order=...): C and F as named, 'A' keeps F for F arrays, 'K' keeps the source's axis order.
import numpy as np
m = np.arange(12).reshape(3, 4)
m.copy().strides
m.copy(order='C').strides
m.copy(order='F').strides
m.copy(order='A').strides
m.copy(order='K').strides
t = m.T
t.copy().strides
t.copy(order='A').strides
t.copy(order='K').strides
np.copy(t).strides
np.array(t).strides
p = np.arange(24).reshape(2, 3, 4).transpose(1, 2, 0)
p.strides
p.copy().strides
p.copy(order='A').strides
p.copy(order='K').strides
np.copy(p).strides
r = m[::-1, ::2]
r.strides
r.copy(order='K').strides
r.copy(order='K')
n = m[:, ::-1].T
n.strides
n.copy(order='K').strides
b = np.broadcast_to(np.arange(3), (4, 3))
b.strides
b.copy(order='K').strides
b.copy(order='K').flags.writeable
x = np.arange(6)[:, None]
x.copy(order='K').strides
np.zeros((2, 3))[:, :0].copy().strides
m.copy(order='X')
m.copy(order=1)
m.astype(float).strides
t.astype(float).strides
t.astype(np.int8, order='C').strides
p.astype(np.int16).strides
c = m.copy()
c.base is None, c.flags.owndata
c is m
np.copy(m, order='F').flags['F_CONTIGUOUS']
np.array(m, order='F').strides
np.array(t, order='A').strides
np.array(p, copy=True).strides
