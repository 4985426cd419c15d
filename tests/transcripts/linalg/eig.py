# np.linalg.eig / eigvals: LAPACK dgeev's order and eigenvector signs; complex pairs
import numpy as np
a = np.array([[1., 2.], [3., 4.]])
w, v = np.linalg.eig(a)
w
v
np.allclose(a @ v, v * w)
np.linalg.eig(np.array([[0., -1.], [1., 0.]]))
np.linalg.eigvals(np.array([[0., -1.], [1., 0.]]))
np.linalg.eig(np.diag([1., 2., 3.]))
np.linalg.eig([[1., 2, 3], [4, 5, 6], [7, 8, 10]])
np.linalg.eigvals([[1., 2, 3], [4, 5, 6], [7, 8, 10]])
np.linalg.eig([[2., 1, 0], [-1, 2, 1], [0, -1, 3]])
np.linalg.eig([[1., 1], [0, 1]])
np.linalg.eig([[1, 2], [2, 1]]).eigenvalues
np.linalg.eig(np.array([[1, 2], [3, 4]], dtype=np.float32))
np.linalg.eigvals(np.array([[0, -1], [1, 0]], dtype=np.float32))
np.linalg.eigvals(np.arange(8.).reshape(2, 2, 2))
np.linalg.eig([[1., np.nan], [0, 1]])
np.linalg.eigvals(np.ones((2, 3)))
np.linalg.eigvals(np.ones(3))
