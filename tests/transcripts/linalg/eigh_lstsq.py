# Symmetric eigenproblems (eigh, eigvalsh: LAPACK's dsyevd signs), pinv and lstsq.
import numpy as np
a = np.array([[2., 1.], [1., 2.]])
w, v = np.linalg.eigh(a)
w
v
a @ v - v * w
np.linalg.eigh([[4., 1, 2], [1, 3, .5], [2, .5, 1]])
np.linalg.eigh([[4., 1, 2], [1, 3, .5], [2, .5, 2]], UPLO='U')
np.linalg.eigh([[4., 1, 2], [1, 3, .5], [2, .5, 2]], UPLO='l').eigenvalues
np.linalg.eigvalsh(np.diag([3., 1, 2]))
np.linalg.eigvalsh([[1, 2], [2, 1]])
np.linalg.eigh(np.array([[6, 2, 1, 0], [2, 5, 2, 1], [1, 2, 4, 2], [0, 1, 2, 3]], dtype=np.float32))
np.linalg.eigh(np.ones((2, 2, 2)))
np.linalg.eigh([[1., 2.], [3., 4.]], UPLO='X')
np.linalg.eigh(np.ones((2, 3)))
np.linalg.eigvalsh(np.arange(3.))
np.linalg.pinv(np.arange(6).reshape(2, 3))
np.linalg.pinv([[1., 2.], [3., 4.], [5., 6.]])
np.linalg.pinv([[1., 2.], [2., 4.]])
np.linalg.pinv([[1., 2.], [2., 4.]], rcond=0.5)
np.linalg.pinv([[1., 2.], [2., 4.]], rtol=None)
np.linalg.pinv([[1., 2.], [2., 4.]], rcond=0.1, rtol=0.1)
np.linalg.pinv(np.zeros((0, 3)))
x = np.array([0, 1, 2, 3])
y = np.array([-1, 0.2, 0.9, 2.1])
A = np.vstack([x, np.ones(len(x))]).T
m, c = np.linalg.lstsq(A, y)[0]
np.round([m, c], 12)
np.linalg.lstsq(A, y)
np.linalg.lstsq(A, np.c_[y, 2 * y + 1])
np.linalg.lstsq([[1., 2.], [2., 4.]], [1., 2.])[:3]  # its tiny singular value is rounding noise
np.linalg.lstsq([[1., 2., 3.], [4., 5., 6.]], [1., 2.], rcond=None)
np.linalg.lstsq(np.ones(3), y)
np.linalg.lstsq(A, np.ones(3))
