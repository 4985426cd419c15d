//! Compiling and running code: each top-level statement of a cell is compiled once to
//! instructions (`compile`: statements; `compile_flow`: loops, `try`, `with`; `compile_match`:
//! `match` and its patterns; `compile_def`: functions and classes; `compile_expr`, with names
//! resolved by `symtable`: function locals to slots, globals to the session's slots in
//! `globals`; `compile_warn`: CPython's compile-time SyntaxWarnings), then run by the dispatch
//! loop in `frame` (with `unpack`: star expansion, `**kwargs`, f-string fields; `matching`:
//! what `match` asks of a subject). Calls, argument binding and closures are in `call`,
//! generators in `generator`. The instruction set and code objects are in `code`.

pub mod call;
pub mod code;
pub mod compile;
mod compile_def;
mod compile_expr;
mod compile_flow;
mod compile_match;
pub mod compile_warn;
pub mod frame;
pub mod generator;
pub mod globals;
mod matching;
pub mod symtable;
mod unpack;
