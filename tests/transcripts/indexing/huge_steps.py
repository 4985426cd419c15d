# A slice step past sys.maxsize is clamped by CPython, and NumPy multiplies it into the stride in 64 bits (wrapping)
import numpy as np
a = np.arange(6)
a[::-10**4000].strides, a[::10**4000].strides, a[::-(2**62)].strides, a[::2**62].strides, np.arange(6.).reshape(2,3)[:, ::10**30].strides
a[::-10**4000], a[::2**62]
