# The pre-1.23 workaround: view a zero-length slice as the big dtype, then as_strided it back out.
import numpy as np
from numpy.lib.stride_tricks import as_strided
a = (np.arange(30) * 37 % 256).astype('B').view('c')
stub = a[:0].view('S3')
stub
stub.shape
stub.dtype
stub.strides
s = as_strided(stub, ((len(a)) - 2,), (1,))
s.shape
s.strides
s[:4]
s[-3:]
np.shares_memory(s, a)
X = np.arange(32, dtype='uint32').reshape(8, 4)[:, :2]
X.strides
X[:0]
X[:0].view(np.uint64)
X[:0].view(np.uint64).shape
Y = as_strided(X[:0].view(np.uint64), (8, 1), X.strides)
Y
Y.strides
Y.dtype
(Y == X.view(np.uint64)).all()
as_strided(x=X[:0].view(np.uint64), shape=(8,), strides=(16,))
