# np.vectorize calls a Python function once per element (a loop, not a ufunc): its result dtype comes from otypes= or from a first trial call.
import numpy as np
def clipped(x, lo):
    return lo if x < lo else x
vclip = np.vectorize(clipped)
vclip(np.array([1, 5, 2, 8]), 3)
vclip(np.array([1.5, 5.0, 2.0]), 3)
vclip([[1, 4], [7, 2]], [2, 5])
def show(x):
    print(type(x).__name__, x)
    return x * 10
np.vectorize(show)(np.array([1, 2, 3]))
np.vectorize(show)([1, 2.5])
np.vectorize(show, otypes=[float])(np.array([1, 2]))
np.vectorize(show)(7)
def half(x):
    return x / 2 if x > 2 else x
np.vectorize(half)(np.array([1, 2, 3, 4]))
np.vectorize(half, otypes=[float])(np.array([1, 2, 3, 4]))
np.vectorize(half, otypes='d')([1, 2, 3, 4])
np.vectorize(lambda x: x > 2)(np.arange(5))
np.vectorize(lambda x: str(x) * 2)(np.arange(3))
np.vectorize(lambda x: complex(x, 1))(np.arange(2))
np.vectorize(lambda x, y: x + y)(np.arange(3).reshape(3, 1), np.arange(2))
def divmod2(x):
    return x // 2, x % 2
q, r = np.vectorize(divmod2)(np.arange(5))
q, r
np.vectorize(divmod2, otypes=[float, int])(np.arange(3))
v = np.vectorize(clipped)
v.__name__, v.otypes, v.excluded, v.signature, v.cache
vk = np.vectorize(lambda x, scale=1: x * scale)
vk(np.arange(3), scale=10)
vk(np.arange(3), 10)
np.vectorize(lambda x: x, otypes=[int])(np.array([], dtype=float))
np.vectorize(lambda x: x)(np.array([]))
np.vectorize(lambda: 1)()
np.vectorize(lambda x: x + 1)(np.array([[1.5]], dtype=np.float32))
np.vectorize(lambda x: x, otypes='q?z')
np.vectorize(lambda x: x, otypes=5)
np.vectorize(3)
np.vectorize(lambda x, y: x)(np.arange(2), np.arange(3))
np.vectorize(lambda x: 1 / x)(np.array([1, 0]))
@np.vectorize
def cube(x):
    return x ** 3
cube(np.arange(4))
@np.vectorize(otypes=[float])
def square(x):
    return x * x
square([1, 2, 3])
square.__name__
np.vectorize(lambda x: int(x))(np.array([1.7, -2.2]))
np.vectorize(lambda x: x)(np.array(['ab', 'c']))
np.vectorize(lambda x: x)(np.array([True, False]))
np.vectorize(len)(np.array(['ab', 'cde']))
calls = []
def record(x):
    calls.append(x)
    return x
t = np.vectorize(record)(np.arange(6).reshape(2, 3).T)
calls, t.flags.f_contiguous
calls = []
np.vectorize(record)(np.arange(6).reshape(2, 3)[:, ::-1]), calls
np.vectorize(lambda x, y: x * 10 + y, excluded={1})(np.arange(3), 5)
np.vectorize(lambda x, y=2: x * y, excluded={'y'})(np.arange(3), y=3)
np.vectorize(lambda x, otypes=None: x, otypes=[float, 'U3']).otypes
np.vectorize(lambda x: (x, x, x) if x else (x, x))(np.arange(2))
np.vectorize(lambda x: [x], otypes=[float])(np.arange(2))
np.vectorize(lambda x: [x])(np.arange(2))
np.vectorize(lambda x: x + 0.5, otypes='l')(np.arange(3))
np.vectorize(lambda x: None, otypes='d')(np.arange(2))
np.vectorize(lambda x: x * 2)('ab')
np.vectorize(abs)(np.array([-1.5, 2.0], dtype=np.float16))
np.vectorize(lambda x: None)(np.arange(2))
np.vectorize(lambda x, y: x @ y, signature='(n),(n)->()').signature
