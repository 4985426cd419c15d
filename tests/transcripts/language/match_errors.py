# match statement errors: CPython 3.11's compile-time SyntaxErrors and run-time TypeErrors.
def f(x):
    match x:
        case y:
            pass
        case 1:
            pass
def f(x):
    match x:
        case _:
            pass
        case 1:
            pass
def f(x):
    match x:
        case (_):
            pass
        case 2:
            pass
def f(x):
    match x:
        case 1 | _:
            pass
        case 2:
            pass
def f(x):
    match x:
        case a | b:
            pass
def f(x):
    match x:
        case y as z:
            pass
        case 1:
            pass
def f(x):
    match x:
        case y if y:
            pass
        case 1:
            pass
def f(x):
    match x:
        case [x, x]:
            pass
def f(x):
    match x:
        case {'a': x, **x}:
            pass
def f(x):
    match x:
        case [a] | b:
            pass
def f(x):
    match x:
        case [a, 1] | [1, b]:
            pass
def f(x):
    match x:
        case [a, *b, *c]:
            pass
def f(x):
    match x:
        case {1: a, 1: b}:
            pass
def f(x):
    match x:
        case {'a': a, 'a': b}:
            pass
def f(x):
    match x:
        case {True: a, 1.0: b}:
            pass
def f(x):
    match x:
        case {-0: a, 0: b}:
            pass
def f(x):
    match x:
        case int(real=a, real=b):
            pass
def f(x):
    match x:
        case Point(x=1, 2):
            pass
def f(x):
    match x:
        case a as _:
            pass
def f(x):
    match x:
        case a as 1:
            pass
def f(x):
    match x:
        case 1+1:
            pass
def f(x):
    match x:
        case 1j+1:
            pass
def f(x):
    match x:
        case -x:
            pass
def f(x):
    match x:
        case f'{x}':
            pass
def f(x):
    match x:
        case __debug__:
            pass
def f(x):
    match x:
        case {**_}:
            pass
def f(x):
    match x
        case 1:
            pass
def f(x):
    match x:
        case 1
            pass
def f(x):
    match x:
        case 1:
        pass
def f(x):
    match x:
    case 1:
        pass
def f(x):
    match *x:
        case 1:
            pass
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
class NoArgs:
    pass
class BadArgs:
    __match_args__ = ['x']
class NotStr:
    __match_args__ = (1,)
def g(x):
    match x:
        case NoArgs(a):
            return a
g(NoArgs())
g(1)
def g2(x):
    match x:
        case Point(a, b, c):
            return a
g2(Point(1, 2))
def g3(x):
    match x:
        case BadArgs(a):
            return a
g3(BadArgs())
def g4(x):
    match x:
        case NotStr(a):
            return a
g4(NotStr())
def g5(x):
    match x:
        case Point(a, x=b):
            return a
g5(Point(1, 2))
def g6(x):
    match x:
        case int(a, b):
            return a
g6(5)
not_a_class = 3
def g7(x):
    match x:
        case not_a_class():
            return 1
g7(0)
def g8(x):
    match x:
        case Point(z=z):
            return z
        case Point(x=x):
            return x
g8(Point(7, 8))
class K:
    A = 1
    B = 1.0
def g9(x):
    match x:
        case {K.A: a, K.B: b}:
            return a
g9({1: 2})
def g10(x):
    match x:
        case [a, b] if 1 / 0:
            return a
g10([1, 2])
def g11(x):
    match x:
        case {'a': [1, {'b': y}]}:
            return y
g11({'a': [1, {'b': 'deep'}]}), g11({'a': [1, {'c': 'deep'}]})
def g12(x):
    match x:
        case np.ndarray():
            return 'array'
        case np.int64(v):
            return 'int64'
import numpy as np
g12(np.zeros(2)), g12(np.int64(3))
def g13(x):
    match x:
        case [a, b]:
            return a
g13(np.array([1, 2]))
def g14(x):
    match x:
        case 1:
            return 'one'
g14(np.array([1, 2]))
