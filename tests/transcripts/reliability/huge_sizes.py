# np.resize and np.bincount past what memory or Py_ssize_t holds: an error, never an abort
import numpy as np
np.resize(np.arange(3), 10**18)
np.resize(np.arange(3), (2**40, 2**40))
np.resize(np.arange(3), (2**62, 4))
np.resize(np.arange(3), 7)
np.resize(np.arange(3), (2, 0))
np.bincount(np.array([0, 2**40]), weights=[1., 2.])
np.bincount([0, 1, 1], minlength=2**62)
np.bincount([0, 1, 1], minlength=4)
