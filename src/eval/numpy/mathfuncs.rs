//! numpy's math functions: `where`, the float ufuncs (`exp`, `log`, `sin`, `floor`...), the
//! float predicates (`isnan`...), `round`/`around` and `clip`, with NumPy's dtype rules.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::Operand;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::kernels::{self, BinaryOp, FloatBinOp, FloatOp, Predicate};
use crate::runtime::{DType, Kind, NdArray, Order};

/// `where`, `round`/`around` and `clip`; the float ufuncs are rows of `ufuncs`.
pub const ROWS: &[Row] = &[
    Row::np_py("numpy.where", "(condition, x=None, y=None, /)", where_).returns("ndarray"),
    Row::np_py("numpy.round", "(a, decimals=0, out=None)", round).returns("ndarray"),
    Row::np_py("numpy.around", "(a, decimals=0, out=None)", round).returns("ndarray"),
    Row::np_py(
        "numpy.clip",
        "(a, a_min=<no value>, a_max=<no value>, out=None, *, min=<no value>, max=<no value>, **kwargs)",
        clip,
    ).returns("ndarray"),
];

/// `np.where(condition)` is `np.nonzero(condition)`; with `x` and `y` it selects.
fn where_(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let c = a.req("condition")?;
    match (a.take("x"), a.take("y")) {
        (None, None) => it.call_numpy("numpy.nonzero", vec![c], vec![]),
        (Some(x), Some(y)) => it.where_select(&c, &x, &y),
        _ => Err(PyError::value(
            "either both or neither of x and y should be given",
        )),
    }
}

fn round(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = a.req("a")?;
    let decimals = it.arg_c_int(&mut a, "decimals")? as i64;
    let arr = it.to_array(&x, None)?;
    let r = it.round_array(&arr, decimals)?;
    it.wrap_result(r)
}

fn clip(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let lo = a.take("a_min").or_else(|| a.take("min"));
    let hi = a.take("a_max").or_else(|| a.take("max"));
    if let Some((k, _)) = a.kwargs.first() {
        return Err(PyError::not_implemented(format!(
            "arrsh's clip does not support {k}="
        )));
    }
    it.refuse_unsupported(&mut a, &["out"])?;
    it.clip_values(&x, lo, hi)
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
        "arcsin" => FloatOp::Arcsin,
        "arccos" => FloatOp::Arccos,
        "arctan" => FloatOp::Arctan,
        "sinh" => FloatOp::Sinh,
        "cosh" => FloatOp::Cosh,
        "tanh" => FloatOp::Tanh,
        "arcsinh" => FloatOp::Arcsinh,
        "arccosh" => FloatOp::Arccosh,
        "arctanh" => FloatOp::Arctanh,
        "expm1" => FloatOp::Expm1,
        "log1p" => FloatOp::Log1p,
        "exp2" => FloatOp::Exp2,
        "cbrt" => FloatOp::Cbrt,
        "deg2rad" | "radians" => FloatOp::Deg2rad,
        "rad2deg" | "degrees" => FloatOp::Rad2deg,
        "fabs" => FloatOp::Fabs,
        "sign" => FloatOp::Sign,
        _ => return None,
    })
}

/// The float type NumPy's loop table picks for a bool or integer input: the smallest float that
/// holds every value (`e` for 1-byte, `f` for 2-byte, `d` otherwise).
pub(super) fn float_for(dt: DType) -> DType {
    match dt.itemsize {
        1 => DType::FLOAT16,
        2 => DType::FLOAT32,
        _ => DType::FLOAT64,
    }
}

