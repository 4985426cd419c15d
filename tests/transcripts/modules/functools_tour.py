# functools: reduce, partial, caching and wrapping decorators
import functools
from functools import reduce, partial, lru_cache, wraps
reduce(lambda a, b: a * b, range(1, 6))
reduce(lambda a, b: a + b, [], 10)
reduce(lambda a, b: a + b, ['a', 'b', 'c'])
reduce(max, [3, 8, 1])
reduce(lambda a, b: a + b, [])
def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
square(7)
cube = partial(power, exponent=3)
[cube(x) for x in range(5)]
twice = partial(max, 2)
twice
twice(1), twice(5)
square.func is power, square.args, square.keywords
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib(80)
fib.cache_info()
fib.cache_clear()
fib.cache_info()
@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
fact(30)
fact.cache_info()
@lru_cache
def slow_square(x):
    print('computing', x)
    return x * x
slow_square(4), slow_square(4), slow_square(5)
def shout(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    return wrapper
@shout
def greet(name):
    """Say hello."""
    return 'hello ' + name
greet('ada')
greet.__name__, greet.__doc__
greet.__wrapped__('ada')
def compare_len(a, b):
    return len(a) - len(b)
sorted(['ccc', 'a', 'bb', 'dddd'], key=functools.cmp_to_key(compare_len))
sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a))
