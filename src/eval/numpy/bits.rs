//! `np.packbits` and `np.unpackbits`: bits of a `uint8` array laid out along an axis, as NumPy's
//! `compiled_base.c` packs them (big-endian bit order by default, zero padding at the end of
//! the axis; `count=` trims or pads the unpacked bits).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::layout::OrderArg;
use crate::runtime::{DType, Kind, NdArray, Order};

use super::grids::np_call;

pub const ROWS: &[Row] = &[
    Row::np_c(
        "numpy.packbits",
        "(a, /, axis=None, bitorder='big')",
        packbits,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.unpackbits",
        "(a, /, axis=None, count=None, bitorder='big')",
        unpackbits,
    )
    .returns("ndarray"),
];

/// Whether bits go most significant first (`bitorder='big'`); NumPy reads the first letter.
fn big_endian(it: &mut Interp, a: &mut Bound) -> PyResult<bool> {
    let Some(v) = a.take_some("bitorder") else {
        return Ok(true);
    };
    let s = it.str(&v)?;
    match s.chars().next() {
        Some('b' | 'B') => Ok(true),
        Some('l' | 'L') => Ok(false),
        _ => Err(PyError::value("'order' must begin with 'l' or 'b'")),
    }
}

/// The array with `axis` moved last (flattened for `axis=None`), its bytes in C order, the
/// shape before the move, and the axis.
struct Rows {
    bytes: Vec<u8>,
    shape: Vec<usize>,
    axis: usize,
}

fn rows_of(it: &mut Interp, x: &Rc<NdArray>, axis: Option<Value>) -> PyResult<Rows> {
    let (arr, axis) = match axis {
        None => (x.flatten(&it.ctx, OrderArg::C)?, 0),
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (x.clone(), normalize_axis(ax, x.ndim())?)
        }
    };
    let shape = arr.shape().to_vec();
    let last = it.new_i64(-1);
    let ax = it.new_i64(axis as i64);
    let moved = np_call(it, "moveaxis", vec![Value::Array(arr), ax, last], vec![])?;
    let moved = moved
        .as_array()
        .cloned()
        .ok_or_else(|| PyError::internal("moveaxis gave no array"))?;
    let bytes = it.array_bytes(&moved, OrderArg::C)?;
    Ok(Rows { bytes, shape, axis })
}

/// A new C-ordered uint8 array of `shape` (the axis last) from `bytes`, with the axis moved
/// back into place.
fn build(it: &mut Interp, rows: &Rows, n: usize, bytes: Vec<u8>) -> PyResult<Value> {
    let mut shape = rows.shape.clone();
    shape.remove(rows.axis);
    shape.push(n);
    let out = NdArray::zeros(&it.ctx, &shape, DType::UINT8, Order::C)?;
    out.buffer().bytes_mut()?[..bytes.len()].copy_from_slice(&bytes);
    let last = it.new_i64(-1);
    let ax = it.new_i64(rows.axis as i64);
    let back = np_call(it, "moveaxis", vec![Value::Array(out), last, ax], vec![])?;
    np_call(it, "ascontiguousarray", vec![back], vec![])
}

fn packbits(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = it.to_array(&a.req("a")?, None)?;
    if !matches!(x.dtype().kind, Kind::Int | Kind::UInt | Kind::Bool) {
        return Err(PyError::type_error(
            "Expected an input array of integer or boolean data type",
        ));
    }
    let big = big_endian(it, &mut a)?;
    let nonzero = np_call(
        it,
        "not_equal",
        vec![Value::Array(x), it.new_i64(0)],
        vec![],
    )?;
    let nonzero = it.to_array(&nonzero, None)?;
    let rows = rows_of(it, &nonzero, a.take_some("axis"))?;
    let n = rows.shape.get(rows.axis).copied().unwrap_or(1);
    let m = n.div_ceil(8);
    it.gate((rows.bytes.len() / n.max(1) * m) as u128)?;
    let mut out = Vec::with_capacity(rows.bytes.len() / n.max(1) * m);
    for row in rows.bytes.chunks(n.max(1)) {
        for group in row.chunks(8) {
            let mut byte = 0u8;
            for (k, &bit) in group.iter().enumerate() {
                if bit != 0 {
                    byte |= if big { 0x80 >> k } else { 1 << k };
                }
            }
            out.push(byte);
        }
    }
    build(it, &rows, m, out)
}

fn unpackbits(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = it.to_array(&a.req("a")?, None)?;
    if x.dtype().kind != Kind::UInt || x.dtype().itemsize != 1 {
        return Err(PyError::type_error(
            "Expected an input array of unsigned byte data type",
        ));
    }
    let big = big_endian(it, &mut a)?;
    let rows = rows_of(it, &x, a.take_some("axis"))?;
    let n = rows.shape.get(rows.axis).copied().unwrap_or(1);
    let bits = n * 8;
    let m = match a.take_some("count") {
        None => bits,
        Some(c) => {
            let c = it.int_value(&c, "")?.to_i64().unwrap_or(i64::MAX);
            if c >= 0 {
                c as usize
            } else if c.unsigned_abs() as usize > bits {
                return Err(PyError::value("-count larger than number of elements"));
            } else {
                bits - c.unsigned_abs() as usize
            }
        }
    };
    let count = (rows.bytes.len() / n.max(1)).saturating_mul(m);
    it.gate(count as u128)?;
    let mut out = Vec::with_capacity(count);
    for row in rows.bytes.chunks(n.max(1)) {
        out.extend((0..m).map(|j| match row.get(j / 8) {
            Some(&b) if j < bits => {
                let k = j % 8;
                (if big { b >> (7 - k) } else { b >> k }) & 1
            }
            _ => 0,
        }));
    }
    build(it, &rows, m, out)
}
