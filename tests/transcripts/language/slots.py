import sys
class V:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
class W:
    __slots__ = 'x'
class P:
    pass
v = V(1, 2); w = W()
sys.getsizeof(v), sys.getsizeof(w), sys.getsizeof(P()), V.__slots__
v.z = 3
w.x
v.__dict__
vars(v)
class V3(V):
    __slots__ = ('z',)
v3 = V3(1, 2); v3.z = 5; v3.x, v3.z, sys.getsizeof(v3)
v3.q = 1
class D(V):
    pass
d = D(1, 2); d.q = 9; d.q, vars(d), sys.getsizeof(d)
class B:
    __slots__ = ('a', '__dict__')
b = B(); b.a = 1; b.c = 2; vars(b), sys.getsizeof(b)
class Bad:
    x = 1
    __slots__ = ('x',)
class Bad2:
    __slots__ = (1,)
class Bad3:
    __slots__ = ('a b',)
del v.x
v.x
del v.x
class S:
    __slots__ = ['a', '__weakref__']
sys.getsizeof(S()), S.__slots__
s = S(); s.a = [1]; s.a
s.b = 2
