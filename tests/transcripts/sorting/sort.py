# np.sort, np.argsort and a.sort(): NumPy's order (NaNs last), axes, kinds, in place
import numpy as np
a = np.array([3, 1, 4, 1, 5, 9, 2, 6])
np.sort(a)
a
np.argsort(a, kind='stable')
a.sort()
a
m = np.array([[9, 2, 7], [4, 8, 1], [6, 3, 5]])
np.sort(m)
np.sort(m, axis=0)
np.sort(m, axis=None)
np.argsort(m, axis=0)
np.argsort(m, axis=1)
np.argsort(m, axis=None)
m.sort(axis=0)
m
f = np.array([2.5, np.nan, -1.0, 0.0, np.inf, -np.inf, 1.5])
np.sort(f)
np.argsort(f)
np.sort(np.array([3, 1, 2], dtype=np.int8))
np.argsort(np.array([2, 1, 2, 1, 0, 1], dtype=np.int8))
np.argsort(np.array([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0], dtype=np.uint8))
np.sort(np.array([True, False, True]))
np.sort(np.array(['pear', 'apple', 'fig']))
np.argsort(np.array([b'b', b'a', b'c']))
np.sort(np.array([3+1j, 1+2j, 1+1j, np.nan+0j]))
np.sort([5, 3, 8], kind='mergesort')
np.sort([5, 3, 8], kind='heapsort')
np.sort([5, 3, 8], stable=True)
x = np.array([[5, 4], [3, 2]], order='F')
s = np.sort(x, axis=0)
s, s.flags['F_CONTIGUOUS']
v = np.arange(10)[::-1]
v[::2].sort()
v
np.argsort([3.0, 1.0, 2.0])
np.lexsort(([1, 2, 3, 4], [2, 1, 2, 1]))
surnames = ('Hertz', 'Galilei', 'Hertz')
first_names = ('Heinrich', 'Galileo', 'Gustav')
np.lexsort((first_names, surnames))
np.lexsort(np.array([[4, 3, 2, 1], [1, 1, 0, 0]]))
np.argsort(np.array([2, 1, 2, 1, 0, 1]))
np.argpartition(np.array([4, 1, 3, 1, 5, 9, 2, 6]), 2)
