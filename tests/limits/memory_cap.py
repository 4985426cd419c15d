# Under --max-memory 64M: each runaway size is a MemoryError (NumPy's text for arrays, CPython's bare one for Python objects) and the session keeps its variables.
# budget: 64M
import numpy as np
keep = [1, 2, 3]
x = np.ones(2 * 10**7, 'u1')
x.sum()
x.mean()
x.astype('f8')
np.arange(3*10**9, dtype='u1')
np.zeros((0, 2**40)).sum(axis=0)
np.zeros((2**40, 0))[::-1, ()].shape
'a'.center(10**12)
'a'.ljust(10**9)
'a'.zfill(10**9)
'%10000000000d' % 1
'%.1000000000f' % 1.5
f'{1.5:.{10**9}f}'
'{:1000000000}'.format('a')
bytes(10**12)
' '.join(['ab'] * 10**8)
[0] * 10**9
'ab' * 10**9
len('ab'.replace('', 'x' * 10**4))
('x' * 10**6).replace('x', 'yy' * 100)
y = [0] * 10**6
y *= 10**3
len(y)
(np.ones((1000, 1000)) @ np.ones((1000, 1000)))[0, :3]
np.ones((2000, 2000)) @ np.ones((2000, 2000))
keep
int(x.sum())
