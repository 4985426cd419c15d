//! Python's basic index semantics on a layout: integers (negative too), slices (`slice.indices`
//! clamping), `...` and `None`, checked in NumPy's order. Pure arithmetic on byte strides.

use super::layout::{Layout, MAX_DIMS};
use crate::error::{PyError, PyResult};

/// One item of a basic index tuple. Integers are i128 so any Python int can be clamped exactly.
#[derive(Clone, Debug, PartialEq)]
pub enum IndexItem {
    Int(i128),
    Slice {
        start: Option<i128>,
        stop: Option<i128>,
        step: Option<i128>,
    },
    Ellipsis,
    NewAxis,
}

/// Result of basic indexing: the view's layout, and whether every axis was taken by an integer
/// (numpy then returns a scalar, not a 0-d view).
#[derive(Clone, Debug, PartialEq)]
pub struct Indexed {
    pub layout: Layout,
    pub is_element: bool,
}

/// CPython's `slice.indices(len)` plus the resulting length: (start, step, count).
pub fn slice_indices(
    start: Option<i128>,
    stop: Option<i128>,
    step: Option<i128>,
    len: usize,
) -> PyResult<(i128, i128, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyError::slice_step_zero());
    }
    let len = len as i128;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i128>, default: i128| -> i128 {
        match v {
            None => default,
            Some(mut v) => {
                if v < 0 {
                    v += len;
                    if v < lower {
                        v = lower;
                    }
                } else if v > upper {
                    v = upper;
                }
                v
            }
        }
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, step, count as usize))
}

/// Applies a basic index to `layout` as numpy's `get_view_from_index` does.
pub fn apply_basic(layout: &Layout, items: &[IndexItem]) -> PyResult<Indexed> {
    // numpy's prepare_index: a second ellipsis fails first, then the count of indexed axes
    let mut ellipses = 0;
    let mut consumed = 0;
    for it in items {
        match it {
            IndexItem::Ellipsis => {
                ellipses += 1;
                if ellipses > 1 {
                    return Err(PyError::single_ellipsis());
                }
            }
            IndexItem::NewAxis => {}
            _ => consumed += 1,
        }
    }
    if consumed > layout.ndim() {
        return Err(PyError::too_many_indices(layout.ndim(), consumed));
    }
    let mut shape = Vec::new();
    let mut strides = Vec::new();
    let mut offset = layout.offset_bytes as i128;
    let mut axis = 0usize;
    let mut ints = 0usize;
    for it in items {
        match it {
            IndexItem::Int(i) => {
                let dim = layout.shape[axis];
                let idx = if *i < 0 { i + dim as i128 } else { *i };
                if idx < 0 || idx >= dim as i128 {
                    return Err(PyError::index_out_of_bounds(*i, axis, dim));
                }
                offset += idx * layout.strides[axis] as i128;
                axis += 1;
                ints += 1;
            }
            IndexItem::Slice { start, stop, step } => {
                let dim = layout.shape[axis];
                let (mut first, mut step, count) = slice_indices(*start, *stop, *step, dim)?;
                if count == 0 {
                    // numpy points an empty slice at its start: start 0, step 1
                    first = 0;
                    step = 1;
                }
                offset += first * layout.strides[axis] as i128;
                shape.push(count);
                // NumPy multiplies in npy_intp, after PySlice_Unpack clamped the step to
                // ±PY_SSIZE_T_MAX: a huge step's stride wraps as it does there
                // (`a[::10**4000].strides` is (-8,) for int64)
                let step = step.clamp(-(i64::MAX as i128), i64::MAX as i128) as i64;
                strides.push(step.wrapping_mul(layout.strides[axis] as i64) as isize);
                axis += 1;
            }
            IndexItem::Ellipsis => {
                let fill = layout.ndim() - consumed;
                for _ in 0..fill {
                    shape.push(layout.shape[axis]);
                    strides.push(layout.strides[axis]);
                    axis += 1;
                }
            }
            IndexItem::NewAxis => {
                shape.push(1);
                strides.push(0);
            }
        }
    }
    while axis < layout.ndim() {
        shape.push(layout.shape[axis]);
        strides.push(layout.strides[axis]);
        axis += 1;
    }
    // prepare_index: `None`s may not take the result past 64 dims (NPY_MAXDIMS)
    if shape.len() > MAX_DIMS && items.iter().any(|it| matches!(it, IndexItem::NewAxis)) {
        return Err(PyError::index_result_too_many_dims(shape.len()));
    }
    let is_element = ints == layout.ndim() && shape.is_empty() && ellipses == 0;
    let layout = Layout {
        shape,
        strides,
        offset_bytes: offset as isize, // invariant 5: may be negative only when empty
    };
    Ok(Indexed { layout, is_element })
}

