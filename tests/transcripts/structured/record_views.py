# Structured arrays: a['x'] is a strided view into the same buffer; records, np.void scalars, assignment
import numpy as np
dt = np.dtype([('x', 'f8'), ('y', 'i4')])
dt
str(dt)
dt.itemsize
dt.names
dt['x']
dt['y']
dt.kind, dt.char, dt.str, dt.name
a = np.zeros(3, dtype=dt)
a
a.itemsize, a.strides, a.nbytes
a['x']
a['x'].strides
a['y'].strides
a['x'].base is a
a['y'].flags['C_CONTIGUOUS']
a['y'].flags['OWNDATA']
a['y'].__array_interface__['data'][0] - a.__array_interface__['data'][0]
np.shares_memory(a['x'], a['y'])
np.may_share_memory(a['x'], a['y'])
a['x'] = [1.5, 2.5, 3.5]
a['y'] += 7
a
a[1]
type(a[1])
a[1]['x']
a[1]['y']
a[1][0], a[1][-1]
print(a[1])
str(a)
print(a)
a[0] = (9.0, 9)
a
a[2]['x'] = -1
a
r = a[1]
r['y'] = 100
a
a[1:]['x']
a[::2]['y'].strides
a['x'][::-1]
b = np.array([(1.0, 2), (3.0, 4)], dtype=dt)
b
b.tolist()
b[0].item() if hasattr(b[0], 'item') else None
b[['y', 'x']]
b[['y']]
b[['y', 'x']].itemsize
b['z']
b[0]['z']
b[0] = (1.0,)
a.view(np.uint8)
a.view('V12')
a.view('V12')[0]
c = np.zeros(4, dtype=[('r', 'u1'), ('g', 'u1'), ('b', 'u1'), ('a', 'u1')])
c['g'] = 255
c
c.view(np.uint32)
c.view(np.uint8).reshape(4, 4)
nested = np.dtype([('point', [('x', 'f4'), ('y', 'f4')]), ('color', 'u1', 3)])
nested
nested.itemsize
nested['point']
z = np.zeros(2, dtype=nested)
z
z['point']['y']
z['color'].shape
z['color'].strides
z['color'][1] = [10, 20, 30]
z
z[1]
z.tolist()
