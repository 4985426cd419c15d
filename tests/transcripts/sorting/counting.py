# bincount, histogram, digitize and count_nonzero
import numpy as np
np.bincount(np.arange(5))
np.bincount(np.array([0, 1, 1, 3, 2, 1, 7]))
np.bincount([0, 1, 1, 2], weights=[0.3, 0.5, 0.2, 0.7])
np.bincount([1, 1], minlength=5)
x = np.array([0, 1, 1, 3, 2, 1, 7, 23])
np.bincount(x).size == np.amax(x) + 1
np.histogram([1, 2, 1], bins=[0, 1, 2, 3])
np.histogram(np.arange(4), bins=np.arange(5), density=True)
np.histogram([[1, 2, 1], [1, 0, 1]], bins=[0, 1, 2, 3])
a = np.arange(5)
hist, bin_edges = np.histogram(a, density=True)
hist
bin_edges
np.histogram(np.array([1.5, 2.5, 3.5, 9.0]), bins=4)
np.histogram(np.array([1.5, 2.5, 3.5, 9.0]), bins=3, range=(0, 6))
np.histogram(np.array([1.5, 2.5, 3.5, 9.0]), bins=2, weights=[1.0, 0.5, 2.0, 4.0])
np.histogram([3, 3, 3])
np.histogram([])
data = np.random.default_rng(1).normal(size=1000)
counts, edges = np.histogram(data, bins=5)
counts
edges
x = np.array([0.2, 6.4, 3.0, 1.6])
bins = np.array([0.0, 1.0, 2.5, 4.0, 10.0])
np.digitize(x, bins)
np.digitize(x, bins, right=True)
np.digitize(x, bins[::-1])
np.digitize(2.5, bins)
np.digitize([[1.0, 3.0], [5.0, 11.0]], bins)
np.count_nonzero(np.eye(4))
np.count_nonzero([[0, 1, 7, 0], [3, 0, 2, 19]])
np.count_nonzero([[0, 1, 7, 0], [3, 0, 2, 19]], axis=0)
np.count_nonzero([[0, 1, 7, 0], [3, 0, 2, 19]], axis=1)
np.count_nonzero([[0, 1, 7, 0], [3, 0, 2, 19]], axis=1, keepdims=True)
np.count_nonzero(np.array([0.0, np.nan, -0.0]))
