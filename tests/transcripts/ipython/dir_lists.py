# dir(x) lists x's attributes as CPython and NumPy do (sorted, dunders included); dir() the names.
import numpy as np
a = np.arange(6)
len(dir(a))
[n for n in dir(a) if not n.startswith('_')][:12]
dir(a) == sorted(dir(a))
'reshape' in dir(a) and 'T' in dir(a)
dir(np)[:5]
len(dir(np))
'arange' in dir(np)
len(dir([]))
dir([])[-11:]
dir(1)[-5:]
dir('a')[-3:]
len(dir(np.dtype('i8')))
len(dir(a.flags))
len(dir(range(3)))
len(dir(slice(1)))
dir(list) == dir([])
x = 1
'x' in dir() and 'a' in dir()
dir(1, 2)
vars(1)
globals(1)
'x' in globals() and globals()['x'] == 1
