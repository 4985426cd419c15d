//! Why a buffer holds a copy that NumPy made without being asked for one (a reshape that could
//! not view, fancy indexing, `np.array`'s default copy): facts recorded where the copy is made,
//! for the shell's "why" notes. The runtime states the facts; the renderer chooses the words.

use std::rc::Weak;

use super::array::NdArray;
use super::layout::Order;

/// The operation that copied.
#[derive(Clone, Debug, PartialEq)]
pub enum CopyKind {
    /// `reshape` to `shape`: the source is not contiguous in `order` and no strides over the
    /// same memory give that shape (`_attempt_nocopy_reshape` failed).
    Reshape { shape: Vec<usize> },
    /// `ravel` of an array whose elements do not run contiguously in `order`.
    Ravel,
    /// Integer-array (`boolean: false`) or boolean-mask indexing: always a new array.
    AdvancedIndex { boolean: bool },
    /// `np.array(x)` of an array: `copy=True` is the default.
    ArrayDefault,
    /// `np.asarray`, `np.ascontiguousarray`... of an array not contiguous in `order`.
    ForOrder,
    /// `np.array(seq)` of a Python list or tuple: values read out of `len` objects.
    Sequence { type_name: &'static str, len: usize },
}

/// A copy's origin: what was copied (its layout when copied), how, and in which order.
#[derive(Clone, Debug)]
pub struct CopyOrigin {
    pub kind: CopyKind,
    pub order: Order,
    /// The array that was copied, while it lives (so the shell can name it).
    pub source: Weak<NdArray>,
    pub source_shape: Vec<usize>,
    pub source_strides: Vec<isize>,
    pub source_itemsize: usize,
}

impl CopyOrigin {
    /// The origin of a copy of `source` made by `kind` in `order`.
    pub fn of(source: &std::rc::Rc<NdArray>, kind: CopyKind, order: Order) -> CopyOrigin {
        CopyOrigin {
            kind,
            order,
            source: std::rc::Rc::downgrade(source),
            source_shape: source.shape().to_vec(),
            source_strides: source.strides().to_vec(),
            source_itemsize: source.itemsize(),
        }
    }

    /// The origin of an array built from a Python sequence (there is no source array).
    pub fn sequence(type_name: &'static str, len: usize) -> CopyOrigin {
        CopyOrigin {
            kind: CopyKind::Sequence { type_name, len },
            order: Order::C,
            source: Weak::new(),
            source_shape: vec![len],
            source_strides: Vec::new(),
            source_itemsize: 0,
        }
    }
}
