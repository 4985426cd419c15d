//! NumPy's ufuncs as rows of the registry: arithmetic, comparison and bitwise ufuncs of two
//! inputs, the float and logical ones (`arctan2`, `hypot`, `logical_and`...), the unary ones
//! (`negative`, `sqrt`, `exp`, `isnan`...), `matmul`; the options every call takes (`out=`,
//! `where=`, `dtype=`, `casting=`); the attributes every ufunc has (`nin`, `nout`, `nargs`,
//! `identity`, `__name__`) and its methods (`reduce`, `accumulate`, `reduceat`, `outer`,
//! `at`); `dot`, which is not a ufunc but `matmul`'s neighbour.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{self, Bound, Identity, Kind, Row};
use crate::runtime::casting::{Casting, can_cast};
use crate::runtime::kernels::{self, BinaryOp};
use crate::runtime::{DType, NdArray, Order};

use super::arrange::along;

/// The ufuncs arrsh has, their aliases, and the attributes of ufunc objects.
pub const ROWS: &[Row] = &[
    Row::ufunc("numpy.absolute", 1, 1, Identity::None, unary),
    Row::alias("numpy.abs", "numpy.absolute"),
    Row::ufunc("numpy.negative", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.positive", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.invert", 1, 1, Identity::None, unary),
    Row::alias("numpy.bitwise_not", "numpy.invert"),
    Row::ufunc("numpy.square", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.reciprocal", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.conjugate", 1, 1, Identity::None, unary),
    Row::alias("numpy.conj", "numpy.conjugate"),
    Row::ufunc("numpy.sqrt", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.exp", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.log", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.log2", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.log10", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.sin", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.cos", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.tan", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.floor", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.ceil", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.trunc", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.rint", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.isnan", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.isnat", 1, 1, Identity::None, isnat),
    Row::ufunc("numpy.isinf", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.isfinite", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.arcsin", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.arccos", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.arctan", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.sinh", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.cosh", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.tanh", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.arcsinh", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.arccosh", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.arctanh", 1, 1, Identity::None, float_unary),
    Row::alias("numpy.asin", "numpy.arcsin"),
    Row::alias("numpy.acos", "numpy.arccos"),
    Row::alias("numpy.atan", "numpy.arctan"),
    Row::alias("numpy.asinh", "numpy.arcsinh"),
    Row::alias("numpy.acosh", "numpy.arccosh"),
    Row::alias("numpy.atanh", "numpy.arctanh"),
    Row::ufunc("numpy.expm1", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.log1p", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.exp2", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.cbrt", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.deg2rad", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.radians", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.rad2deg", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.degrees", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.fabs", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.sign", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.signbit", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.logical_not", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.arctan2", 2, 1, Identity::None, float_binary),
    Row::alias("numpy.atan2", "numpy.arctan2"),
    Row::ufunc("numpy.hypot", 2, 1, Identity::Int(0), float_binary),
    Row::ufunc("numpy.copysign", 2, 1, Identity::None, float_binary),
    Row::ufunc("numpy.fmod", 2, 1, Identity::None, float_binary),
    Row::ufunc("numpy.logaddexp", 2, 1, Identity::NegInf, float_binary),
    Row::ufunc("numpy.logaddexp2", 2, 1, Identity::NegInf, float_binary),
    Row::ufunc("numpy.nextafter", 2, 1, Identity::None, float_binary),
    Row::ufunc("numpy.fmax", 2, 1, Identity::None, float_binary),
    Row::ufunc("numpy.fmin", 2, 1, Identity::None, float_binary),
    Row::ufunc("numpy.heaviside", 2, 1, Identity::None, float_binary),
    Row::ufunc("numpy.float_power", 2, 1, Identity::None, float_binary),
    Row::ufunc("numpy.logical_and", 2, 1, Identity::Bool(true), float_binary),
    Row::ufunc("numpy.logical_or", 2, 1, Identity::Bool(false), float_binary),
    Row::ufunc("numpy.logical_xor", 2, 1, Identity::Bool(false), float_binary),
    Row::ufunc("numpy.add", 2, 1, Identity::Int(0), binary),
    Row::ufunc("numpy.subtract", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.multiply", 2, 1, Identity::Int(1), binary),
    Row::ufunc("numpy.divide", 2, 1, Identity::None, binary),
    Row::alias("numpy.true_divide", "numpy.divide"),
    Row::ufunc("numpy.floor_divide", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.remainder", 2, 1, Identity::None, binary),
    Row::alias("numpy.mod", "numpy.remainder"),
    Row::ufunc("numpy.power", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.maximum", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.minimum", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.equal", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.not_equal", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.less", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.less_equal", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.greater", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.greater_equal", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.bitwise_and", 2, 1, Identity::Int(-1), binary),
    Row::ufunc("numpy.bitwise_or", 2, 1, Identity::Int(0), binary),
    Row::ufunc("numpy.bitwise_xor", 2, 1, Identity::Int(0), binary),
    Row::ufunc("numpy.left_shift", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.right_shift", 2, 1, Identity::None, binary),
    // a gufunc: no where=, but axes=/axis=/keepdims=
    Row::ufunc("numpy.matmul", 2, 1, Identity::None, matmul).with_sig(
        "(x1, x2, /, out=None, *, axes=<no value>, axis=<no value>, keepdims=False, casting='same_kind', order='K', dtype=None, subok=True, signature=None)",
    ),
    Row::np_py("numpy.dot", "(a, b, out=None)", dot).returns("ndarray"),
    Row::attr("numpy.ufunc", ufunc_type),
    Row::attr("ufunc.nin", ufunc_attr),
    Row::attr("ufunc.nout", ufunc_attr),
    Row::attr("ufunc.nargs", ufunc_attr),
    Row::attr("ufunc.identity", ufunc_attr),
    Row::np_method(
        "ufunc.reduce",
        "(array, /, axis=0, dtype=None, out=None, keepdims=False, initial=<no value>, where=True)",
        ufunc_reduce,
    )
    .shown("(array, /, axis=0, dtype=None, out=None, **kwargs)"),
    Row::np_method(
        "ufunc.accumulate",
        "(array, /, axis=0, dtype=None, out=None)",
        ufunc_accumulate,
    ),
    Row::np_method(
        "ufunc.reduceat",
        "(array, /, indices, axis=0, dtype=None, out=None)",
        ufunc_reduceat,
    ),
    Row::np_method("ufunc.outer", "(A, B, /, **kwargs)", ufunc_outer),
    Row::np_method("ufunc.at", "(a, indices, b=None, /)", ufunc_at),
];

/// The options of a ufunc call arrsh honours: `out=` (by position too), `where=`, `dtype=`
/// and `casting=` (for writing into `out`); `order`, `subok` and `signature` are refused
/// unless left at their defaults.
pub(super) struct Options {
    out: Option<Rc<NdArray>>,
    where_: Option<Rc<NdArray>>,
    dtype: Option<DType>,
    casting: Casting,
    /// The inputs' shapes, for NumPy's message when `out` does not fit.
    in_shapes: Vec<Vec<usize>>,
    /// The output's operand number (the inputs count first), when the ufunc has several
    /// outputs: NumPy's cast message names it.
    out_index: Option<usize>,
}

/// An `out=` entry: an array, or `None` for a fresh result.
fn out_array(v: Value) -> PyResult<Option<Rc<NdArray>>> {
    match v {
        Value::None => Ok(None),
        Value::Array(o) => Ok(Some(o)),
        _ => Err(PyError::type_error("return arrays must be of ArrayType")),
    }
}

pub(super) fn options(it: &mut Interp, a: &mut Bound) -> PyResult<Options> {
    it.refuse_unsupported(a, &["order", "subok", "signature"])?;
    let mut out = a.take_some("out");
    if out.is_none() {
        out = a.star.drain(..).find(|v| !v.is_none());
    }
    if let Some(Value::Tuple(t)) = &out {
        out = t.items.first().cloned().filter(|v| !v.is_none());
    }
    let out = out_array(out.unwrap_or(Value::None))?;
    other_options(it, a, out)
}

/// The options of a ufunc with two outputs (`divmod`, `modf`, `frexp`): `out=` is a pair
/// (either may be `None`) or given by position; `where=`, `dtype=` and `casting=` serve both.
pub(super) fn pair_options(
    it: &mut Interp,
    a: &mut Bound,
    nin: usize,
) -> PyResult<(Options, Options)> {
    it.refuse_unsupported(a, &["order", "subok", "signature"])?;
    let mut outs = vec![Value::None, Value::None];
    match a.take("out") {
        None => {
            for (slot, v) in outs.iter_mut().zip(a.star.drain(..)) {
                *slot = v;
            }
        }
        Some(Value::Tuple(t)) if t.items.len() == 2 => outs = t.items.to_vec(),
        Some(Value::Tuple(_)) => {
            return Err(PyError::value(
                "The 'out' tuple must have exactly one entry per ufunc output",
            ));
        }
        Some(_) => return Err(PyError::type_error("'out' must be a tuple of arrays")),
    }
    let second = outs.pop().map(out_array).transpose()?.flatten();
    let first = outs.pop().map(out_array).transpose()?.flatten();
    let mut o1 = other_options(it, a, first)?;
    o1.out_index = Some(nin);
    let o2 = Options {
        out: second,
        where_: o1.where_.clone(),
        dtype: o1.dtype,
        casting: o1.casting,
        in_shapes: Vec::new(),
        out_index: Some(nin + 1),
    };
    Ok((o1, o2))
}

/// `where=`, `dtype=` and `casting=`, around an output already found.
fn other_options(it: &mut Interp, a: &mut Bound, out: Option<Rc<NdArray>>) -> PyResult<Options> {
    let where_ = match a.take("where") {
        None | Some(Value::Bool(true)) => None,
        Some(w) => {
            let w = it.to_array(&w, None)?;
            Some(kernels::cast_array(&it.ctx, &w, DType::BOOL, Order::C)?)
        }
    };
    let dtype = it.arg_dtype(a, "dtype")?;
    let casting = match a.take("casting") {
        Some(v) => it.casting_arg(Some(v))?,
        None => Casting::SameKind,
    };
    Ok(Options {
        out,
        where_,
        dtype,
        casting,
        in_shapes: Vec::new(),
        out_index: None,
    })
}

impl Options {
    /// An input cast to `dtype=` when one was given (the loop NumPy picks for it).
    pub(super) fn input(&mut self, it: &mut Interp, v: Value) -> PyResult<Value> {
        if self.out.is_some() {
            let shape = match &v {
                Value::Array(a) => a.shape().to_vec(),
                other => it.to_array(other, None)?.shape().to_vec(),
            };
            self.in_shapes.push(shape);
        }
        let Some(dt) = self.dtype else {
            return Ok(v);
        };
        let arr = it.to_array(&v, None)?;
        let c = kernels::cast_array(&it.ctx, &arr, dt, Order::C)?;
        Ok(Value::Array(c))
    }

    /// The ufunc's result written into `out=` (where `where=` is true), or kept where `where=`
    /// is true over a fresh array.
    /// The second output's options learn the inputs' shapes from the first's.
    pub(super) fn share_shapes(&self, other: &mut Options) {
        other.in_shapes = self.in_shapes.clone();
    }

    pub(super) fn finish(self, it: &mut Interp, func: &str, r: Value) -> PyResult<Value> {
        if self.out.is_none() && self.where_.is_none() {
            return Ok(r);
        }
        let r = it.to_array(&r, None)?;
        let dst = match &self.out {
            Some(o) => {
                if !can_cast(r.dtype(), o.dtype(), self.casting) {
                    return Err(PyError::cannot_cast_ufunc_output(
                        func,
                        self.out_index,
                        &r.dtype().name(),
                        &o.dtype().name(),
                    ));
                }
                let shape = kernels::broadcast_shapes(&[&o.shape(), &r.shape()]).ok();
                if shape.as_deref() != Some(&o.shape()[..]) {
                    let mut shapes: Vec<&[usize]> = self.in_shapes.iter().map(|s| &s[..]).collect();
                    let out_shape = o.shape().to_vec();
                    shapes.push(&out_shape);
                    return Err(PyError::broadcast_shapes(&shapes));
                }
                o.clone()
            }
            None => NdArray::zeros(&it.ctx, &r.shape(), r.dtype(), Order::C)?,
        };
        let src = match &self.where_ {
            Some(mask) => kernels::select(&it.ctx, mask, &r, &dst, dst.dtype())?,
            None => r,
        };
        kernels::assign(&it.ctx, &dst, &src)?;
        Ok(Value::Array(dst))
    }
}

/// `np.negative(x)`, `np.sqrt(x)`... (the kernels' unary operations).
fn unary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mut o = options(it, &mut a)?;
    let x = a.req("x")?;
    let x = o.input(it, x)?;
    let arr = it.to_array(&x, None)?;
    let r = it.numpy_unary(a.func, &arr)?;
    o.finish(it, a.func, r)
}

/// `np.exp(x)` and the other float ufuncs and predicates of one input.
fn float_unary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mut o = options(it, &mut a)?;
    let x = a.req("x")?;
    let x = o.input(it, x)?;
    let arr = it.to_array(&x, None)?;
    let r = it.fp_scope(false, a.func, |it| it.float_ufunc(a.func, &arr))?;
    let r = it.wrap_result(r)?;
    o.finish(it, a.func, r)
}

/// `np.isnat(x)`: which datetime64/timedelta64 elements are NaT (`datetimes`).
fn isnat(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mut o = options(it, &mut a)?;
    let x = a.req("x")?;
    let x = o.input(it, x)?;
    let arr = it.to_array(&x, None)?;
    let r = it.isnat_array(&arr)?;
    let r = it.wrap_result(r)?;
    o.finish(it, a.func, r)
}

/// `np.arctan2(x1, x2)`, `np.hypot`, `np.logical_and`... (float and logical ufuncs of two
/// inputs).
fn float_binary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mut o = options(it, &mut a)?;
    let x1 = a.req("x1")?;
    let x2 = a.req("x2")?;
    let x1 = o.input(it, x1)?;
    let x2 = o.input(it, x2)?;
    let r = it.fp_scope(false, a.func, |it| it.float_binary_ufunc(a.func, &x1, &x2))?;
    o.finish(it, a.func, r)
}

/// The kernel operation of a binary ufunc, and the operator its messages name.
fn binary_op(name: &str) -> (BinaryOp, &'static str) {
    match name {
        "add" => (BinaryOp::Add, "+"),
        "subtract" => (BinaryOp::Sub, "-"),
        "multiply" => (BinaryOp::Mul, "*"),
        "divide" => (BinaryOp::TrueDiv, "/"),
        "floor_divide" => (BinaryOp::FloorDiv, "//"),
        "remainder" => (BinaryOp::Rem, "%"),
        "power" => (BinaryOp::Pow, "**"),
        "maximum" => (BinaryOp::Maximum, "max"),
        "minimum" => (BinaryOp::Minimum, "min"),
        "equal" => (BinaryOp::Eq, "=="),
        "not_equal" => (BinaryOp::Ne, "!="),
        "less" => (BinaryOp::Lt, "<"),
        "less_equal" => (BinaryOp::Le, "<="),
        "greater" => (BinaryOp::Gt, ">"),
        "greater_equal" => (BinaryOp::Ge, ">="),
        "bitwise_and" => (BinaryOp::BitAnd, "&"),
        "bitwise_or" => (BinaryOp::BitOr, "|"),
        "bitwise_xor" => (BinaryOp::BitXor, "^"),
        "left_shift" => (BinaryOp::LShift, "<<"),
        _ => (BinaryOp::RShift, ">>"),
    }
}

/// `np.add(x1, x2)` and the other ufuncs of two inputs.
fn binary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mut o = options(it, &mut a)?;
    let x1 = a.req("x1")?;
    let x2 = a.req("x2")?;
    let x1 = o.input(it, x1)?;
    let x2 = o.input(it, x2)?;
    let (op, sym) = binary_op(a.func);
    let x1 = if matches!(x1, Value::Array(_) | Value::Scalar(_)) {
        x1
    } else {
        Value::Array(it.to_array(&x1, None)?)
    };
    let r = it.numpy_binary(&x1, op, &x2, sym)?;
    o.finish(it, a.func, r)
}

fn matmul(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(
        &mut a,
        &["out", "casting", "order", "dtype", "subok", "signature"],
    )?;
    if !a.star.is_empty() {
        return Err(PyError::not_implemented(
            "arrsh's matmul does not support out=",
        ));
    }
    it.refuse_unsupported(&mut a, &["axes", "axis", "keepdims"])?;
    let x1 = a.req("x1")?;
    let x2 = a.req("x2")?;
    it.matmul(&x1, &x2)
}

fn dot(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = a.req("a")?;
    let y = a.req("b")?;
    it.dot_values(&x, &y)
}

fn ufunc_type(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.type_object(TypeKind::Record("numpy.ufunc")))
}

