# numpy-100's cells that failed: np.unpackbits/np.packbits (bit order, axis, count), a void dtype sized by a tuple (np.void, n), np.indices of a generator
import numpy as np
I = np.array([0, 1, 2, 3, 15, 16, 32, 64, 128], dtype=np.uint8)
np.unpackbits(I[:, np.newaxis], axis=1)
u = np.array([[2, 7], [255, 1]], np.uint8)
np.unpackbits(u)
np.unpackbits(u, count=-9)
np.unpackbits(u, axis=1, count=-20)
np.unpackbits(u, axis=2)
np.unpackbits(u, bitorder='x')
np.unpackbits(u, count=3)
r = np.unpackbits(u, axis=0, count=-3)
r, r.strides
r = np.unpackbits(u, axis=1, count=20, bitorder='little')
r, r.strides
np.unpackbits(np.array(3, np.uint8))
np.unpackbits(np.array([1.0]))
np.packbits(np.array([1.5]))
np.packbits(np.array(3))
np.packbits([1, 0, 1, 1, 0, 0, 1, 1, 1])
np.packbits(np.array([[1, 0, 1], [0, 1, 1]], dtype=bool), axis=0)
np.packbits(np.array([[1, 0, 1], [0, 1, 1]]), axis=1, bitorder='little')
np.packbits(np.zeros((2, 0), int), axis=1)
np.packbits(np.unpackbits(u), bitorder='big').reshape(2, 2) == u
np.unpackbits(np.zeros(0, np.uint8))
np.dtype((np.void, 24))
np.dtype((np.bytes_, 5))
np.dtype((str, 3))
np.dtype((np.str_, 2))
np.dtype(('V', 4))
np.dtype((np.void, -1))
Z = np.array([[0, 1, 0], [1, 0, 0], [0, 1, 0], [1, 1, 1]])
T = np.ascontiguousarray(Z).view(np.dtype((np.void, Z.dtype.itemsize * Z.shape[1])))
T.shape
_, idx = np.unique(T, return_index=True)
Z[idx]
np.indices((len(x) for x in [[1, 2], [3]]))
np.indices(iter([2, 2]))
np.indices(3)
