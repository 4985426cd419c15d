//! NumPy's side of an operator: NEP 50 operands, the ufunc kernels they run, NumPy's scalar
//! math checks and refusals.

use std::rc::Rc;

use super::scalar_math;
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::dtype::promote;
use crate::runtime::kernels::{self, BinaryOp as KOp, UnaryOp as KUnary};
use crate::runtime::{DType, Kind, NdArray, Order, Scalar};
use crate::syntax::ast::{BinOp, CmpOp};

/// A Python number taking part in a NumPy operation: its kind decides the result dtype (NEP 50).
#[derive(Clone, Debug)]
pub enum Weak {
    Bool(bool),
    Int(Int),
    Float(f64),
    Complex(f64, f64),
}

/// One side of a NumPy operation.
#[derive(Clone)]
pub enum Operand {
    Strong(Rc<NdArray>),
    Weak(Weak),
}

pub(super) fn kop(op: BinOp) -> Option<KOp> {
    Some(match op {
        BinOp::Add => KOp::Add,
        BinOp::Sub => KOp::Sub,
        BinOp::Mul => KOp::Mul,
        BinOp::Div => KOp::TrueDiv,
        BinOp::FloorDiv => KOp::FloorDiv,
        BinOp::Mod => KOp::Rem,
        BinOp::Pow => KOp::Pow,
        BinOp::BitAnd => KOp::BitAnd,
        BinOp::BitOr => KOp::BitOr,
        BinOp::BitXor => KOp::BitXor,
        BinOp::LShift => KOp::LShift,
        BinOp::RShift => KOp::RShift,
        BinOp::MatMul => return None,
    })
}

pub(super) fn cmp_kop(op: CmpOp) -> Option<KOp> {
    Some(match op {
        CmpOp::Eq => KOp::Eq,
        CmpOp::NotEq => KOp::Ne,
        CmpOp::Lt => KOp::Lt,
        CmpOp::LtE => KOp::Le,
        CmpOp::Gt => KOp::Gt,
        CmpOp::GtE => KOp::Ge,
        _ => return None,
    })
}

impl Weak {
    fn to_scalar(&self) -> Scalar {
        match self {
            Weak::Bool(b) => Scalar::Bool(*b),
            Weak::Int(i) => match i.to_i64() {
                Some(v) => Scalar::Int(v),
                None => i.to_i128().and_then(|v| u64::try_from(v).ok()).map_or(
                    Scalar::Float(i.to_f64().unwrap_or(f64::INFINITY)),
                    Scalar::UInt,
                ),
            },
            Weak::Float(f) => Scalar::Float(*f),
            Weak::Complex(r, i) => Scalar::Complex(*r, *i),
        }
    }
}

/// NEP 50: the dtype of `strong <op> python_scalar`.
pub(crate) fn weak_result(strong: DType, w: &Weak) -> DType {
    match (strong.kind, w) {
        (_, Weak::Bool(_)) => strong,
        (Kind::Bool, Weak::Int(_)) => DType::INT64,
        (Kind::Bool | Kind::Int | Kind::UInt, Weak::Float(_)) => DType::FLOAT64,
        (Kind::Bool | Kind::Int | Kind::UInt, Weak::Complex(..)) => DType::COMPLEX128,
        (Kind::Float, Weak::Complex(..)) => {
            if strong.itemsize <= 4 {
                DType::COMPLEX64
            } else {
                DType::COMPLEX128
            }
        }
        _ => strong.to_native(),
    }
}

