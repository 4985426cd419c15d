//! Set routines as NumPy 2.4's `_arraysetops_impl.py` composes them from `unique`,
//! `concatenate`, sorting, comparisons and indexing: `intersect1d`, `union1d`, `setdiff1d`,
//! `setxor1d` and `isin` (NumPy 2.4 has no `in1d`). Every step is an arrsh NumPy call, so the
//! dtypes, orders and copies are those of the pieces.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::Kind;
use crate::runtime::kernels::BinaryOp;

use super::arrange::slice_of;

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.intersect1d",
        "(ar1, ar2, assume_unique=False, return_indices=False)",
        intersect1d,
    )
    .returns("ndarray"),
    Row::np_py("numpy.union1d", "(ar1, ar2)", union1d).returns("ndarray"),
    Row::np_py(
        "numpy.setdiff1d",
        "(ar1, ar2, assume_unique=False)",
        setdiff1d,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.setxor1d",
        "(ar1, ar2, assume_unique=False)",
        setxor1d,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.isin",
        "(element, test_elements, assume_unique=False, invert=False, *, kind=None)",
        isin,
    )
    .returns("ndarray"),
];

/// `np.<name>(*args, **kw)` through the registry.
pub(crate) fn np(
    it: &mut Interp,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    it.call_numpy(&format!("numpy.{name}"), args, kw)
}

fn unique(it: &mut Interp, v: Value) -> PyResult<Value> {
    np(it, "unique", vec![v], vec![])
}

/// `v[start:stop]`.
fn sliced(it: &mut Interp, v: &Value, start: Option<i64>, stop: Option<i64>) -> PyResult<Value> {
    let s = slice_of(it, start, stop, None);
    it.getitem(v, &s)
}

fn cmp(it: &mut Interp, a: &Value, op: BinaryOp, b: &Value) -> PyResult<Value> {
    let sym = if op == BinaryOp::Eq { "==" } else { "!=" };
    it.numpy_binary(a, op, b, sym)
}

/// `aux[1:] <op> aux[:-1]`: where neighbours of a sorted array are (not) equal.
fn neighbours(it: &mut Interp, aux: &Value, op: BinaryOp) -> PyResult<Value> {
    let hi = sliced(it, aux, Some(1), None)?;
    let lo = sliced(it, aux, None, Some(-1))?;
    cmp(it, &hi, op, &lo)
}

fn concat2(it: &mut Interp, a: Value, b: Value, axis_none: bool) -> PyResult<Value> {
    let t = it.new_tuple(vec![a, b]);
    let kw = if axis_none {
        vec![("axis".to_string(), Value::None)]
    } else {
        vec![]
    };
    np(it, "concatenate", vec![t], kw)
}

fn ravel(it: &mut Interp, v: Value) -> PyResult<Value> {
    let a = np(it, "asarray", vec![v], vec![])?;
    it.call_method(&a, "ravel", vec![], vec![])
}

fn size_of(v: &Value) -> i64 {
    v.as_array().map_or(0, |a| a.size() as i64)
}

fn intersect1d(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let ar1 = np(it, "asanyarray", vec![a.req("ar1")?], vec![])?;
    let ar2 = np(it, "asanyarray", vec![a.req("ar2")?], vec![])?;
    let assume_unique = it.arg_bool(&mut a, "assume_unique")?;
    let return_indices = it.arg_bool(&mut a, "return_indices")?;
    let index_kw = || vec![("return_index".to_string(), Value::Bool(true))];
    let (ar1, ar2, inds) = if !assume_unique {
        if return_indices {
            let r1 = np(it, "unique", vec![ar1], index_kw())?;
            let r2 = np(it, "unique", vec![ar2], index_kw())?;
            let (u1, i1) = pair(it, &r1)?;
            let (u2, i2) = pair(it, &r2)?;
            (u1, u2, Some((i1, i2)))
        } else {
            (unique(it, ar1)?, unique(it, ar2)?, None)
        }
    } else {
        let r1 = it.call_method(&ar1, "ravel", vec![], vec![])?;
        let r2 = it.call_method(&ar2, "ravel", vec![], vec![])?;
        (r1, r2, None)
    };
    let n1 = size_of(&ar1);
    let mut aux = concat2(it, ar1, ar2, false)?;
    let mut order = Value::None;
    if return_indices {
        let kw = vec![("kind".to_string(), it.new_str("mergesort".into()))];
        order = np(it, "argsort", vec![aux.clone()], kw)?;
        aux = it.getitem(&aux, &order)?;
    } else {
        it.call_method(&aux, "sort", vec![], vec![])?;
    }
    let mask = neighbours(it, &aux, BinaryOp::Eq)?;
    let head = sliced(it, &aux, None, Some(-1))?;
    let int1d = it.getitem(&head, &mask)?;
    if !return_indices {
        return Ok(int1d);
    }
    let lo = sliced(it, &order, None, Some(-1))?;
    let mut ind1 = it.getitem(&lo, &mask)?;
    let hi = sliced(it, &order, Some(1), None)?;
    let hi = it.getitem(&hi, &mask)?;
    let n1 = it.new_i64(n1);
    let mut ind2 = it.numpy_binary(&hi, BinaryOp::Sub, &n1, "-")?;
    if let Some((i1, i2)) = inds {
        ind1 = it.getitem(&i1, &ind1)?;
        ind2 = it.getitem(&i2, &ind2)?;
    }
    Ok(it.new_tuple(vec![int1d, ind1, ind2]))
}

