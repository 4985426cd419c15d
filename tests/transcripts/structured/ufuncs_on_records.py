# Arithmetic ufuncs have no loops for structured (record) arrays
import numpy as np
v = np.zeros(4, dtype=[("a", "f8"), ("b", "f8")])
np.sqrt(v[::2], out=v[::2])
np.sqrt(v)
np.add(v, v, out=v)
np.sqrt(v["a"])