impl Interp {
    /// Converts a value to a NumPy operand, or `None` when NumPy has no meaning for it here.
    pub(crate) fn operand(&mut self, v: &Value) -> PyResult<Option<Operand>> {
        Ok(Some(match v {
            Value::Array(a) => Operand::Strong(a.clone()),
            Value::Scalar(s) => Operand::Strong(self.scalar_to_array(s.dtype, &s.v)?),
            Value::Bool(b) => Operand::Weak(Weak::Bool(*b)),
            Value::Int(i) => Operand::Weak(Weak::Int(i.v.clone())),
            Value::Float(f) => Operand::Weak(Weak::Float(f.v)),
            Value::Complex(c) => Operand::Weak(Weak::Complex(c.re, c.im)),
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
                Operand::Strong(self.to_array(v, None)?)
            }
            // a type written in Rust that converts through `__array__` (`np.poly1d`)
            Value::Native(_) if Self::method_entry(v, "__array__").is_some() => {
                Operand::Strong(self.to_array(v, None)?)
            }
            _ => return Ok(None),
        }))
    }

    /// A 0-d array holding one value (a NumPy scalar or a cast Python number).
    pub fn scalar_to_array(&mut self, dtype: DType, v: &Scalar) -> PyResult<Rc<NdArray>> {
        let a = NdArray::zeros(&self.ctx, &[], dtype, Order::C)?;
        kernels::fill(&self.ctx, &a, v)?;
        Ok(a)
    }

    /// Wraps a kernel result: 0-d results become NumPy scalars, as ufuncs return them.
    pub fn wrap_result(&mut self, a: Rc<NdArray>) -> PyResult<Value> {
        if a.ndim() == 0 {
            let v = a.element_at(a.offset_bytes() as usize)?;
            return Ok(self.new_scalar(a.dtype(), v));
        }
        Ok(Value::Array(a))
    }

    /// The compute dtype for numeric `a <op> b` (NEP 50), NumPy's refusals included.
    pub(crate) fn resolve(&mut self, op: KOp, a: &Operand, b: &Operand) -> PyResult<DType> {
        let name = op.ufunc_name();
        void_refusal(op, a, b)?;
        let dt = match (a, b) {
            (Operand::Strong(x), Operand::Strong(y)) => {
                promote(x.dtype(), y.dtype()).ok_or_else(|| {
                    PyError::ufunc_no_matching_loop(name, &x.dtype().repr(), &y.dtype().repr())
                })?
            }
            (Operand::Strong(x), Operand::Weak(w)) | (Operand::Weak(w), Operand::Strong(x)) => {
                let dt = weak_result(x.dtype(), w);
                if let Weak::Int(i) = w
                    && dt.is_integer()
                {
                    let (lo, hi) = dt.int_range();
                    let v = i.to_i128_saturating();
                    if v < lo || v > hi {
                        if op.is_comparison() {
                            // NumPy 2 compares out-of-range Python ints exactly
                            return Ok(if i.bits() < 64 {
                                DType::INT64
                            } else {
                                DType::FLOAT64
                            });
                        }
                        return Err(PyError::python_int_out_of_bounds(
                            &i.to_string_checked()?,
                            &dt.name(),
                        ));
                    }
                }
                dt
            }
            (Operand::Weak(_), Operand::Weak(_)) => {
                return Err(PyError::type_error("no array operand"));
            }
        };
        Ok(match (op, dt.kind) {
            (KOp::TrueDiv, Kind::Bool | Kind::Int | Kind::UInt) => DType::FLOAT64,
            (KOp::Sub, Kind::Bool) => return Err(PyError::bool_subtract()),
            (KOp::FloorDiv | KOp::Rem | KOp::Pow | KOp::LShift | KOp::RShift, Kind::Bool) => {
                DType::INT8
            }
            (
                KOp::BitAnd | KOp::BitOr | KOp::BitXor | KOp::LShift | KOp::RShift,
                Kind::Float | Kind::Complex,
            )
            | (KOp::FloorDiv | KOp::Rem, Kind::Complex) => {
                return Err(PyError::ufunc_not_supported(name));
            }
            (KOp::Maximum | KOp::Minimum, _) => dt,
            _ => dt,
        })
    }

    /// `a <op> b` when a side is a string array (`S`/`U`): comparisons, NumPy 2's string
    /// concatenation, and NumPy's refusals. `None` when both sides are numbers.
    fn flexible_binary(&mut self, op: KOp, x: &Operand, y: &Operand) -> PyResult<Option<Value>> {
        let (dx, dy) = (operand_dtype(x), operand_dtype(y));
        if !dx.is_flexible() && !dy.is_flexible() {
            return Ok(None);
        }
        let same_kind = dx.is_flexible() && dy.is_flexible() && dx.kind == dy.kind;
        let name = op.ufunc_name();
        if matches!(op, KOp::Eq | KOp::Ne) && !same_kind {
            // no common dtype: == is all False and != all True (NumPy's fallback)
            let (xa, ya) = (
                self.materialize(x.clone(), dx)?,
                self.materialize(y.clone(), dy)?,
            );
            let shape = kernels::broadcast_shapes(&[&xa.shape(), &ya.shape()])?;
            let out = NdArray::zeros(&self.ctx, &shape, DType::BOOL, Order::C)?;
            kernels::fill(&self.ctx, &out, &Scalar::Bool(op == KOp::Ne))?;
            return self.wrap_result(out).map(Some);
        }
        if op.is_comparison() {
            if !same_kind {
                return Err(PyError::ufunc_no_loop(
                    name,
                    &operand_class(x),
                    &operand_class(y),
                    "None",
                ));
            }
            let (xa, ya) = (
                self.materialize(x.clone(), dx)?,
                self.materialize(y.clone(), dy)?,
            );
            let r = kernels::binary(&self.ctx, op, &xa, &ya, dx, None)?
                .ok_or_else(|| PyError::type_error("no result"))?;
            return self.wrap_result(r).map(Some);
        }
        match op {
            KOp::Add if same_kind => {
                let (xa, ya) = (
                    self.materialize(x.clone(), dx)?,
                    self.materialize(y.clone(), dy)?,
                );
                let r = kernels::concat_strings(&self.ctx, &xa, &ya)?;
                self.wrap_result(r).map(Some)
            }
            KOp::Add if dx.is_flexible() && dy.is_flexible() => Err(
                PyError::ufunc_cannot_use_operands("add", &dx.repr(), &dy.repr()),
            ),
            KOp::Mul if !same_kind && (dx.is_integer() || dy.is_integer()) => {
                Err(PyError::string_multiply_needs_out())
            }
            _ => Err(PyError::ufunc_no_matching_loop(
                name,
                &dx.repr(),
                &dy.repr(),
            )),
        }
    }

    /// An operand as an array of `dt`: a Python number is cast to it first, which NumPy checks
    /// as a cast of its own (`float32_array + 1e300`: `overflow encountered in cast`).
    pub(crate) fn materialize(&mut self, o: Operand, dt: DType) -> PyResult<Rc<NdArray>> {
        match o {
            Operand::Strong(a) => Ok(a),
            Operand::Weak(w) => {
                self.fp_scope(false, "cast", |it| it.scalar_to_array(dt, &w.to_scalar()))
            }
        }
    }

    /// NumPy's `fast_scalar_power`: `a ** 2` is `np.square(a)` for every dtype, and for inexact
    /// arrays `a ** -1` is `np.reciprocal(a)` and `a ** 0.5` is `np.sqrt(a)` (exact Python
    /// int/float exponents only).
    fn fast_scalar_power(&mut self, a: &Value, b: &Value) -> PyResult<Option<Rc<NdArray>>> {
        let Value::Array(arr) = a else {
            return Ok(None);
        };
        let dt = arr.dtype();
        if !dt.is_numeric() {
            return Ok(None);
        }
        let op = match b {
            Value::Int(i) if i.v.to_i64() == Some(2) => KUnary::Square,
            Value::Int(i) if i.v.to_i64() == Some(-1) && dt.is_inexact() => KUnary::Reciprocal,
            Value::Float(f) if f.v == 0.5 && dt.is_inexact() => KUnary::Sqrt,
            _ => return Ok(None),
        };
        let input = if dt.kind == Kind::Bool {
            kernels::cast_array(&self.ctx, arr, DType::INT8, Order::C)?
        } else {
            arr.clone()
        };
        let name = match op {
            KUnary::Square => "square",
            KUnary::Reciprocal => "reciprocal",
            _ => "sqrt",
        };
        self.fp_scope(false, name, |it| kernels::unary(&it.ctx, op, &input))
            .map(Some)
    }

    /// The kernel of a binary ufunc on arrays already in `dt`, as one NumPy operation (its
    /// floating-point flags named after the ufunc): for NumPy functions that call ufuncs.
    pub(crate) fn ufunc_kernel(
        &mut self,
        op: KOp,
        a: &NdArray,
        b: &NdArray,
        dt: DType,
        out: Option<&NdArray>,
    ) -> PyResult<Option<Rc<NdArray>>> {
        self.fp_scope(false, op.ufunc_name(), |it| {
            kernels::binary(&it.ctx, op, a, b, dt, out)
        })
    }

    /// A NumPy binary operation between two values (at least one array-like), as the ufunc
    /// (`np.add`): its floating-point flags are named after the ufunc.
    pub fn numpy_binary(&mut self, a: &Value, op: KOp, b: &Value, symbol: &str) -> PyResult<Value> {
        self.fp_scope(false, op.ufunc_name(), |it| {
            it.numpy_binary_in(a, op, b, symbol, false)
        })
    }

    /// `numpy_binary` inside the caller's floating-point scope; `scalar` is NumPy's scalar math
    /// (`np.int8(127) + 1`), which also reports integer overflow of `+`, `-` and `*`.
    pub(super) fn numpy_binary_in(
        &mut self,
        a: &Value,
        op: KOp,
        b: &Value,
        symbol: &str,
        scalar: bool,
    ) -> PyResult<Value> {
        let (Some(x), Some(y)) = (self.operand(a)?, self.operand(b)?) else {
            let elem = |v: &Value| match v {
                Value::Array(a) => python_type_of_dtype(a.dtype()),
                other => other.type_name(),
            };
            return Err(PyError::unsupported_operand(symbol, &elem(a), &elem(b)));
        };
        void_refusal(op, &x, &y)?;
        if let Some(v) = self.flexible_binary(op, &x, &y)? {
            return Ok(v);
        }
        if let Some(v) = self.time_binary(op, &x, &y)? {
            return Ok(v);
        }
        if op == KOp::Pow
            && let Some(r) = self.fast_scalar_power(a, b)?
        {
            return self.wrap_result(r);
        }
        let dt = self.resolve(op, &x, &y)?;
        let xa = self.materialize(x, dt)?;
        let ya = self.materialize(y, dt)?;
        let r = kernels::binary(&self.ctx, op, &xa, &ya, dt, None)?
            .ok_or_else(|| PyError::type_error("no result"))?;
        if scalar && dt.is_integer() && matches!(op, KOp::Add | KOp::Sub | KOp::Mul) {
            self.check_int_overflow(op, &xa, &ya, &r)?;
        }
        self.wrap_result(r)
    }

    /// NumPy's scalar math checks `+`, `-`, `*` of integers for overflow (its array loops do
    /// not): the exact result against the wrapped one.
    fn check_int_overflow(
        &mut self,
        op: KOp,
        x: &NdArray,
        y: &NdArray,
        r: &NdArray,
    ) -> PyResult<()> {
        let wide = |a: &NdArray| -> PyResult<Option<i128>> {
            Ok(match a.element_at(a.offset_bytes() as usize)? {
                Scalar::Int(v) => Some(v as i128),
                Scalar::UInt(v) => Some(v as i128),
                Scalar::Bool(b) => Some(b as i128),
                _ => None,
            })
        };
        let (Some(a), Some(b), Some(got)) = (wide(x)?, wide(y)?, wide(r)?) else {
            return Ok(());
        };
        let exact = match op {
            KOp::Add => a.checked_add(b),
            KOp::Sub => a.checked_sub(b),
            _ => a.checked_mul(b),
        };
        if exact != Some(got) {
            self.ctx.raise_fp(crate::runtime::fpe::FpFlags::OVERFLOW);
        }
        Ok(())
    }

    /// `+ - * /` of float64/int64 scalars with each other or with Python floats and small ints,
    /// when NumPy gives a plain result (finite, no overflow, no division by zero, so no
    /// warning): the NEP 50 dtype (float64 if either side is a float, else int64) without 0-d
    /// arrays. Anything else (`None`) takes the general path.
    pub(super) fn fast_scalar_binary(&self, a: &Value, op: BinOp, b: &Value) -> Option<Value> {
        #[derive(Clone, Copy)]
        enum N {
            F(f64),
            I(i64),
        }
        // (number, whether it is a NumPy scalar: at least one side must be)
        let side = |v: &Value| -> Option<(N, bool)> {
            match v {
                Value::Scalar(s) => match s.v {
                    Scalar::Float(x) if s.dtype == DType::FLOAT64 => Some((N::F(x), true)),
                    Scalar::Int(x) if s.dtype == DType::INT64 => Some((N::I(x), true)),
                    _ => None,
                },
                Value::Float(f) => Some((N::F(f.v), false)),
                Value::Int(i) => match i.v {
                    Int::Small(x) => Some((N::I(x), false)),
                    Int::Big(_) => None,
                },
                _ => None,
            }
        };
        let (x, xs) = side(a)?;
        let (y, ys) = side(b)?;
        if !xs && !ys {
            return None;
        }
        let f = |n: N| match n {
            N::F(v) => v,
            N::I(v) => v as f64,
        };
        match (x, y, op) {
            (N::I(p), N::I(q), BinOp::Add | BinOp::Sub | BinOp::Mul) => {
                let r = match op {
                    BinOp::Add => p.checked_add(q),
                    BinOp::Sub => p.checked_sub(q),
                    _ => p.checked_mul(q),
                }?;
                Some(self.new_scalar(DType::INT64, Scalar::Int(r)))
            }
            (_, _, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div) => {
                let (p, q) = (f(x), f(y));
                let r = match op {
                    BinOp::Add => p + q,
                    BinOp::Sub => p - q,
                    BinOp::Mul => p * q,
                    _ if q == 0.0 => return None,
                    _ => p / q,
                };
                r.is_finite()
                    .then(|| self.new_scalar(DType::FLOAT64, Scalar::Float(r)))
            }
            _ => None,
        }
    }

    pub(super) fn is_numpy(v: &Value) -> bool {
        matches!(v, Value::Array(_) | Value::Scalar(_))
    }

    /// `a @ b` / `np.matmul` for 1-d and 2-d arrays, with the gufunc's refusals: no 0-d
    /// operands, and the core dimensions must agree.
    pub fn matmul(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let x = self.to_array(a, None)?;
        let y = self.to_array(b, None)?;
        for (i, arr) in [&x, &y].into_iter().enumerate() {
            if arr.ndim() == 0 {
                return Err(PyError::value(format!(
                    "matmul: Input operand {i} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
                )));
            }
        }
        let k_a = x.shape()[x.ndim() - 1];
        let k_b = y.shape()[y.ndim().saturating_sub(2)];
        if k_a != k_b {
            return Err(PyError::value(format!(
                "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {k_b} is different from {k_a})"
            )));
        }
        let r = self.dot_arrays(&x, &y)?;
        self.wrap_result(r)
    }

    /// `np.dot(a, b)` / `a.dot(b)`: a product with a scalar is elementwise multiplication.
    pub fn dot_values(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let x = self.to_array(a, None)?;
        let y = self.to_array(b, None)?;
        if x.ndim() == 0 || y.ndim() == 0 {
            return self.numpy_binary(a, KOp::Mul, b, "*");
        }
        let r = self.dot_arrays(&x, &y)?;
        self.wrap_result(r)
    }

    /// The unary ufuncs by name (`np.sqrt(a)`, `np.square(a)`...), with NumPy's loop choice:
    /// `sqrt` of integers is float16/float32/float64 by their size, `square` of bools is int8,
    /// `abs` of complex is real.
    pub fn numpy_unary(&mut self, name: &str, arr: &Rc<NdArray>) -> PyResult<Value> {
        self.numpy_unary_in(name, arr, false)
    }

    /// `numpy_unary`; `scalar` is NumPy's scalar math (`-np.int8(x)`, `abs(np.float64(x))`).
    pub(crate) fn numpy_unary_in(
        &mut self,
        name: &str,
        arr: &Rc<NdArray>,
        scalar: bool,
    ) -> PyResult<Value> {
        let dt = arr.dtype().to_native();
        let op = match name {
            "negative" => KUnary::Neg,
            "positive" => KUnary::Pos,
            "invert" | "bitwise_not" => KUnary::Invert,
            "sqrt" => KUnary::Sqrt,
            "square" => KUnary::Square,
            "reciprocal" => KUnary::Reciprocal,
            "conjugate" | "conj" => KUnary::Conj,
            _ => KUnary::Abs,
        };
        let ufunc = match name {
            "abs" => "absolute",
            "bitwise_not" => "invert",
            "conj" => "conjugate",
            other => other,
        };
        // a structured (void) array has no loop: negative, positive and absolute have their
        // own resolvers (which name the DType class), the rest the default one
        if (dt.kind == Kind::Void && matches!(op, KUnary::Neg | KUnary::Pos | KUnary::Abs))
            || (op == KUnary::Pos && dt.kind == Kind::Bool)
        {
            let class = crate::eval::object::value::dtype_class_name(dt);
            return Err(PyError::ufunc_no_unary_loop(ufunc, &class));
        }
        if dt.is_flexible() || dt.kind == Kind::Void || (op == KUnary::Invert && dt.is_inexact()) {
            return Err(PyError::ufunc_not_supported(ufunc));
        }
        if op == KUnary::Neg && dt.kind == Kind::Bool {
            return Err(PyError::bool_negative());
        }
        let input_dt = match (op, dt.kind) {
            (KUnary::Sqrt, Kind::Bool | Kind::Int | Kind::UInt) => match dt.itemsize {
                1 => DType::FLOAT16,
                2 => DType::FLOAT32,
                _ => DType::FLOAT64,
            },
            (KUnary::Square | KUnary::Reciprocal, Kind::Bool) => DType::INT8,
            _ => dt,
        };
        let input = if input_dt != arr.dtype() {
            kernels::cast_array(&self.ctx, arr, input_dt, Order::C)?
        } else {
            arr.clone()
        };
        let r = self.fp_scope(scalar, ufunc, |it| kernels::unary(&it.ctx, op, &input))?;
        if scalar {
            self.check_int_negation(op, &input)?;
        }
        self.wrap_result(r)
    }

    /// NumPy's scalar math: `-np.int8(-128)` and `abs(np.int8(-128))` overflow (the ufuncs on
    /// arrays are silent).
    pub(super) fn check_int_negation(&mut self, op: KUnary, a: &NdArray) -> PyResult<()> {
        let dt = a.dtype();
        if !matches!(op, KUnary::Neg | KUnary::Abs) || dt.kind != Kind::Int {
            return Ok(());
        }
        if let Scalar::Int(v) = a.element_at(a.offset_bytes() as usize)?
            && v as i128 == dt.int_range().0
        {
            let name = if op == KUnary::Neg {
                "negative"
            } else {
                "absolute"
            };
            self.fp_report(true, name, crate::runtime::fpe::FpFlags::OVERFLOW)?;
        }
        Ok(())
    }

    /// `divmod(a, b)` when NumPy is involved: floor division and remainder, with NumPy's
    /// refusal for complex numbers naming `divmod`.
    pub fn numpy_divmod(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if !Self::is_numpy(a) && !Self::is_numpy(b) {
            return Ok(None);
        }
        let (q, r) = self.divmod_pair(a, b, scalar_math(a, b))?;
        Ok(Some(self.new_tuple(vec![q, r])))
    }

    /// The ufunc `np.divmod` (`scalar`: NumPy's scalar math, whose warnings say `scalar
    /// divmod`): floor quotient and remainder, its floating-point flags reported once.
    pub fn divmod_pair(&mut self, a: &Value, b: &Value, scalar: bool) -> PyResult<(Value, Value)> {
        let refused = |v: &Value| match v {
            Value::Array(x) => x.dtype().kind == Kind::Complex || x.dtype().is_flexible(),
            Value::Scalar(s) => s.dtype.kind == Kind::Complex || s.dtype.is_flexible(),
            Value::Complex(_) | Value::Str(_) | Value::Bytes(_) => true,
            _ => false,
        };
        if refused(a) || refused(b) {
            return Err(PyError::ufunc_not_supported("divmod"));
        }
        self.fp_scope(scalar, "divmod", |it| {
            let q = it.numpy_binary_in(a, KOp::FloorDiv, b, "//", scalar)?;
            let r = it.numpy_binary_in(a, KOp::Rem, b, "%", scalar)?;
            Ok((q, r))
        })
    }
}

