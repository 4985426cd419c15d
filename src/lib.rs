//! arrsh: an interactive NumPy shell that shows where array data lives.

pub mod error;
pub mod runtime;

pub use error::{ErrorKind, PyError, PyResult};
