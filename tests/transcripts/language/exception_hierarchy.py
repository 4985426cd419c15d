# The builtin exception hierarchy of CPython 3.11: each class's bases, and except clauses that follow it
classes = [ArithmeticError, AssertionError, AttributeError, BaseException, BlockingIOError, BrokenPipeError, BufferError, BytesWarning, ChildProcessError, ConnectionAbortedError, ConnectionError, ConnectionRefusedError, ConnectionResetError, DeprecationWarning, EOFError, EncodingWarning, EnvironmentError, Exception, FileExistsError, FileNotFoundError, FloatingPointError, FutureWarning, GeneratorExit, IOError, ImportError, ImportWarning, IndentationError, IndexError, InterruptedError, IsADirectoryError, KeyError, KeyboardInterrupt, LookupError, MemoryError, ModuleNotFoundError, NameError, NotADirectoryError, NotImplementedError, OSError, OverflowError, PendingDeprecationWarning, PermissionError, ProcessLookupError, RecursionError, ReferenceError, ResourceWarning, RuntimeError, RuntimeWarning, StopAsyncIteration, StopIteration, SyntaxError, SyntaxWarning, SystemError, SystemExit, TabError, TimeoutError, TypeError, UnboundLocalError, UnicodeDecodeError, UnicodeEncodeError, UnicodeError, UnicodeTranslateError, UnicodeWarning, UserWarning, ValueError, Warning, ZeroDivisionError]
for c in classes:
    print(c.__name__, [p.__name__ for p in classes if p is not c and issubclass(c, p)])
issubclass(FloatingPointError, ArithmeticError), issubclass(ConnectionResetError, OSError), issubclass(IOError, OSError)
try:
    raise FileNotFoundError('nope')
except OSError as e:
    print(type(e).__name__, e, isinstance(e, Exception))
try:
    raise TabError('t')
except SyntaxError as e:
    print(repr(e))
RuntimeWarning, IOError, EnvironmentError is OSError
