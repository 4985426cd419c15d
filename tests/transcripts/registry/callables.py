# Functions, methods and ufuncs print as IPython shows them, and ufuncs are numpy.ufunc objects.
import numpy as np
len
[].append
np.zeros
np.ones
np.arange
np.exp
np.isnan
type(np.exp)
type(np.zeros)
type(np.sum)
type(len)
np.ufunc
isinstance(np.exp, np.ufunc)
np.exp.nin, np.exp.nout, np.exp.nargs
np.exp.identity is None
np.exp.__name__
repr(np.exp)
repr(np.zeros)
repr(len)
str(np.log)
np.exp[0]
np.sum[0]
np.exp.foo
np.pi
np.e
