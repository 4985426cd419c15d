# np.broadcast pairs up elements of arrays as broadcasting would, without making the broadcast arrays: shape, size, index and tuples.
import numpy as np
x = np.array([[1], [2], [3]])
y = np.array([4, 5, 6])
b = np.broadcast(x, y)
b.shape, b.size, b.ndim, b.nd, b.numiter, b.index
type(b)
out = np.empty(b.shape)
out.flat = [u + v for (u, v) in b]
out
b.index
next(b)
b.reset()
b.index
next(b), next(b)
b.index
list(b)[:2]
b.index
b.reset()
[next(b) for _ in range(4)]
len(b.iters), type(b.iters[0])
np.broadcast(np.arange(3), 1.5).shape
list(np.broadcast(np.arange(3), 1.5))
list(np.broadcast([1, 2], [[True], [False]]))
np.broadcast(np.zeros((2, 1, 3)), np.zeros((4, 1))).shape
np.broadcast(np.zeros((2, 0)), 1).size
list(np.broadcast(np.zeros((2, 0)), 1))
np.broadcast(5).shape, np.broadcast(5).numiter
list(np.broadcast(5))
np.broadcast(b, np.arange(3)).shape
np.broadcast(b, np.arange(3)).numiter
np.broadcast(np.arange(2), np.arange(3))
np.broadcast(*[np.arange(2)] * 3).numiter
np.broadcast(*[np.arange(2)] * 65)
np.broadcast().shape, np.broadcast().size, np.broadcast().numiter
c = np.broadcast(np.arange(2), np.arange(2))
next(c), next(c)
next(c)
