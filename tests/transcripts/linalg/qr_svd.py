# np.linalg.qr (Householder, LAPACK's signs) and np.linalg.svd
import numpy as np
A = np.array([[1., 2], [3, 4]])
Q, R = np.linalg.qr(A)
Q
R
Q @ R
np.linalg.qr(A)
B = np.array([[12, -51, 4], [6, 167, -68], [-4, 24, -41]])
np.linalg.qr(B)
C = np.arange(1, 7).reshape(3, 2)
np.linalg.qr(C)
np.linalg.qr(C, mode='r')
np.linalg.qr(C, mode='complete')
np.linalg.qr(C.T)
np.linalg.qr(np.ones((2, 3), dtype=np.float32))
np.linalg.qr(A, mode='thin')
np.linalg.qr([1, 2])
S = np.linalg.svd(A, compute_uv=False)
S
np.linalg.svd(np.diag([3., 1, 2]), compute_uv=False)
np.linalg.svd(np.arange(6).reshape(2, 3) + 1, compute_uv=False)
