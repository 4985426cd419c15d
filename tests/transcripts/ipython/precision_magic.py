# %precision: how Python floats (and NumPy arrays) print; no argument goes back to repr.
import numpy as np
1 / 3
%precision 3
1 / 3
[1 / 3, 2 / 3]
np.array([1 / 3, 2 / 3])
%precision %.2e
1 / 3
%precision
1 / 3
np.array([1 / 3, 2 / 3])
%precision -1
%precision abc
