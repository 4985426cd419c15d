//! Python-style errors as values: the exception kind, NumPy's or CPython's exact message, and one
//! named constructor per situation, so call sites pass numbers and never prose.

use std::fmt;

// messages, one room per kind of situation
mod arithmetic;
mod calls;
mod casting;
mod codecs;
mod exceptions;
mod indexing;
mod limits;
mod magics;
mod memory;
mod names;
mod shapes;
mod syntax;
mod text;
mod views;
// messages of the NumPy breadth areas, one file per area (issue 12)
mod dtypes;
mod einsum;
mod linalg;
mod random;
mod records;
mod sorting;
mod stdlib;
mod textio;

mod format;
mod kind;

pub(crate) use format::human_bytes;
pub use format::{np_shape_str, np_shape_str_newaxis, shape_str};
pub use kind::ErrorKind;

/// A Python exception: kind, message and, for syntax errors, the 0-based column of the caret.
/// Boxed, so a `PyResult` is as small as its value (errors are rare; results are everywhere);
/// its fields are reached through `Deref` (`e.kind`, `e.msg`).
#[derive(Clone, Debug)]
pub struct PyError(Box<ErrorData>);

/// Two errors are equal when a user would see the same thing: kind, message, caret (where
/// in the cell it surfaced does not matter).
impl PartialEq for PyError {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.msg == other.msg
            && self.col == other.col
            && self.type_name == other.type_name
    }
}

/// What a `PyError` holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorData {
    pub kind: ErrorKind,
    pub msg: String,
    pub col: Option<usize>,
    /// The 1-based line of the cell whose code raised it (the statement running at top level
    /// when it surfaced), for IPython's `----> 3     q = [1][k]`.
    pub line: Option<u32>,
    /// The Python frames it passed through, innermost first: function name and the line of
    /// the cell (of the cell that defined the function) that was running.
    pub traceback: Vec<TraceEntry>,
    /// The exception object, when Python code made or caught one: a key into the session's
    /// table of raised objects (the object is an evaluator value, which is not `Send`).
    pub object: Option<u64>,
    /// The class name shown, when it is not `kind`'s (a user's exception class).
    pub type_name: Option<String>,
    /// Raised again as it was (a bare `raise`, a handler's RERAISE) in the frame it is in: that
    /// frame adds no traceback entry, so its `__traceback__` keeps its identity (what
    /// `except*` compares to tell a re-raised group from a new one).
    pub reraised: bool,
}

/// One frame of a traceback.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceEntry {
    pub name: String,
    pub line: u32,
}

impl std::ops::Deref for PyError {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for PyError {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

pub type PyResult<T> = Result<T, PyError>;

/// `Kind: message`, as the oracle prints the last traceback line (`'%s: %s' % (name, e)`), so an
/// exception without a message ends in `": "` too (`MemoryError: `); a SyntaxError without a
/// message is its bare name (the oracle prints `e.msg` for those, and only when it is set).
impl fmt::Display for PyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // the oracle's SyntaxError line is `name: e.msg`, or the bare name when msg is empty
        let name = self.type_name.as_deref().unwrap_or(self.kind.name());
        if self.msg.is_empty()
            && matches!(
                self.kind,
                ErrorKind::SyntaxError | ErrorKind::IndentationError
            )
        {
            f.write_str(name)
        } else {
            write!(f, "{name}: {}", self.msg)
        }
    }
}

impl std::error::Error for PyError {}

impl PyError {
    pub fn new(kind: ErrorKind, msg: impl Into<String>) -> PyError {
        PyError(Box::new(ErrorData {
            kind,
            msg: msg.into(),
            col: None,
            line: None,
            traceback: Vec::new(),
            object: None,
            type_name: None,
            reraised: false,
        }))
    }

    /// An error with a caret column (syntax errors).
    pub fn with_col(kind: ErrorKind, msg: impl Into<String>, col: usize) -> PyError {
        let mut e = PyError::new(kind, msg);
        e.col = Some(col);
        e
    }

    /// The class name a user sees.
    pub fn type_name(&self) -> &str {
        self.type_name.as_deref().unwrap_or(self.kind.name())
    }

    // ----- generic kinds (messages composed by the caller from CPython/NumPy templates)
    pub fn value(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::ValueError, msg)
    }
    pub fn type_error(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::TypeError, msg)
    }
    pub fn index(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::IndexError, msg)
    }
    pub fn attribute(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::AttributeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::OverflowError, msg)
    }
    pub fn not_implemented(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::NotImplementedError, msg)
    }
}

#[cfg(test)]
mod tests;
