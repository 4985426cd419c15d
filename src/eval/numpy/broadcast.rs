//! `np.broadcast` objects (NumPy's `PyArrayMultiIterObject`): the broadcast shape of up to 64
//! operands without making the broadcast arrays, and an iterator over tuples of their
//! elements in C order that counts its `index` and can be `reset`.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::{NativeIter, state_of};
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::NdArray;

pub const ROWS: &[Row] = &[
    Row::c_class("numpy.broadcast", "(*arrays)", broadcast_new),
    Row::attr("numpy.broadcast.shape", shape),
    Row::attr("numpy.broadcast.size", size),
    Row::attr("numpy.broadcast.ndim", ndim),
    Row::attr("numpy.broadcast.nd", ndim),
    Row::attr("numpy.broadcast.numiter", numiter),
    Row::attr("numpy.broadcast.index", index),
    Row::attr("numpy.broadcast.iters", iters),
    Row::method("numpy.broadcast.reset", "()", reset),
    Row::method("numpy.broadcast.__next__", "()", next),
];

const OWNERS: &[&str] = &["numpy.broadcast"];
const TYPE: &str = "numpy.broadcast";

/// NumPy's `NPY_MAXARGS`.
const MAX_ARGS: usize = 64;

static SLOTS: NativeSlots = NativeSlots {
    iter: Some(broadcast_iter),
    ..NativeSlots::NONE
};

struct Broadcast {
    /// Each operand broadcast to `shape` (read-only views).
    arrays: Vec<Rc<NdArray>>,
    shape: Vec<usize>,
    /// How many tuples have been taken.
    index: usize,
}

impl Broadcast {
    fn size(&self) -> usize {
        self.shape.iter().product()
    }
}

/// `np.broadcast(*arrays)`: a broadcast object given as an operand brings its own operands
/// (`arraymultiter_new`).
fn broadcast_new(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let mut operands: Vec<Value> = Vec::new();
    let mut count = 0usize;
    for v in &a.star {
        if let Value::Native(n) = v
            && n.type_name == TYPE
        {
            let inner = state_of::<Broadcast>(v, "broadcast")?;
            count += inner.arrays.len();
            operands.extend(inner.arrays.iter().map(|x| Value::Array(x.clone())));
        } else {
            count += 1;
            operands.push(v.clone());
        }
    }
    if count > MAX_ARGS {
        return Err(PyError::value(format!(
            "Need at least 0 and at most {MAX_ARGS} array objects."
        )));
    }
    let mut arrays = Vec::with_capacity(operands.len());
    let mut shape = Vec::new();
    if !operands.is_empty() {
        let views = it.call_numpy("numpy.broadcast_arrays", operands, vec![])?;
        for v in it.collect(&views)? {
            arrays.push(it.to_array(&v, None)?);
        }
        shape = arrays
            .first()
            .map(|x| x.shape().to_vec())
            .unwrap_or_default();
    }
    let state = Broadcast {
        arrays,
        shape,
        index: 0,
    };
    Ok(it.native_obj(TYPE, OWNERS, &SLOTS, 576, state))
}

fn shape(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let dims = state_of::<Broadcast>(&a.this, "broadcast")?.shape.clone();
    Ok(it.int_tuple(dims.iter().map(|&d| d as i128)))
}

fn size(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let n = state_of::<Broadcast>(&a.this, "broadcast")?.size();
    Ok(it.new_i64(n as i64))
}

fn ndim(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let n = state_of::<Broadcast>(&a.this, "broadcast")?.shape.len();
    Ok(it.new_i64(n as i64))
}

fn numiter(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let n = state_of::<Broadcast>(&a.this, "broadcast")?.arrays.len();
    Ok(it.new_i64(n as i64))
}

fn index(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let n = state_of::<Broadcast>(&a.this, "broadcast")?.index;
    Ok(it.new_i64(n as i64))
}

/// `b.iters`: a `flatiter` over each broadcast operand.
fn iters(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let arrays = state_of::<Broadcast>(&a.this, "broadcast")?.arrays.clone();
    let mut out = Vec::with_capacity(arrays.len());
    for x in arrays {
        out.push(it.getattr(&Value::Array(x), "flat")?);
    }
    Ok(it.new_tuple(out))
}

fn reset(_: &mut Interp, a: Bound) -> PyResult<Value> {
    state_of::<Broadcast>(&a.this, "broadcast")?.index = 0;
    Ok(Value::None)
}

/// The next tuple of elements, or `None` when every one has been taken.
fn step(it: &mut Interp, obj: &Value) -> PyResult<Option<Value>> {
    let (arrays, at) = {
        let mut st = state_of::<Broadcast>(obj, "broadcast")?;
        if st.index >= st.size() {
            return Ok(None);
        }
        let mut at = vec![0usize; st.shape.len()];
        let mut rem = st.index;
        for d in (0..st.shape.len()).rev() {
            at[d] = rem % st.shape[d];
            rem /= st.shape[d];
        }
        st.index += 1;
        (st.arrays.clone(), at)
    };
    let mut items = Vec::with_capacity(arrays.len());
    for x in &arrays {
        let s = x.get(&at)?;
        items.push(it.element_scalar(x.dtype(), s));
    }
    Ok(Some(it.new_tuple(items)))
}

fn next(it: &mut Interp, a: Bound) -> PyResult<Value> {
    step(it, &a.this)?.ok_or_else(|| PyError::new(ErrorKind::StopIteration, ""))
}

/// Iterating a broadcast object takes its tuples (and moves its `index`).
struct Tuples {
    obj: Value,
}

impl NativeIter for Tuples {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        step(interp, &self.obj)
    }
}

fn broadcast_iter(it: &mut Interp, v: &Value) -> PyResult<Value> {
    Ok(it.native_iter(TYPE, Tuples { obj: v.clone() }))
}