#[cfg(test)]
mod tests {
    use super::*;
    use IndexItem::*;

    fn sl(start: Option<i128>, stop: Option<i128>, step: Option<i128>) -> IndexItem {
        Slice { start, stop, step }
    }

    #[test]
    fn slice_indices_match_cpython() {
        // (start, stop, step, len) -> slice(...).indices(len) and len(range(...))
        let cases = [
            ((None, None, None, 5), (0, 1, 5)),
            ((None, None, Some(2), 5), (0, 2, 3)),
            ((None, None, Some(-1), 5), (4, -1, 5)),
            ((Some(-2), None, None, 5), (3, 1, 2)),
            ((Some(10), Some(20), None, 5), (5, 1, 0)),
            ((Some(-10), Some(2), None, 5), (0, 1, 2)),
            ((Some(3), Some(0), Some(-1), 5), (3, -1, 3)),
            ((None, Some(-10), Some(-1), 5), (4, -1, 5)),
        ];
        for ((a, b, c, n), want) in cases {
            assert_eq!(
                slice_indices(a, b, c, n).unwrap(),
                want,
                "{a:?}:{b:?}:{c:?} of {n}"
            );
        }
        assert!(slice_indices(None, None, Some(0), 5).is_err());
    }

    fn arange5() -> Layout {
        Layout {
            shape: vec![5],
            strides: vec![8],
            offset_bytes: 0,
        }
    }

    #[test]
    fn views_get_numpy_strides_and_offsets() {
        let a = arange5();
        // (index, shape, strides, offset)
        type Case = (Vec<IndexItem>, Vec<usize>, Vec<isize>, isize);
        let cases: Vec<Case> = vec![
            (vec![sl(None, None, Some(2))], vec![3], vec![16], 0),
            (vec![sl(None, None, Some(-1))], vec![5], vec![-8], 32),
            (vec![sl(Some(1), None, None)], vec![4], vec![8], 8),
            (vec![sl(Some(4), Some(1), None)], vec![0], vec![8], 0), // empty: start 0 step 1
            (vec![NewAxis, Ellipsis], vec![1, 5], vec![0, 8], 0),
            (vec![Ellipsis, NewAxis], vec![5, 1], vec![8, 0], 0),
        ];
        for (items, shape, strides, off) in cases {
            let got = apply_basic(&a, &items).unwrap().layout;
            assert_eq!(
                (got.shape, got.strides, got.offset_bytes),
                (shape, strides, off),
                "{items:?}"
            );
        }
    }

    #[test]
    fn integers_take_axes_and_check_bounds() {
        let m = Layout {
            shape: vec![2, 3],
            strides: vec![24, 8],
            offset_bytes: 0,
        };
        let r = apply_basic(&m, &[Int(1), Int(-1)]).unwrap();
        assert!(r.is_element);
        assert_eq!(r.layout.offset_bytes, 40);
        let r = apply_basic(&m, &[Int(1)]).unwrap();
        assert!(!r.is_element, "control: one int on 2-d leaves a row view");
        let err = apply_basic(&m, &[Int(0), Int(3)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "IndexError: index 3 is out of bounds for axis 1 with size 3"
        );
        let err = apply_basic(&m, &[Int(0), Int(0), Int(0)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "IndexError: too many indices for array: array is 2-dimensional, but 3 were indexed"
        );
        let err = apply_basic(&m, &[Ellipsis, Ellipsis]).unwrap_err();
        assert!(err.to_string().contains("single ellipsis"));
        let zero_d = Layout {
            shape: vec![],
            strides: vec![],
            offset_bytes: 0,
        };
        assert!(
            !apply_basic(&zero_d, &[Ellipsis]).unwrap().is_element,
            "a[...] on 0-d is a view"
        );
        assert!(
            apply_basic(&zero_d, &[]).unwrap().is_element,
            "a[()] on 0-d is the element"
        );
    }
}