/// An operand's dtype; a Python number counts as its default NumPy dtype (NumPy's messages
/// name `dtype('int64')` for a Python int).
pub fn operand_dtype(o: &Operand) -> DType {
    match o {
        Operand::Strong(a) => a.dtype(),
        Operand::Weak(Weak::Bool(_)) => DType::BOOL,
        Operand::Weak(Weak::Int(_)) => DType::INT64,
        Operand::Weak(Weak::Float(_)) => DType::FLOAT64,
        Operand::Weak(Weak::Complex(..)) => DType::COMPLEX128,
    }
}

/// The Python type NumPy's object loop would see for an element (for its TypeError text).
fn python_type_of_dtype(dt: DType) -> String {
    match dt.kind {
        Kind::Bool => "bool",
        Kind::Int | Kind::UInt => "int",
        Kind::Float => "float",
        Kind::Complex => "complex",
        Kind::Bytes => "bytes",
        Kind::Str => "str",
        Kind::Void => "numpy.void",
        Kind::Datetime => "numpy.datetime64",
        Kind::Timedelta => "numpy.timedelta64",
    }
    .into()
}

/// The DType class NumPy's promotion names for an operand: `Int64DType`, or `_PyLongDType`
/// for a Python int (a Python bool is already `np.bool`'s `BoolDType`).
fn operand_class(o: &Operand) -> String {
    match o {
        Operand::Weak(Weak::Int(_)) => "_PyLongDType".to_string(),
        Operand::Weak(Weak::Float(_)) => "_PyFloatDType".to_string(),
        Operand::Weak(Weak::Complex(..)) => "_PyComplexDType".to_string(),
        o => crate::eval::object::value::dtype_class_name(operand_dtype(o)),
    }
}

