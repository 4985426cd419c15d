# numpy-100 exercises whose solutions define functions, generators and classes (np.fromiter,
# np.intersect1d and generator shapes for np.indices are not in arrsh yet: adapted)
import numpy as np
def generate():
    for x in range(10):
        yield x
Z = np.array(list(generate()), dtype=float)
print(Z)
def cartesian(arrays):
    arrays = [np.asarray(a) for a in arrays]
    shape = tuple(len(x) for x in arrays)
    ix = np.indices(shape, dtype=int)
    ix = ix.reshape(len(arrays), -1).T
    for n, arr in enumerate(arrays):
        ix[:, n] = arrays[n][ix[:, n]]
    return ix
print(cartesian(([1, 2, 3], [4, 5], [6, 7])))
def iterate(Z):
    # Count neighbours
    N = (Z[0:-2,0:-2] + Z[0:-2,1:-1] + Z[0:-2,2:] +
         Z[1:-1,0:-2]                + Z[1:-1,2:] +
         Z[2:  ,0:-2] + Z[2:  ,1:-1] + Z[2:  ,2:])
    # Apply rules
    birth = (N==3) & (Z[1:-1,1:-1]==0)
    survive = ((N==2) | (N==3)) & (Z[1:-1,1:-1]==1)
    Z[...] = 0
    Z[1:-1,1:-1][birth | survive] = 1
    return Z
Z = np.zeros((6, 6), dtype=int)
Z[2, 1:4] = 1
for i in range(2):
    Z = iterate(Z)
print(Z)
def find_nearest(Z, z):
    return Z.flat[np.abs(Z - z).argmin()]
find_nearest(np.linspace(0, 1, 11), 0.33)
def distance(P0, P1, p):
    T = P1 - P0
    L = (T**2).sum(axis=1)
    U = -((P0[:,0]-p[...,0])*T[:,0] + (P0[:,1]-p[...,1])*T[:,1]) / L
    U = U.reshape(len(U),1)
    D = P0 + U*T - p
    return np.sqrt((D**2).sum(axis=1))
P0 = np.array([[0., 0.], [1., 0.]])
P1 = np.array([[0., 1.], [1., 1.]])
distance(P0, P1, np.array([0.5, 0.5]))
from itertools import combinations
def pairs(n):
    return np.array(list(combinations(range(n), 2)))
pairs(4)
class Counter2:
    def __init__(self):
        self.n = 0
    def __call__(self, x):
        self.n += 1
        return x * 2
c = Counter2()
np.array([c(x) for x in range(4)]), c.n
def moving_average(a, n=3):
    ret = np.cumsum(a, dtype=float)
    ret[n:] = ret[n:] - ret[:-n]
    return ret[n - 1:] / n
moving_average(np.arange(20))
from functools import reduce
reduce(np.maximum, [np.array([1, 5, 3]), np.array([2, 3, 4]), np.array([0, 4, 5])])
from collections import Counter
Counter(np.array([1, 1, 2, 3, 3, 3]).tolist()).most_common(1)
