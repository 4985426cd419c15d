//! Questions the numpy module answers about arrays and dtypes: `nonzero`, `array_equal`,
//! `ndim`/`shape`/`size`, `isscalar`, `result_type`/`promote_types`/`can_cast`, and the
//! `iinfo`/`finfo` classes.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::casting::{Casting, can_cast};
use crate::runtime::kernels::{self, BinaryOp};
use crate::runtime::{DType, Order};

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.nonzero", "(a)", nonzero).returns("tuple"),
    Row::np_py("numpy.argwhere", "(a)", argwhere).returns("ndarray"),
    Row::np_py("numpy.flatnonzero", "(a)", flatnonzero).returns("ndarray"),
    Row::np_py(
        "numpy.array_equal",
        "(a1, a2, equal_nan=False)",
        array_equal,
    )
    .returns("bool"),
    Row::np_py("numpy.ndim", "(a)", array_fact).returns("int"),
    Row::np_py("numpy.shape", "(a)", array_fact).returns("tuple"),
    Row::np_py("numpy.size", "(a, axis=None)", array_fact).returns("int"),
    Row::np_py("numpy.isscalar", "(element)", isscalar).returns("bool"),
    Row::np_py("numpy.result_type", "(*arrays_and_dtypes)", result_type).returns("dtype"),
    Row::np_c("numpy.promote_types", "(type1, type2, /)", result_type).returns("dtype"),
    Row::np_py("numpy.can_cast", "(from_, to, casting='safe')", can_cast_fn).returns("bool"),
    Row::class("numpy.iinfo", "iinfo.__init__(int_type)", type_info),
    Row::class("numpy.finfo", "finfo.__new__(dtype)", type_info),
];

/// `np.nonzero(a)`: the indices of the true elements, one int64 array per dimension.
fn nonzero(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let a = it.to_array(&a, None)?;
    if a.ndim() == 0 {
        return Err(PyError::value(
            "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.",
        ));
    }
    let b = kernels::cast_array(&it.ctx, &a, DType::BOOL, Order::C)?;
    let items = crate::runtime::fancy::nonzero_arrays(&it.ctx, &b)?
        .into_iter()
        .map(Value::Array)
        .collect();
    Ok(it.new_tuple(items))
}

/// `np.argwhere`: `transpose(nonzero(a))`; a 0-d `a` gives a `(0 or 1, 0)` array.
fn argwhere(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let arr = it.to_array(&a, None)?;
    if arr.ndim() == 0 {
        let one = it.call_numpy("numpy.atleast_1d", vec![Value::Array(arr)], vec![])?;
        let whole = it.argwhere_of(one)?;
        let all = it.new_slice(Value::None, Value::None, Value::None);
        let none = it.new_slice(Value::None, it.new_i64(0), Value::None);
        let idx = it.new_tuple(vec![all, none]);
        return it.getitem(&whole, &idx);
    }
    it.argwhere_of(Value::Array(arr))
}

impl Interp {
    fn argwhere_of(&mut self, a: Value) -> PyResult<Value> {
        // NumPy's `transpose(nonzero(a))`; stacked first because arrsh's `asarray` of empty
        // arrays does not yet keep their dtype
        let nz = self.call_numpy("numpy.nonzero", vec![a], vec![])?;
        let st = self.call_numpy("numpy.stack", vec![nz], vec![])?;
        self.call_numpy("numpy.transpose", vec![st], vec![])
    }
}

/// `np.flatnonzero`: `nonzero(ravel(a))[0]`.
fn flatnonzero(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let flat = it.call_numpy("numpy.ravel", vec![a], vec![])?;
    let nz = it.call_numpy("numpy.nonzero", vec![flat], vec![])?;
    let zero = it.new_i64(0);
    it.getitem(&nz, &zero)
}

