//! Compiling and running code: each top-level statement of a cell is compiled once to
//! instructions (`compile`, `compile_expr`, with names resolved by `symtable`: function locals
//! to slots, globals to the session's slots in `globals`), then run by the dispatch loop in
//! `frame`. Calls and argument binding are in `call`, generators in `generator`. The instruction set
//! and code objects are in `code`.

pub mod call;
pub mod code;
pub mod compile;
mod compile_expr;
pub mod frame;
pub mod generator;
pub mod globals;
pub mod symtable;
