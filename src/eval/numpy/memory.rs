//! Where an array's bytes are, as NumPy itself reports it: `np.lib.array_utils.byte_bounds`
//! (the first and one-past-last byte addresses an array reaches) and `ndarray.ctypes` (whose
//! `data` is the address of the first element), so Rougier's memory exercises run; and
//! `ndarray.resize`, which moves an owner's bytes to a new buffer in place.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::{Record, Value};
use crate::eval::registry::{Bound, Conv, Origin, Row};

pub const ROWS: &[Row] = &[
    Row::module("numpy.lib.array_utils", Origin::Site { package: false }),
    Row::np_py("numpy.lib.array_utils.byte_bounds", "(a)", byte_bounds),
    Row::attr("ndarray.ctypes", ctypes),
    Row::method(
        "ndarray.resize",
        "function(*new_shape, refcheck=True)",
        resize,
    )
    .conv(Conv::KeywordsOnly),
];

/// The value of `key` in a `__array_interface__` dict.
fn field(d: &Value, key: &str) -> Option<Value> {
    let Value::Dict(d) = d else { return None };
    d.items
        .borrow()
        .iter()
        .find(|(k, _)| matches!(k, Value::Str(s) if s.v == key))
        .map(|(_, v)| v.clone())
}

fn int_of(it: &Interp, v: &Value) -> PyResult<i128> {
    Ok(it.int_value(v, "")?.to_i128_saturating())
}

/// NumPy's Python, step for step: the interface's data address, then, without strides (a
/// C-contiguous array), `size * itemsize` past it; with strides, each axis moves the low or
/// the high end by `(n - 1) * stride`, and the high end gets one more item.
fn byte_bounds(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    // a list has no __array_interface__: NumPy's AttributeError is the answer
    let ai = it.getattr(&x, "__array_interface__")?;
    let data = match field(&ai, "data") {
        Some(Value::Tuple(t)) if !t.items.is_empty() => int_of(it, &t.items[0])?,
        _ => return Err(PyError::no_attribute(&x.type_name(), "__array_interface__")),
    };
    let shape: Vec<i128> = match field(&ai, "shape") {
        Some(Value::Tuple(t)) => t
            .items
            .iter()
            .map(|v| int_of(it, v))
            .collect::<PyResult<_>>()?,
        _ => Vec::new(),
    };
    let strides: Option<Vec<i128>> = match field(&ai, "strides") {
        Some(Value::Tuple(t)) => Some(
            t.items
                .iter()
                .map(|v| int_of(it, v))
                .collect::<PyResult<_>>()?,
        ),
        _ => None,
    };
    let itemsize = it.to_array(&x, None)?.itemsize() as i128;
    let (mut low, mut high) = (data, data);
    match strides {
        None => high += shape.iter().product::<i128>() * itemsize,
        Some(strides) => {
            for (n, s) in shape.iter().zip(&strides) {
                if *s < 0 {
                    low += (n - 1) * s;
                } else {
                    high += (n - 1) * s;
                }
            }
            high += itemsize;
        }
    }
    let low = it.new_int(Int::from_i128(low));
    let high = it.new_int(Int::from_i128(high));
    Ok(it.new_tuple(vec![low, high]))
}

/// `a.ctypes`: a new `_ctypes` object per access, as NumPy makes one; its `data` is the data
/// pointer (`__array_interface__['data'][0]`).
fn ctypes(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let Value::Array(arr) = &a.this else {
        return Err(PyError::no_attribute(&a.this.type_name(), "ctypes"));
    };
    let data = it.new_int(Int::from_u64(arr.data_address()));
    let id = it.ctx.heap.object(48);
    let repr = format!("<numpy._core._internal._ctypes object at {:#x}>", id.addr());
    Ok(Value::Record(Rc::new(Record {
        id,
        type_name: "numpy._core._internal._ctypes",
        repr,
        fields: vec![("data", data)],
    })))
}

/// What the call machinery holds while `a.resize(...)` runs: the caller's name, the value
/// stack, the bound method and its receiver. NumPy's `Py_REFCNT(self) > 2` is a count above this
/// here (a second name, a view's base, a list, `_`/`Out` after the array was displayed).
const RESIZE_CALL_REFS: usize = 4;

/// `a.resize(new_shape, refcheck=True)` (`array_resize` in `methods.c`): no shape or `None`
/// does nothing; one argument is the shape, several are its dimensions. `refcheck` is parsed
/// by `NpyArg_ParseKeywords` (an anonymous `|i` format), hence its messages.
fn resize(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let refcheck = match a.take("refcheck") {
        Some(v) => !it.int_value(&v, "")?.is_zero(),
        None => true,
    };
    let Value::Array(arr) = &a.this else {
        return Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.ndarray",
            &a.this.type_name(),
        ));
    };
    let shape = match a.star.as_slice() {
        [] | [Value::None] => return Ok(Value::None),
        // a str is a sequence to `PyArray_IntpConverter`, and its items are no integers
        [one] if !matches!(one, Value::Str(_)) => it.to_shape(one)?,
        many => many
            .iter()
            .map(|v| Ok(it.int_value(v, "")?.to_i128_saturating()))
            .collect::<PyResult<_>>()?,
    };
    let referenced = refcheck && Rc::strong_count(arr) > RESIZE_CALL_REFS;
    arr.resize(&shape, referenced)?;
    Ok(Value::None)
}
