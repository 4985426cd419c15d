# Issue 12's list of wrong results and known mismatches, one cell each, so they stay fixed
import numpy as np
np.dtype('g')
np.dtype('G')
np.longdouble
np.complex128('1+2j')
complex('1+2j')
np.int64(2**70)
a = np.array(['ab', 'c'])
a.dtype is a.dtype
np.nan in {np.nan}
np.nan in [np.nan]
x = float('nan')
x in {x}, x in [x], float('nan') in {float('nan')}
np.int64(27) ** (1/3.)
np.int64(8) ** 0.5
s = np.array([b'ab\x00', b'ab', b'ab\x00c'], dtype='S7')
s[0] == s[1], s[0] == s[2]
s == b'ab'
s[2]
y = np.arange(3)
y[1] = 1.2j
y[1] = 1.5
y
y[1:] = [2.5j, 1]
f = np.zeros(2)
f[:] = [1, 2j]
f[:] = (1.5, 2)
f
z = np.zeros(2, complex)
z[:] = [1, 2j]
z
b = np.arange(12)
np.shares_memory(b[::2], b[1::2], max_work=1000)
np.shares_memory(b[::2], b[1::2], max_work=0)
from numpy import *
sum is np.sum
sum([[1, 2], [3, 4]], 0)
abs is np.absolute, max is np.max, min is np.min, round is np.round
