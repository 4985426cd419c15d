//! Python's object model: values with identity, CPython's containers as it sizes them, operators, subscripts, iteration, conversions.

pub mod basemethods;
pub(crate) mod budget;
pub mod buffer;
pub mod bytearray;
pub mod classobj;
pub mod consts;
pub mod convert;
pub mod dictobj;
pub mod dunder;
pub mod excgroup;
pub mod excobj;
pub mod fxmap;
pub mod hashing;
pub mod iter;
pub mod listobj;
pub(crate) mod nesting;
pub mod objects;
pub mod ops;
pub mod pyint;
pub mod sequences;
pub mod setobj;
mod sort;
pub mod subscript;
mod teardown;
pub mod typebases;
pub mod value;