impl Interp {
    /// A float ufunc or predicate by name, with NumPy's loop choice.
    pub fn float_ufunc(&mut self, name: &str, arr: &Rc<NdArray>) -> PyResult<Rc<NdArray>> {
        let dt = arr.dtype().to_native();
        // a structured array has no loop: the default resolver's refusal (sign's own below)
        if dt.is_flexible() || (dt.kind == Kind::Void && name != "sign") {
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
        match (name, dt.kind) {
            ("logical_not", _) => return kernels::logical_not(&self.ctx, arr),
            ("signbit", Kind::Complex) | ("fabs", Kind::Complex) => {
                return Err(PyError::ufunc_not_supported(name));
            }
            ("signbit", _) => return kernels::signbit(&self.ctx, arr),
            ("sign", Kind::Bool | Kind::Void) => {
                return Err(PyError::ufunc_no_unary_loop(
                    name,
                    &crate::eval::object::value::dtype_class_name(dt),
                ));
            }
            ("sign", Kind::Int | Kind::UInt) => return kernels::int_sign(&self.ctx, arr),
            ("sign", Kind::Complex) => return kernels::complex_sign(&self.ctx, arr),
            _ => {}
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
            // NumPy has no complex loop for these
            Kind::Complex
                if rounding
                    || matches!(op, FloatOp::Cbrt | FloatOp::Deg2rad | FloatOp::Rad2deg) =>
            {
                Err(PyError::ufunc_not_supported(name))
            }
            Kind::Complex => kernels::complex_unary(&self.ctx, op, arr).unwrap_or_else(|| {
                Err(PyError::not_implemented(format!(
                    "arrsh cannot yet compute {name} of {}",
                    dt.name()
                )))
            }),
            _ if rounding || op == FloatOp::Rint => Err(PyError::ufunc_not_supported(name)),
            _ => Err(PyError::not_implemented(format!(
                "arrsh cannot yet compute {name} of {}",
                dt.name()
            ))),
        }
    }

    /// `np.where(cond, x, y)`: always an array, even 0-d (NumPy does not unwrap it).
    pub(crate) fn where_select(&mut self, c: &Value, x: &Value, y: &Value) -> PyResult<Value> {
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
        // powf: `-2**31` decimals have no i32 magnitude (NumPy: 10**2147483648 is inf, then nan)
        let f = self.new_float(10f64.powf(decimals.unsigned_abs() as f64));
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

/// The float ufuncs of two inputs, by name.
fn float_bin_op(name: &str) -> Option<FloatBinOp> {
    Some(match name {
        "arctan2" => FloatBinOp::Arctan2,
        "hypot" => FloatBinOp::Hypot,
        "copysign" => FloatBinOp::Copysign,
        "fmod" => FloatBinOp::Fmod,
        "logaddexp" => FloatBinOp::Logaddexp,
        "logaddexp2" => FloatBinOp::Logaddexp2,
        "nextafter" => FloatBinOp::Nextafter,
        "fmax" => FloatBinOp::Fmax,
        "fmin" => FloatBinOp::Fmin,
        "heaviside" => FloatBinOp::Heaviside,
        _ => return None,
    })
}

impl Interp {
    /// `np.arctan2(x1, x2)` and the other float ufuncs of two inputs, `float_power`, and the
    /// logical ufuncs, with NumPy's loop choice: the operands promote as for `+` (Python
    /// scalars are weak), then integers go to the smallest float that holds them (`fmod`,
    /// `fmax` and `fmin` have integer loops).
    pub fn float_binary_ufunc(&mut self, name: &str, x1: &Value, x2: &Value) -> PyResult<Value> {
        if let Some(op) = match name {
            "logical_and" => Some(0),
            "logical_or" => Some(1),
            "logical_xor" => Some(2),
            _ => None,
        } {
            let (a, b) = (self.to_array(x1, None)?, self.to_array(x2, None)?);
            let (na, nb) = (
                kernels::logical_not(&self.ctx, &a)?,
                kernels::logical_not(&self.ctx, &b)?,
            );
            use crate::runtime::kernels::elem::Bool8;
            let r = kernels::zip_map::<Bool8, Bool8>(&self.ctx, &na, &nb, move |x, y| {
                let (x, y) = (x.0 == 0, y.0 == 0);
                Bool8(match op {
                    0 => x && y,
                    1 => x || y,
                    _ => x != y,
                } as u8)
            })?;
            return self.wrap_result(r);
        }
        let (Some(mut ox), Some(mut oy)) = (self.operand(x1)?, self.operand(x2)?) else {
            return Err(PyError::ufunc_not_supported(name));
        };
        if matches!((&ox, &oy), (Operand::Weak(_), Operand::Weak(_))) {
            ox = Operand::Strong(self.to_array(x1, None)?);
            oy = Operand::Strong(self.to_array(x2, None)?);
        }
        let dt = self.resolve(BinaryOp::Maximum, &ox, &oy)?;
        if dt.is_flexible() {
            return Err(PyError::ufunc_not_supported(name));
        }
        if name == "float_power" {
            let fd = if dt.kind == Kind::Complex {
                DType::COMPLEX128
            } else {
                DType::FLOAT64
            };
            let xa = self.materialize(ox, fd)?;
            let ya = self.materialize(oy, fd)?;
            let xa = kernels::cast_array(&self.ctx, &xa, fd, Order::C)?;
            let ya = kernels::cast_array(&self.ctx, &ya, fd, Order::C)?;
            return self.numpy_binary(&Value::Array(xa), BinaryOp::Pow, &Value::Array(ya), "**");
        }
        let op = float_bin_op(name).ok_or_else(|| PyError::ufunc_not_supported(name))?;
        let int_loop = matches!(op, FloatBinOp::Fmod | FloatBinOp::Fmax | FloatBinOp::Fmin);
        let r = match dt.kind {
            Kind::Complex => return Err(PyError::ufunc_not_supported(name)),
            Kind::Bool | Kind::Int | Kind::UInt if int_loop => {
                let dt = if dt.kind == Kind::Bool && op == FloatBinOp::Fmod {
                    DType::INT8
                } else {
                    dt
                };
                let xa = self.materialize(ox, dt)?;
                let ya = self.materialize(oy, dt)?;
                match op {
                    FloatBinOp::Fmod => kernels::int_fmod(&self.ctx, &xa, &ya, dt)?,
                    FloatBinOp::Fmax => {
                        return self.numpy_binary(
                            &Value::Array(xa),
                            BinaryOp::Maximum,
                            &Value::Array(ya),
                            "max",
                        );
                    }
                    _ => {
                        return self.numpy_binary(
                            &Value::Array(xa),
                            BinaryOp::Minimum,
                            &Value::Array(ya),
                            "min",
                        );
                    }
                }
            }
            Kind::Bool | Kind::Int | Kind::UInt => {
                let fd = float_for(dt);
                let xa = self.materialize(ox, dt)?;
                let ya = self.materialize(oy, dt)?;
                kernels::float_binary(&self.ctx, op, &xa, &ya, fd)?
            }
            _ => {
                let xa = self.materialize(ox, dt)?;
                let ya = self.materialize(oy, dt)?;
                kernels::float_binary(&self.ctx, op, &xa, &ya, dt.to_native())?
            }
        };
        self.wrap_result(r)
    }
}
