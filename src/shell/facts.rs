//! Memory facts as plain data: where a displayed value's bytes live, who else uses that buffer,
//! how the value was derived, and the "why" notes. Computed by the session only for what is
//! shown; worded and laid out by the renderer (and by any other consumer of `CellResult`).

use std::rc::{Rc, Weak};

use crate::eval::Interp;
use crate::eval::object::value::{NpScalar, Value};
use crate::runtime::NdArray;
use crate::runtime::origin::CopyKind;

/// The memory facts of an array, for the memory line.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrayFacts {
    /// NumPy's name for the dtype (`int64`, `<U3`).
    pub dtype: String,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub itemsize: usize,
    /// `id()` of the array object.
    pub id: u64,
    /// `__array_interface__['data'][0]`: the buffer's address plus the offset.
    pub data_address: u64,
    pub buffer_address: u64,
    /// Signed: an empty view may point before its buffer, as NumPy's data pointer does.
    pub offset_bytes: isize,
    pub nbytes: usize,
    pub buffer_nbytes: usize,
    pub owns_data: bool,
    pub writeable: bool,
    pub c_contiguous: bool,
    pub f_contiguous: bool,
    /// For a view: what owns the memory.
    pub owner: Option<OwnerFacts>,
    /// Every user variable bound to an array on this buffer (the owner, its other names, its
    /// views), sorted.
    pub sharing: Vec<String>,
    /// The expression that made this array, when the value shown is a name bound by an earlier
    /// `name = expression` cell (`a[2:8:2].T`).
    pub derivation: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OwnerFacts {
    pub id: u64,
    /// The memory belongs to a bytes object (`np.frombuffer`), not an array.
    pub is_bytes: bool,
    /// User variables bound to the owner, sorted.
    pub names: Vec<String>,
    /// `Out[k]` entries that are the owner.
    pub out_numbers: Vec<usize>,
    pub nbytes: usize,
    /// The owner is a copy NumPy made without being asked (a reshape that could not view).
    pub is_numpy_copy: bool,
}

/// What the memory line says about a displayed value.
#[derive(Clone, Debug, PartialEq)]
pub enum Facts {
    Array(Box<ArrayFacts>),
    /// A NumPy scalar: a new object, not a view.
    Scalar {
        type_name: String,
        id: u64,
        /// A `np.void` from a structured array: it still refers to the array's element.
        views_element: bool,
    },
}

