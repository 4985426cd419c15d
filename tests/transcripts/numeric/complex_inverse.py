# Complex arctan and arctanh as NumPy's complex loops compute them (glibc's catan/catanh), special values and their warnings
import numpy as np
d = np.array([1+2j, -1.5+0.5j, 0.6+0.8j, 0.7+0.5j, 1+1e-20j, 3-4j, 1e-310+1e-310j, 1e308+1e308j, 0.9+0.1j, 1.5+0.3j, -0j, 0j, 2j, -3j, 0.5+0j, 1e17+1j, 1+1e17j, 0.8+0.6j, 1e-20+1e-20j, 1+0.3j])
np.arctanh(d).tolist()
np.arctan(d).tolist()
np.arctanh(d.astype(np.complex64)).tolist()
np.arctan(d.astype(np.complex64)).tolist()
special = np.array([complex(np.inf, 0), complex(-np.inf, 1), complex(np.inf, np.nan), complex(np.nan, 0), complex(0, np.inf), complex(np.nan, np.nan), complex(1, np.inf), complex(-np.inf, np.inf), complex(0, np.nan), complex(np.nan, 1), complex(-0.0, np.nan)])
with np.errstate(all='ignore'):
    print(np.arctanh(special).tolist())
    print(np.arctan(special).tolist())
    print(np.arctanh(-special).tolist())
    print(np.arctan(-special).tolist())
np.arctanh(np.array([1+0j]))
np.arctan(np.array([1j]))
np.arctanh(np.array([-1+0j, 2+0j]))
np.arctan(0.5+0.5j)
