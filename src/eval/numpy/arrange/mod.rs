//! Rearranging helpers of the numpy module, written as NumPy writes them in Python (slices,
//! transposes, concatenation and fancy indexing of whole arrays, so views stay views): `flip`,
//! `fliplr`/`flipud`, `rot90`, `roll`, `tile`, `repeat`, `resize`, `atleast_1d/2d/3d`,
//! `column_stack`, `dstack`, `split`/`array_split`/`hsplit`/`vsplit`/`dsplit`, `diagonal`
//! (a read-only view), `diag`, `trace`, `tri`/`triu`/`tril`, `take`/`put`,
//! `take_along_axis`/`put_along_axis` and `pad`.

mod diagonals;
mod flips;
mod pad;
mod repeats;
mod stacks;
mod takes;

use std::rc::Rc;

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::{NdArray, OrderArg};

use diagonals::{diag, diagonal, trace, tri, triu};
use flips::{flip, fliplr, flipud, roll, rot90};
use pad::pad;
use repeats::{repeat, resize, tile};
use stacks::{atleast, column_stack, dstack, split};
use takes::{put, put_along_axis, take, take_along_axis};

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.flip", "(m, axis=None)", flip).returns("ndarray"),
    Row::np_py("numpy.fliplr", "(m)", fliplr).returns("ndarray"),
    Row::np_py("numpy.flipud", "(m)", flipud).returns("ndarray"),
    Row::np_py("numpy.rot90", "(m, k=1, axes=(0, 1))", rot90).returns("ndarray"),
    Row::np_py("numpy.roll", "(a, shift, axis=None)", roll).returns("ndarray"),
    Row::np_py("numpy.tile", "(A, reps)", tile).returns("ndarray"),
    Row::np_py("numpy.repeat", "(a, repeats, axis=None)", repeat).returns("ndarray"),
    Row::method("ndarray.repeat", "(repeats, axis=None)", repeat)
        .returns("ndarray")
        .shown("(repeats, /, axis=None)"),
    Row::np_py("numpy.resize", "(a, new_shape)", resize).returns("ndarray"),
    Row::np_py("numpy.atleast_1d", "(*arys)", atleast).returns("ndarray"),
    Row::np_py("numpy.atleast_2d", "(*arys)", atleast).returns("ndarray"),
    Row::np_py("numpy.atleast_3d", "(*arys)", atleast).returns("ndarray"),
    Row::np_py("numpy.column_stack", "(tup)", column_stack).returns("ndarray"),
    Row::np_py("numpy.dstack", "(tup)", dstack).returns("ndarray"),
    Row::np_py(
        "numpy.array_split",
        "(ary, indices_or_sections, axis=0)",
        split,
    )
    .returns("list"),
    Row::np_py("numpy.split", "(ary, indices_or_sections, axis=0)", split).returns("list"),
    Row::np_py("numpy.hsplit", "(ary, indices_or_sections)", split).returns("list"),
    Row::np_py("numpy.vsplit", "(ary, indices_or_sections)", split).returns("list"),
    Row::np_py("numpy.dsplit", "(ary, indices_or_sections)", split).returns("list"),
    Row::np_py(
        "numpy.diagonal",
        "(a, offset=0, axis1=0, axis2=1)",
        diagonal,
    )
    .returns("ndarray"),
    Row::method("ndarray.diagonal", "(offset=0, axis1=0, axis2=1)", diagonal).returns("ndarray"),
    Row::np_py("numpy.diag", "(v, k=0)", diag).returns("ndarray"),
    Row::np_py(
        "numpy.trace",
        "(a, offset=0, axis1=0, axis2=1, dtype=None, out=None)",
        trace,
    )
    .returns("ndarray"),
    Row::np_method(
        "ndarray.trace",
        "(offset=0, axis1=0, axis2=1, dtype=None, out=None)",
        trace,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.tri",
        "(N, M=None, k=0, dtype=<class 'float'>, *, like=None)",
        tri,
    )
    .returns("ndarray"),
    Row::np_py("numpy.triu", "(m, k=0)", triu).returns("ndarray"),
    Row::np_py("numpy.tril", "(m, k=0)", triu).returns("ndarray"),
    Row::np_py(
        "numpy.take",
        "(a, indices, axis=None, out=None, mode='raise')",
        take,
    )
    .returns("ndarray"),
    Row::np_method(
        "ndarray.take",
        "(indices, axis=None, out=None, mode='raise')",
        take,
    )
    .returns("ndarray")
    .shown("(indices, /, axis=None, out=None, mode='raise')"),
    Row::np_py("numpy.put", "(a, ind, v, mode='raise')", put),
    Row::method("ndarray.put", "(indices, values, mode='raise')", put)
        .shown("(indices, values, /, mode='raise')"),
    Row::np_py(
        "numpy.take_along_axis",
        "(arr, indices, axis=-1)",
        take_along_axis,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.put_along_axis",
        "(arr, indices, values, axis)",
        put_along_axis,
    ),
    Row::np_py(
        "numpy.pad",
        "(array, pad_width, mode='constant', **kwargs)",
        pad,
    )
    .returns("ndarray"),
];

/// `slice(start, stop, step)` from optional ints.
pub(crate) fn slice_of(
    it: &mut Interp,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Value {
    let v = |it: &mut Interp, x: Option<i64>| x.map_or(Value::None, |x| it.new_i64(x));
    let (a, b, c) = (v(it, start), v(it, stop), v(it, step));
    it.new_slice(a, b, c)
}

/// `(slice(None),) * axis + (item,)`: an index that applies `item` along `axis`.
pub(crate) fn along(it: &mut Interp, axis: usize, item: Value) -> Value {
    let mut items: Vec<Value> = (0..axis)
        .map(|_| it.new_slice(Value::None, Value::None, Value::None))
        .collect();
    items.push(item);
    it.new_tuple(items)
}

/// `a[index]` of an array.
fn get(it: &mut Interp, a: &Rc<NdArray>, index: &Value) -> PyResult<Rc<NdArray>> {
    let r = it.getitem(&Value::Array(a.clone()), index)?;
    it.to_array(&r, None)
}

/// `a` as an array (NumPy's `asanyarray`): the same object when it already is one.
fn array_of(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    it.to_array(v, None)
}

/// The receiver of a method row, or the named argument of the function row.
fn subject(it: &mut Interp, a: &mut Bound, name: &str) -> PyResult<Rc<NdArray>> {
    match &a.this {
        Value::Array(x) => Ok(x.clone()),
        _ => {
            let v = a.req(name)?;
            array_of(it, &v)
        }
    }
}

fn reshaped(it: &mut Interp, a: &Rc<NdArray>, shape: &[usize]) -> PyResult<Rc<NdArray>> {
    let s: Vec<i128> = shape.iter().map(|&d| d as i128).collect();
    a.reshape(&it.ctx, &s, OrderArg::C)
}

fn concatenate(it: &mut Interp, parts: Vec<Value>, axis: usize) -> PyResult<Rc<NdArray>> {
    let list = it.new_list(parts);
    let ax = it.new_i64(axis as i64);
    let r = it.call_numpy("numpy.concatenate", vec![list], vec![("axis".into(), ax)])?;
    it.to_array(&r, None)
}
