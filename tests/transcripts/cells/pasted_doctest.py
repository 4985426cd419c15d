>>> # A pasted doctest session: only `>>> ` and `... ` lines run; the rest is the recorded output.
>>> import numpy as np
>>> a = np.array([[1, 2],
...               [3, 4]])
>>> a
array([[1, 2],
       [3, 4]])

The prose between examples is skipped too.
>>> for row in a:
...     print(row.sum())
...
3
7
>>>
>>> a.T.strides
(8, 16)
>>> b = a.ravel()
>>> b.base is a
True
