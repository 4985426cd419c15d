# ExceptionGroup and BaseExceptionGroup: the constructor's checks, repr, str, .message, .exceptions
eg = ExceptionGroup('two errors', [ValueError(1), TypeError('x')])
eg
str(eg)
eg.message, eg.exceptions, eg.args
isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup)
issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception), issubclass(ExceptionGroup, BaseException)
type(BaseExceptionGroup('m', [ValueError()]))
type(BaseExceptionGroup('m', [KeyboardInterrupt()]))
str(BaseExceptionGroup('one', (KeyboardInterrupt(),)))
ExceptionGroup('m', [])
ExceptionGroup('m')
ExceptionGroup('m', [ValueError()], 3)
ExceptionGroup(1, [ValueError()])
ExceptionGroup('m', [ValueError()], x=1)
ExceptionGroup('m', ValueError())
ExceptionGroup('m', [1])
ExceptionGroup('m', [KeyboardInterrupt()])
try:
    raise ExceptionGroup('bad', [ValueError(2)])
except Exception as e:
    print(type(e).__name__, e.exceptions)
try:
    raise ExceptionGroup('bad', [ValueError(2)])
except ExceptionGroup as e:
    print(repr(e))
raise ExceptionGroup('m', [ValueError(3)])
