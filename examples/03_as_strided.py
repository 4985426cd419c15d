# as_strided builds any shape/strides over existing memory; arrsh refuses layouts that would
# read outside the array's memory (NumPy 2.5's check_bounds).
import numpy as np
from numpy.lib.stride_tricks import as_strided
a = np.arange(6)
w = as_strided(a, (4, 3), (8, 8))
w
w.base
np.shares_memory(w, a)
as_strided(a, (3,), (0,))
as_strided(a, (5, 3), (8, 8))
as_strided(a, (2,), (-8,))
