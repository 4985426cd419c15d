# np.unique: sorted values, first indices, inverse, counts, NaNs, rows
import numpy as np
np.unique([1, 1, 2, 2, 3, 3])
a = np.array([[1, 1], [2, 3]])
np.unique(a)
x = np.array(['a', 'b', 'b', 'c', 'a'])
u, indices = np.unique(x, return_index=True)
u, indices
u, inv = np.unique(np.array([1, 2, 6, 4, 2, 3, 2]), return_inverse=True)
u, inv
u[inv]
vals, counts = np.unique(np.array([1, 2, 6, 4, 2, 3, 2]), return_counts=True)
vals, counts
np.unique([3.0, np.nan, 1.0, np.nan])
np.unique([3.0, np.nan, 1.0, np.nan], equal_nan=False)
np.unique(np.array([[1, 0, 0], [1, 0, 0], [2, 3, 4]]), axis=0)
np.unique(np.array([[1, 0, 0], [1, 0, 0], [2, 3, 4]]), axis=1)
np.unique(np.array([[1, 0], [1, 0], [0, 1]]), axis=0, return_index=True, return_inverse=True, return_counts=True)
np.unique(np.array([[3, 1], [2, 2]]), return_inverse=True)
np.unique([True, False, True])
np.unique(np.array([5, 5, 5], dtype=np.uint8), return_counts=True)
np.unique([])
np.unique(np.array([2.5, -0.5, 2.5]), return_index=True, return_counts=True)
Z = np.random.default_rng(0).integers(0, 10, 50)
np.unique(Z, return_counts=True)
np.bincount(Z).argmax()
