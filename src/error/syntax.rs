//! Messages of the parser and of limits met while compiling or running: syntax errors, nesting
//! and recursion depth, Ctrl-C (CPython 3.11's texts).

use super::{ErrorKind, PyError};

impl PyError {
    // ----- syntax
    pub fn syntax(msg: impl Into<String>, col: usize) -> PyError {
        PyError::with_col(ErrorKind::SyntaxError, msg, col)
    }
    /// `except*:` without a type (CPython 3.11's parser).
    pub fn except_star_needs_types(col: usize) -> PyError {
        PyError::syntax("expected one or more exception types", col)
    }
    /// `except` and `except*` clauses on one `try` (CPython 3.11's parser).
    pub fn except_and_except_star(col: usize) -> PyError {
        PyError::syntax(
            "cannot have both 'except' and 'except*' on the same 'try'",
            col,
        )
    }
    /// Leaving an `except*` handler by a jump (CPython 3.11's compiler).
    pub fn jump_out_of_except_star() -> PyError {
        PyError::syntax(
            "'break', 'continue' and 'return' cannot appear in an except* block",
            0,
        )
    }
    /// CPython's tokenizer refuses more than 200 open brackets (MAXLEVEL).
    pub fn too_many_nested_parens(col: usize) -> PyError {
        PyError::syntax("too many nested parentheses", col)
    }
    /// CPython 3.11 converting a too-deep AST to Python objects (what IPython's ast.parse meets).
    pub fn recursion_ast_construction() -> PyError {
        PyError::new(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded during ast construction",
        )
    }
    /// CPython 3.11's symbol table on a too-deep expression.
    pub fn recursion_traversing_expr() -> PyError {
        PyError::new(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded while traversing 'expr' node",
        )
    }
    /// CPython's parser running out of its stack. CPython's MemoryError has no message; arrsh
    /// names the cause (a deliberate difference, as for `no_memory`).
    pub fn parser_stack_overflow() -> PyError {
        PyError::new(
            ErrorKind::MemoryError,
            "the parser's stack is full: an expression nests too deeply",
        )
    }
    pub fn recursion_depth(context: &str) -> PyError {
        PyError::new(
            ErrorKind::RecursionError,
            format!("maximum recursion depth exceeded{context}"),
        )
    }
    pub fn keyboard_interrupt() -> PyError {
        PyError::new(ErrorKind::KeyboardInterrupt, "")
    }
}