/// A "why" note: a fact worth a sentence because NumPy's behaviour surprises here.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// NumPy copied without being asked (see `runtime::origin`).
    Copied(CopyNote),
    /// `view(dtype)` of another itemsize was refused (NumPy ≥ 1.23's rule).
    ViewRefused(ViewRefusal),
    /// Elements share bytes (`as_strided`, `sliding_window_view`): at most `per_byte` elements
    /// on one byte (`exact` false: counted near the start, middle and end only).
    Overlap { per_byte: u128, exact: bool },
    /// Stride-0 axes repeat the same bytes (`broadcast_to`): `repeats` elements per element of
    /// memory.
    ZeroStrides {
        axes: Vec<usize>,
        repeats: u128,
        writeable: bool,
    },
    /// A scalar taken out of an array: a new object holding a copy of the element's bytes (or,
    /// for a `np.void` of a structured array, `views`: referring to the element itself).
    ScalarCopied {
        views: bool,
        type_name: String,
        expression: String,
        source: String,
        offset_bytes: isize,
        itemsize: usize,
    },
    /// A loop printed `id()` of the scalars it took out of an array: each is a new object, and
    /// CPython hands a freed object's memory to the next one.
    IdReuse {
        var: String,
        array: String,
        type_name: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CopyNote {
    pub kind: CopyKind,
    /// `'C'` or `'F'`.
    pub order: char,
    /// The variable bound to the copied array, if one still is.
    pub source: Option<String>,
    pub source_shape: Vec<usize>,
    pub source_strides: Vec<isize>,
    pub source_itemsize: usize,
    pub nbytes: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ViewRule {
    ZeroDim,
    LastAxisNotContiguous,
    SmallerNotDivisor,
    LargerNotDivisor,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ViewRefusal {
    pub rule: ViewRule,
    /// What is known of the array whose view was refused (when the receiver was a name).
    pub source: Option<ViewSource>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ViewSource {
    pub name: String,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub itemsize: usize,
}

/// An object a name was bound to by `name = expression`, and that expression's text.
pub struct Derivation {
    pub object: WeakObj,
    pub text: String,
    /// For a scalar taken out of an array by a literal index: where its bytes came from.
    pub scalar_source: Option<(String, isize, usize)>,
}

impl Derivation {
    pub fn same_object(&self, other: &Derivation) -> bool {
        match (&self.object, &other.object) {
            (WeakObj::Array(a), WeakObj::Array(b)) => a.ptr_eq(b),
            (WeakObj::Scalar(a), WeakObj::Scalar(b)) => a.ptr_eq(b),
            _ => false,
        }
    }
}

pub enum WeakObj {
    Array(Weak<NdArray>),
    Scalar(Weak<NpScalar>),
}

impl WeakObj {
    pub fn is(&self, v: &Value) -> bool {
        match (self, v) {
            (WeakObj::Array(w), Value::Array(a)) => std::ptr::eq(w.as_ptr(), Rc::as_ptr(a)),
            (WeakObj::Scalar(w), Value::Scalar(s)) => std::ptr::eq(w.as_ptr(), Rc::as_ptr(s)),
            _ => false,
        }
    }
    pub fn is_alive(&self) -> bool {
        match self {
            WeakObj::Array(w) => w.strong_count() > 0,
            WeakObj::Scalar(w) => w.strong_count() > 0,
        }
    }
    pub fn of(v: &Value) -> Option<WeakObj> {
        match v {
            Value::Array(a) => Some(WeakObj::Array(Rc::downgrade(a))),
            Value::Scalar(s) => Some(WeakObj::Scalar(Rc::downgrade(s))),
            _ => None,
        }
    }
}

/// User variables (not `_`-names) bound to a value for which `keep` holds, sorted.
pub fn user_names(interp: &Interp, mut keep: impl FnMut(&Value) -> bool) -> Vec<String> {
    let mut names: Vec<String> = interp
        .globals
        .iter()
        .filter(|(k, v)| !k.starts_with('_') && keep(v))
        .map(|(k, _)| k.clone())
        .collect();
    names.sort();
    names
}

/// The memory facts of an array: its owner, the names sharing its buffer.
pub fn array_facts(interp: &Interp, out_cache: &Value, a: &Rc<NdArray>) -> ArrayFacts {
    let owner = (!a.owns_data()).then(|| {
        let owner_value = match interp.memory_root(a) {
            Value::None => interp.base_value(a),
            root => root,
        };
        let names = user_names(interp, |v| interp.is_same(v, &owner_value));
        let mut out_numbers = Vec::new();
        if let Value::Dict(d) = out_cache {
            for (k, v) in d.items.borrow().iter() {
                if let Value::Int(k) = k
                    && interp.is_same(v, &owner_value)
                {
                    out_numbers.push(k.v.to_i64().unwrap_or(0) as usize);
                }
            }
        }
        OwnerFacts {
            id: interp.id_of(&owner_value),
            is_bytes: matches!(owner_value, Value::Bytes(_)),
            names,
            out_numbers,
            nbytes: a.buffer().nbytes(),
            is_numpy_copy: a.buffer().origin().is_some(),
        }
    });
    let sharing = user_names(
        interp,
        |v| matches!(v, Value::Array(x) if Rc::ptr_eq(x.buffer(), a.buffer())),
    );
    ArrayFacts {
        dtype: a.dtype().str_form(),
        shape: a.shape().to_vec(),
        strides: a.strides().to_vec(),
        itemsize: a.itemsize(),
        id: a.id(),
        data_address: a.data_address(),
        buffer_address: a.buffer().address(),
        offset_bytes: a.offset_bytes(),
        nbytes: a.nbytes(),
        buffer_nbytes: a.buffer().nbytes(),
        owns_data: a.owns_data(),
        writeable: a.is_writeable(),
        c_contiguous: a.is_c_contiguous(),
        f_contiguous: a.is_f_contiguous(),
        owner,
        sharing,
        derivation: None,
    }
}

/// A picture a magic asked for (`%mem`, `%buffers`): plain data, drawn by the renderer.
#[derive(Clone, Debug, PartialEq)]
pub enum Picture {
    /// `%mem`: the bytes of one buffer and the arrays laid over them.
    ByteMap(Box<ByteMap>),
    /// `%buffers`: each buffer, the names that use it and their byte ranges.
    Buffers(Vec<BufferUse>),
    /// `%mem` of a name whose value has no array buffer (a scalar, a list, an int).
    NoBuffer {
        name: String,
        type_name: String,
        /// For a list or tuple: how many references it holds.
        refs: Option<usize>,
    },
}

/// One buffer and the arrays to draw over it.
#[derive(Clone, Debug, PartialEq)]
pub struct ByteMap {
    pub address: u64,
    pub nbytes: usize,
    pub owner: BufferOwner,
    /// The owner first when it is an array (its elements group the bytes), then the others.
    pub rows: Vec<MapRow>,
}

/// Who owns a buffer's memory.
#[derive(Clone, Debug, PartialEq)]
pub struct BufferOwner {
    /// Variables bound to the owner, sorted.
    pub names: Vec<String>,
    /// The owner's itemsize (1 for a bytes object): its elements group the byte strip.
    pub itemsize: usize,
    pub dtype: String,
    pub is_bytes: bool,
    pub is_numpy_copy: bool,
}

/// An array drawn over a buffer: its name and its layout in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct MapRow {
    pub name: String,
    /// Other variables bound to the same array object.
    pub aliases: Vec<String>,
    pub dtype: String,
    pub itemsize: usize,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub offset_bytes: isize,
    pub is_owner: bool,
    pub writeable: bool,
    /// Named in the `%mem` call (its grid of byte offsets is drawn), not only sharing the buffer.
    pub asked: bool,
}

/// A buffer and the named arrays using it (`%buffers`, and `%whos`' memory column).
#[derive(Clone, Debug, PartialEq)]
pub struct BufferUse {
    pub address: u64,
    pub nbytes: usize,
    pub owner: BufferOwner,
    /// Each named array on the buffer with the bytes `[lo, hi)` it reaches (relative to the
    /// buffer start; `None` when it has no elements).
    pub users: Vec<(MapRow, Option<(i128, i128)>)>,
}
