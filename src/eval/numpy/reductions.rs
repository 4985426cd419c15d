//! Array reductions as methods and numpy functions: `sum`, `prod`, `min`, `max`, `mean`,
//! `argmin`, `argmax`, `any`, `all`, `cumsum`, `cumprod` with NumPy's signatures, `axis=`
//! (int, negative, tuple), `keepdims`, `dtype=` and `initial=`, and NumPy's result dtypes.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::kernels::{self, BinaryOp, ReduceOp};
use crate::runtime::{DType, Kind, NdArray, Order, OrderArg, Scalar};

/// The numpy module's reductions: NumPy's wrappers call the method of `a` made an array with
/// the arguments they were given (`_wrapreduction`).
pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.sum",
        "(a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.prod",
        "(a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.mean",
        "(a, axis=None, dtype=None, out=None, keepdims=<no value>, *, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.min",
        "(a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.max",
        "(a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.amin",
        "(a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.amax",
        "(a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.argmin",
        "(a, axis=None, out=None, *, keepdims=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.argmax",
        "(a, axis=None, out=None, *, keepdims=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.all",
        "(a, axis=None, out=None, keepdims=<no value>, *, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.any",
        "(a, axis=None, out=None, keepdims=<no value>, *, where=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.cumsum",
        "(a, axis=None, dtype=None, out=None)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.cumprod",
        "(a, axis=None, dtype=None, out=None)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.std",
        "(a, axis=None, dtype=None, out=None, ddof=0, keepdims=<no value>, *, where=<no value>, mean=<no value>, correction=<no value>)",
        forward,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.var",
        "(a, axis=None, dtype=None, out=None, ddof=0, keepdims=<no value>, *, where=<no value>, mean=<no value>, correction=<no value>)",
        forward,
    ).returns("ndarray"),
];

/// `np.sum(a, ...)` and the other reductions: `a.sum(...)` on `a` made an array, given the
/// same keywords (`amin`/`amax` call `min`/`max`).
fn forward(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let kw = args.given_keywords_except(&["a"]);
    let arr = match &a {
        Value::Array(_) => a.clone(),
        other => Value::Array(it.to_array(other, None)?),
    };
    let method = match args.func {
        "amin" => "min",
        "amax" => "max",
        other => other,
    };
    it.call_method(&arr, method, vec![], kw)
}

/// The accumulator NumPy's `add`/`multiply` reductions use without `dtype=`: bools and small
/// integers widen to the platform integer (int64/uint64), everything else keeps its dtype.
pub fn sum_dtype(dt: DType) -> DType {
    match dt.kind {
        Kind::Bool | Kind::Int => DType::INT64,
        Kind::UInt => DType::UINT64,
        _ => dt.to_native(),
    }
}

impl Interp {
    /// `axis=` for reductions: `None` (all axes), an int, or a tuple of distinct ints. A 0-d
    /// array accepts axis 0 and -1 as "everything", as NumPy does.
    pub fn axes_arg(&mut self, v: Option<Value>, ndim: usize) -> PyResult<Option<Vec<usize>>> {
        let items = match v {
            None | Some(Value::None) => return Ok(None),
            Some(Value::Tuple(t)) => t.items.clone(),
            Some(one) => vec![one],
        };
        let mut axes = Vec::with_capacity(items.len());
        for item in &items {
            let i = self.c_long(item)?;
            if ndim == 0 && (i == 0 || i == -1) {
                continue;
            }
            let ax = normalize_axis(i, ndim)?;
            if axes.contains(&ax) {
                return Err(PyError::value("duplicate value in 'axis'"));
            }
            axes.push(ax);
        }
        Ok(Some(axes))
    }

