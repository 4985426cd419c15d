>>> # Unclosed and unmatched brackets, as separate pasted cells (in a plain script they would take the next lines).
>>> import numpy as np
>>> np.arange(3
>>> np.arange(3))
>>> )
>>> np.arange(3)
array([0, 1, 2])
