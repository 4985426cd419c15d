//! arrsh: an interactive NumPy shell that shows where array data lives.

pub mod error;
pub mod eval;
pub mod runtime;
pub mod syntax;

pub use error::{ErrorKind, PyError, PyResult};
