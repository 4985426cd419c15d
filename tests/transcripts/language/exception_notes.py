# BaseException.with_traceback and add_note (notes live in __notes__; each part of a split gets its own copy).
e = ValueError(1)
e.with_traceback(None) is e
e.with_traceback()
e.with_traceback(1)
e.add_note(1)
e.add_note()
ExceptionGroup('m', [e]).with_traceback(None).message
eg = ExceptionGroup('eg', [ValueError(1), TypeError(2)])
eg.add_note('note')
try:
    raise eg
except* ValueError as e:
    print(e.__notes__, e.__notes__ is eg.__notes__)
try:
    raise eg
except* ValueError:
    raise
m, r = eg.split(ValueError)
m.__notes__, r.__notes__ is eg.__notes__
eg.__notes__ = 5
eg.add_note('x')
eg.split(ValueError)[0].__notes__
del eg.__notes__
eg.add_note('y')
eg.__notes__
e.with_traceback
e.add_note
class E(Exception):
    pass
E().add_note
