# Functions: def with defaults, *args, **kwargs and keyword-only parameters, closures, nonlocal/global, recursion, lambdas, decorators, and CPython's argument errors.
import numpy as np
def add(a, b=10):
    return a + b
add(1)
add(1, 2)
add(b=5, a=1)
add
add()
add(1, 2, 3)
add(1, a=2)
add(1, c=3)
def collect(first, *rest, sep='-', **options):
    return first, rest, sep, options
collect(1)
collect(1, 2, 3, sep='+', x=1, y=2)
collect
def kwonly(a, *, k):
    return a * k
kwonly(2, k=3)
kwonly(2)
kwonly(2, 3)
def pos(a, /, b):
    return a - b
pos(5, 2)
pos(a=5, b=2)
def counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
c = counter()
c(), c(), c()
total = 0
def bump(n):
    global total
    total += n
bump(3); bump(4)
total
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
fact(20)
fact(30)
def forever(n):
    return forever(n + 1)
forever(0)
square = lambda x: x * x
square(7)
square
(lambda *a, **k: (a, k))(1, 2, z=3)
def twice(f):
    def wrapper(*args):
        return f(f(*args))
    return wrapper
@twice
def inc(x):
    return x + 1
inc(5)
inc.__name__
def noreturn():
    pass
print(noreturn())
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
[fib(i) for i in range(15)]
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
[f(10) for f in make_adders()]
def shadow():
    print(x)
    x = 1
shadow()
def uses_global():
    return undefined_name
uses_global()
add.__defaults__
fact.__qualname__, counter().__qualname__
sorted([3, 1, 2], key=lambda v: -v)
list(map(lambda v: v * 2, range(4)))
a = np.arange(5)
def scale(arr, k=2):
    return arr * k
scale(a)
scale(a, k=0.5)
