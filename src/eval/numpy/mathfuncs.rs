//! numpy's math functions: `where`, the float ufuncs (`exp`, `log`, `sin`, `floor`...), the
//! float predicates (`isnan`...), `round`/`around` and `clip`, with NumPy's dtype rules.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::builtins::args::Args;
use crate::eval::object::ops::Operand;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Identity, Row};
use crate::runtime::kernels::{self, BinaryOp, FloatOp, Predicate};
use crate::runtime::{DType, Kind, NdArray, Order};

/// The numpy functions this file implements that are not yet rows (also in `NUMPY_FUNCTIONS`).
pub const MATH_FUNCTIONS: &[&str] = &["where", "round", "around", "clip"];

/// The float ufuncs and predicates, and the attributes every ufunc has.
pub const ROWS: &[Row] = &[
    Row::ufunc("numpy.exp", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.log", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.log2", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.log10", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.sin", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.cos", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.tan", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.floor", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.ceil", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.trunc", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.rint", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.isnan", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.isinf", 1, 1, Identity::None, float_ufunc_row),
    Row::ufunc("numpy.isfinite", 1, 1, Identity::None, float_ufunc_row),
    Row::attr("numpy.ufunc", ufunc_type),
    Row::attr("ufunc.nin", ufunc_attr_row),
    Row::attr("ufunc.nout", ufunc_attr_row),
    Row::attr("ufunc.nargs", ufunc_attr_row),
    Row::attr("ufunc.identity", ufunc_attr_row),
    Row::attr("ufunc.__name__", ufunc_attr_row),
];

/// The options every ufunc takes that arrsh does not honour yet: refused unless left at their
/// defaults (outputs by position too).
pub(crate) fn refuse_ufunc_options(it: &mut Interp, a: &mut Bound) -> PyResult<()> {
    if a.star.iter().any(|v| !v.is_none()) {
        return Err(PyError::not_implemented(format!(
            "arrsh's {} does not support out=",
            a.func
        )));
    }
    it.refuse_unsupported(
        a,
        &[
            "out",
            "where",
            "casting",
            "order",
            "dtype",
            "subok",
            "signature",
        ],
    )
}

/// `np.exp(x)` and the other float ufuncs of one input.
fn float_ufunc_row(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    refuse_ufunc_options(it, &mut a)?;
    let x = a.req("x")?;
    let arr = it.to_array(&x, None)?;
    let r = it.float_ufunc(a.func, &arr)?;
    it.wrap_result(r)
}

fn ufunc_type(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.type_object(TypeKind::Record("numpy.ufunc")))
}

/// `ufunc.nin`, `.nout`, `.nargs`, `.identity`, `.__name__` of the ufunc `a.this`.
fn ufunc_attr_row(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let e = match &a.this {
        Value::Builtin(b) => crate::eval::registry::get(b.name),
        _ => None,
    };
    e.and_then(|e| it.ufunc_attr(e, a.func))
        .ok_or_else(|| PyError::no_attribute(&a.this.type_name(), a.func))
}

fn float_op(name: &str) -> Option<FloatOp> {
    Some(match name {
        "exp" => FloatOp::Exp,
        "log" => FloatOp::Log,
        "log2" => FloatOp::Log2,
        "log10" => FloatOp::Log10,
        "sin" => FloatOp::Sin,
        "cos" => FloatOp::Cos,
        "tan" => FloatOp::Tan,
        "floor" => FloatOp::Floor,
        "ceil" => FloatOp::Ceil,
        "trunc" => FloatOp::Trunc,
        "rint" => FloatOp::Rint,
        _ => return None,
    })
}

/// The float type NumPy's loop table picks for a bool or integer input: the smallest float that
/// holds every value (`e` for 1-byte, `f` for 2-byte, `d` otherwise).
fn float_for(dt: DType) -> DType {
    match dt.itemsize {
        1 => DType::FLOAT16,
        2 => DType::FLOAT32,
        _ => DType::FLOAT64,
    }
}

impl Interp {
    /// Calls one of `MATH_FUNCTIONS`.
    pub fn call_math(&mut self, name: &str, mut p: Args) -> PyResult<Value> {
        match name {
            "where" => {
                let c = p.req(0, "condition")?;
                let x = p.opt(1, "x")?;
                let y = p.opt(2, "y")?;
                p.finish()?;
                match (x, y) {
                    (None, None) => self.call_numpy("numpy.nonzero", vec![c], vec![]),
                    (Some(x), Some(y)) => self.where_select(&c, &x, &y),
                    _ => Err(PyError::value(
                        "either both or neither of x and y should be given",
                    )),
                }
            }
            "round" | "around" => {
                let a = p.req(0, "a")?;
                let d = p.opt(1, "decimals")?;
                let out = p.opt(2, "out")?;
                p.finish()?;
                Self::refuse_out(&out, name)?;
                let decimals = match d {
                    Some(v) => self.int_value(&v, "")?.to_i128_saturating() as i64,
                    None => 0,
                };
                let arr = self.to_array(&a, None)?;
                let r = self.round_array(&arr, decimals)?;
                self.wrap_result(r)
            }
            "clip" => {
                let a = p.req(0, "a")?;
                let lo = p.opt(1, "a_min")?.or_else(|| p.kw_only("min"));
                let hi = p.opt(2, "a_max")?.or_else(|| p.kw_only("max"));
                p.finish()?;
                self.clip_values(&a, lo, hi)
            }
            other => Err(PyError::module_no_attribute("numpy", other)),
        }
    }

