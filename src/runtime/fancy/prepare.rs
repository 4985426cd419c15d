//! NumPy's `prepare_index`: what kind each index item is, the implicit `...`, and the checks in NumPy's order.

use super::FancyItem;
use super::nonzero::nonzero;
use crate::error::{PyError, PyResult};
use crate::runtime::index::IndexItem;
use crate::runtime::layout::MAX_DIMS;

/// An index entry after NumPy's `prepare_index`.
#[derive(Clone, Debug)]
pub(super) enum Entry {
    Int(i128),
    Slice(Option<i128>, Option<i128>, Option<i128>),
    NewAxis,
    /// `...`, worth this many axes.
    Ellipsis(usize),
    /// An integer array acting on one axis; `bool_len` is the length of the boolean axis it
    /// came from (checked against the array's axis, as NumPy does, only when non-zero).
    Fancy {
        values: Vec<i64>,
        shape: Vec<usize>,
        f_order: bool,
        bool_len: Option<usize>,
    },
    /// A 0-d boolean: a new length-1 (True) or length-0 (False) advanced dimension.
    ZeroDBool(bool),
}

/// NumPy's index_type bits, as flags.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Kinds {
    pub(super) int: bool,
    pub(super) newaxis: bool,
    pub(super) slice: bool,
    pub(super) ellipsis: bool,
    pub(super) fancy: bool,
    /// A single boolean array of the array's whole shape (NumPy's `HAS_BOOL`).
    pub(super) bool_mask: bool,
    /// A 0-d integer array among basic items (NumPy's `HAS_SCALAR_ARRAY`).
    pub(super) scalar_array: bool,
}

pub(super) struct Prepared {
    pub(super) entries: Vec<Entry>,
    pub(super) kinds: Kinds,
    pub(super) fancy_ndim: usize,
    /// The whole-shape boolean mask for `Kinds::bool_mask`.
    pub(super) mask: Vec<bool>,
}

impl Kinds {
    pub(super) fn only_int(&self) -> bool {
        *self
            == Kinds {
                int: true,
                ..Kinds::default()
            }
    }
    pub(super) fn only_fancy(&self) -> bool {
        *self
            == Kinds {
                fancy: true,
                ..Kinds::default()
            }
    }
    pub(super) fn has_view_part(&self) -> bool {
        self.int || self.newaxis || self.slice || self.ellipsis
    }
}

/// NumPy's `prepare_index`: classifies every item, appends the implicit `...`, and checks (in
/// this order) a second ellipsis, too many indices, too many result dimensions and boolean
/// lengths. Bounds are checked later, where NumPy checks them.
pub(super) fn prepare(shape: &[usize], items: &[FancyItem]) -> PyResult<Prepared> {
    let ndim = shape.len();
    let mut entries = Vec::with_capacity(items.len() + 1);
    let mut kinds = Kinds::default();
    let (mut used, mut new_ndim, mut fancy_ndim) = (0usize, 0usize, 0usize);
    let mut ellipsis_at = None;
    let mut mask = Vec::new();
    for it in items {
        match it {
            FancyItem::Basic(IndexItem::Ellipsis) => {
                if kinds.ellipsis {
                    return Err(PyError::single_ellipsis());
                }
                kinds.ellipsis = true;
                ellipsis_at = Some(entries.len());
                entries.push(Entry::Ellipsis(0));
            }
            FancyItem::Basic(IndexItem::NewAxis) => {
                kinds.newaxis = true;
                new_ndim += 1;
                entries.push(Entry::NewAxis);
            }
            FancyItem::Basic(IndexItem::Slice { start, stop, step }) => {
                kinds.slice = true;
                used += 1;
                new_ndim += 1;
                entries.push(Entry::Slice(*start, *stop, *step));
            }
            FancyItem::Basic(IndexItem::Int(i)) => {
                kinds.int = true;
                used += 1;
                entries.push(Entry::Int(*i));
            }
            FancyItem::Ints {
                values, shape: s, ..
            } if s.is_empty() => {
                kinds.int = true;
                kinds.scalar_array = true;
                used += 1;
                entries.push(Entry::Int(values.first().copied().unwrap_or(0) as i128));
            }
            FancyItem::Ints {
                values,
                shape: s,
                f_order,
            } => {
                kinds.fancy = true;
                fancy_ndim = fancy_ndim.max(s.len());
                used += 1;
                entries.push(Entry::Fancy {
                    values: values.clone(),
                    shape: s.clone(),
                    f_order: *f_order,
                    bool_len: None,
                });
            }
            FancyItem::Bools { values, shape: s } => {
                if items.len() == 1 && s.as_slice() == shape {
                    // a single boolean array of the whole shape: NumPy's fast boolean path
                    kinds = Kinds {
                        bool_mask: true,
                        ..Kinds::default()
                    };
                    mask = values.clone();
                    return Ok(Prepared {
                        entries: Vec::new(),
                        kinds,
                        fancy_ndim: ndim,
                        mask,
                    });
                }
                if s.is_empty() {
                    kinds.fancy = true;
                    fancy_ndim = fancy_ndim.max(1);
                    entries.push(Entry::ZeroDBool(values.first().copied().unwrap_or(false)));
                    continue;
                }
                // nonzero(): one index array per dimension of the mask
                let per_dim = nonzero(values, s);
                kinds.fancy = true;
                fancy_ndim = fancy_ndim.max(1);
                for (k, v) in per_dim.into_iter().enumerate() {
                    let n = v.len();
                    used += 1;
                    entries.push(Entry::Fancy {
                        values: v,
                        shape: vec![n],
                        f_order: false,
                        bool_len: Some(s[k]),
                    });
                }
            }
        }
    }
    if used < ndim {
        let fill = ndim - used;
        match ellipsis_at {
            Some(at) => entries[at] = Entry::Ellipsis(fill),
            None => {
                kinds.ellipsis = true;
                entries.push(Entry::Ellipsis(fill));
            }
        }
        new_ndim += fill;
    } else if used > ndim {
        return Err(PyError::too_many_indices(ndim, used));
    }
    // NumPy drops HAS_SCALAR_ARRAY beside a fancy index, and in a full integer index (where
    // the array scalar is just an integer)
    let full_integer = Kinds {
        int: true,
        scalar_array: true,
        ..Kinds::default()
    };
    if kinds.scalar_array && (kinds.fancy || kinds == full_integer) {
        kinds.scalar_array = false;
    }
    if (kinds.newaxis || kinds.fancy) && new_ndim + fancy_ndim > MAX_DIMS {
        return Err(PyError::index_result_too_many_dims(new_ndim + fancy_ndim));
    }
    // boolean lengths, now that the axis each one acts on is known
    let mut axis = 0usize;
    for e in &entries {
        match e {
            Entry::Fancy {
                bool_len: Some(n), ..
            } if *n > 0 && *n != shape[axis] => {
                return Err(PyError::boolean_index_mismatch(axis, shape[axis], *n));
            }
            Entry::Ellipsis(k) => axis += k,
            Entry::NewAxis | Entry::ZeroDBool(_) => {}
            _ => axis += 1,
        }
    }
    Ok(Prepared {
        entries,
        kinds,
        fancy_ndim,
        mask,
    })
}
