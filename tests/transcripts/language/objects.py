# Functions, classes, instances, generators and exceptions are objects: their getsizeof, which ids are shared (constants of a function, cached small ints, bound methods made per access), and when freed memory is reused.
import numpy as np
import sys
def f():
    return 1000
f() is f()
def g():
    return 10 ** 5
g() is g()
sys.getsizeof(f)
sys.getsizeof(lambda: 0)
class P:
    def m(self):
        return self
p = P()
sys.getsizeof(p)
sys.getsizeof(p.m)
p.m is p.m, p.m == p.m
p.m() is p
def gen():
    yield 1
sys.getsizeof(gen())
def gen2(a, b):
    x = a + b
    yield x
sys.getsizeof(gen2(1, 2))
sys.getsizeof(x for x in [])
sys.getsizeof(ValueError('x'))
class E(Exception):
    pass
sys.getsizeof(E('x'))
sys.getsizeof(property())
def outer():
    v = 1
    def inner():
        return v
    return inner
cell = outer().__closure__[0]
sys.getsizeof(cell)
ids = [id(P()) for _ in range(3)]
ids[0] == ids[1] == ids[2]
kept = [P() for _ in range(3)]
len({id(o) for o in kept})
a = P(); b = P()
a is b, a == b
type(a) is type(b) is P
def make():
    return [1000, 1000]
pair = make()
pair[0] is pair[1]
def consts():
    return (1, 2, 3)
consts() is consts()
t1 = f(); t2 = f()
t1 is t2