/// `ufunc.nin`, `.nout`, `.nargs`, `.identity` of the ufunc `a.this`.
fn ufunc_attr(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let e = match &a.this {
        Value::Builtin(b) => crate::eval::registry::get(b.name),
        _ => None,
    };
    e.and_then(|e| it.ufunc_attr(e, a.func))
        .ok_or_else(|| PyError::no_attribute(&a.this.type_name(), a.func))
}

/// The ufunc a method was looked up on: its value, short name and number of inputs.
fn receiver(a: &Bound) -> PyResult<(Value, &'static str, u8, Identity)> {
    receiver_outs(a).map(|(f, name, nin, identity, _)| (f, name, nin, identity))
}

/// `receiver` and the number of outputs.
fn receiver_outs(a: &Bound) -> PyResult<(Value, &'static str, u8, Identity, u8)> {
    let e = match &a.this {
        Value::Builtin(b) => registry::get(b.name).map(registry::resolve),
        _ => None,
    };
    match e.map(|e| (e, e.row.kind)) {
        Some((
            e,
            Kind::Ufunc {
                nin,
                nout,
                identity,
            },
        )) => Ok((a.this.clone(), e.short, nin, identity, nout)),
        _ => Err(PyError::type_error(
            "descriptor requires a 'numpy.ufunc' object",
        )),
    }
}