    /// A float ufunc or predicate by name, with NumPy's loop choice.
    pub fn float_ufunc(&mut self, name: &str, arr: &Rc<NdArray>) -> PyResult<Rc<NdArray>> {
        let dt = arr.dtype().to_native();
        if dt.is_flexible() {
            return Err(PyError::ufunc_not_supported(name));
        }
        let pred = match name {
            "isnan" => Some(Predicate::IsNan),
            "isinf" => Some(Predicate::IsInf),
            "isfinite" => Some(Predicate::IsFinite),
            _ => None,
        };
        if let Some(pred) = pred {
            return kernels::predicate(&self.ctx, pred, arr);
        }
        let op = float_op(name).ok_or_else(|| PyError::ufunc_not_supported(name))?;
        let rounding = matches!(op, FloatOp::Floor | FloatOp::Ceil | FloatOp::Trunc);
        match dt.kind {
            // NumPy 2.3+: floor/ceil/trunc of integers (and bools) keep the dtype
            Kind::Bool | Kind::Int | Kind::UInt if rounding => {
                kernels::copy_array(&self.ctx, arr, Order::C)
            }
            Kind::Bool | Kind::Int | Kind::UInt => {
                let f = kernels::cast_array(&self.ctx, arr, float_for(dt), Order::C)?;
                kernels::float_unary(&self.ctx, op, &f)
            }
            Kind::Float => kernels::float_unary(&self.ctx, op, arr),
            _ if rounding || op == FloatOp::Rint => Err(PyError::ufunc_not_supported(name)),
            _ => Err(PyError::not_implemented(format!(
                "arrsh cannot yet compute {name} of {}",
                dt.name()
            ))),
        }
    }

    /// `np.where(cond, x, y)`: always an array, even 0-d (NumPy does not unwrap it).
    fn where_select(&mut self, c: &Value, x: &Value, y: &Value) -> PyResult<Value> {
        let cond = self.to_array(c, None)?;
        let (Some(mut ox), Some(mut oy)) = (self.operand(x)?, self.operand(y)?) else {
            return Err(PyError::type_error("where: x and y must be array-like"));
        };
        if matches!((&ox, &oy), (Operand::Weak(_), Operand::Weak(_))) {
            ox = Operand::Strong(self.to_array(x, None)?);
            oy = Operand::Strong(self.to_array(y, None)?);
        }
        let dt = self.resolve(BinaryOp::Maximum, &ox, &oy)?;
        let xa = self.materialize(ox, dt)?;
        let ya = self.materialize(oy, dt)?;
        let r = kernels::select(&self.ctx, &cond, &xa, &ya, dt)?;
        Ok(Value::Array(r))
    }

    /// `np.round(a, decimals)`: NumPy's `PyArray_Round` (multiply by a power of ten, round
    /// half to even, divide back; the other way round for negative `decimals`).
    pub fn round_array(&mut self, arr: &Rc<NdArray>, decimals: i64) -> PyResult<Rc<NdArray>> {
        let dt = arr.dtype().to_native();
        match dt.kind {
            Kind::Int | Kind::UInt if decimals >= 0 => {
                return kernels::copy_array(&self.ctx, arr, Order::C);
            }
            Kind::Float => {}
            Kind::Bool if decimals == 0 => {
                let f = kernels::cast_array(&self.ctx, arr, DType::FLOAT16, Order::C)?;
                return kernels::float_unary(&self.ctx, FloatOp::Rint, &f);
            }
            _ => {
                return Err(PyError::not_implemented(format!(
                    "arrsh cannot yet round {} with decimals={decimals}",
                    dt.name()
                )));
            }
        }
        if decimals == 0 {
            return kernels::float_unary(&self.ctx, FloatOp::Rint, arr);
        }
        let f = self.new_float(10f64.powi(decimals.unsigned_abs() as i32));
        let (there, back) = if decimals > 0 {
            (BinaryOp::Mul, BinaryOp::TrueDiv)
        } else {
            (BinaryOp::TrueDiv, BinaryOp::Mul)
        };
        let scaled = self.numpy_binary(&Value::Array(arr.clone()), there, &f, "*")?;
        let scaled = self.to_array(&scaled, None)?;
        let rounded = kernels::float_unary(&self.ctx, FloatOp::Rint, &scaled)?;
        let r = self.numpy_binary(&Value::Array(rounded), back, &f, "/")?;
        self.to_array(&r, None)
    }

    /// `np.clip(a, lo, hi)`: `minimum(maximum(a, lo), hi)`, either bound may be None.
    pub fn clip_values(
        &mut self,
        a: &Value,
        lo: Option<Value>,
        hi: Option<Value>,
    ) -> PyResult<Value> {
        let mut r = match a {
            Value::Array(_) => a.clone(),
            other => Value::Array(self.to_array(other, None)?),
        };
        let lo = lo.filter(|v| !v.is_none());
        let hi = hi.filter(|v| !v.is_none());
        if let Some(lo) = lo {
            r = self.numpy_binary(&r, BinaryOp::Maximum, &lo, "max")?;
        }
        if let Some(hi) = hi {
            r = self.numpy_binary(&r, BinaryOp::Minimum, &hi, "min")?;
        }
        Ok(r)
    }
}
