# np.array from nested lists/tuples: dtype inference (bool < int < float), shape, dtype= casting.
import numpy as np
np.array([1, 2, 3])
np.array([1, 2.0, 3])
np.array([True, 2])
np.array([True, False])
np.array([1.5, True])
np.array((1, 2, 3))
np.array([[1, 2], [3, 4]])
np.array([(1, 2), (3, 4)])
np.array(((1, 2), [3, 4])).shape
np.array([[[1], [2]], [[3], [4]]]).shape
np.array([1, 2, 3], dtype='u1')
np.array([1.9, -1.9], dtype=int)
np.array([1, 2], dtype=float)
np.array([0, 1, 2], dtype=bool)
np.array([1, 2], dtype='S')
np.array(range(4))
np.array([i for i in range(4)])
np.array([x * x for x in range(5)])
np.array([range(3), range(3, 6)])
np.array(5)
np.array(5).shape
np.array([5]).shape
np.array([[5]]).shape
np.array([]).shape
np.array([[], []]).shape
np.array([2**63])
np.array([2**63]).dtype
np.array([-1, 2**63])
np.array([1, 2], dtype='u1').dtype.str
np.array([b'a', b'bcd']).dtype
np.array([[1, 2], [3]])
np.array([300], dtype='u1')
np.array([-1], dtype='u1')
