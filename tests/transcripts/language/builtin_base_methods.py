# the methods classes inherit from object and BaseException: through super(), the instance, the class and the base type
def short(m):
    return repr(m).split(' at ')[0]
class P:
    def __init__(self, x):
        super().__init__()
        self.x = x
        self.m = super().__init__
p = P(1)
short(p.m), p.x
class Q:
    pass
q = Q()
short(q.__repr__), short(q.__eq__), short(q.__hash__), short(q.__str__)
short(q.__setattr__), short(q.__getattribute__), short(q.__format__)
q.__format__
Q.__repr__, Q.__eq__, Q.__init__, Q.__format__
object.__init__, object.__str__, object.__format__, object.__ne__
q.__eq__(q), q.__eq__(1), q.__ne__(q), q.__ne__(1)
q.__setattr__('z', 3)
q.z, q.__getattribute__('z')
q.__repr__() == repr(q), q.__str__() == repr(q), q.__format__('') == str(q)
q.__hash__() == hash(q)
q.__eq__()
q.__eq__(1, 2)
q.__repr__(1)
q.__format__(1)
q.__format__('x')
object.__setattr__(q, 1, 2)
object.__getattribute__(q, 1)
getattr(q, 2)
object.__eq__(q, q), object.__eq__(1, 1), object.__eq__(1, 2)
object.__repr__(q) == repr(q)
object.__repr__()
object.__init__(q)
object.__init__(q, 1)
Q(1)
class R:
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
type(R())
R(1)
R(a=1)
class S:
    def __repr__(self):
        return 'S!'
    def __str__(self):
        return 'str:' + super().__str__()
    def __eq__(self, o):
        return super().__eq__(o)
    def __hash__(self):
        return super().__hash__() * 0 + 7
    def __setattr__(self, n, v):
        super().__setattr__(n, v * 2)
s = S()
s.w = 5
s.w, str(s), repr(s), object.__repr__(s)[:18]
s == s, s == 1, s != s, hash(s)
f'{s}', format(s, '')
format(s, 'x')
short(super(S, s).__eq__), short(super(S, s).__repr__)
super(S, s).__repr__()[:18]
class E(ValueError):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
    def __str__(self):
        return 'E:' + super().__str__()
    def __repr__(self):
        return 'R' + super().__repr__()
e = E(1, 2)
e, str(e), e.args, e.extra
E('x'), str(E('x')), str(E())
class F(KeyError):
    def __str__(self):
        return 'F' + super().__str__()
str(F('k'))
class G(ValueError):
    def __init__(self, *a):
        super().__init__(*a, k=1)
G(1)
ValueError(1).__str__(), ValueError(1).__repr__(), KeyError('k').__str__()
short(ValueError(1).__eq__), short(ValueError(1).__str__), short(ValueError(1).__init__)
ValueError.__str__, ValueError.__repr__, Exception.__eq__
ValueError.__str__(ValueError('v'))
ValueError.__str__(1)
short((1).__init__), (1).__init__(5), (1).__init__(x=2)
short([].__format__), [].__format__(''), [].__str__(), (1, 2).__str__()
[].__format__('x')
list.__format__, list.__str__, int.__init__, dict.__setattr__
list.__format__([1], ''), list.__str__([1]), list.__format__(1, '')
short([].__setattr__)
[].__setattr__('a', 1)
object.__setattr__(1, 'a', 2)
short({}.__format__), {}.__format__(''), set().__str__()
range(3).__str__(), slice(1).__format__('')
def fn():
    pass
fn.__setattr__('tag', 3)
fn.tag, fn.__getattribute__('tag')
short(fn.__init__), short(fn.__eq__), fn.__eq__(fn), fn.__ne__(fn), fn.__hash__() == hash(fn)
fn.nope
fn.__format__('')[:13]
