# with around try/except: the handler leaves the stack as it found it, so the context manager exits
class C:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit", a[0])
        return False
with C():
    try:
        1/0
    except ZeroDivisionError as err:
        print("caught", err)
with C() as c:
    try:
        1/0
    except (KeyError, ValueError):
        print("no")
    except ArithmeticError:
        print("arith")
def f(x):
    with C():
        try:
            return 1/x
        except ZeroDivisionError as e:
            return repr(e)
        finally:
            print("fin")
f(0)
f(2)
def g():
    out = []
    for i in range(3):
        with C():
            try:
                [1][i]
            except IndexError:
                out.append(i)
                continue
    return out
g()
with C():
    try:
        {}["k"]
    except ZeroDivisionError:
        pass
with C():
    try:
        raise ValueError("v")
    except ValueError as e:
        raise TypeError("t") from e
