//! arrsh: an interactive NumPy shell that shows where array data lives.
//!
//! Knowledge flows one way: the grammar knows syntax, the runtime knows bytes, the evaluator
//! joins them, and the shell owns the terminal.
//!
//! Module map:
//! - `error` — `PyError`: Python exception kinds with NumPy's and CPython's exact messages.
//! - `syntax` — cell text → AST (`parse`); pest and `grammar/arrsh.pest` live only here.
//!   - `syntax::ast` — the AST, with a canonical fully parenthesised `Display`.
//!   - `syntax::parser` — the entry: `lexer` (CPython's tokenizer pre-pass), then the pest
//!     grammar and the AST builders `expr` (the Pratt table), `displays`, `targets`, `strings`,
//!     `fstrings` and `numbers` (with `unicode_names`).
//!   - `syntax::diagnose`, `messages`, `limits` — why a parse failed, in CPython's words, and
//!     CPython's compile-time depth limits.
//! - `runtime` — NumPy's ndarray in Rust, no Python and no terminal:
//!   - `dtype` (dtypes, spellings, byte order, NEP 50 promotion), `layout` (shape/strides/offset
//!     arithmetic, contiguity), `index` (basic indexing), `fancy` (advanced indexing, copies),
//!     `buffer` (aligned buffers, huge pages, the byte budget), `heap` (the id/address model),
//!     `scalar` (one element's value and casts), `array` (`NdArray`: views, `view(dtype)`,
//!     `as_strided`, reshape, transpose), `print` (NumPy-identical printing).
//!   - `kernels` — typed loops over ndarray views, the only user of ndarray: copy, cast, assign
//!     (`mod`), `elem` (element types incl. float16, complex and byte-swapped access; dtype
//!     dispatch), `arith` (NumPy's per-type arithmetic), `ops` (element-wise ufuncs with
//!     broadcasting), `reduce`, `strings` (S/U comparisons), `linalg` (`dot`, `@`).
//! - `eval` — the evaluator: `Value`s with identity (`value`, `objects`), Python ints (`pyint`),
//!   statements and expressions (`mod`), operators (`ops`), subscripts (`subscript`, `fancy`),
//!   attributes and methods (`methods`, `arraymethods`), dtype objects, byte order and
//!   `iinfo`/`finfo` (`dtypes`), reductions with NumPy's signatures (`reductions`), builtins
//!   (`builtins`), the numpy module (`numpy`), conversions (`convert`), iteration (`iter`),
//!   sorting (`sort`), recursion-free container teardown (`teardown`), repr/str/format
//!   (`pyrepr`) and IPython's pretty printer (`pretty`).
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