/// The two arrays of a `(values, indices)` tuple.
fn pair(it: &mut Interp, v: &Value) -> PyResult<(Value, Value)> {
    let items = it.collect(v)?;
    match <[Value; 2]>::try_from(items) {
        Ok([x, y]) => Ok((x, y)),
        Err(_) => Err(PyError::internal("unique returned no pair")),
    }
}

fn union1d(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (x, y) = (a.req("ar1")?, a.req("ar2")?);
    let c = concat2(it, x, y, true)?;
    unique(it, c)
}

fn setdiff1d(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (x, y) = (a.req("ar1")?, a.req("ar2")?);
    let (ar1, ar2) = if it.arg_bool(&mut a, "assume_unique")? {
        (ravel(it, x)?, y)
    } else {
        (unique(it, x)?, unique(it, y)?)
    };
    let keep = isin_flat(it, ar1.clone(), ar2, true, true, None)?;
    it.getitem(&ar1, &keep)
}

fn setxor1d(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (mut x, mut y) = (a.req("ar1")?, a.req("ar2")?);
    if !it.arg_bool(&mut a, "assume_unique")? {
        x = unique(it, x)?;
        y = unique(it, y)?;
    }
    let aux = concat2(it, x, y, true)?;
    if size_of(&aux) == 0 {
        return Ok(aux);
    }
    it.call_method(&aux, "sort", vec![], vec![])?;
    let differs = neighbours(it, &aux, BinaryOp::Ne)?;
    let t = it.new_list(vec![Value::Bool(true)]);
    let t2 = it.new_list(vec![Value::Bool(true)]);
    let tup = it.new_tuple(vec![t, differs, t2]);
    let flag = np(it, "concatenate", vec![tup], vec![])?;
    let hi = sliced(it, &flag, Some(1), None)?;
    let lo = sliced(it, &flag, None, Some(-1))?;
    let both = it.numpy_binary(&hi, BinaryOp::BitAnd, &lo, "&")?;
    it.getitem(&aux, &both)
}

fn isin(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let element = np(it, "asarray", vec![a.req("element")?], vec![])?;
    let test = a.req("test_elements")?;
    let assume_unique = it.arg_bool(&mut a, "assume_unique")?;
    let invert = it.arg_bool(&mut a, "invert")?;
    let kind = match a.take_some("kind") {
        None => None,
        Some(Value::Str(s)) if s.v == "sort" || s.v == "table" => Some(s.v.clone()),
        Some(other) => {
            let text = it.str(&other)?;
            return Err(PyError::isin_bad_kind(&text));
        }
    };
    if matches!(test, Value::Set(_) | Value::Dict(_)) {
        // NumPy makes a set a 0-d object array: one element no number equals
        let kw = vec![("dtype".to_string(), it.module_attr("numpy", "bool")?)];
        let f = if invert { "ones_like" } else { "zeros_like" };
        return np(it, f, vec![element], kw);
    }
    let flat = isin_flat(it, element.clone(), test, assume_unique, invert, kind)?;
    let shape = it.getattr(&element, "shape")?;
    it.call_method(&flat, "reshape", vec![shape], vec![])
}

/// `_isin` on raveled arrays. NumPy picks a lookup table, a loop or a sort by sizes; all give
/// the same booleans for unique `ar1`, so arrsh always sorts (its stable merge keeps `ar1`'s
/// value before `ar2`'s equal one), keeping the table method's refusals.
fn isin_flat(
    it: &mut Interp,
    ar1: Value,
    ar2: Value,
    assume_unique: bool,
    invert: bool,
    kind: Option<String>,
) -> PyResult<Value> {
    let ar1 = ravel(it, ar1)?;
    let ar2 = ravel(it, ar2)?;
    if kind.as_deref() == Some("table") {
        let ints = [&ar1, &ar2].iter().all(|v| {
            v.as_array()
                .is_some_and(|x| x.dtype().is_integer() || x.dtype().kind == Kind::Bool)
        });
        if !ints {
            return Err(PyError::isin_table_needs_integers());
        }
    }
    // ar1 is made unique even when assumed so: NumPy's table and loop methods (its choice for
    // integers and short tests) never pair an element with its own duplicate
    let (ar1u, rev_idx) = {
        let kw = vec![("return_inverse".to_string(), Value::Bool(true))];
        let r = np(it, "unique", vec![ar1.clone()], kw)?;
        pair(it, &r)?
    };
    let ar2 = if assume_unique { ar2 } else { unique(it, ar2)? };
    let ar = concat2(it, ar1u, ar2, false)?;
    let kw = vec![("kind".to_string(), it.new_str("mergesort".into()))];
    let order = it.call_method(&ar, "argsort", vec![], kw)?;
    let sar = it.getitem(&ar, &order)?;
    let op = if invert { BinaryOp::Ne } else { BinaryOp::Eq };
    let bool_ar = neighbours(it, &sar, op)?;
    let last = it.new_list(vec![Value::Bool(invert)]);
    let tup = it.new_tuple(vec![bool_ar, last]);
    let flag = np(it, "concatenate", vec![tup], vec![])?;
    let shape = it.getattr(&ar, "shape")?;
    let kw = vec![("dtype".to_string(), it.module_attr("numpy", "bool")?)];
    let ret = np(it, "zeros", vec![shape], kw)?;
    it.setitem(&ret, &order, flag)?;
    it.getitem(&ret, &rev_idx)
}
