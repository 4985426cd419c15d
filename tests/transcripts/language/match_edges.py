# match edge cases: __match_args__ naming one attribute twice, unhashable keys, star-only sequences, or-patterns reordering captures, recursion in guards, yield in guards and subjects.
class Twice:
    __match_args__ = ('x', 'x')
    x = 1
def tw(v):
    match v:
        case Twice(a, b):
            return a
tw(Twice())
class KW:
    __match_args__ = ('x',)
    x = 1
def kw(v):
    match v:
        case KW(a, x=b):
            return a
kw(KW())
class Unh:
    A = [1]
def unh(v):
    match v:
        case {Unh.A: 1}:
            return 'x'
unh({1: 2})
unh([])
def star_tuple(v):
    match v:
        case (*a,):
            return a
star_tuple((1, 2)), star_tuple([])
def tail_or(v):
    match v:
        case [*_, (1 | 2) as x]:
            return x
tail_or([5, 2]), tail_or([3]), tail_or([])
def gen_subject(v):
    match (i for i in v):
        case [a]:
            return 'seq'
        case _:
            return 'generator is not a sequence'
gen_subject([1])
def rec(n):
    match n:
        case 0:
            return 0
        case _ if rec(n - 1) >= 0:
            return n
rec(50)
def bad_eq(v):
    class E:
        def __eq__(self, o):
            raise ValueError('eq refused')
    class NS:
        e = E()
    match v:
        case NS.e:
            return 1
bad_eq(1)
def str_key(v):
    match v:
        case {'a': 1, 'b': [x, *_]} | {'c': x}:
            return x
str_key({'a': 1, 'b': [9, 8]}), str_key({'c': 'cc'}), str_key({'a': 2, 'b': [1]})
def many_names(v):
    match v:
        case [a, b, c, d, e, f, g, h, i, j]:
            return a + b + c + d + e + f + g + h + i + j
many_names(list(range(10)))
def or_order(v):
    match v:
        case [a, b, c] | (c, b, a, _):
            return a, b, c
or_order([1, 2, 3]), or_order((1, 2, 3, 4))
def bool_int(v):
    match v:
        case {True: t}:
            return t
bool_int({1: 'one'}), bool_int({1.0: 'float'})
def mk(v):
    match v:
        case {0: z, -0.0: y}:
            return z
mk({0: 1})
def yguard(items):
    for it in items:
        match it:
            case [a, b] if (yield a):
                yield 'guard true'
            case _:
                yield 'default'
g = yguard([[1, 2], [0, 3], 'x'])
next(g), g.send(True), next(g), g.send(False), next(g)
def ysubject():
    match (yield 'send me'):
        case {'k': v}:
            yield v
g = ysubject()
next(g), g.send({'k': 'got it'})
import sys
sys.getsizeof(yguard([]))
import numpy as np
def g(x):
    match x:
        case 1: y = np.float64(1) / 0
        case [a] if np.float64(a) / 0 > 0:
            pass
g(1), g([1])
def h(x):
    match x:
        case 1:
            y = np.float64(1) / 0
        case _ if np.float64(2) / 0 > 0:
            pass
h(1), h(2)