/// The method of `ndarray` that is `ufunc.reduce` for the ufuncs that have one.
fn reduce_method(name: &str) -> Option<&'static str> {
    Some(match name {
        "add" => "sum",
        "multiply" => "prod",
        "maximum" => "max",
        "minimum" => "min",
        "logical_and" => "all",
        "logical_or" => "any",
        _ => return None,
    })
}

/// `ufunc.reduce(array, axis=0, ...)`: `add.reduce` is `sum` and the like; any other binary
/// ufunc folds along the axis (`subtract.reduce([1, 2, 3])` is `(1 - 2) - 3`).
fn ufunc_reduce(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (f, name, nin, identity, nout) = receiver_outs(&a)?;
    if nin != 2 {
        return Err(PyError::value("reduce only supported for binary functions"));
    }
    if nout != 1 {
        return Err(PyError::value(
            "reduce only supported for functions returning a single value",
        ));
    }
    let arr = a.req("array")?;
    let arr = it.to_array(&arr, None)?;
    let axis = match a.take("axis") {
        None => Some(it.new_i64(0)),
        Some(Value::None) => None,
        Some(v) => Some(v),
    };
    if let Some(m) = reduce_method(name) {
        let mut kw = a.given_keywords(&["dtype", "out", "keepdims", "initial", "where"]);
        if m == "all" || m == "any" || m == "max" || m == "min" {
            kw.retain(|(k, _)| k != "dtype");
        }
        kw.push(("axis".into(), axis.unwrap_or(Value::None)));
        return it.call_method(&Value::Array(arr), m, vec![], kw);
    }
    it.refuse_unsupported(&mut a, &["dtype", "out", "where"])?;
    let keep = it.arg_bool(&mut a, "keepdims")?;
    let initial = a.take("initial");
    let (work, axis_n) = match axis {
        None => (arr.ravel(&it.ctx, crate::runtime::OrderArg::C)?, 0usize),
        Some(v) => {
            let ax = it.axis_value(&v)?;
            let ax = crate::runtime::array::normalize_axis(ax, arr.ndim())?;
            (arr.clone(), ax)
        }
    };
    let n = work.shape().get(axis_n).copied().unwrap_or(0);
    let w = Value::Array(work.clone());
    let mut acc = match initial {
        Some(v) if !v.is_none() => Some(v),
        _ => None,
    };
    if n == 0 && acc.is_none() {
        acc = match identity {
            Identity::None => {
                return Err(PyError::value(format!(
                    "zero-size array to reduction operation {name} which has no identity"
                )));
            }
            Identity::Int(i) => Some(it.new_i64(i)),
            Identity::Bool(b) => Some(Value::Bool(b)),
            Identity::NegInf => Some(it.new_float(f64::NEG_INFINITY)),
        };
    }
    for i in 0..n {
        it.ctx.check_interrupt()?;
        let ix = it.new_i64(i as i64);
        let idx = along(it, axis_n, ix);
        let item = it.getitem(&w, &idx)?;
        acc = Some(match acc {
            None => item,
            Some(prev) => it.call(&f, vec![prev, item], vec![])?,
        });
    }
    let mut r = acc.unwrap_or(Value::None);
    if keep {
        let ra = it.to_array(&r, None)?;
        let mut shape: Vec<i128> = ra.shape().iter().map(|&d| d as i128).collect();
        if axis_was_none(&w, &arr) {
            shape = vec![1; arr.ndim()];
        } else {
            shape.insert(axis_n, 1);
        }
        r = Value::Array(ra.reshape(&it.ctx, &shape, crate::runtime::OrderArg::C)?);
    }
    Ok(r)
}

