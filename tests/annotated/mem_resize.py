# a.resize moves the data to a new buffer when the size changes; the same size only re-strides it.
import numpy as np
a = np.arange(6)
a
a.resize(10)
a.resize(10, refcheck=False)
a
a.resize(2, 5)
a
v = a[0]
a.resize(12, refcheck=False)