fn array_equal(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a1")?;
    let b = args.req("a2")?;
    it.refuse_unsupported(&mut args, &["equal_nan"])?;
    let x = it.to_array(&a, None)?;
    let y = it.to_array(&b, None)?;
    if *x.shape() != *y.shape() {
        return Ok(Value::Bool(false));
    }
    let eq = it.numpy_binary(&Value::Array(x), BinaryOp::Eq, &Value::Array(y), "==")?;
    let all = it.call_method(&eq, "all", vec![], vec![])?;
    Ok(Value::Bool(it.truthy(&all)?))
}

/// `np.ndim(a)`, `np.shape(a)`, `np.size(a)`: the attribute of `a` made an array.
fn array_fact(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    it.refuse_unsupported(&mut args, &["axis"])?;
    let arr = it.to_array(&a, None)?;
    let v = Value::Array(arr);
    it.getattr(&v, args.func)
}

fn isscalar(_: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("element")?;
    Ok(Value::Bool(matches!(
        a,
        Value::Int(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::Complex(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Scalar(_)
    )))
}

/// `np.result_type(*arrays_and_dtypes)` and `np.promote_types(type1, type2)`.
fn result_type(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let items = if args.func == "promote_types" {
        vec![args.req("type1")?, args.req("type2")?]
    } else {
        std::mem::take(&mut args.star)
    };
    use crate::eval::object::ops::{Weak, weak_result};
    // NEP 50: arrays, NumPy scalars and dtypes are strong; Python scalars are weak and only
    // decide the kind (np.result_type(np.int8, 300) is int8)
    let result_type = args.func == "result_type";
    let mut dt: Option<DType> = None;
    let mut weak: Vec<Weak> = Vec::new();
    for v in &items {
        let d = match v {
            Value::Array(a) => a.dtype(),
            Value::Scalar(s) => s.dtype,
            Value::Int(i) if result_type => {
                weak.push(Weak::Int(i.v.clone()));
                continue;
            }
            Value::Float(f) if result_type => {
                weak.push(Weak::Float(f.v));
                continue;
            }
            Value::Bool(b) if result_type => {
                weak.push(Weak::Bool(*b));
                continue;
            }
            Value::Complex(c) if result_type => {
                weak.push(Weak::Complex(c.re, c.im));
                continue;
            }
            Value::Int(_) => DType::INT64,
            Value::Float(_) => DType::FLOAT64,
            Value::Bool(_) => DType::BOOL,
            Value::Complex(_) => DType::COMPLEX128,
            other => it.to_dtype(other)?,
        };
        dt = Some(match dt {
            None => d,
            Some(x) => crate::runtime::dtype::try_promote(x, d)?
                .ok_or_else(|| PyError::type_error("no common DType"))?,
        });
    }
    let rank = |w: &Weak| match w {
        Weak::Bool(_) => 0,
        Weak::Int(_) => 1,
        Weak::Float(_) => 2,
        Weak::Complex(..) => 3,
    };
    if let Some(top) = weak.iter().max_by_key(|w| rank(w)) {
        dt = Some(match dt {
            Some(strong) => weak.iter().fold(strong, weak_result),
            None => match top {
                Weak::Bool(_) => DType::BOOL,
                Weak::Int(_) => DType::INT64,
                Weak::Float(_) => DType::FLOAT64,
                Weak::Complex(..) => DType::COMPLEX128,
            },
        });
    }
    let dt = dt.ok_or_else(|| PyError::value("at least one array or dtype is required"))?;
    Ok(it.new_dtype(dt))
}

fn can_cast_fn(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let from = args.req("from_")?;
    let to = args.req("to")?;
    let casting = args.take("casting");
    let f = it.to_dtype(&from)?;
    let t = it.to_dtype(&to)?;
    let rule = match casting {
        None => Casting::Safe,
        some => it.casting_arg(some)?,
    };
    Ok(Value::Bool(can_cast(f, t, rule)))
}

/// Calling `np.iinfo(int_type)` or `np.finfo(dtype)`.
fn type_info(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let v = if args.func == "iinfo" {
        args.req("int_type")?
    } else {
        args.req("dtype")?
    };
    it.type_info(args.func, &v)
}
