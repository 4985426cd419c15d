# getsizeof of generators: the frame holds CPython 3.11's co_stacksize, found over handlers, calls and comprehensions as its compiler's stackdepth does
import sys
def g1():
    try:
        yield 1
    except ValueError:
        pass
def g2():
    yield 1
def g3():
    try:
        yield 1
    except ValueError as e:
        yield e
    except (TypeError, KeyError):
        yield 2
    finally:
        yield 3
def g4():
    for i in range(3):
        try:
            yield i
        except Exception:
            pass
def g5():
    with open('x') as f:
        yield f
def g6():
    try:
        yield 1
    finally:
        pass
def g7():
    try:
        yield 1
    except* ValueError:
        pass
def g8(a, b):
    x = [a + b * (a - (b + (a * 2)))]
    try:
        yield x
    except:
        raise
def g9():
    try:
        try:
            yield 1
        except ValueError:
            yield 2
    except TypeError:
        yield 3
def g10():
    yield from range(3)
    try:
        pass
    except ValueError:
        pass
[sys.getsizeof(f(*([1, 2] if f is g8 else []))) for f in (g1, g2, g3, g4, g5, g6, g7, g8, g9, g10)]
def h1():
    try:
        yield 1
    except ValueError as e:
        yield [e, e, (e, e, [e, e])]
def h2():
    try:
        yield 1
    except ValueError:
        try:
            yield 2
        except TypeError as t:
            yield t
def h3():
    try:
        yield 1
    finally:
        x = [1, [2, [3, [4]]]]
        yield x
def h4():
    for i in range(2):
        try:
            yield i
        except ValueError:
            continue
        finally:
            break
def h5():
    with open('a') as f, open('b') as g:
        yield f, g
def h6():
    try:
        with open('a') as f:
            yield f
    except OSError as e:
        yield e
def h7():
    with open('a'):
        try:
            yield 1
        except:
            yield 2
def h8():
    try:
        yield 1
    except* ValueError as e:
        yield e
    except* TypeError:
        yield 2
def h9():
    try:
        yield 1
    except ValueError:
        return 5
    else:
        yield 3
    finally:
        yield 4
def h10():
    yield from (x for x in range(3))
def h11():
    x = yield
    try:
        y = yield x
    except Exception as e:
        raise ValueError(e) from e
def h12():
    try:
        pass
    finally:
        try:
            yield 1
        finally:
            yield 2
def h13():
    while True:
        try:
            yield (1, 2, 3)
        except (ValueError, TypeError, KeyError, IndexError) as e:
            yield {1: e, 2: [e]}
def h14():
    for a, b in zip([1], [2]):
        with open(a) as f:
            for c in f:
                try:
                    yield c
                except:
                    pass
def h15():
    try:
        yield 1
    except ValueError:
        try:
            yield 2
        finally:
            yield 3
def h16():
    assert (yield 1), 'msg'
    del x
def h17(n):
    return (yield from range(n))
def h18():
    try:
        yield 1
    except ValueError:
        pass
    except TypeError as e:
        pass
    except:
        raise
fs = [h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, h12, h13, h14, h15, h16, h18]
[sys.getsizeof(f()) for f in fs] + [sys.getsizeof(h17(1))]
def k1():
    yield range(3)
def k2():
    yield (x for x in range(3))
def k3(a):
    yield a.b(1, 2)
def k4():
    assert (yield 1)
def k5():
    assert (yield 1), 'm'
def k6(n):
    return (yield from range(n))
def k7(n):
    yield from range(n)
def k8(n):
    yield len(n)
def k9(n):
    x = yield from n
[sys.getsizeof(f()) for f in (k1, k2, k4, k5)] + [sys.getsizeof(f(1)) for f in (k3, k6, k7, k8, k9)]
def m1(a, b):
    yield f(a, b=b)
def m2(a):
    yield g(*a, **a)
def m3(a):
    yield a.x(1, k=2)
def m4(a):
    yield a.x(*a)
def m5(a):
    yield [x * y for x in a for y in a if x]
def m6(a):
    yield {k: v for k, v in a}
def m7(a):
    yield f'{a!r:>{a}} {a}'
def m8(a):
    a[1:2] += [3]
    yield a
def m9(a):
    x, *y = yield a
def m10(a):
    yield 1 < a < 3 and a or not a
def m11(a):
    @dec
    def inner(x=a, *, y=a):
        return x
    yield inner
def m12(a):
    class C(a):
        z = 1
    yield C
def m13(a):
    yield lambda q=a: q + a
def m14(a):
    while a:
        yield a
    else:
        yield 0
def m15(a):
    import math as mm
    from os import path
    yield mm, path
def m16(a):
    yield {*a, *a}, [*a], (*a, 1), {**a, 1: 2}
def m17(a):
    yield a[1, 2:3, ...]
def m18(a):
    for i, (j, k) in enumerate(a):
        yield i
def m19(a):
    with a as (x, y):
        yield x
def m20(a):
    try:
        return a
    finally:
        yield 1
def m21(a):
    for x in a:
        with a:
            try:
                break
            finally:
                yield x
def m22(a):
    yield (a if a else (yield a))
def m23(a):
    yield max(a, key=lambda v: -v, default=(1, 2))
def m24(a):
    global G
    G = yield
    del G
def m25(a):
    yield print(*[x for x in a], sep=', ', end='')
def m26(a):
    try:
        yield 1
    except ValueError as e:
        raise TypeError('x') from e
    except TypeError:
        raise
def m27(a):
    yield [[[[a]]]], {1: {2: {3: a}}}
def m28(a):
    a.b.c[d.e] = yield a.f(g.h(i.j(1)))
fs = [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28]
[sys.getsizeof(f(1)) for f in fs]