fn axis_was_none(work: &Value, arr: &Rc<NdArray>) -> bool {
    match work {
        Value::Array(w) => !Rc::ptr_eq(w, arr),
        _ => false,
    }
}

/// `ufunc.accumulate(array, axis=0)`: `add` and `multiply` are `cumsum`/`cumprod`; any other
/// binary ufunc runs along the axis, each result feeding the next.
fn ufunc_accumulate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (f, name, nin, _, nout) = receiver_outs(&a)?;
    if nin != 2 {
        return Err(PyError::value(
            "accumulate only supported for binary functions",
        ));
    }
    if nout != 1 {
        return Err(PyError::value(
            "accumulate only supported for functions returning a single value",
        ));
    }
    let arr = a.req("array")?;
    let arr = it.to_array(&arr, None)?;
    let axis = a.take("axis").unwrap_or_else(|| it.new_i64(0));
    if matches!(name, "add" | "multiply") {
        let m = if name == "add" { "cumsum" } else { "cumprod" };
        let mut kw = a.given_keywords(&["dtype", "out"]);
        kw.push(("axis".into(), axis));
        return it.call_method(&Value::Array(arr), m, vec![], kw);
    }
    it.refuse_unsupported(&mut a, &["dtype", "out"])?;
    if arr.ndim() == 0 {
        return Err(PyError::type_error("cannot accumulate on a scalar"));
    }
    let ax = it.axis_value(&axis)?;
    let ax = crate::runtime::array::normalize_axis(ax, arr.ndim())?;
    let n = arr.shape()[ax];
    let src = Value::Array(arr.clone());
    if n == 0 {
        return Ok(Value::Array(kernels::copy_array(&it.ctx, &arr, Order::C)?));
    }
    // the loop's output dtype: what the ufunc gives for the first element with itself
    let i0 = it.new_i64(0);
    let idx0 = along(it, ax, i0);
    let first = it.getitem(&src, &idx0)?;
    let probe = it.call(&f, vec![first.clone(), first.clone()], vec![])?;
    let dt = it.to_array(&probe, None)?.dtype();
    let out = NdArray::zeros(&it.ctx, &arr.shape(), dt, Order::C)?;
    let outv = Value::Array(out.clone());
    it.setitem(&outv, &idx0, first)?;
    for i in 1..n {
        it.ctx.check_interrupt()?;
        let prev_ix = it.new_i64(i as i64 - 1);
        let prev_idx = along(it, ax, prev_ix);
        let ix = it.new_i64(i as i64);
        let idx = along(it, ax, ix);
        let prev = it.getitem(&outv, &prev_idx)?;
        let cur = it.getitem(&src, &idx)?;
        let r = it.call(&f, vec![prev, cur], vec![])?;
        it.setitem(&outv, &idx, r)?;
    }
    Ok(outv)
}

