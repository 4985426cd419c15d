# match semantics: equality, identity, inheritance, side effects, scopes.
import numpy as np
def one(x):
    match x:
        case 1:
            return 'equals 1'
        case 'True':
            return 'string'
    return 'no'
one(True), one(1.0), one(1+0j), one(np.int64(1)), one('1')
one(np.float64(1.0)), one(np.int8(1))
def singleton(x):
    match x:
        case True:
            return 'is True'
        case None:
            return 'is None'
    return 'no'
singleton(True), singleton(1), singleton(np.True_), singleton(None), singleton(0)
def nan(x):
    match x:
        case float(v) if v != v:
            return 'nan'
        case 1e309:
            return 'inf'
    return 'finite'
nan(float('nan')), nan(float('inf')), nan(2.0)
def npfloat(x):
    match x:
        case float(f):
            return type(f).__name__
        case int(i):
            return type(i).__name__
    return 'neither'
npfloat(np.float64(1.5)), npfloat(np.float32(1.5)), npfloat(np.int64(2)), npfloat(True)
class Base:
    __match_args__ = ('a',)
    def __init__(self, a):
        self.a = a
class Derived(Base):
    pass
class Redefined(Base):
    __match_args__ = ('a', 'b')
    def __init__(self, a, b):
        self.a = a
        self.b = b
def inherit(x):
    match x:
        case Redefined(a, b):
            return ('redefined', a, b)
        case Base(a):
            return (type(x).__name__, a)
inherit(Base(1)), inherit(Derived(2)), inherit(Redefined(3, 4))
class Loud:
    __match_args__ = ('p',)
    def __init__(self):
        self.log = []
    @property
    def p(self):
        self.log.append('p')
        return 1
    @property
    def q(self):
        self.log.append('q')
        return 2
def loud(x):
    match x:
        case Loud(0, q=2):
            return 'first'
        case Loud(1, q=3):
            return 'second'
        case Loud(1, q=2):
            return 'third'
o = Loud()
loud(o), o.log
class Missing:
    __match_args__ = ('nope',)
def missing(x):
    match x:
        case Missing(v):
            return v
        case Missing():
            return 'bare'
missing(Missing())
class Raises:
    @property
    def bad(self):
        raise KeyError('boom')
def raises(x):
    match x:
        case Raises(bad=b):
            return b
raises(Raises())
class EqLog:
    def __init__(self):
        self.seen = []
    def __eq__(self, other):
        self.seen.append(other)
        return other == 2
class Consts:
    ONE = 1
    TWO = 2
def eqlog(x):
    match x:
        case Consts.ONE:
            return 'one'
        case Consts.TWO:
            return 'two'
e = EqLog()
eqlog(e), e.seen
class Len:
    def __len__(self):
        raise RuntimeError('len called')
def notseq(x):
    match x:
        case [a]:
            return a
        case _:
            return 'not a sequence, no len'
notseq(Len())
def walrus(x):
    match x:
        case [a, b] if (s := a + b) > 2:
            return s
    try:
        return ('small', s)
    except UnboundLocalError:
        return 'never bound'
walrus([1, 5]), walrus([1, 1]), walrus([1])
def dq(x):
    match x:
        case [a, *rest]:
            return a, rest
from collections import deque
dq(deque([1, 2, 3])), dq(range(3)), dq(range(0)), dq(memoryview(b'ab'))
def rest_type(x):
    match x:
        case (first, *rest):
            return type(rest).__name__, rest
rest_type((1, 2, 3)), rest_type('ab')
def negidx(x):
    match x:
        case [*_, a, b]:
            return a, b
negidx(range(10)), negidx((1,)), negidx([1, 2])
def keyorder(x):
    match x:
        case {'b': b, 'a': a, **kw}:
            return list(kw), a, b
keyorder({'a': 1, 'x': 0, 'b': 2, 'y': 3})
def dictrest(x):
    match x:
        case {**kw}:
            return kw is x, kw
m = {'a': 1}
dictrest(m)
def unhashable(x):
    match x:
        case {'a': 1}:
            return 'yes'
unhashable({'a': 1}), unhashable({('a',): 1}), unhashable({})
def subject_once():
    calls = []
    def subj():
        calls.append(1)
        return [1, 2]
    match subj():
        case [9]:
            pass
        case [1, 9]:
            pass
        case [1, x]:
            pass
    return x, len(calls)
subject_once()
def fallthrough(x):
    r = 'start'
    match x:
        case 1:
            r = 'one'
    return r
fallthrough(2), fallthrough(1)
def outer(x):
    match x:
        case [v]:
            def inner():
                return v * 10
            return inner()
outer([4])
def nested_match(x):
    match x:
        case [a, b]:
            match a:
                case int():
                    return 'int first', b
                case _:
                    return 'other first', b
nested_match([1, 2]), nested_match(['a', 3])
def try_in_case(x):
    match x:
        case [a]:
            try:
                return 1 / a
            except ZeroDivisionError:
                return 'div by zero'
            finally:
                print('finally ran')
try_in_case([0]), try_in_case([2])
def with_ret(x):
    for i in range(3):
        match i:
            case 1:
                return i, x
with_ret('w')
def tuple_subject(a, b):
    match a, b:
        case 0, 0:
            return 'origin'
        case 0, _ | _, 0:
            return 'axis'
        case _:
            return 'plane'
tuple_subject(0, 0), tuple_subject(0, 5), tuple_subject(3, 0), tuple_subject(1, 1)
def strs(x):
    match x:
        case 'a' 'b':
            return 'concatenated'
        case b'x' b'y':
            return 'bytes'
        case """tri""":
            return 'triple'
        case r'\n':
            return 'raw'
strs('ab'), strs(b'xy'), strs('tri'), strs('\\n'), strs('\n')
def arrays(x):
    match x:
        case [a, b]:
            return 'pair'
    return 'not a sequence'
arrays(np.array([1, 2])), arrays(np.arange(2).tolist())
def ambiguous(x):
    match x:
        case 1:
            return 'one'
ambiguous(np.array([1, 1]))
