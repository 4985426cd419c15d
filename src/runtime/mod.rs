//! The array runtime: NumPy's ndarray model in Rust — buffers, dtypes, strided layouts, views,
//! typed kernels and NumPy-identical printing. Knows bytes, never Python syntax or the terminal.

pub mod buffer;
pub mod dtype;
pub mod heap;
pub mod index;
pub mod layout;
pub mod print;
pub mod scalar;

pub use dtype::{DType, Kind};
pub use heap::{Heap, ObjId};
pub use layout::{Layout, Order};
pub use scalar::Scalar;
