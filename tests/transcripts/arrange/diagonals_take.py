# diagonal (a read-only view), diag, trace, tri/triu/tril, take/put and the along-axis pair.
import numpy as np
a = np.arange(9).reshape(3, 3)
d = np.diagonal(a)
d
d.strides, d.base is a, d.flags.writeable
d[0] = 5
np.diagonal(a, 1)
np.diagonal(a, -1)
a.diagonal(offset=2)
np.diagonal(a, 5)
np.diagonal(np.arange(24).reshape(2, 3, 4)).shape
np.diagonal(np.arange(24).reshape(2, 3, 4), axis1=1, axis2=2)
np.diagonal(np.arange(3))
np.diag(np.array([1, 2, 3]))
np.diag([1, 2], k=1)
np.diag([1.5, 2.5], -1)
np.diag(a)
np.diag(a, 1)
np.diag(np.zeros((2, 2, 2)))
np.trace(a)
np.trace(a, 1)
a.trace()
np.trace(np.eye(3), dtype=int)
np.tri(3)
np.tri(3, 5, 2, dtype=int)
np.tri(3, k=-1)
np.triu(a)
np.triu(a, 1)
np.tril(a)
np.tril(a, -1)
np.triu(np.ones((2, 3, 3)))[1]
np.tril([1, 2, 3])
x = np.array([4, 3, 5, 7, 6, 8])
np.take(x, [0, 1, 4])
np.take(x, [[0, 1], [2, 3]])
x.take([5, 0])
np.take(a, [0, 2], axis=1)
np.take(a, 1, axis=0)
np.take(x, [10])
np.take(x, [10, -10], mode='wrap')
np.take(x, [10, -10], mode='clip')
np.put(x, [0, 2], [-44, -55])
x
y = np.arange(5)
np.put(y, [0, 1, 2, 3], [-1, -2])
y
y.put([4], 99)
y
m = np.array([[10, 30, 20], [60, 40, 50]])
ai = np.argsort(m, axis=1)
np.take_along_axis(m, ai, axis=1)
np.take_along_axis(m, np.argmax(m, axis=1, keepdims=True), axis=1)
np.take_along_axis(m, np.argsort(m, axis=None), axis=None)
np.put_along_axis(m, np.argmax(m, axis=1, keepdims=True), 99, axis=1)
m
np.take_along_axis(m, np.array([0, 1]), axis=1)
