# r_, c_, unravel_index, ravel_multi_index, ndindex, ndenumerate, nditer and a.flat
import numpy as np
np.r_[np.array([1, 2, 3]), 0, 0, np.array([4, 5, 6])]
np.r_[-1:1:6j, [0]*3, 5, 6]
np.r_[1:4, 0, 4]
np.r_['0,2', [1, 2, 3], [4, 5, 6]]
np.r_['0,2,0', [1, 2, 3], [4, 5, 6]]
np.r_['1,2,0', [1, 2, 3], [4, 5, 6]]
a = np.array([[0, 1, 2], [3, 4, 5]])
np.r_['-1', a, a]
np.r_[1.5, 2, 3]
np.r_[np.array([1, 2], dtype=np.int8), 300]
np.c_[np.array([1, 2, 3]), np.array([4, 5, 6])]
np.c_[np.array([[1, 2, 3]]), 0, 0, np.array([[4, 5, 6]])]
np.c_[np.zeros(3), np.ones(3)]
np.unravel_index(22, (7, 6))
np.unravel_index([22, 41, 37], (7, 6))
np.unravel_index(1621, (6, 7, 8, 9), order='F')
Z = np.arange(12).reshape(3, 4)
np.unravel_index(np.argmax(Z), Z.shape)
np.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (7, 6))
np.ravel_multi_index((3, 1, 4, 1), (6, 7, 8, 9))
np.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (7, 6), order='F')
np.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (4, 6), mode='clip')
np.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (4, 4), mode=('clip', 'wrap'))
list(np.ndindex(2, 3))
list(np.ndindex((2, 2)))
for index in np.ndindex(3, 2, 1):
    print(index)
for index, x in np.ndenumerate(np.array([[1, 2], [3, 4]])):
    print(index, x)
list(np.ndenumerate(np.array([1.5, 2.5])))
a = np.arange(6).reshape(2, 3)
for x in np.nditer(a):
    print(x, end=' ')
for x in np.nditer(a.T):
    print(x, end=' ')
for x in np.nditer(a.T, order='C'):
    print(x, end=' ')
[x for x in np.nditer(np.arange(3))]
b = np.arange(6).reshape(2, 3)
for x in np.nditer(b, op_flags=['readwrite']):
    x[...] = 2 * x
b
a.flat[4]
a.flat[-1]
a.T.flat[1:4]
a.flat[[1, 4]]
list(a.flat)
for v in a.flat:
    print(v, end=' ')
len(a.flat)
c = np.zeros((2, 3))
c.flat[::2] = 7
c
c.flat = 5
c.flat[[0, 5]] = [1, 2]
c
np.unravel_index(100, (3, 4))
np.ravel_multi_index((7, 1), (7, 6))
list(np.ndindex(-1))
