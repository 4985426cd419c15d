//! Messages of name lookup, attributes and imports (CPython 3.11, NumPy 2.4's removed aliases).

use super::{ErrorKind, PyError};

impl PyError {
    // ----- names and attributes
    pub fn name_not_defined(name: &str) -> PyError {
        PyError::new(
            ErrorKind::NameError,
            format!("name '{name}' is not defined"),
        )
    }
    pub fn no_attribute(type_name: &str, attr: &str) -> PyError {
        PyError::attribute(format!("'{type_name}' object has no attribute '{attr}'"))
    }
    pub fn module_no_attribute(module: &str, attr: &str) -> PyError {
        PyError::attribute(format!("module '{module}' has no attribute '{attr}'"))
    }
    /// Departure from CPython: the message lists the modules arrsh has, since a student cannot
    /// install more.
    pub fn no_module(name: &str, provided: &str) -> PyError {
        PyError::new(
            ErrorKind::ModuleNotFoundError,
            format!("No module named '{name}' (arrsh provides: {provided})"),
        )
    }
    /// A submodule that does not exist in a package arrsh provides (CPython's plain words).
    pub fn no_submodule(name: &str) -> PyError {
        PyError::new(
            ErrorKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        )
    }
    pub fn cannot_import(name: &str, module: &str) -> PyError {
        PyError::new(
            ErrorKind::ImportError,
            format!("cannot import name '{name}' from '{module}' (unknown location)"),
        )
    }
    /// NumPy 2.x's message for the removed aliases `np.int`, `np.float`, ... (numpy/__init__.py).
    pub fn removed_numpy_alias(alias: &str, builtin: &str, suggestion: &str) -> PyError {
        PyError::attribute(format!(
            "module 'numpy' has no attribute '{alias}'.\n\
`np.{alias}` was a deprecated alias for the builtin `{builtin}`. To avoid this error in existing code, use `{builtin}` by itself. Doing this will not modify any behavior and is safe. {suggestion}\n\
The aliases was originally deprecated in NumPy 1.20; for more details and guidance see the original release note at:\n    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations"
        ))
    }
}
