//! The NumPy bindings: the `numpy` module, array constructors, array methods, dtypes, reductions, math functions, joining and fancy indexing.

pub mod arrange;
pub mod arraymethods;
pub mod constructors;
pub mod creation;
pub mod dtypes;
pub mod errstate;
pub mod fancy;
pub mod grids;
pub mod info;
pub mod iterators;
pub mod joining;
pub mod linalg;
pub mod mathfuncs;
pub mod memory;
pub mod module;
pub mod nanfuncs;
pub mod numeric;
pub mod origins;
pub mod printoptions;
pub mod random;
pub mod reductions;
pub mod shapes;
pub mod sorting;
pub mod stride_tricks;
pub mod ufuncs;
pub mod variance;
