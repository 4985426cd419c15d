# meshgrid, indices, mgrid/ogrid, ix_, fromfunction, broadcast_arrays: grids as NumPy builds them
import numpy as np
x, y = np.meshgrid(np.arange(3), np.arange(2))
x
y
xx, yy = np.meshgrid([1, 2, 3], [4, 5], indexing='ij')
xx
yy
xs, ys = np.meshgrid(np.linspace(0, 1, 3), np.linspace(0, 1, 2), sparse=True)
xs, ys
X, Y = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-1, 1, 5))
np.sqrt(X**2 + Y**2)
np.meshgrid(np.arange(2), np.arange(3), np.arange(2))[2].shape
np.indices((2, 3))
np.indices((2, 3), sparse=True)
np.indices((3,), dtype=np.uint8)
np.mgrid[0:5, 0:3]
np.mgrid[-1:1:5j]
np.mgrid[0:1:3j, 0:2:3j]
np.mgrid[0:10:2.5]
np.mgrid[0:4]
np.ogrid[0:3, 0:2]
np.ogrid[-1:1:5j]
np.ogrid[0:5, 0:1:3j]
a = np.arange(10).reshape(2, 5)
ixgrid = np.ix_([0, 1], [2, 4])
ixgrid
a[ixgrid]
np.ix_([True, False, True], [1, 3])
np.fromfunction(lambda i, j: i == j, (3, 3), dtype=int)
np.fromfunction(lambda i, j: i + j, (3, 3), dtype=int)
np.fromfunction(lambda i, j: 10 * i + j, (2, 4))
np.fromfunction(lambda x, y: 10 * x + y, (5, 4), dtype=int)
b = np.broadcast_arrays(np.array([1, 2, 3]), np.array([[1], [2]]))
b
b[0].strides, b[1].strides, np.shares_memory(b[1], b)
np.broadcast_shapes((1, 2), (3, 1), (3, 2))
np.broadcast_shapes((6, 7), (5, 6, 1), (7,), (5, 1, 7))
np.broadcast_shapes((2, 3), (4,))
np.meshgrid([1, 2], [3, 4], indexing='x')
np.ix_([[1, 2]])
