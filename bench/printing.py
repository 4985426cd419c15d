# NumPy's weak spot: formatting many floats (threshold raised so nothing is summarised).
import numpy as np
np.set_printoptions(threshold=10**7)
a = np.arange(10**5) / 7
s = str(a)
len(s)
b = np.arange(10**5)
t = repr(b)
len(t)