/// A structured (void) operand has no ufunc loop, whatever the other side is; NumPy fails at
/// one of three stages, each with its own words: comparisons at DType promotion (classes),
/// `add`/`subtract`/`multiply`/`maximum`/`minimum` in their own resolvers (dtype reprs), the
/// rest in the default resolver ("not supported"). `==`/`!=` as operators compare field by
/// field before they get here (`record_compare`).
fn void_refusal(op: KOp, a: &Operand, b: &Operand) -> PyResult<()> {
    let is_void = |o: &Operand| matches!(o, Operand::Strong(x) if x.dtype().is_void());
    if !is_void(a) && !is_void(b) {
        return Ok(());
    }
    let name = op.ufunc_name();
    let repr = |o: &Operand| match o {
        Operand::Strong(x) => x.dtype().repr(),
        Operand::Weak(Weak::Bool(_)) => DType::BOOL.repr(),
        Operand::Weak(Weak::Int(_)) => DType::INT64.repr(),
        Operand::Weak(Weak::Float(_)) => DType::FLOAT64.repr(),
        Operand::Weak(Weak::Complex(..)) => DType::COMPLEX128.repr(),
    };
    Err(match op {
        _ if op.is_comparison() => {
            PyError::ufunc_no_loop(name, &operand_class(a), &operand_class(b), "None")
        }
        KOp::Add | KOp::Sub | KOp::Mul | KOp::Maximum | KOp::Minimum => {
            PyError::ufunc_no_matching_loop(name, &repr(a), &repr(b))
        }
        _ => PyError::ufunc_not_supported(name),
    })
}
