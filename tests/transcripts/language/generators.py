# Generators are lazy: a body runs only as far as the next yield; next() and StopIteration, infinite generators, send, yield from, return values, generator expressions.
import numpy as np
def count_up(start):
    n = start
    while True:
        yield n
        n += 1
g = count_up(5)
next(g)
next(g), next(g)
type(g)
def noisy():
    print('started')
    yield 1
    print('resumed')
    yield 2
    print('finished')
h = noisy()
print('made, nothing printed yet')
next(h)
next(h)
next(h)
next(h, 'default')
def squares(n):
    for i in range(n):
        yield i * i
list(squares(5))
sum(squares(4))
[x for x in squares(3)]
evens = (n for n in count_up(0) if n % 2 == 0)
[next(evens) for _ in range(4)]
lazy = (1 / x for x in [1, 2, 0, 4])
next(lazy), next(lazy)
next(lazy)
def with_return():
    yield 'a'
    return 'done'
w = with_return()
next(w)
try:
    next(w)
except StopIteration as e:
    print('stopped with', e.value)
def chain(*iterables):
    for it in iterables:
        yield from it
list(chain([1, 2], 'ab', range(3)))
def delegate():
    r = yield from with_return()
    yield r
list(delegate())
def echo():
    received = None
    while True:
        received = yield received
e = echo()
next(e)
e.send('hello')
e.send(42)
e.close()
next(e, 'closed')
gen_size = len(list(count_up(0) for _ in range(3)))
gen_size
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
[next(f) for _ in range(10)]
def take(n, it):
    for _, x in zip(range(n), it):
        yield x
list(take(5, fib()))
dict(zip('abc', count_up(1)))
a = np.arange(4)
def doubled(arr):
    for v in arr:
        yield v * 2
list(doubled(a))
def bad():
    yield 1
    raise ValueError('inside the generator')
b = bad()
next(b)
next(b)
def stop_inside():
    yield 1
    raise StopIteration
list(stop_inside())
it = iter([1, 2])
next(it), next(it)
next(it)
