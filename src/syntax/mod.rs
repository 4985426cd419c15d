//! The front end: cell text → AST. `parse` is its only public door; pest stays inside `parser`.

pub mod ast;
mod parser;

pub use ast::Cell;

use crate::error::PyResult;

/// Parses one cell (one or more lines, as submitted at one prompt).
pub fn parse(src: &str) -> PyResult<Cell> {
    parser::parse_cell(src)
}
