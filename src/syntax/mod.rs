//! The front end: cell text → AST. `parse` is its only public door; pest stays inside this module.
//!
//! - `lexer`: CPython's tokenizer reduced to layout markers and tokenizer errors (`numbers` reads
//!   numeric literals).
//! - `parser`: the pest grammar (grammar/arrsh.pest) run over the layout text, and statements;
//!   `targets` checks what is assigned to; `patterns` builds `match` statements; `expr` builds
//!   operators and atoms, `displays` the
//!   bracketed forms; `strings` decodes literals (`fstrings`, and `unicode_names`
//!   for `\N{...}`).
//! - `diagnose`: a failed parse explained in CPython's words; `messages` holds those words.

pub mod ast;
mod compound;
mod diagnose;
mod displays;
mod expr;
mod fstrings;
mod lexer;
mod limits;
mod messages;
mod numbers;
mod parser;
mod patterns;
mod strings;
mod targets;
mod unicode_names;

pub use ast::Cell;
pub use limits::{
    INT_MAX_STR_DIGITS, INT_MAX_STR_DIGITS_THRESHOLD, int_max_str_digits, set_int_max_str_digits,
};
pub use parser::locate;
pub use unicode_names::char_name;

use crate::error::PyResult;

/// `str.isidentifier()`: a letter or `_`, then letters, digits and `_` (Unicode's XID classes
/// approximated by `char`'s alphabetic/alphanumeric). Also what `__slots__` and `namedtuple`
/// accept as names.
pub fn is_identifier(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c == '_' || c.is_alphabetic())
        && s.chars().all(|c| c == '_' || c.is_alphanumeric())
}

/// Python's keywords (`keyword.kwlist` of CPython 3.11): what the grammar reserves, what
/// `namedtuple` refuses as a field name, what completion and highlighting know.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Parses one cell (one or more lines, as submitted at one prompt). A syntax error's `col` is a
/// character offset into `src`; `locate` turns it into a line and a column.
pub fn parse(src: &str) -> PyResult<Cell> {
    // CPython refuses the whole source before tokenizing: in a string or a comment too
    if let Some(at) = src.find('\0') {
        return Err(messages::null_bytes(src[..at].chars().count()));
    }
    let cell = parser::parse_cell(src)?;
    limits::check(&cell.stmts)?;
    Ok(cell)
}
