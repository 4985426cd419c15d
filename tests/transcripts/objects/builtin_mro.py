# The bases and MRO of builtin, NumPy and exception types, as CPython 3.11 and NumPy 2.4
# declare them (one table, typebases.rs), and issubclass/isinstance that read them.
import numpy as np
int.__mro__
bool.__mro__
bool.__bases__, bool.__base__
object.__mro__, object.__bases__, object.__base__
np.ndarray.__mro__
np.recarray.__mro__
np.int64.__mro__
np.float64.__mro__
np.float32.__mro__
np.complex128.__mro__
np.bool_.__mro__
np.uint8.__mro__
np.str_.__mro__
np.bytes_.__mro__
np.void.__mro__
np.record.__mro__
np.datetime64.__mro__
np.timedelta64.__mro__
np.floating.__mro__, np.floating.__bases__
np.generic.__mro__, np.generic.__base__
np.dtype.__mro__
ZeroDivisionError.__mro__
ExceptionGroup.__mro__, ExceptionGroup.__bases__, ExceptionGroup.__base__
BaseException.__bases__
KeyError.__bases__
list.__mro__, type.__mro__, range.__bases__
issubclass(np.float64, float), issubclass(np.float32, float), issubclass(np.timedelta64, np.signedinteger)
issubclass(np.str_, np.character), issubclass(np.bool_, np.number), issubclass(bool, int)
isinstance(np.timedelta64(1), np.integer), isinstance(np.float16(1), np.inexact)
