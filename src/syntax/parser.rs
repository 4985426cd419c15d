//! Placeholder: pest grammar → AST lands here.
use super::ast::Cell;
use crate::error::{PyError, PyResult};

pub fn parse_cell(_src: &str) -> PyResult<Cell> {
    Err(PyError::syntax("invalid syntax", 0))
}
