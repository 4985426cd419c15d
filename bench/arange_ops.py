# Large elementwise work: create, multiply, reduce, strided copy, in-place add (10**8 int64 = 800 MB).
import numpy as np
a = np.arange(10**8)
b = a * a
s = a.sum()
c = a[::2].copy()
a += 1
m = a.max()
f = a / 3
