# np.pad: a new array with the input in the middle; constant, edge, reflect, symmetric and wrap modes.
import numpy as np
a = np.array([1, 2, 3, 4, 5])
np.pad(a, (2, 3))
np.pad(a, (2, 3), 'constant', constant_values=(4, 6))
np.pad(a, 2, mode='edge')
np.pad(a, (2, 3), 'reflect')
np.pad(a, (2, 3), 'symmetric')
np.pad(a, (2, 3), 'wrap')
m = np.arange(6).reshape(2, 3)
np.pad(m, 1)
np.pad(m, ((1, 0), (0, 2)), constant_values=9)
np.pad(m, 1, mode='edge')
np.pad(m, ((1, 1), (2, 2)), mode='reflect')
np.pad(m, 1, mode='wrap')
np.pad(m, ((0, 0), (1, 1)), constant_values=((0, 0), (7, 8)))
np.pad(m.astype(float), 1, constant_values=0.5)
np.pad(np.ones((2, 2), dtype=np.uint8), 1).dtype
np.pad(a, -1)
np.pad(a, 1, mode='bogus')
np.pad(a, 1, mode='edge', constant_values=3)
Z = np.ones((5, 5))
Z = np.pad(Z, pad_width=1, mode='constant', constant_values=0)
Z
