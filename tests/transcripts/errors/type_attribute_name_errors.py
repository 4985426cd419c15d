# TypeError, AttributeError and NameError: removed aliases (np.int), read-only attributes, typos.
import numpy as np
a = np.arange(4)
np.int
np.float
np.empty((3, 3), dtype=np.int)
np.bool
np.object
a.foo
np.foo
a.nbytes = 3
a.size = 2
a.ndim = 1
a.T = a
np.dtype('u3')
np.dtype('int7')
np.zeros(2.5)
np.zeros((2, '3'))
len(np.array(1))
len(5)
a()
a.reshape('x')
undefined_name
numpy.arange(3)
Np.arange(3)
np.Arange(3)
a.Shape
a.flags.owndata
a.strides
