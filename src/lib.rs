//! arrsh: an interactive NumPy shell that shows where array data lives.
//!
//! Knowledge flows one way: the grammar knows syntax, the runtime knows bytes, the evaluator
//! joins them, and the shell owns the terminal.
//!
//! Module map:
//! - `error` — `PyError`: Python exception kinds with NumPy's and CPython's exact messages.
//! - `syntax` — cell text → AST (`parse`); pest and `grammar/arrsh.pest` live only here.
//!   - `syntax::ast` — the AST, with a canonical fully parenthesised `Display`.
//!   - `syntax::parser` — the pest grammar driver; `lexer` (CPython's tokenizer pre-pass),
//!     `expr` (the Pratt table), `displays`, `targets`, `strings`, `fstrings`, `numbers`,
//!     `unicode_names`, `limits` (CPython's depth limits), `diagnose` and `messages`
//!     (CPython's syntax-error wording).
//! - `runtime` — NumPy's ndarray in Rust, no Python and no terminal:
//!   - `dtype` (dtypes, spellings, NEP 50 promotion), `casting` (`can_cast` by rule), `layout`
//!     (shape/strides/offset arithmetic, contiguity), `index` (basic indexing), `fancy`
//!     (advanced indexing, copies), `buffer` (aligned buffers, huge pages, the byte budget),
//!     `heap` (the id/address model), `scalar` (one element's value and casts), `array`
//!     (`NdArray`: views, `view(dtype)`, `as_strided`, transpose), `reshape` (reshape, ravel,
//!     squeeze, copies in a memory order), `join` (concatenate and stack), `kernels` (typed
//!     loops over ndarray views: copy, cast, ufuncs, reductions, dot; the only user of
//!     ndarray), `print` (NumPy-identical printing).
//! - `eval` — the evaluator: `Value`s with identity (`value`, `objects`, `teardown`), Python ints
//!   (`pyint`), statements and expressions (`mod`), argument parsing (`args`), operators
//!   (`ops`), subscripts (`subscript`, `fancy`), joining arrays (`joining`), attributes and
//!   methods (`methods`, `arraymethods`), builtins (`builtins`, `sort`), the numpy module
//!   (`numpy`), conversions (`convert`), iteration (`iter`), repr/str/format (`pyrepr`) and
//!   IPython's pretty printer (`pretty`).
//! - `shell` — sessions (`session`: the counter, `_`/`Out`, memory facts), text (`render`),
//!   script replay and transcript comparison (`replay`), the REPL (`repl`, `scan`, `names`,
//!   `histfile`). The binary (`main.rs`) parses flags and picks a driver.

pub mod error;
pub mod eval;
pub mod runtime;
pub mod shell;
pub mod syntax;

pub use error::{ErrorKind, PyError, PyResult};
pub use shell::{Session, SessionOptions, Style};