/// `ufunc.reduceat(array, indices, axis=0)`: the reduction of each `array[i:j]` between
/// consecutive indices (or `array[i]` alone when `j <= i`), stacked along the axis.
fn ufunc_reduceat(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (f, name, nin, _, nout) = receiver_outs(&a)?;
    if nin != 2 {
        return Err(PyError::value(
            "reduceat only supported for binary functions",
        ));
    }
    if nout != 1 {
        return Err(PyError::value(
            "reduceat only supported for functions returning a single value",
        ));
    }
    it.refuse_unsupported(&mut a, &["dtype", "out"])?;
    let arr = a.req("array")?;
    let arr = it.to_array(&arr, None)?;
    let ind = a.req("indices")?;
    let ind = it.to_array(&ind, None)?;
    let axis = a.take("axis").unwrap_or_else(|| it.new_i64(0));
    let ax = it.axis_value(&axis)?;
    let ax = crate::runtime::array::normalize_axis(ax, arr.ndim())?;
    let n = arr.shape()[ax];
    let mut idx: Vec<i64> = Vec::with_capacity(ind.size());
    let flat = ind.ravel(&it.ctx, crate::runtime::OrderArg::C)?;
    for k in 0..flat.size() {
        let v = flat.get(&[k])?;
        let i = match v {
            crate::runtime::Scalar::Int(i) => i,
            crate::runtime::Scalar::UInt(u) => u as i64,
            crate::runtime::Scalar::Bool(b) => b as i64,
            _ => {
                return Err(PyError::type_error(
                    "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
                ));
            }
        };
        if i < 0 || i as usize >= n {
            return Err(PyError::index(format!(
                "index {i} out-of-bounds in {name}.reduceat [0, {n})"
            )));
        }
        idx.push(i);
    }
    let src = Value::Array(arr.clone());
    let reduce = it.getattr(&f, "reduce")?;
    let mut parts = Vec::with_capacity(idx.len());
    for (k, &i) in idx.iter().enumerate() {
        it.ctx.check_interrupt()?;
        let end = idx.get(k + 1).copied().unwrap_or(n as i64);
        let part = if end > i {
            let start = it.new_i64(i);
            let stop = it.new_i64(end);
            let sl = it.new_slice(start, stop, Value::None);
            let ix = along(it, ax, sl);
            let piece = it.getitem(&src, &ix)?;
            let axv = it.new_i64(ax as i64);
            it.call(&reduce, vec![piece], vec![("axis".into(), axv)])?
        } else {
            let iv = it.new_i64(i);
            let ix = along(it, ax, iv);
            it.getitem(&src, &ix)?
        };
        parts.push(part);
    }
    let list = it.new_list(parts);
    let axv = it.new_i64(ax as i64);
    let r = it.call_numpy("numpy.stack", vec![list], vec![("axis".into(), axv)])?;
    let r = it.to_array(&r, None)?;
    if r.dtype() != arr.dtype() && !matches!(arr.dtype().kind, crate::runtime::Kind::Bool) {
        let c = kernels::cast_array(&it.ctx, &r, arr.dtype(), Order::C)?;
        return Ok(Value::Array(c));
    }
    Ok(Value::Array(r))
}

