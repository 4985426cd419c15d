# np.nan, np.inf, np.pi are module attributes (one object each); a Python complex does not fit an int or float array.
import numpy as np
np.nan in {np.nan}
np.nan is np.nan, np.pi is np.pi, np.inf is np.inf
np.nan in [np.nan], np.nan == np.nan
x = np.arange(3)
x[1] = 1.2j
x
x[:] = 2j
x[[0]] = 1j
x[1] = 1.5
x
f = np.zeros(2)
f[0] = 1j
f[0] = np.complex128(1j).real
f
b = np.zeros(2, dtype=bool)
b[0] = 1j
b
c = np.zeros(2, dtype=complex)
c[1] = 1.2j
c
