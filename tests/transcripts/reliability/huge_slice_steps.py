# A slice step past int64 is clamped to sys.maxsize and its stride wraps in 64 bits, as NumPy's npy_intp does
import numpy as np
a = np.arange(12)
a[::10**4000].strides, a[::-10**4000].strides, a[::2**62].strides
a[::10**4000].ravel().strides
a[::10**4000]
np.arange(6).reshape(2, 3)[:, ::10**30].strides
