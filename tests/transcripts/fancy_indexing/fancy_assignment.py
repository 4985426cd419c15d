# Writing through advanced indexes: a[a > 2] = 0 writes in place; repeated indices keep the last value.
import numpy as np
a = np.arange(6)
a[a > 2] = 0
a
a[[0, 1]] = [10, 20]
a
a[[0, 0, 0]] = [1, 2, 3]
a
a = np.zeros(4, dtype=int)
a[[0, 0]] += 1
a
a[[1, 1, 2]] += 5
a
a
a[[1, 2]] = 7.9
a
a[a == 7] = -1
a
a[a < 0] = [100, 200]
a
a[a > 50] = [1, 2, 3]
a[a > 50] = np.array([[1, 2]])
a[[0, 1]] = [1, 2, 3]
a[[9]] = 1
a[[0]] = np.ones((1, 1, 1))
a
m = np.zeros((3, 4), dtype=int)
m[[0, 2]] = 1
m
m[:, [1, 3]] = [[5, 6]]
m
m[[0, 1], [1, 2]] = 9
m
m[m == 9] = [7, 8]
m
m[:, [0, 1]] = np.ones((3, 3))
m[1:, [0, 3]] = np.arange(4).reshape(2, 2)
m
m[np.array([True, False, True])] = -1
m
u = np.zeros(3, dtype=np.uint8)
u[[0, 1]] = 300
u[[0, 1]] = [1, 256]
u[[0]] = -1
u[u == 0] = 255
u
r = np.arange(4)
r.flags.writeable = False
r[[0]] = 1
r[r > 1] = 0
b = np.broadcast_to(np.arange(3), (2, 3))
b[0, [0]] = 1
