# a.resize changes the array in place (a new buffer when the size changes); NumPy refuses while anything else refers to it
import numpy as np
a = np.arange(6)
a.resize(2, 4)
a
a.resize((3,))
a.resize(8)
a.resize(2, 2, 2)
a.shape
d = np.arange(3)
e = d
d.resize(5)
d.resize(5, refcheck=False)
e
del e
c = np.arange(4).reshape(2, 2)
c.T.resize(4)
c.resize(5, 5)
g = np.arange(6)[::2]
g.resize(3)
np.arange(3).resize(4)
def grow(q):
    q.resize(9)
k = np.arange(3)
grow(k)
m = k.resize
m(4)
del m
np.ndarray.resize(k, 4)
k.resize([2, 2])
k
f = np.zeros((2, 3), order='F')
f.resize(4, 2)
f.strides
h = np.arange(4)
h.resize(())
h.shape
z = np.zeros(3)
z.resize(2, 0)
z.strides
y = np.array([1.5, 2.5])
y.resize(2, 2)
y
s = np.array(['ab', 'c'])
s.resize(3)
s
x = np.zeros(3)
x.resize()
x.resize(None)
x.resize(-1)
x.resize(1e3)
x.resize('a')
x.resize(2, refcheck='x')
x.resize(2, 3, order='F')
x.resize(2, 2, 2, refcheck=False, order='F')
x.resize(2**62, 2**62)
x
