# Exceptions: try/except/else/finally, exception objects (e.args, str(e), repr), raise and raise ... from, user exception classes, assert, and which handler catches what.
import numpy as np
try:
    1 / 0
except ZeroDivisionError as e:
    print('caught:', e)
    print(type(e).__name__, e.args)
try:
    int('x')
except ValueError as err:
    message = str(err)
message
try:
    {}['missing']
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    [][1]
except LookupError as e:
    print('LookupError catches', type(e).__name__)
try:
    np.arange(3)[5]
except IndexError as e:
    print(e)
def safe_div(a, b):
    try:
        r = a / b
    except ZeroDivisionError:
        return 'no'
    else:
        return r
    finally:
        print('finally runs')
safe_div(6, 3)
safe_div(1, 0)
try:
    raise ValueError('bad value', 42)
except ValueError as e:
    print(e.args, str(e))
raise ValueError('shown at the prompt')
raise TypeError
raise 42
class AppError(Exception):
    pass
class InputError(AppError):
    def __init__(self, field, reason):
        super().__init__(f"{field}: {reason}")
        self.field = field
try:
    raise InputError('age', 'must be positive')
except AppError as e:
    print(type(e).__name__, '|', e, '|', e.field, '|', e.args)
raise InputError('name', 'empty')
InputError('x', 'y')
AppError('plain')
ValueError('a', 1)
KeyError('k')
str(KeyError('k')), str(ValueError()), repr(RuntimeError())
isinstance(InputError('a', 'b'), Exception), issubclass(InputError, ValueError)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    print(e, '<-', repr(e.__cause__))
try:
    try:
        {}[1]
    except KeyError:
        raise ValueError('during handling')
except ValueError as e:
    print(e, '<-', repr(e.__context__))
def reraise():
    try:
        [].pop()
    except IndexError:
        print('logging')
        raise
reraise()
try:
    pass
except Exception:
    print('not printed')
else:
    print('else runs when nothing was raised')
finally:
    print('finally always')
def first_error(values):
    for v in values:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield 'div0'
list(first_error([5, 0, 2]))
try:
    undefined_thing
except (TypeError, NameError) as e:
    print('tuple of types:', type(e).__name__)
try:
    1 / 0
except Exception:
    print('Exception catches it')
try:
    raise KeyboardInterrupt
except Exception:
    print('not this one')
except BaseException as e:
    print('BaseException catches', type(e).__name__)
x = 5
assert x > 0
assert x < 0
assert x < 0, f"x is {x}"
try:
    assert False, 'message'
except AssertionError as e:
    print(e.args)
try:
    1 / 0
except ValueError:
    print('wrong handler')
try:
    1 / 0
except 42:
    pass
def cleanup_order():
    try:
        return 'try'
    finally:
        print('cleanup first')
cleanup_order()
def override():
    try:
        return 'try'
    finally:
        return 'finally wins'
override()
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('finally', i)
e
