# except* in loops, functions, generators and nested handlers; __suppress_context__ as PyException_SetCause sets it.
def f(n):
    for i in range(n):
        try:
            if i == 1:
                break
            if i == 0:
                continue
        except* ValueError:
            pass
    try:
        return 'body'
    except* ValueError:
        pass
    finally:
        print('fin')
f(3)
def g():
    try:
        yield 1
        raise ExceptionGroup('g', [ValueError(1), KeyError(2)])
    except* ValueError as e:
        yield 'handled ' + repr(e)
    except* KeyError:
        for j in range(2):
            yield j
            if j:
                break
it = g()
list(it)
def h():
    try:
        raise ExceptionGroup('h', [ValueError(1)])
    except* ValueError:
        def inner():
            return 5
        lam = [x for x in range(3)]
        print(inner(), lam)
h()
try:
    raise ExceptionGroup('x', [ValueError(1)])
except* ValueError as e:
    try:
        raise
    except ExceptionGroup as inner:
        print(inner is e)
r = []
for k in range(3):
    try:
        raise ExceptionGroup('loop', [ValueError(k)])
    except* ValueError as e:
        r.append(e.exceptions[0].args[0])
r
try:
    raise ExceptionGroup('a', [ValueError(1), TypeError(2)])
except* ValueError:
    raise KeyError('k') from None
try:
    try:
        raise ExceptionGroup('a', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('k') from None
except ExceptionGroup as g:
    print(repr(g), g.exceptions[0].__cause__, g.exceptions[0].__suppress_context__)
try:
    raise TypeError('naked')
except* TypeError as e:
    print(e.exceptions[0].__context__)
import sys
try:
    raise ExceptionGroup('s', [ValueError(1)])
except* ValueError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
try:
    raise StopIteration(3)
except* StopIteration as e:
    print(repr(e))
eg = ExceptionGroup('a', [ValueError(1), TypeError(2)])
e = ValueError()
eg.__suppress_context__
eg.split(ValueError)[0].__suppress_context__
e.__cause__ = None
e.__suppress_context__
e.__suppress_context__ = False
e.__suppress_context__
e.__cause__ = KeyError()
e.__suppress_context__
e.__suppress_context__ = 1
