# except* runs handlers as CPython 3.11 does: split by type, naked exceptions wrapped, the rest and what handlers raise re-raised.
eg = ExceptionGroup('eg', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])
eg
eg.message, eg.exceptions
eg.exceptions is eg.exceptions
match, rest = eg.split(ValueError)
match
rest
eg.split(OSError)
eg.split(Exception)[0] is eg
eg.subgroup(lambda e: isinstance(e, KeyError))
eg.subgroup((TypeError, KeyError))
eg.subgroup(ExceptionGroup) is eg
eg.derive([ZeroDivisionError()])
eg.split(1)
eg.split(int)
eg.split()
eg.subgroup(ValueError, TypeError)
eg.derive()
m = eg.split(ValueError)[0]
m.exceptions[0] is eg.exceptions[0], m.exceptions[1].exceptions[0] is eg.exceptions[2].exceptions[0]
m.message, type(m).__name__
try:
    raise eg
except* ValueError as e:
    print('V', repr(e))
except* TypeError as e:
    print('T', repr(e))
except* KeyError as e:
    print('K', repr(e))
try:
    raise eg
except* ValueError as e:
    print('V', repr(e))
try:
    raise ValueError('naked')
except* ValueError as e:
    print(repr(e), repr(e.exceptions[0]))
try:
    raise ValueError('naked')
except* TypeError:
    print('not here')
try:
    raise KeyboardInterrupt
except* KeyboardInterrupt as e:
    print(type(e).__name__, repr(e))
try:
    raise ValueError('naked')
except* ValueError:
    raise
try:
    raise ValueError('naked')
except* ValueError:
    raise TypeError('new')
try:
    raise eg
except* ValueError:
    raise
try:
    raise eg
except* ValueError as e:
    raise e
try:
    raise eg
except* ValueError:
    raise TypeError('from handler')
try:
    raise eg
except* ValueError:
    raise TypeError('from handler')
except* TypeError:
    raise
except* KeyError:
    pass
try:
    raise eg
except* (ValueError, TypeError, KeyError):
    print('all')
else:
    print('else')
finally:
    print('finally')
try:
    print('body')
except* ValueError:
    print('no')
else:
    print('else runs')
finally:
    print('finally runs')
try:
    raise eg
except* ExceptionGroup:
    pass
try:
    raise eg
except* (ValueError, BaseExceptionGroup):
    pass
try:
    raise eg
except* 42:
    pass
try:
    raise eg
except* Exception as e:
    print(e is eg)
log = []
def f():
    try:
        raise ExceptionGroup('f', [ValueError(1), OSError(2)])
    except* ValueError:
        log.append('v')
    except* OSError:
        log.append('o')
        raise
    return 'done'
f()
log
try:
    f()
except ExceptionGroup as e:
    print(repr(e))
try:
    try:
        raise eg
    except* ValueError as e:
        print('inner', repr(e))
except* TypeError as e:
    print('outer', repr(e))
except* KeyError as e:
    print('outer', repr(e))
try:
    raise eg
except* ValueError as e:
    pass
e
import sys
try:
    raise eg
except* ValueError:
    print(repr(sys.exc_info()[1]))
try:
    raise ExceptionGroup('a', [ValueError(1)])
except* ValueError:
    try:
        raise TypeError(2)
    except* TypeError as inner:
        print('nested', repr(inner))
try:
    raise ExceptionGroup('x', [ValueError(1), TypeError(2)])
except* ValueError:
    1 / 0
except* TypeError:
    [][1]
try:
    try:
        raise ExceptionGroup('x', [ValueError(1), TypeError(2)])
    except* ValueError:
        1 / 0
except ExceptionGroup as g:
    print(repr(g))
    print(repr(g.exceptions[0].__context__))
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '!', excs)
try:
    raise MyEG('mine', [ValueError(1), TypeError(2)])
except* ValueError as e:
    print(type(e).__name__, repr(e))
MyEG('mine', [ValueError(1), TypeError(2)]).split(TypeError)
BaseExceptionGroup('b', [ValueError(1), KeyboardInterrupt()]).split(ValueError)
BaseExceptionGroup('b', [ValueError(1)])
eg.split
eg.derive
eg.subgroup
BaseExceptionGroup.split
eg.split(ValueError, x=1)
eg.derive(excs=1)
eg.derive([1])
eg.derive([ValueError()], 2)
ExceptionGroup('a', [ValueError()], x=1)
ExceptionGroup('a', x=1)
class MyEG(ExceptionGroup):
    pass
MyEG('a', [KeyboardInterrupt()])
MyEG('a', [ValueError()], x=1)
class MyB(BaseExceptionGroup):
    pass
MyB('a', [KeyboardInterrupt()])
MyB('a', [ValueError()])
eg = ExceptionGroup('eg', [ValueError(1), TypeError(2)])
try:
    raise eg
except* Exception:
    raise TypeError('replaced')
try:
    raise eg
except* (ValueError, 1):
    pass
class Bad(ExceptionGroup):
    def derive(self, excs):
        return 1
Bad('b', [ValueError(1), TypeError(2)]).split(ValueError)
Bad('b', [ValueError(1), TypeError(2)]).split(Exception)
class MyErr(ValueError):
    pass
try:
    raise ExceptionGroup('u', [MyErr('mine'), ValueError('plain')])
except* MyErr as e:
    print('MyErr', repr(e))
except* ValueError as e:
    print('ValueError', repr(e))
eg.split(lambda e: isinstance(e, ExceptionGroup))[0] is eg
eg.split(lambda e: False)
eg.subgroup(lambda e: 1 / 0)
try:
    raise eg
except* ValueError:
    print(repr(sys.exception()))
sys.exception()
deep = ValueError('leaf')
for i in range(3000):
    deep = ExceptionGroup('d', [deep])
parts = deep.split(ValueError)
parts = deep.split(TypeError)
del deep
try:
    raise ExceptionGroup('z', [ZeroDivisionError(), ValueError()])
except* ZeroDivisionError:
    pass
except* ValueError:
    pass
else:
    print('not printed')
finally:
    print('finally')
def g():
    try:
        yield 1
        raise ExceptionGroup('gen', [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield repr(e)
list(g())
