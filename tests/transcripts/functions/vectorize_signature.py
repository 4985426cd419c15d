# np.vectorize(signature=...) hands pyfunc whole sub-arrays (core dimensions, like a gufunc) and loops over the rest.
import numpy as np
row_mean = np.vectorize(np.mean, signature='(n)->()')
row_mean.signature
row_mean(np.arange(6).reshape(2, 3))
np.vectorize(np.dot, signature='(n),(n)->()')(np.arange(6).reshape(2, 3), np.arange(3))
outer = np.vectorize(lambda a, b: np.outer(a, b), signature='(m),(n)->(m,n)')
outer(np.arange(2), np.arange(3))
outer(np.arange(4).reshape(2, 2), np.arange(3)).shape
np.vectorize(lambda v: (v.min(), v.max()), signature='(n)->(),()')(np.arange(6).reshape(2, 3))
np.vectorize(lambda x: x * 2, signature='(n)->(n)', otypes=[float])(np.arange(3))
np.vectorize(lambda x: x.sum(), signature=' ( n ) -> ( ) ')(np.ones((2, 2, 2)))
def show(v):
    print(type(v).__name__, v)
    return v
np.vectorize(show, signature='()->()')(np.arange(3))
np.vectorize(lambda x: x, signature='(n)->')
np.vectorize(lambda x: x, signature='(n)->(n')
np.vectorize(np.dot, signature='(n),(n)->()')(np.arange(3), np.arange(4))
np.vectorize(np.sum, signature='(n,m)->()')(np.arange(3))
np.vectorize(np.sum, signature='(n)->()')(np.arange(3), np.arange(3))
np.vectorize(np.sum, signature='(n)->()')()
np.vectorize(lambda v: (v, v), signature='(n)->()')(np.arange(3))
np.vectorize(np.sum, signature='(n)->()')(np.zeros((0, 3)))
np.vectorize(np.sum, signature='(n)->()', otypes=[float])(np.zeros((0, 3)))
np.vectorize(np.sum, signature='(n)->(m)', otypes=[float])(np.zeros((0, 3)))
np.vectorize(np.dot, signature='(n),(n)->()')(np.ones((2, 3)), np.ones((4, 3)))
np.vectorize(lambda x: [1, 2], signature='()->(k)')(np.arange(2))
