# The match statement (PEP 634): every pattern kind, bindings, guards, errors.
def h(x):
    match x:
        case [1, *rest]:
            return ('starts with 1', rest)
        case {'k': v}:
            return v
        case int(n) if n > 3:
            return 'big'
        case _:
            return 'other'
h([1, 2, 3]), h({'k': 9}), h(5), h(2)
def lit(x):
    match x:
        case 0:
            return 'zero'
        case -1:
            return 'minus one'
        case 2.5:
            return 'two and a half'
        case 1+2j:
            return 'complex'
        case -1-1j:
            return 'negative complex'
        case 'hi' | "hello":
            return 'greeting'
        case b'raw':
            return 'bytes'
        case None:
            return 'none'
        case True:
            return 'true'
        case False:
            return 'false'
    return 'no match'
[lit(v) for v in (0, -1, 2.5, 1+2j, -1-1j, 'hi', 'hello', b'raw', None, True, False, 0.0, 1, 3)]
lit(1.0), lit(False), lit(0), lit(-0.0), lit(complex(1, 2))
def cap(x):
    match x:
        case y:
            return y * 2
cap(21), cap('ab')
def wild(x):
    match x:
        case _:
            return 'anything'
wild(None), wild([])
class Color:
    RED = 'r'
    GREEN = 'g'
class K:
    A = 'a'
    B = 'b'
def val(x):
    match x:
        case Color.RED:
            return 'red'
        case Color.GREEN:
            return 'green'
        case K.A:
            return 'K.A'
    return 'none'
val('r'), val(Color.GREEN), val('a'), val(1)
def grp(x):
    match x:
        case (1):
            return 'one'
        case (y):
            return ('y', y)
grp(1), grp(2)
def seq(x):
    match x:
        case []:
            return 'empty'
        case [a]:
            return ('one', a)
        case [a, b]:
            return ('two', a, b)
        case (a, b, c):
            return ('three', a, b, c)
        case [a, *mid, z]:
            return ('many', a, mid, z)
    return 'not a sequence'
seq([]), seq([1]), seq((1, 2)), seq([1, 2, 3]), seq(range(5))
seq('ab'), seq(b'ab'), seq(bytearray(b'ab')), seq({1, 2}), seq({'a': 1})
def star(x):
    match x:
        case [*_]:
            return 'any sequence'
star([]), star((1, 2)), star('no')
def star2(x):
    match x:
        case [first, *_, last]:
            return first, last
        case [*_, 'end']:
            return 'ends'
star2([1, 2, 3, 4]), star2([9, 8]), star2([1]), star2(['end'])
def star3(x):
    match x:
        case [*head, 0]:
            return head
        case [*all_]:
            return all_
star3([1, 2, 0]), star3((3, 4)), star3([0])
def bare(x):
    match x:
        case a, b:
            return a + b
        case a, *b:
            return b
bare((1, 2)), bare([1, 2, 3]), bare('xy')
def nested(x):
    match x:
        case [(a, b), [c, [d]]]:
            return a, b, c, d
        case [[[[y]]]]:
            return y
nested([(1, 2), [3, [4]]]), nested([[[[5]]]]), nested([1])
def mapping(x):
    match x:
        case {}:
            return 'a mapping'
mapping({}), mapping({'a': 1}), mapping([])
def mapping2(x):
    match x:
        case {'a': 1, 'b': b}:
            return ('ab', b)
        case {'a': a, **rest}:
            return ('a', a, rest)
        case {**rest}:
            return ('rest', rest)
    return 'none'
mapping2({'a': 1, 'b': 2}), mapping2({'a': 5, 'c': 3, 'd': 4}), mapping2({'z': 0}), mapping2('a')
def mapping3(x):
    match x:
        case {1: one, 2.5: f, None: n, Color.RED: r}:
            return one, f, n, r
mapping3({1: 'i', 2.5: 'f', None: 'n', Color.RED: 'r', 'extra': 0}), mapping3({1: 'i'})
from collections import defaultdict, OrderedDict, Counter
d = defaultdict(list, a=1)
def mapping4(x):
    match x:
        case {'a': a, 'missing': m}:
            return 'both'
        case {'a': a}:
            return a
