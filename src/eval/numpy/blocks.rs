//! `np.block`: an array assembled from nested lists of blocks, written as NumPy's Python
//! (`numpy/_core/shape_base.py`): the depth check with its index in the messages, then
//! repeated `concatenate` (innermost lists along the last axis) or, for big results, one
//! `empty` array filled slice by slice.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};

pub const ROWS: &[Row] = &[Row::np_py("numpy.block", "(arrays)", block).returns("ndarray")];

/// NumPy's benchmark wisdom: past `list_ndim * final_size` elements the result is filled by
/// slices rather than by repeated concatenation.
const SLICING_ABOVE: u128 = 2 * 512 * 512;

/// A position in the nested lists; `None` last marks an empty list at the bottom.
type Index = Vec<Option<usize>>;

/// `_block_format_index`: `[0, 1]` → `arrays[0][1]`.
fn format_index(index: &Index) -> String {
    let mut s = String::from("arrays");
    for i in index.iter().flatten() {
        s.push_str(&format!("[{i}]"));
    }
    s
}

/// `_block_check_depths_match`: the index of a bottom element (an empty list's, if any),
/// the largest ndim of the blocks and the number of elements, checking each element in turn.
fn check_depths(it: &mut Interp, arrays: &Value, parent: &Index) -> PyResult<(Index, usize, u128)> {
    match arrays {
        Value::Tuple(_) => Err(PyError::type_error(format!(
            "{} is a tuple. Only lists can be used to arrange blocks, and np.block does not allow implicit conversion from tuple to ndarray.",
            format_index(parent)
        ))),
        Value::List(l) => {
            let items = l.items.borrow().clone();
            if items.is_empty() {
                let mut ix = parent.clone();
                ix.push(None);
                return Ok((ix, 0, 0));
            }
            let mut first: Option<Index> = None;
            let (mut max_ndim, mut total) = (0, 0u128);
            for (i, arr) in items.iter().enumerate() {
                let mut ix = parent.clone();
                ix.push(Some(i));
                let (index, ndim, size) = check_depths(it, arr, &ix)?;
                total = total.saturating_add(size);
                max_ndim = max_ndim.max(ndim);
                let Some(f) = &first else {
                    first = Some(index);
                    continue;
                };
                if index.len() != f.len() {
                    return Err(PyError::value(format!(
                        "List depths are mismatched. First element was at depth {}, but there is an element at depth {} ({})",
                        f.len(),
                        index.len(),
                        format_index(&index)
                    )));
                }
                // an empty list at the bottom is the index reported
                if index.last() == Some(&None) {
                    first = Some(index);
                }
            }
            Ok((first.unwrap_or_default(), max_ndim, total))
        }
        other => {
            let a = it.to_array(other, None)?;
            Ok((parent.clone(), a.ndim(), a.size() as u128))
        }
    }
}

/// `_atleast_nd`: `array(a, ndmin=ndim, copy=None, subok=True)`.
fn atleast_nd(it: &mut Interp, a: &Value, ndim: usize) -> PyResult<Value> {
    let nd = it.new_i64(ndim as i64);
    let t = Value::Bool(true);
    it.call_numpy(
        "numpy.array",
        vec![a.clone()],
        vec![
            ("ndmin".into(), nd),
            ("copy".into(), Value::None),
            ("subok".into(), t),
        ],
    )
}

/// The list items of a level that the depth check found to be a list.
fn items_of(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => l.items.borrow().clone(),
        other => vec![other.clone()],
    }
}

/// `_block`: each level concatenated along `-(max_depth - depth)`.
fn block_concat(
    it: &mut Interp,
    arrays: &Value,
    max_depth: usize,
    result_ndim: usize,
    depth: usize,
) -> PyResult<Value> {
    if depth >= max_depth {
        return atleast_nd(it, arrays, result_ndim);
    }
    let mut arrs = Vec::new();
    for arr in items_of(arrays) {
        arrs.push(block_concat(it, &arr, max_depth, result_ndim, depth + 1)?);
    }
    let list = it.new_list(arrs);
    let axis = it.new_i64(-((max_depth - depth) as i64));
    it.call_numpy("numpy.concatenate", vec![list], vec![("axis".into(), axis)])
}

/// One block of the slicing path: where it goes (a start and stop per listed axis, outermost
/// first) and the block.
struct Placed {
    slices: Vec<(usize, usize)>,
    arr: Value,
}

