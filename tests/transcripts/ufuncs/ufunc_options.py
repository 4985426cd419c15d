# Options every ufunc call takes: out= (the result lands in an existing array, returned itself), where= and dtype=.
import numpy as np
a = np.arange(5)
out = np.zeros(5)
r = np.add(a, 10, out=out)
r
r is out
out
np.multiply(a, 2, out)
out
np.sqrt(np.arange(4.0), out=np.empty(4))
b = np.zeros(5, dtype=int)
np.add(a, 1.5, out=b)
np.add(a, 1.5, out=b, casting='unsafe')
b
np.add(a, 1, out=[0, 0, 0, 0, 0])
np.add(a, 1, out=np.zeros(3))
np.negative(a, out=(np.zeros(5, int),))
c = np.full(5, -1.0)
np.add(a, 100, out=c, where=a % 2 == 0)
c
np.exp(np.zeros(3), out=np.ones(3), where=[True, False, True])
np.add(1, 2, dtype=np.float32)
np.multiply(np.arange(3), 3, dtype='f8')
np.negative(np.arange(3), dtype=np.float32)
v = np.arange(6.0)
np.sqrt(v[::2], out=v[::2])
v
m = np.ones((2, 3))
np.add(m, np.arange(3), out=m)
m