    /// `axis=` where NumPy takes one integer only (`argmax`, `cumsum`).
    fn one_axis_arg(&mut self, v: Option<Value>, ndim: usize) -> PyResult<Option<usize>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => {
                let i = self.c_long(&v)?;
                if ndim == 0 && (i == 0 || i == -1) {
                    return Ok(None);
                }
                normalize_axis(i, ndim).map(Some)
            }
        }
    }

    pub(crate) fn flag_arg(&mut self, v: Option<Value>) -> PyResult<bool> {
        match v {
            Some(v) => self.truthy(&v),
            None => Ok(false),
        }
    }

    fn reduce_dtype_arg(&mut self, v: &Option<Value>) -> PyResult<Option<DType>> {
        match v {
            Some(d) if !d.is_none() => {
                let dt = self.to_dtype(d)?;
                if dt.big_endian && dt.has_byteorder() {
                    return Err(PyError::ufunc_dtype_with_byte_order());
                }
                Ok(Some(dt))
            }
            _ => Ok(None),
        }
    }

    /// `out=` as NumPy's converters check it before arrsh refuses to write outputs: a ufunc's
    /// (`sum`, `mean`, `clip`: `return arrays must be of ArrayType`), or
    /// `PyArray_OutputConverter`'s (`argmin`, `cumsum`, `round`: `output must be an array`).
    pub(crate) fn refuse_out_as(
        v: &Option<Value>,
        func: &str,
        not_array: fn() -> PyError,
    ) -> PyResult<()> {
        match v {
            Some(Value::Array(_)) => Self::refuse_kw(v, func, "out"),
            Some(x) if !x.is_none() => Err(not_array()),
            _ => Ok(()),
        }
    }

    /// A keyword arrsh parses but does not honour: refused when given a value other than its
    /// default (`None`, or `True` for `where=`), never silently ignored.
    pub(crate) fn refuse_kw(v: &Option<Value>, func: &str, kw: &str) -> PyResult<()> {
        match v {
            Some(Value::Bool(true)) if kw == "where" => Ok(()),
            Some(x) if !x.is_none() => Err(PyError::not_implemented(format!(
                "arrsh's {func} does not support {kw}="
            ))),
            _ => Ok(()),
        }
    }

    /// `a.sum(axis, dtype, out, keepdims, initial, where)`, `a.prod(...)`, and
    /// `a.min(axis, out, keepdims, initial)` / `a.max(...)` (no `dtype` there).
    pub fn reduce_array(
        &mut self,
        a: &Rc<NdArray>,
        op: ReduceOp,
        p: &mut Bound,
    ) -> PyResult<Value> {
        let method = p.func;
        let has_dtype = matches!(op, ReduceOp::Sum | ReduceOp::Prod);
        let axis = p.take("axis");
        let dtype = p.take("dtype");
        let out = p.take("out");
        let keepdims = p.take("keepdims");
        let initial = p.take("initial");
        let where_ = p.take("where");
        Self::refuse_out_as(&out, method, PyError::return_arrays_must_be_array_type)?;
        let d = a.dtype();
        if d.is_flexible() {
            if op == ReduceOp::Sum {
                let wide = DType {
                    itemsize: d.itemsize * 2,
                    ..d
                };
                return Err(PyError::type_error(format!(
                    "the resolved dtypes are not compatible with add.reduce. Resolved ({}, {}, {})",
                    d.repr(),
                    d.repr(),
                    wide.repr()
                )));
            }
            let ufunc = match op {
                ReduceOp::Prod => "multiply",
                ReduceOp::Min => "minimum",
                _ => "maximum",
            };
            return Err(PyError::ufunc_no_matching_loop(ufunc, &d.repr(), &d.repr()));
        }
        if let Some(w) = &where_
            && !matches!(w, Value::Bool(true))
        {
            return Err(PyError::not_implemented(format!(
                "arrsh's {method} does not support where="
            )));
        }
        let axes = self.axes_arg(axis, a.ndim())?;
        let keep = self.flag_arg(keepdims)?;
        let acc = match self.reduce_dtype_arg(&dtype)? {
            Some(d) => d,
            None if has_dtype => sum_dtype(a.dtype()),
            None => a.dtype().to_native(),
        };
        let initial = match initial {
            Some(v) if !v.is_none() => Some(self.value_to_element(&v, acc)?),
            _ => None,
        };
        let r = self.fp_scope(false, "reduce", |it| {
            kernels::reduce(&it.ctx, op, a, axes.as_deref(), acc, initial.as_ref())
        })?;
        // the int64 loop's result keeps the datetime64/timedelta64 dtype it was counting in
        let r = if acc.is_time() && r.dtype() != acc {
            Rc::new(NdArray::owner(
                &self.ctx,
                r.buffer().clone(),
                acc,
                r.layout().clone(),
            ))
        } else {
            r
        };
        self.finish_reduce(r, a, axes.as_deref(), keep)
    }

    /// Puts the reduced axes back as length 1 for `keepdims`, or makes a 0-d result a scalar.
    pub(crate) fn finish_reduce(
        &mut self,
        r: Rc<NdArray>,
        a: &Rc<NdArray>,
        axes: Option<&[usize]>,
        keep: bool,
    ) -> PyResult<Value> {
        if keep {
            let shape: Vec<i128> = (0..a.ndim())
                .map(|ax| match axes {
                    Some(list) if !list.contains(&ax) => a.shape()[ax] as i128,
                    _ => 1,
                })
                .collect();
            let v = r.reshape(&self.ctx, &shape, OrderArg::C)?;
            // the reshaped result is the new array itself, owning its data (base None)
            let owner =
                NdArray::owner(&self.ctx, v.buffer().clone(), v.dtype(), v.layout().clone());
            return Ok(Value::Array(Rc::new(owner)));
        }
        self.wrap_result(r)
    }

    /// `a.mean(axis, dtype, out, keepdims)`: NumPy's `_mean` — the sum in float64 for bools and
    /// integers, float32 for float16 (rounded back at the end), divided by the count in that
    /// dtype.
    pub fn mean_array(&mut self, a: &Rc<NdArray>, p: &mut Bound) -> PyResult<Value> {
        let axis = p.take("axis");
        let dtype = p.take("dtype");
        let out = p.take("out");
        let keepdims = p.take("keepdims");
        let where_ = p.take("where");
        Self::refuse_out_as(&out, "mean", PyError::return_arrays_must_be_array_type)?;
        Self::refuse_kw(&where_, "mean", "where")?;
        let axes = self.axes_arg(axis, a.ndim())?;
        let keep = self.flag_arg(keepdims)?;
        let given = self.reduce_dtype_arg(&dtype)?;
        let half = a.dtype().kind == Kind::Float && a.itemsize() == 2;
        let acc = match given {
            Some(d) => d,
            None => match a.dtype().kind {
                Kind::Bool | Kind::Int | Kind::UInt => DType::FLOAT64,
                Kind::Float if half => DType::FLOAT32,
                _ => a.dtype().to_native(),
            },
        };
        let count: usize = match &axes {
            Some(list) => list.iter().map(|&ax| a.shape()[ax]).product(),
            None => a.size(),
        };
        if count == 0 {
            self.warn("RuntimeWarning", "Mean of empty slice".into());
        }
        let s = self.fp_scope(false, "reduce", |it| {
            kernels::reduce(&it.ctx, ReduceOp::Sum, a, axes.as_deref(), acc, None)
        })?;
        // true_divide(ret, rcount): in the sum's dtype when inexact, else in float64 and cast
        // back (casting='unsafe')
        let div_dt = if acc.is_inexact() {
            acc
        } else {
            DType::FLOAT64
        };
        let n = self.scalar_to_array(div_dt, &Scalar::Float(count as f64))?;
        // a 0-d sum is a NumPy scalar there: `ret.dtype.type(ret / rcount)`, scalar math
        let mut q = self
            .fp_scope(s.ndim() == 0, "divide", |it| {
                kernels::binary(&it.ctx, BinaryOp::TrueDiv, &s, &n, div_dt, None)
            })?
            .ok_or_else(|| PyError::type_error("mean"))?;
        let out_dt = if half && given.is_none() {
            DType::FLOAT16
        } else {
            acc
        };
        if q.dtype() != out_dt {
            q = kernels::cast_array(&self.ctx, &q, out_dt, Order::C)?;
        }
        self.finish_reduce(q, a, axes.as_deref(), keep)
    }

    /// `a.argmin(axis, out, *, keepdims)` / `argmax`.
    pub fn arg_reduce_array(&mut self, a: &Rc<NdArray>, p: &mut Bound) -> PyResult<Value> {
        let name = p.func;
        let axis = p.take("axis");
        let out = p.take("out");
        let keepdims = p.take("keepdims");
        Self::refuse_out_as(&out, name, PyError::output_must_be_array)?;
        let axis = self.one_axis_arg(axis, a.ndim())?;
        let keep = self.flag_arg(keepdims)?;
        let op = if name == "argmin" {
            ReduceOp::ArgMin
        } else {
            ReduceOp::ArgMax
        };
        let axes = axis.map(|x| vec![x]);
        let acc = a.dtype().to_native();
        let r = if acc.is_flexible() {
            kernels::string_arg_extreme(&self.ctx, a, axis, op == ReduceOp::ArgMin)?
        } else {
            kernels::reduce(&self.ctx, op, a, axes.as_deref(), acc, None)?
        };
        self.finish_reduce(r, a, axes.as_deref(), keep)
    }

    /// `a.any(axis, dtype, out, keepdims, *, where)` / `a.all(...)` (NumPy's `_any`): reductions of the array seen as bools.
    pub fn any_all_array(&mut self, a: &Rc<NdArray>, p: &mut Bound) -> PyResult<Value> {
        let name = p.func;
        let axis = p.take("axis");
        let dtype = p.take("dtype");
        let out = p.take("out");
        let keepdims = p.take("keepdims");
        let where_ = p.take("where");
        Self::refuse_out_as(&out, name, PyError::return_arrays_must_be_array_type)?;
        Self::refuse_kw(&dtype, name, "dtype")?;
        Self::refuse_kw(&where_, name, "where")?;
        let axes = self.axes_arg(axis, a.ndim())?;
        let keep = self.flag_arg(keepdims)?;
        let b = kernels::cast_array(&self.ctx, a, DType::BOOL, Order::C)?;
        let (op, identity) = if name == "any" {
            (ReduceOp::Max, false)
        } else {
            (ReduceOp::Min, true)
        };
        // logical_or/logical_and have identities, so empty lanes are fine
        let init = Scalar::Bool(identity);
        let r = kernels::reduce(&self.ctx, op, &b, axes.as_deref(), DType::BOOL, Some(&init))?;
        self.finish_reduce(r, a, axes.as_deref(), keep)
    }

    /// `a.cumsum(axis, dtype, out)` / `a.cumprod(...)`: same dtype rules as `sum`/`prod`; without
    /// an axis the result is 1-d over the C-ordered elements.
    pub fn accumulate_array(&mut self, a: &Rc<NdArray>, p: &mut Bound) -> PyResult<Value> {
        let name = p.func;
        let axis = p.take("axis");
        let dtype = p.take("dtype");
        let out = p.take("out");
        Self::refuse_out_as(&out, name, PyError::output_must_be_array)?;
        let axis = self.one_axis_arg(axis, a.ndim())?;
        let acc = match self.reduce_dtype_arg(&dtype)? {
            Some(d) => d,
            None => sum_dtype(a.dtype()),
        };
        let op = if name == "cumprod" {
            ReduceOp::Prod
        } else {
            ReduceOp::Sum
        };
        let r = self.fp_scope(false, "accumulate", |it| {
            kernels::accumulate(&it.ctx, op, a, axis, acc)
        })?;
        Ok(Value::Array(r))
    }
}