/// `_block_info_recursion`: the result's shape and every block with its slices.
fn block_info(
    it: &mut Interp,
    arrays: &Value,
    max_depth: usize,
    result_ndim: usize,
    depth: usize,
) -> PyResult<(Vec<usize>, Vec<Placed>)> {
    if depth >= max_depth {
        let arr = atleast_nd(it, arrays, result_ndim)?;
        let shape = it.to_array(&arr, None)?.shape().to_vec();
        return Ok((
            shape,
            vec![Placed {
                slices: vec![],
                arr,
            }],
        ));
    }
    let mut parts = Vec::new();
    for arr in items_of(arrays) {
        parts.push(block_info(it, &arr, max_depth, result_ndim, depth + 1)?);
    }
    // `_concatenate_shapes`
    let axis = result_ndim - max_depth + depth;
    let first = parts[0].0.clone();
    if parts
        .iter()
        .any(|(s, _)| s[..axis] != first[..axis] || s[axis + 1..] != first[axis + 1..])
    {
        return Err(PyError::value(format!(
            "Mismatched array shapes in block along axis {axis}."
        )));
    }
    let mut shape = first;
    let mut start = 0;
    let mut placed = Vec::new();
    for (s, inner) in parts {
        let stop = start + s[axis];
        for mut p in inner {
            p.slices.insert(0, (start, stop));
            placed.push(p);
        }
        start = stop;
    }
    shape[axis] = start;
    Ok((shape, placed))
}

/// `_block_slicing`: one `empty` array of the blocks' result type (Fortran order when every
/// block is F- and not all are C-contiguous), each block assigned to its slice.
fn block_slicing(
    it: &mut Interp,
    arrays: &Value,
    list_ndim: usize,
    result_ndim: usize,
) -> PyResult<Value> {
    let (shape, placed) = block_info(it, arrays, list_ndim, result_ndim, 0)?;
    let mut dtypes = Vec::new();
    let (mut all_f, mut all_c) = (true, true);
    for p in &placed {
        let a = it.to_array(&p.arr, None)?;
        all_f &= a.is_f_contiguous();
        all_c &= a.is_c_contiguous();
        dtypes.push(it.array_dtype(&a));
    }
    let dtype = it.call_numpy("numpy.result_type", dtypes, vec![])?;
    let order = it.new_str(if all_f && !all_c { "F" } else { "C" }.into());
    let shape_v = it.int_tuple(shape.iter().map(|&d| d as i128));
    let result = it.call_numpy(
        "numpy.empty",
        vec![shape_v],
        vec![("dtype".into(), dtype), ("order".into(), order)],
    )?;
    for p in placed {
        it.ctx.check_interrupt()?;
        let mut idx = vec![Value::Ellipsis];
        for (start, stop) in p.slices {
            let (a, b) = (it.new_i64(start as i64), it.new_i64(stop as i64));
            idx.push(it.new_slice(a, b, Value::None));
        }
        let idx = it.new_tuple(idx);
        it.setitem(&result, &idx, p.arr)?;
    }
    Ok(result)
}

/// `np.block(arrays)`.
fn block(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let arrays = a.req("arrays")?;
    // `_block_setup`
    let (bottom, arr_ndim, final_size) = check_depths(it, &arrays, &vec![])?;
    let list_ndim = bottom.len();
    if bottom.last() == Some(&None) {
        return Err(PyError::value(format!(
            "List at {} cannot be empty",
            format_index(&bottom)
        )));
    }
    let result_ndim = arr_ndim.max(list_ndim);
    if list_ndim as u128 * final_size > SLICING_ABOVE {
        return block_slicing(it, &arrays, list_ndim, result_ndim);
    }
    let result = block_concat(it, &arrays, list_ndim, result_ndim, 0)?;
    if list_ndim == 0 {
        // a lone array came back as itself: block copies it (`.copy()`, order C)
        let copy = it.getattr(&result, "copy")?;
        return it.call(&copy, vec![], vec![]);
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::format_index;

    #[test]
    fn indices_print_as_subscripts_of_arrays() {
        // (index, text, why)
        let cases = [
            (vec![], "arrays", "the argument itself"),
            (vec![Some(1)], "arrays[1]", "one level"),
            (
                vec![Some(1), Some(0), None],
                "arrays[1][0]",
                "an empty list's None is left out",
            ),
        ];
        for (ix, text, why) in cases {
            assert_eq!(format_index(&ix), text, "{why}");
        }
    }
}
