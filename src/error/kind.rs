//! The Python exception classes arrsh can raise: one table row per class (name, first base and
//! the module that holds it), from which the enum, `ALL`, `name`, `base` and `qualname` are
//! all generated. The registry makes each class's row from this table, so an exception class
//! is declared here and nowhere else.

/// Declares the exception kinds once: `Name(Base)` (or `Name()` for the root), then where the
/// class lives: nothing for `builtins`, `["numpy.linalg"]` for a module, `[]` for a class no
/// name reaches (IPython's and NumPy's private ones). The enum variant, its printed name (the
/// identifier itself), `ErrorKind::ALL`, the class tree and the qualified name all come from
/// these rows, so a new kind is one line.
macro_rules! error_kinds {
    ($( $(#[$doc:meta])* $kind:ident ( $($base:ident)? ) $([$($home:literal)?])? ),* $(,)?) => {
        /// The Python exception class a user sees in the last traceback line.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ErrorKind {
            $( $(#[$doc])* $kind, )*
        }

        impl ErrorKind {
            /// Every kind, for looking one up by name.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$kind),*];

            /// The class name, as the last traceback line prints it.
            pub fn name(self) -> &'static str {
                match self {
                    $(ErrorKind::$kind => stringify!($kind),)*
                }
            }

            /// The class a kind derives from first (CPython's builtin exception tree; NumPy's
            /// `AxisError` also derives from `IndexError`, see `mro`).
            pub fn base(self) -> Option<ErrorKind> {
                match self {
                    $(ErrorKind::$kind => error_kinds!(@base $($base)?),)*
                }
            }

            /// The name that reaches the class: `ValueError` (a builtin),
            /// `numpy.linalg.LinAlgError`; `None` when no name does (`UsageError`).
            pub fn qualname(self) -> Option<&'static str> {
                match self {
                    $(ErrorKind::$kind => error_kinds!(@qual $kind $([$($home)?])?),)*
                }
            }
        }
    };
    (@base) => { None };
    (@base $base:ident) => { Some(ErrorKind::$base) };
    (@qual $kind:ident) => { Some(stringify!($kind)) };
    (@qual $kind:ident []) => { None };
    (@qual $kind:ident [$home:literal]) => { Some(concat!($home, ".", stringify!($kind))) };
}

// CPython 3.11's builtin exceptions (its `Lib/test/exception_hierarchy.txt`), NumPy's and
// IPython's, each with the class it derives from.
error_kinds! {
    BaseException(),
    Exception(BaseException),
    SystemExit(BaseException),
    KeyboardInterrupt(BaseException),
    GeneratorExit(BaseException),
    BaseExceptionGroup(BaseException),
    /// Also derives from `Exception` (see `mro`).
    ExceptionGroup(BaseExceptionGroup),
    SyntaxError(Exception),
    IndentationError(SyntaxError),
    TabError(IndentationError),
    ValueError(Exception),
    TypeError(Exception),
    LookupError(Exception),
    IndexError(LookupError),
    KeyError(LookupError),
    AttributeError(Exception),
    NameError(Exception),
    UnboundLocalError(NameError),
    ArithmeticError(Exception),
    OverflowError(ArithmeticError),
    ZeroDivisionError(ArithmeticError),
    FloatingPointError(ArithmeticError),
    MemoryError(Exception),
    RuntimeError(Exception),
    RecursionError(RuntimeError),
    NotImplementedError(RuntimeError),
    /// `numpy.exceptions.AxisError`, printed by IPython as `AxisError`.
    AxisError(ValueError) ["numpy.exceptions"],
    /// `numpy._core._exceptions._UFuncNoLoopError` and friends print as `UFuncTypeError`.
    UFuncTypeError(TypeError) [],
    /// `numpy.linalg.LinAlgError`, printed by IPython as `LinAlgError`.
    LinAlgError(ValueError) ["numpy.linalg"],
    StopIteration(Exception),
    StopAsyncIteration(Exception),
    ImportError(Exception),
    ModuleNotFoundError(ImportError),
    AssertionError(Exception),
    EOFError(Exception),
    /// IPython's `UsageError`: a magic or `?` used wrongly (no traceback, just this line).
    UsageError(Exception) [],
    /// CPython's error for interpreter bugs; arrsh's contained panics.
    SystemError(Exception),
    BufferError(Exception),
    ReferenceError(Exception),
    UnicodeError(ValueError),
    UnicodeEncodeError(UnicodeError),
    UnicodeDecodeError(UnicodeError),
    UnicodeTranslateError(UnicodeError),
    OSError(Exception),
    BlockingIOError(OSError),
    ChildProcessError(OSError),
    ConnectionError(OSError),
    BrokenPipeError(ConnectionError),
    ConnectionAbortedError(ConnectionError),
    ConnectionRefusedError(ConnectionError),
    ConnectionResetError(ConnectionError),
    FileExistsError(OSError),
    FileNotFoundError(OSError),
    InterruptedError(OSError),
    IsADirectoryError(OSError),
    NotADirectoryError(OSError),
    PermissionError(OSError),
    ProcessLookupError(OSError),
    TimeoutError(OSError),
    Warning(Exception),
    UserWarning(Warning),
    DeprecationWarning(Warning),
    PendingDeprecationWarning(Warning),
    SyntaxWarning(Warning),
    RuntimeWarning(Warning),
    FutureWarning(Warning),
    ImportWarning(Warning),
    UnicodeWarning(Warning),
    BytesWarning(Warning),
    ResourceWarning(Warning),
    EncodingWarning(Warning),
}

impl ErrorKind {
    /// The kind and the classes it derives from, in method resolution order.
    pub fn mro(self) -> Vec<ErrorKind> {
        let mut out = vec![self];
        // the two classes with a second base
        if self == ErrorKind::ExceptionGroup {
            out.extend([
                ErrorKind::BaseExceptionGroup,
                ErrorKind::Exception,
                ErrorKind::BaseException,
            ]);
            return out;
        }
        if self == ErrorKind::AxisError {
            out.extend([
                ErrorKind::ValueError,
                ErrorKind::IndexError,
                ErrorKind::LookupError,
                ErrorKind::Exception,
                ErrorKind::BaseException,
            ]);
            return out;
        }
        let mut k = self;
        while let Some(b) = k.base() {
            out.push(b);
            k = b;
        }
        out
    }

    /// Whether `except <parent>` would catch this kind (used by `isinstance`-like checks).
    pub fn is_subclass_of(self, parent: ErrorKind) -> bool {
        self.mro().contains(&parent)
    }
}
