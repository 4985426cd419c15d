# properties of arrays, scalars, dtypes and flags are registry rows: reading them, and NumPy's refusals when setting them
import numpy as np
a = np.arange(6.0).reshape(2, 3)
f = a.flags
f.forc = True
f.aligned = True
f.writebackifcopy = True
f.behaved = 1
f.num = 1
a.real = 5
a
a.imag = 1
c = np.zeros(2, complex)
c.imag = 3
c
a.ctypes = 1
a.size = 3
a.T = 1
a.__array_interface__ = 1
a.mT = 1
a.device = 1
a.flat = 2
a
a.foo = 1
np.dtype('i4').name = 'x'
np.dtype('i4').foo = 'x'
np.float64(1).real = 2
np.float64(1).foo = 2
f.foo = 1
a.shape, a.strides, a.T.shape, a.ndim
f.forc, f.behaved, f.carray
f.foo
np.float64(1).shape, np.float64(1).T, np.float64(1).ndim
np.dtype("i4").kind, np.dtype("i4").num, np.dtype(">i4").byteorder
np.float64(1).foo
np.dtype("i4").foo
