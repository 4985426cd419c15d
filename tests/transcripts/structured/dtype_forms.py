# Structured dtypes: list, dict and comma forms; align=True padding; subarray fields; reprs
import numpy as np
dt = np.dtype([('x', 'f8'), ('y', 'i4')])
dt.alignment
dt.descr
dt.isalignedstruct
da = np.dtype([('x', 'f8'), ('y', 'i4')], align=True)
da
da.itemsize
da.alignment
da.descr
da.isalignedstruct
str(da)
np.zeros(2, da)
np.zeros(2, da).strides
np.dtype([('a', 'i1'), ('b', 'i4')], align=True)
np.dtype([('a', 'i1'), ('b', 'i4')])
np.dtype([('pos', 'f4', (2,)), ('id', 'u2')])
np.dtype([('pos', 'f4', (2,)), ('id', 'u2')]).itemsize
np.dtype({'names': ['a', 'b'], 'formats': ['i4', 'f8']})
e = np.dtype({'names': ['a', 'b'], 'formats': ['i4', 'f8'], 'offsets': [0, 8], 'itemsize': 16})
e
e.descr
np.zeros(2, e)
np.dtype('i4, f8')
np.dtype('3i4, f8')
np.dtype([('x', np.float64), ('y', np.int32)]) == dt
np.dtype([('x', float), ('y', int)])
np.dtype([('x', 'f8', 1)])
np.dtype([('x', 'f8', ())])
np.dtype([('x', 'f8', (2, 3))])
np.dtype([('x', 'f8'), ('x', 'i4')])
np.dtype([('x', 'zz')])
np.dtype([('x',)])
np.dtype([(1, 'f8')])
np.dtype(['f8'])
np.dtype([('', 'f8'), ('', 'i4')])
np.dtype('V8'), np.dtype('V8').alignment, np.dtype('c16').alignment, np.dtype('U2').alignment
mixed = np.dtype([('a', '>i4'), ('b', '?'), ('c', 'S3'), ('d', 'U2'), ('e', 'c8')])
mixed
mixed.isnative
np.zeros(2, mixed)
np.zeros(2, mixed)[0]
np.array([(1, True, b'ab', 'x', 1+2j)], mixed)[0]
np.array([(1, True, b'ab', 'x', 1+2j)], mixed).tolist()
np.dtype([('x', 'f8'), ('y', 'i4')]) == np.dtype([('x', 'f8'), ('y', 'i4')], align=True)
hash(np.dtype([('x', 'f8')])) == hash(np.dtype([('x', 'f8')]))
np.dtype([('x', 'f8'), ('y', 'i4')]).type
np.dtype([('x', 'f8')]).byteorder
np.dtype([('x', 'f8')]).shape, np.dtype([('x', 'f8')]).subdtype
np.array((1.5, 2), dtype=dt)
np.array([[(1.5, 2)], [(3.5, 4)]], dtype=dt)
np.array([[(1.5, 2)], [(3.5, 4)]], dtype=dt).shape
np.ones(2, dtype=dt)
np.full(2, 7, dtype=dt)
# found by the random cells: a subarray past a C int (was an overflow)
np.dtype([('pos', 'f4', (2**63-1,)), ('id', 'u2')]).itemsize
np.dtype([('pos', 'f4', (2**31,))])
np.dtype([('pos', 'f4', (2**29, 2))])
np.dtype([('pos', 'f4', (2**28, 2))]).itemsize
