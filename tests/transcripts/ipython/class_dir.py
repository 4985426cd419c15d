# dir() and vars() of classes and instances made with `class`.
import numpy as np
class A:
    def __init__(self):
        self.x = 1
    def m(self): pass
class B(A):
    y = 2
a = A()
b = B()
dir(a)
[n for n in dir(b) if not n.startswith('__')]
vars(a)
b.z = 3
vars(b)
sorted(vars(B))
dir(A) == dir(a)
