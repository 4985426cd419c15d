# split family (lists of views), atleast_Nd, column_stack and dstack.
import numpy as np
x = np.arange(9)
np.split(x, 3)
np.split(x, [3, 5, 6, 10])
np.split(x, 4)
np.array_split(x, 4)
np.array_split(np.arange(7), 3)
parts = np.split(x, 3)
parts[0].base is x
a = np.arange(16.0).reshape(4, 4)
np.hsplit(a, 2)
np.hsplit(a, [3, 6])
np.vsplit(a, 2)
np.vsplit(a, [1])
np.split(a, 2, axis=1)
np.hsplit(np.arange(6), 3)
np.vsplit(np.arange(6), 2)
np.dsplit(np.arange(16.0).reshape(2, 2, 4), 2)
np.split(x, 0)
np.array_split(x, [2, 1])
np.atleast_1d(1.0)
np.atleast_1d(1, [3, 4])
np.atleast_1d(x) is x
np.atleast_2d(3.0)
np.atleast_2d(np.arange(3))
np.atleast_2d(np.arange(3)).base is None
np.atleast_3d(3.0).shape
np.atleast_3d(np.arange(3)).shape
np.atleast_3d(np.arange(6).reshape(2, 3)).shape
np.atleast_2d(1, [1, 2], [[1, 2]])
np.column_stack((np.array([1, 2, 3]), np.array([2, 3, 4])))
np.column_stack([np.arange(3), np.ones((3, 2))])
np.dstack((np.array([1, 2, 3]), np.array([2, 3, 4])))
np.dstack((np.array([[1], [2], [3]]), np.array([[2], [3], [4]])))
np.dstack((np.ones((2, 2)), np.zeros((2, 2)))).shape
np.column_stack((np.arange(3), np.arange(4)))
