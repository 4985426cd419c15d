# Shapes NumPy refuses before allocating: too many dimensions, dimensions past npy_intp, and byte sizes past npy_intp even when a dimension is zero.
import numpy as np
x = 1
a = np.zeros(3)
a[(None,) * 64].shape
a[(None,) * 70]
a[(None,) * 63 + (0,)].shape
a[(None,) * 64 + (0,)].shape
a[(None,) * 65 + (0,)]
a[(None,) * 64 + ([0, 1],)]
np.zeros(())[(None,) * 64].ndim
np.zeros(())[(None,) * 65]
np.zeros((1,) * 64).ndim
np.zeros((1,) * 65)
np.zeros(1).reshape((1,) * 65)
np.zeros((0,) * 64).shape[:3]
np.empty((2**59, 0)).shape
np.empty((2**60, 0))
np.empty((0, 2**60), dtype='u1').shape
np.empty((0, 2**62))
np.empty((2**62, 2**62, 0))
np.zeros((2**62, 2**62, 0))
np.ones((2**62, 2**62, 0))
np.full((2**62, 2**62, 0), 7)
np.zeros(0).reshape((2**62, 2**62, 0))
np.zeros(0).reshape((0, 2**62))
np.zeros(0).reshape((0, 2**59)).shape
b = np.zeros(0); b.shape = (2**62, 2**62, 0)
b.shape = (0, 2**62)
b.shape
np.zeros((2**64+3, 0))
np.zeros((2**63, 0))
np.zeros((-2**64, 0))
np.zeros((-1, 0))
np.zeros(2**64)
np.zeros((0, 2**40)).sum(axis=0)
np.zeros((2**40, 0))[::-1, ()]
np.zeros((2**40, 0))[::-1, ()].shape
np.zeros((2**62, 0)).sum(axis=1)
np.zeros((2**59, 0)).sum(axis=1)
np.zeros((2**59, 0)).sum(axis=0)
np.zeros((2**62, 0)).tolist()
np.zeros((2**33, 0)) @ np.zeros((0, 2**33))
np.zeros((2, 0)) @ np.zeros((0, 3))
np.zeros((3, 2**62, 0)).sum(axis=0)
np.zeros((3, 2**58, 0)).sum(axis=0).shape
np.zeros((3, 2**58, 0)).max(axis=2)
np.zeros((3, 2**58, 0)).max(axis=0).shape
np.zeros((2**40, 0)).cumsum(axis=0).shape
np.broadcast_to(np.zeros(0), (2**62, 0))
np.broadcast_to(np.zeros(0), (2**59, 0)).shape
np.zeros((0, 2**59)).T.copy().shape
np.zeros((0, 2**59)).ravel().shape
np.zeros((0, 2**59)).astype('i1').shape
x