/// `ufunc.outer(A, B)`: the ufunc of every pair, `A`'s axes first.
fn ufunc_outer(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (f, _, nin, _) = receiver(&a)?;
    if nin != 2 {
        return Err(PyError::value(
            "outer product only supported for binary functions",
        ));
    }
    let x = a.req("A")?;
    let y = a.req("B")?;
    let x = it.to_array(&x, None)?;
    let y = it.to_array(&y, None)?;
    let mut shape: Vec<i128> = x.shape().iter().map(|&d| d as i128).collect();
    shape.extend(std::iter::repeat_n(1, y.ndim()));
    let xr = x.reshape(&it.ctx, &shape, crate::runtime::OrderArg::C)?;
    let kw = std::mem::take(&mut a.kwargs);
    it.call(&f, vec![Value::Array(xr), Value::Array(y)], kw)
}

/// `ufunc.at(a, indices, b)`: unbuffered in place, so a repeated index applies once per
/// occurrence (`np.add.at(a, [0, 0], 1)` adds 2).
fn ufunc_at(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (f, _, nin, _) = receiver(&a)?;
    let target = a.req("a")?;
    let Value::Array(arr) = &target else {
        return Err(PyError::type_error("first operand must be array-like"));
    };
    let arr = arr.clone();
    let indices = a.req("indices")?;
    let b = a.take_some("b");
    if nin == 2 && b.is_none() {
        return Err(PyError::value("second operand needed for ufunc"));
    }
    if nin == 1 && b.is_some() {
        return Err(PyError::value(
            "second operand provided when ufunc is unary",
        ));
    }
    // the positions the index selects, in order, repeats kept
    let size = arr.size() as i64;
    let size = it.new_i64(size);
    let positions = it.call_numpy("numpy.arange", vec![size], vec![])?;
    let shape: Vec<Value> = arr.shape().iter().map(|&d| it.new_i64(d as i64)).collect();
    let shape = it.new_tuple(shape);
    let positions = it.call_method(&positions, "reshape", vec![shape], vec![])?;
    let chosen = it.getitem(&positions, &indices)?;
    let chosen = it.to_array(&chosen, None)?;
    let flat_pos = chosen.ravel(&it.ctx, crate::runtime::OrderArg::C)?;
    let values = match &b {
        Some(b) => {
            let bv = it.to_array(b, None)?;
            let shape: Vec<i128> = chosen.shape().iter().map(|&d| d as i128).collect();
            let shape = it.int_tuple(shape);
            let bb = it.call_numpy("numpy.broadcast_to", vec![Value::Array(bv), shape], vec![])?;
            let bb = it.to_array(&bb, None)?;
            Some(Value::Array(
                bb.ravel(&it.ctx, crate::runtime::OrderArg::C)?,
            ))
        }
        None => None,
    };
    let flat_target = Value::Array(arr.reshape(&it.ctx, &[-1], crate::runtime::OrderArg::C)?);
    let flat_target = match &flat_target {
        Value::Array(t) if Rc::ptr_eq(t.buffer(), arr.buffer()) => flat_target,
        _ => {
            return Err(PyError::not_implemented(
                "arrsh's ufunc.at needs an array whose elements one flat view can reach",
            ));
        }
    };
    for k in 0..flat_pos.size() {
        it.ctx.check_interrupt()?;
        let p = flat_pos.get(&[k])?;
        let p = it.new_scalar(flat_pos.dtype(), p);
        let cur = it.getitem(&flat_target, &p)?;
        let r = match &values {
            Some(v) => {
                let kv = it.new_i64(k as i64);
                let bk = it.getitem(v, &kv)?;
                it.call(&f, vec![cur, bk], vec![])?
            }
            None => it.call(&f, vec![cur], vec![])?,
        };
        it.setitem(&flat_target, &p, r)?;
    }
    Ok(Value::None)
}
