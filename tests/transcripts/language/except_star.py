# `except*` (PEP 654): the parser's and compiler's refusals, as CPython 3.11 words them (running handlers: except_star_run.py).
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
for i in range(3):
    try:
        pass
    except* ValueError:
        break
for i in range(3):
    try:
        pass
    except* ValueError:
        continue
def f():
    try:
        pass
    except* ValueError:
        return 1
try:
    pass
except*:
    pass
try:
    raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
except* ValueError as e:
    print('caught', repr(e))
except* TypeError:
    print('types too')