mapping4(d), dict(d), mapping4(OrderedDict(a=2)), mapping4(Counter('aab'))
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
def where(p):
    match p:
        case Point(0, 0):
            return 'origin'
        case Point(0, y):
            return f'on the y axis at {y}'
        case Point(x=0):
            return 'x is zero?'
        case Point(x, y=0):
            return f'on the x axis at {x}'
        case Point():
            return 'somewhere'
        case _:
            return 'not a point'
where(Point(0, 0)), where(Point(0, 3)), where(Point(4, 0)), where(Point(1, 1)), where(5)
def builtins_self(x):
    match x:
        case bool(b):
            return ('bool', b)
        case int(i):
            return ('int', i)
        case float(f):
            return ('float', f)
        case str(s):
            return ('str', s)
        case bytes(b):
            return ('bytes', b)
        case bytearray(b):
            return ('bytearray', b)
        case list(l):
            return ('list', l)
        case tuple(t):
            return ('tuple', t)
        case dict(d):
            return ('dict', d)
        case frozenset(s):
            return ('frozenset', s)
        case set(s):
            return ('set', s)
    return 'other'
[builtins_self(v) for v in (True, 3, 2.5, 's', b'b', bytearray(b'x'), [1], (2,), {'k': 1}, frozenset({1}), {2}, None)]
def kw_builtin(x):
    match x:
        case int(real=r, imag=i):
            return r, i
        case complex(real=r, imag=i):
            return r, i
kw_builtin(5), kw_builtin(3+4j), kw_builtin('no')
def cls_noargs(x):
    match x:
        case int() | float():
            return 'number'
        case str():
            return 'text'
cls_noargs(1), cls_noargs(1.5), cls_noargs('a'), cls_noargs(None)
def orp(x):
    match x:
        case 1 | 2 | 3:
            return 'small'
        case [a] | (a, _):
            return ('a', a)
        case {'k': v} | Point(x=v):
            return ('v', v)
    return 'none'
orp(2), orp([7]), orp((8, 9)), orp({'k': 'kk'}), orp(Point(5, 6)), orp(4)
def orp2(x):
    match x:
        case (a, b, 0) | (b, a, 1):
            return a, b
orp2((1, 2, 0)), orp2((1, 2, 1)), orp2((1, 2, 2))
def asp(x):
    match x:
        case [1, 2] as whole:
            return whole
        case (int() | float()) as num:
            return ('num', num)
        case [(1 | 2) as first, *_] as all_:
            return first, all_
asp([1, 2]), asp(3.5), asp([2, 9]), asp('x')
def guard(x):
    match x:
        case [a, b] if a == b:
            return 'equal'
        case [a, b] if a > b:
            return 'descending'
        case [a, b]:
            return 'ascending'
        case n if n:
            return 'truthy'
        case _ if False:
            return 'never'
    return 'fell through'
guard([1, 1]), guard([2, 1]), guard([1, 2]), guard(5), guard(0)
def binds(x):
    a = b = 'unbound'
    match x:
        case [a, 0]:
            pass
        case [b, 1] if False:
            pass
    return a, b
binds([5, 1]), binds([6, 0]), binds([7, 9])
def order():
    log = []
    class Eq:
        def __init__(self, name):
            self.name = name
        def __eq__(self, other):
            log.append(self.name)
            return False
    class NS:
        A = Eq('A')
        B = Eq('B')
    match 1:
        case NS.A | NS.B:
            pass
        case [NS.A]:
            pass
    return log
order()
def sub_tuple(x):
    match x, len(x):
        case ([a, *_], 1):
            return ('one', a)
        case (_, n):
            return ('len', n)
sub_tuple([4]), sub_tuple('abc')
def arr(x):
    match x:
        case [a, b]:
            return 'sequence'
        case np.ndarray(shape=(2,)):
            return 'array of two'
    return 'other'
import numpy as np
arr(np.array([1, 2])), arr([1, 2]), arr(np.array([1, 2, 3]))
def in_loop(items):
    out = []
    for it in items:
        match it:
            case 'stop':
                break
            case 'skip':
                continue
            case x:
                out.append(x)
    return out
in_loop([1, 'skip', 2, 'stop', 3])
def gen(items):
    for it in items:
        match it:
            case (k, v):
                yield k
            case _:
                yield None
list(gen([(1, 2), 3, ('a', 'b')]))
match = 5
match
case = [1]
match, case
def match(x): return x * 2
match(4), match (4)
match_ = [case for case in range(3)]
match_
def soft():
    match = {'match': 1}
    match match:
        case {'match': case}:
            return case
soft()
