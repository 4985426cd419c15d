//! Operators on values: Python's semantics for Python objects, NumPy's ufuncs (with NEP 50
//! promotion, where Python scalars are weak) as soon as an array or NumPy scalar is involved.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::nesting::Nesting;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::dtype::promote;
use crate::runtime::kernels::{self, BinaryOp as KOp, UnaryOp as KUnary};
use crate::runtime::{DType, Kind, NdArray, Order, Scalar};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

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

fn kop(op: BinOp) -> Option<KOp> {
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

fn cmp_kop(op: CmpOp) -> Option<KOp> {
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
        let class = |o: &Operand, d: DType| match o {
            Operand::Weak(Weak::Int(_)) => "_PyLongDType".to_string(),
            Operand::Weak(Weak::Float(_)) => "_PyFloatDType".to_string(),
            Operand::Weak(Weak::Complex(..)) => "_PyComplexDType".to_string(),
            _ => crate::eval::object::value::dtype_class_name(d),
        };
        if op.is_comparison() {
            if !same_kind {
                return Err(PyError::ufunc_no_loop(
                    name,
                    &class(x, dx),
                    &class(y, dy),
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
            KOp::Add if dx.is_flexible() && dy.is_flexible() => Err(PyError::new(
                ErrorKind::UFuncTypeError,
                format!(
                    "ufunc 'add' cannot use operands with types {} and {}",
                    dx.repr(),
                    dy.repr()
                ),
            )),
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
    fn numpy_binary_in(
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
        if let Some(v) = self.flexible_binary(op, &x, &y)? {
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
    fn fast_scalar_binary(&self, a: &Value, op: BinOp, b: &Value) -> Option<Value> {
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

    fn is_numpy(v: &Value) -> bool {
        matches!(v, Value::Array(_) | Value::Scalar(_))
    }

    pub fn binary_op(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
        if crate::eval::object::dunder::is_user(a) || crate::eval::object::dunder::is_user(b) {
            return self.user_binary(a, op, b);
        }
        // the fast path knows only finite results: underflow, when watched, needs the kernels
        if !self
            .ctx
            .fp_watched()
            .contains(crate::runtime::fpe::FpFlags::UNDERFLOW)
            && let Some(v) = self.fast_scalar_binary(a, op, b)
        {
            return Ok(v);
        }
        if let Value::Dict(d) = a
            && d.flavor.is_some()
            && let Some(r) = crate::eval::modules::collections::counter_binary(self, a, op, b)?
        {
            return Ok(r);
        }
        if Self::is_numpy(a) || Self::is_numpy(b) {
            if op == BinOp::MatMul {
                return self.matmul(a, b);
            }
            if matches!(a, Value::Str(_)) && op == BinOp::Mod {
                return self.percent_format(a, b);
            }
            if let Some(k) = kop(op) {
                let scalar = scalar_math(a, b);
                return self.fp_scope(scalar, k.ufunc_name(), |it| {
                    it.numpy_binary_in(a, k, b, op.symbol(), scalar)
                });
            }
        }
        self.python_binary(a, op, b)
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
        if dt.is_flexible()
            || (op == KUnary::Invert && dt.is_inexact())
            || (op == KUnary::Pos && dt.kind == Kind::Bool)
        {
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
    fn check_int_negation(&mut self, op: KUnary, a: &NdArray) -> PyResult<()> {
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
        let is_complex = |v: &Value| match v {
            Value::Array(x) => x.dtype().kind == Kind::Complex,
            Value::Scalar(s) => s.dtype.kind == Kind::Complex,
            Value::Complex(_) => true,
            _ => false,
        };
        if is_complex(a) || is_complex(b) {
            return Err(PyError::ufunc_not_supported("divmod"));
        }
        // one ufunc (`np.divmod`): its flags are reported once, named `divmod`
        let scalar = scalar_math(a, b);
        let (q, r) = self.fp_scope(scalar, "divmod", |it| {
            let q = it.numpy_binary_in(a, KOp::FloorDiv, b, "//", scalar)?;
            let r = it.numpy_binary_in(a, KOp::Rem, b, "%", scalar)?;
            Ok((q, r))
        })?;
        Ok(Some(self.new_tuple(vec![q, r])))
    }

    fn python_binary(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
        use Value as V;
        let unsupported =
            || PyError::unsupported_operand(op.symbol(), &a.type_name(), &b.type_name());
        // set algebra lives with the set table (setobj)
        if let (V::Set(x), V::Set(y)) = (a, b)
            && let Some(r) = self.set_binary(x, op, y)?
        {
            return Ok(r);
        }
        // numbers
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            let both_bool = matches!((a, b), (V::Bool(_), V::Bool(_)));
            return Ok(match op {
                BinOp::Add => self.new_int(x.add(&y)),
                BinOp::Sub => self.new_int(x.sub(&y)),
                BinOp::Mul => self.new_int(x.mul(&y)?),
                BinOp::Div => self.new_float(x.truediv(&y)?),
                BinOp::FloorDiv => self.new_int(x.floordiv(&y)?),
                BinOp::Mod => self.new_int(x.rem(&y)?),
                BinOp::Pow => {
                    if y.is_negative() {
                        let (fx, fy) = (x.to_f64()?, y.to_f64()?);
                        return self.float_pow(fx, fy);
                    }
                    self.new_int(x.pow(&y)?)
                }
                BinOp::LShift => self.new_int(x.shl(&y)?),
                BinOp::RShift => self.new_int(x.shr(&y)?),
                BinOp::BitAnd if both_bool => V::Bool(!x.bitand(&y).is_zero()),
                BinOp::BitOr if both_bool => V::Bool(!x.bitor(&y).is_zero()),
                BinOp::BitXor if both_bool => V::Bool(!x.bitxor(&y).is_zero()),
                BinOp::BitAnd => self.new_int(x.bitand(&y)),
                BinOp::BitOr => self.new_int(x.bitor(&y)),
                BinOp::BitXor => self.new_int(x.bitxor(&y)),
                BinOp::MatMul => return Err(unsupported()),
            });
        }
        // a big int only converts when the other side is a float (`'%x' % 10**5000` is text)
        let real = |v: &Value| matches!(v, V::Int(_) | V::Bool(_) | V::Float(_) | V::Complex(_));
        if real(a)
            && real(b)
            && let (Some(x), Some(y)) = (as_float(a)?, as_float(b)?)
        {
            if matches!(a, V::Complex(_)) || matches!(b, V::Complex(_)) {
                return self.complex_binary(a, op, b);
            }
            return Ok(match op {
                BinOp::Add => self.new_float(x + y),
                BinOp::Sub => self.new_float(x - y),
                BinOp::Mul => self.new_float(x * y),
                BinOp::Div => {
                    if y == 0.0 {
                        return Err(PyError::new(
                            ErrorKind::ZeroDivisionError,
                            "float division by zero",
                        ));
                    }
                    self.new_float(x / y)
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        return Err(PyError::float_floor_division_by_zero());
                    }
                    self.new_float(kernels_divmod(x, y).0)
                }
                BinOp::Mod => {
                    if y == 0.0 {
                        return Err(PyError::float_modulo_by_zero());
                    }
                    self.new_float(kernels_divmod(x, y).1)
                }
                BinOp::Pow => return self.float_pow(x, y),
                _ => return Err(unsupported()),
            });
        }
        if matches!(a, V::Complex(_)) || matches!(b, V::Complex(_)) {
            return self.complex_binary(a, op, b);
        }
        // sequences
        match (a, op, b) {
            // CPython hands back the other operand when one side is empty (identity shows)
            (V::Str(x), BinOp::Add, V::Str(_)) if x.v.is_empty() => Ok(b.clone()),
            (V::Str(_), BinOp::Add, V::Str(y)) if y.v.is_empty() => Ok(a.clone()),
            (V::Str(x), BinOp::Add, V::Str(y)) => Ok(self.new_str(format!("{}{}", x.v, y.v))),
            (V::Str(_), BinOp::Add, _) => Err(PyError::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            ))),
            (V::Str(_), BinOp::Mod, _) => self.percent_format(a, b),
            (V::Bytes(x), BinOp::Add, V::Bytes(y)) => {
                Ok(self.new_bytes([x.v.as_slice(), &y.v].concat()))
            }
            (V::List(x), BinOp::Add, V::List(y)) => {
                let mut items = x.items.borrow().clone();
                items.extend(y.items.borrow().iter().cloned());
                Ok(self.new_list(items))
            }
            (V::List(_), BinOp::Add, _) => Err(PyError::type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                b.type_name()
            ))),
            (V::Tuple(x), BinOp::Add, V::Tuple(_)) if x.items.is_empty() => Ok(b.clone()),
            (V::Tuple(_), BinOp::Add, V::Tuple(y)) if y.items.is_empty() => Ok(a.clone()),
            (V::Tuple(x), BinOp::Add, V::Tuple(y)) => {
                let mut items = x.items.clone();
                items.extend(y.items.iter().cloned());
                Ok(self.new_tuple(items))
            }
            (V::Tuple(_), BinOp::Add, _) => Err(PyError::type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.type_name()
            ))),
            (V::Str(_) | V::List(_) | V::Tuple(_) | V::Bytes(_), BinOp::Mul, _) => {
                self.repeat(a, b)
            }
            (_, BinOp::Mul, V::Str(_) | V::List(_) | V::Tuple(_) | V::Bytes(_)) => {
                self.repeat(b, a)
            }
            _ => Err(unsupported()),
        }
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let Some(k) = as_int(n) else {
            return Err(PyError::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                n.type_name()
            )));
        };
        // `sequence * n` takes n as an index (`PyNumber_AsSsize_t(n, OverflowError)`)
        let k = k
            .to_i64()
            .ok_or_else(PyError::cannot_fit_index_sized)?
            .max(0) as usize;
        let len = self.len_of(seq)?;
        // an empty result is instant whatever n is (`[] * 10**18`)
        let k = if len == 0 { 0 } else { k };
        let item_bytes: u128 = match seq {
            Value::Str(s) => (s.v.len() / len.max(1)).max(1) as u128,
            Value::Bytes(_) => 1,
            _ => super::budget::SLOT_BYTES,
        };
        if len as u128 * k as u128 > isize::MAX as u128 {
            return Err(PyError::no_memory(len as u128 * k as u128 * item_bytes));
        }
        self.gate(len as u128 * k as u128 * item_bytes)?;
        Ok(match seq {
            Value::Str(s) => self.new_str(s.v.repeat(k)),
            Value::Bytes(b) => self.new_bytes(b.v.repeat(k)),
            Value::List(l) => {
                let items = l.items.borrow();
                let v: Vec<Value> = (0..k).flat_map(|_| items.iter().cloned()).collect();
                drop(items);
                self.new_list(v)
            }
            Value::Tuple(t) => {
                let v: Vec<Value> = (0..k).flat_map(|_| t.items.iter().cloned()).collect();
                self.new_tuple(v)
            }
            _ => unreachable!("repeat is only called with a sequence (python_binary)"),
        })
    }

    fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(PyError::zero_to_negative_power());
        }
        if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
            // CPython returns a complex number here
            let (r, theta) = (x.abs().powf(y), std::f64::consts::PI * y);
            return Ok(self.new_complex(r * theta.cos(), r * theta.sin()));
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(PyError::overflow("(34, 'Numerical result out of range')"));
        }
        Ok(self.new_float(r))
    }

    fn complex_binary(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
        let (Some((ar, ai)), Some((br, bi))) = (as_complex(a)?, as_complex(b)?) else {
            return Err(PyError::unsupported_operand(
                op.symbol(),
                &a.type_name(),
                &b.type_name(),
            ));
        };
        let (r, i) = match op {
            BinOp::Add => (ar + br, ai + bi),
            BinOp::Sub => (ar - br, ai - bi),
            BinOp::Mul => (ar * br - ai * bi, ar * bi + ai * br),
            BinOp::Div => {
                if br == 0.0 && bi == 0.0 {
                    return Err(PyError::new(
                        ErrorKind::ZeroDivisionError,
                        "complex division by zero",
                    ));
                }
                py_complex_div((ar, ai), (br, bi))
            }
            BinOp::Pow => {
                if ar == 0.0 && ai == 0.0 && (bi != 0.0 || br < 0.0) {
                    return Err(PyError::new(
                        ErrorKind::ZeroDivisionError,
                        "0.0 to a negative or complex power",
                    ));
                }
                py_complex_pow((ar, ai), (br, bi))
            }
            _ => {
                return Err(PyError::unsupported_operand(
                    op.symbol(),
                    &a.type_name(),
                    &b.type_name(),
                ));
            }
        };
        Ok(self.new_complex(r, i))
    }

    pub fn unary_op(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        if crate::eval::object::dunder::is_user(v) {
            return self.user_unary(op, v);
        }
        match v {
            Value::Array(_) | Value::Scalar(_) => {
                let a = match v {
                    Value::Array(a) => a.clone(),
                    Value::Scalar(s) => self.scalar_to_array(s.dtype, &s.v)?,
                    _ => unreachable!("matched above"),
                };
                let k = match op {
                    UnaryOp::Neg => KUnary::Neg,
                    UnaryOp::Pos => KUnary::Pos,
                    UnaryOp::Invert => KUnary::Invert,
                };
                let kind = a.dtype().kind;
                if kind == Kind::Bool && op == UnaryOp::Neg {
                    return Err(PyError::bool_negative());
                }
                if matches!(kind, Kind::Float | Kind::Complex) && op == UnaryOp::Invert {
                    return Err(PyError::ufunc_not_supported("invert"));
                }
                let name = match op {
                    UnaryOp::Neg => "negative",
                    UnaryOp::Pos => "positive",
                    UnaryOp::Invert => "invert",
                };
                if a.dtype().is_flexible() {
                    return Err(PyError::ufunc_not_supported(name));
                }
                let scalar = matches!(v, Value::Scalar(_));
                let r = self.fp_scope(scalar, name, |it| kernels::unary(&it.ctx, k, &a))?;
                if scalar {
                    self.check_int_negation(k, &a)?;
                }
                self.wrap_result(r)
            }
            Value::Bool(_) | Value::Int(_) => {
                let i = as_int(v).unwrap_or(Int::Small(0));
                Ok(match op {
                    UnaryOp::Neg => self.new_int(i.neg()),
                    UnaryOp::Pos => self.new_int(i),
                    UnaryOp::Invert => self.new_int(i.invert()),
                })
            }
            Value::Float(f) => match op {
                UnaryOp::Neg => Ok(self.new_float(-f.v)),
                UnaryOp::Pos => Ok(self.new_float(f.v)),
                UnaryOp::Invert => Err(PyError::bad_operand_unary("~", "float")),
            },
            Value::Complex(c) => match op {
                UnaryOp::Neg => Ok(self.new_complex(-c.re, -c.im)),
                UnaryOp::Pos => Ok(self.new_complex(c.re, c.im)),
                UnaryOp::Invert => Err(PyError::bad_operand_unary("~", "complex")),
            },
            other => Err(PyError::bad_operand_unary(op.symbol(), &other.type_name())),
        }
    }

    /// `cur <op>= rhs`: arrays are updated in place (same object, same buffer) under NumPy's
    /// `same_kind` casting rule; lists extend in place; everything else rebinds.
    pub fn inplace_op(&mut self, cur: &Value, op: BinOp, rhs: &Value) -> PyResult<Value> {
        if crate::eval::object::dunder::is_user(cur) || crate::eval::object::dunder::is_user(rhs) {
            return self.user_inplace(cur, op, rhs);
        }
        match cur {
            Value::Array(a) => {
                let Some(k) = kop(op) else {
                    return self.binary_op(cur, op, rhs);
                };
                let Some(y) = self.operand(rhs)? else {
                    return Err(PyError::unsupported_operand(
                        &format!("{}=", op.symbol()),
                        "numpy.ndarray",
                        &rhs.type_name(),
                    ));
                };
                let dt = self.resolve(k, &Operand::Strong(a.clone()), &y)?;
                if !DType::can_cast_same_kind(dt, a.dtype()) {
                    return Err(PyError::cannot_cast_ufunc_output(
                        k.ufunc_name(),
                        &dt.str_form(),
                        &a.dtype().str_form(),
                    ));
                }
                let ya = self.materialize(y, dt)?;
                let xa = if a.dtype() == dt {
                    a.clone()
                } else {
                    kernels::cast_array(&self.ctx, a, dt, Order::C)?
                };
                self.fp_scope(false, k.ufunc_name(), |it| {
                    if a.dtype() == dt {
                        kernels::binary(&it.ctx, k, a, &ya, dt, Some(a))?;
                    } else {
                        let r = kernels::binary(&it.ctx, k, &xa, &ya, dt, None)?
                            .ok_or_else(|| PyError::type_error("no result"))?;
                        kernels::assign(&it.ctx, a, &r)?;
                    }
                    Ok(())
                })?;
                Ok(cur.clone())
            }
            // list += and *= work in place, resizing as CPython does (see listobj)
            Value::List(l) if op == BinOp::Add => {
                self.list_extend(l, rhs)?;
                Ok(cur.clone())
            }
            Value::List(l) if op == BinOp::Mul && as_int(rhs).is_some() => {
                let n = as_int(rhs).map_or(0, |n| n.to_i128_saturating());
                self.list_inplace_repeat(l, n)?;
                Ok(cur.clone())
            }
            _ => self.binary_op(cur, op, rhs),
        }
    }

    pub fn compare(&mut self, a: &Value, op: CmpOp, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::Bool(self.is_same(a, b))),
            CmpOp::IsNot => return Ok(Value::Bool(!self.is_same(a, b))),
            CmpOp::In => return self.contains(b, a).map(Value::Bool),
            CmpOp::NotIn => return self.contains(b, a).map(|x| Value::Bool(!x)),
            _ => {}
        }
        if crate::eval::object::dunder::compares_as_user(a, b) {
            return self.user_compare(a, op, b);
        }
        if let Some(r) = self.native_compare(a, op, b)? {
            return Ok(Value::Bool(r));
        }
        if Self::is_numpy(a) || Self::is_numpy(b) {
            let k = cmp_kop(op).ok_or_else(|| PyError::type_error("bad comparison"))?;
            if (matches!(a, Value::None) || matches!(b, Value::None))
                && matches!(op, CmpOp::Eq | CmpOp::NotEq)
            {
                let arr = if let Value::Array(x) = a {
                    x.clone()
                } else if let Value::Array(x) = b {
                    x.clone()
                } else {
                    return Ok(Value::Bool(op == CmpOp::NotEq));
                };
                let out = NdArray::zeros(&self.ctx, &arr.shape(), DType::BOOL, Order::C)?;
                kernels::fill(&self.ctx, &out, &Scalar::Bool(op == CmpOp::NotEq))?;
                return Ok(Value::Array(out));
            }
            return self.numpy_binary(a, k, b, op.symbol());
        }
        let r = match op {
            CmpOp::Eq => self.py_eq(a, b)?,
            CmpOp::NotEq => !self.py_eq(a, b)?,
            _ => {
                let ord = self.py_order(a, b, op)?;
                match op {
                    CmpOp::Lt => ord == Some(std::cmp::Ordering::Less),
                    CmpOp::LtE => matches!(
                        ord,
                        Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
                    ),
                    CmpOp::Gt => ord == Some(std::cmp::Ordering::Greater),
                    CmpOp::GtE => matches!(
                        ord,
                        Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
                    ),
                    _ => unreachable!("handled above"),
                }
            }
        };
        Ok(Value::Bool(r))
    }

    /// A comparison a native object's `compare` slot answers (`None`: it has none).
    fn native_compare(&mut self, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
        let slot = |v: &Value| match v {
            Value::Native(n) => n.slots.compare,
            _ => None,
        };
        let Some(f) = slot(a).or(slot(b)) else {
            return Ok(None);
        };
        match f(self, a, op, b)? {
            Some(r) => Ok(Some(r)),
            None => Err(PyError::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.short_type_name(),
                b.short_type_name()
            ))),
        }
    }

    /// Python `==` for non-array values.
    pub fn py_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        use Value as V;
        if crate::eval::object::dunder::compares_as_user(a, b) {
            let r = self.user_compare(a, CmpOp::Eq, b)?;
            return self.truthy(&r);
        }
        if let Some(r) = self.native_compare(a, CmpOp::Eq, b)? {
            return Ok(r);
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(x == y);
        }
        if let Some(ord) = int_float_order(a, b) {
            return Ok(ord == Some(std::cmp::Ordering::Equal));
        }
        // what is left of the numbers: floats and complexes (an int against a complex with an
        // imaginary part is unequal)
        if is_py_number(a) && is_py_number(b) {
            return Ok(match (as_int(a), as_int(b)) {
                (Some(_), _) | (_, Some(_)) => false,
                _ => as_complex(a)? == as_complex(b)?,
            });
        }
        // NumPy numbers equal Python's (`np.int64(1) == 1.0`), so sets and dict keys merge them
        if is_numeric_scalar(a) && (is_numeric_scalar(b) || is_py_number(b))
            || is_numeric_scalar(b) && is_py_number(a)
        {
            let r = self.compare(a, CmpOp::Eq, b)?;
            return self.truthy(&r);
        }
        Ok(match (a, b) {
            (V::Str(x), V::Str(y)) => x.v == y.v,
            // np.str_ and np.bytes_ are str and bytes
            (V::Scalar(_), V::Str(_) | V::Bytes(_) | V::Scalar(_))
            | (V::Str(_) | V::Bytes(_), V::Scalar(_))
                if flexible_text(a).is_some() && flexible_text(a) == flexible_text(b) =>
            {
                true
            }
            (V::Bytes(x), V::Bytes(y)) => x.v == y.v,
            (V::None, V::None) | (V::Ellipsis, V::Ellipsis) => true,
            (V::List(x), V::List(y)) => {
                let (xs, ys) = (x.items.borrow().clone(), y.items.borrow().clone());
                self.seq_eq(&xs, &ys)?
            }
            (V::Tuple(x), V::Tuple(y)) => {
                let (xs, ys) = (x.items.clone(), y.items.clone());
                self.seq_eq(&xs, &ys)?
            }
            (V::Set(x), V::Set(y)) => self.set_equal(x, y)?,
            (V::Dict(x), V::Dict(y)) => {
                let xs = x.items.borrow().clone();
                if xs.len() != y.items.borrow().len() {
                    return Ok(false);
                }
                for (k, v) in &xs {
                    match self.dict_get(y, k)? {
                        Some(w) => {
                            if !self.nested(Nesting::Comparison, |me| me.py_eq(v, &w))? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (V::Range(x), V::Range(y)) => {
                let (lx, ly) = (
                    crate::eval::object::iter::range_len(x.start, x.stop, x.step),
                    crate::eval::object::iter::range_len(y.start, y.stop, y.step),
                );
                lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
            }
            (V::DType(x), V::DType(y)) => x.dtype == y.dtype,
            (V::DType(x), V::Str(s)) | (V::Str(s), V::DType(x)) => {
                DType::parse(&s.v).map(|d| d == x.dtype).unwrap_or(false)
            }
            (V::DType(x), t @ V::Type(_)) | (t @ V::Type(_), V::DType(x)) => {
                let t = t.clone();
                self.to_dtype(&t).map(|d| d == x.dtype).unwrap_or(false)
            }
            (V::Type(x), V::Type(y)) => x.kind == y.kind,
            _ => self.is_same(a, b),
        })
    }

    fn seq_eq(&mut self, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if xs.len() != ys.len() {
            return Ok(false);
        }
        for (x, y) in xs.iter().zip(ys) {
            if !self.is_same(x, y) && !self.eq_truthy(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `bool(x == y)` for elements of containers (arrays inside lists compare elementwise).
    /// Each item compared is one level deeper: `Py_EnterRecursiveCall(" in comparison")`.
    fn eq_truthy(&mut self, x: &Value, y: &Value) -> PyResult<bool> {
        self.nested(Nesting::Comparison, |me| {
            let r = me.compare(x, CmpOp::Eq, y)?;
            me.truthy(&r)
        })
    }

    fn py_order(
        &mut self,
        a: &Value,
        b: &Value,
        op: CmpOp,
    ) -> PyResult<Option<std::cmp::Ordering>> {
        use Value as V;
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(x.cmp(&y)));
        }
        if !matches!(a, V::Complex(_))
            && !matches!(b, V::Complex(_))
            && let Some(ord) = int_float_order(a, b)
        {
            return Ok(ord);
        }
        if matches!(a, V::Float(_)) && matches!(b, V::Float(_)) {
            return Ok(as_float(a)?.partial_cmp(&as_float(b)?));
        }
        match (a, b) {
            (V::Str(x), V::Str(y)) => Ok(Some(x.v.cmp(&y.v))),
            (V::Bytes(x), V::Bytes(y)) => Ok(Some(x.v.cmp(&y.v))),
            (V::List(_), V::List(_)) | (V::Tuple(_), V::Tuple(_)) => {
                let xs = self.collect(a)?;
                let ys = self.collect(b)?;
                for (x, y) in xs.iter().zip(&ys) {
                    if !self.nested(Nesting::Comparison, |me| me.py_eq(x, y))? {
                        return self.nested(Nesting::Comparison, |me| me.py_order(x, y, op));
                    }
                }
                Ok(Some(xs.len().cmp(&ys.len())))
            }
            _ => Err(PyError::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    /// `x in container`.
    pub fn contains(&mut self, container: &Value, x: &Value) -> PyResult<bool> {
        if crate::eval::object::dunder::is_user(container) {
            return self.user_contains(container, x);
        }
        match container {
            Value::Str(s) => match x {
                Value::Str(sub) => Ok(s.v.contains(sub.v.as_str())),
                _ => Err(PyError::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    x.type_name()
                ))),
            },
            Value::Dict(d) => Ok(self.dict_get(d, x)?.is_some()),
            Value::Set(s) => self.set_contains(s, x),
            // rangeobject.c range_contains_long: arithmetic for ints, not a walk of 10**29 items
            Value::Range(r) if matches!(x, Value::Int(_) | Value::Bool(_)) => {
                let Some(v) = as_int(x).and_then(|i| i.to_i128()) else {
                    return Ok(false);
                };
                // the distance from start, in u128 (it may pass i128::MAX)
                let (inside, dist) = if r.step > 0 {
                    (r.start <= v && v < r.stop, v.wrapping_sub(r.start) as u128)
                } else {
                    (r.stop < v && v <= r.start, r.start.wrapping_sub(v) as u128)
                };
                Ok(inside && dist % r.step.unsigned_abs() == 0)
            }
            Value::Array(_) => {
                let eq = self.compare(container, CmpOp::Eq, x)?;
                let any = self.call_method(&eq, "any", vec![], vec![])?;
                self.truthy(&any)
            }
            _ => {
                let mut it = self.iterate(container)?;
                while let Some(item) = it.next(self)? {
                    if self.is_same(&item, x) || self.eq_truthy(&item, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

/// An operand's dtype; a Python number counts as its default NumPy dtype (NumPy's messages
/// name `dtype('int64')` for a Python int).
fn operand_dtype(o: &Operand) -> DType {
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
    }
    .into()
}

/// CPython's `_Py_c_quot`: divide through by the larger part of the divisor.
fn py_complex_div((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> (f64, f64) {
    if br.abs() >= bi.abs() {
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    } else if bi.abs() >= br.abs() {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    } else {
        (f64::NAN, f64::NAN)
    }
}

fn py_complex_mul((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> (f64, f64) {
    (ar * br - ai * bi, ar * bi + ai * br)
}

/// CPython 3.11's `complex_pow`: integral exponents up to 100 by repeated squaring
/// (`c_powi`), otherwise `_Py_c_pow` (polar form).
fn py_complex_pow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (br, bi) = b;
    if bi == 0.0 && br == br.floor() && br.abs() <= 100.0 {
        let n = br as i64;
        let powu = |x: (f64, f64), n: u64| {
            let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
            while mask > 0 && n >= mask {
                if n & mask != 0 {
                    r = py_complex_mul(r, p);
                }
                mask <<= 1;
                p = py_complex_mul(p, p);
            }
            r
        };
        return if n > 0 {
            powu(a, n as u64)
        } else {
            py_complex_div((1.0, 0.0), powu(a, n.unsigned_abs()))
        };
    }
    let (ar, ai) = a;
    if br == 0.0 && bi == 0.0 {
        return (1.0, 0.0);
    }
    if ar == 0.0 && ai == 0.0 {
        return (0.0, 0.0);
    }
    let vabs = ar.hypot(ai);
    let mut len = vabs.powf(br);
    let at = ai.atan2(ar);
    let mut phase = at * br;
    if bi != 0.0 {
        len /= (at * bi).exp();
        phase += bi * vabs.ln();
    }
    (len * phase.cos(), len * phase.sin())
}

fn kernels_divmod(a: f64, b: f64) -> (f64, f64) {
    crate::runtime::kernels::float_divmod(a, b)
}

/// A Python int (or bool) value.
/// An int (or bool) against a float or a complex with no imaginary part, compared exactly
/// (`Some(None)`: unordered, as against NaN; `None`: not such a pair).
fn int_float_order(a: &Value, b: &Value) -> Option<Option<std::cmp::Ordering>> {
    let real = |v: &Value| match v {
        Value::Float(f) => Some(f.v),
        Value::Complex(c) if c.im == 0.0 => Some(c.re),
        _ => None,
    };
    if let (Some(x), Some(y)) = (as_int(a), real(b)) {
        return Some(x.cmp_f64(y));
    }
    let (x, y) = (real(a)?, as_int(b)?);
    Some(y.cmp_f64(x).map(std::cmp::Ordering::reverse))
}

/// The text of a str or bytes, NumPy's included (`Ok` for str, `Err` for bytes).
fn flexible_text(v: &Value) -> Option<Result<&str, &[u8]>> {
    match v {
        Value::Str(s) => Some(Ok(&s.v)),
        Value::Bytes(b) => Some(Err(&b.v)),
        Value::Scalar(s) => match &s.v {
            Scalar::Str(t) => Some(Ok(t)),
            Scalar::Bytes(b) => Some(Err(b)),
            _ => None,
        },
        _ => None,
    }
}

/// A NumPy bool, integer, float or complex scalar (not `np.str_` or `np.bytes_`).
fn is_numeric_scalar(v: &Value) -> bool {
    matches!(v, Value::Scalar(s) if !s.dtype.is_flexible())
}

fn is_py_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Complex(_)
    )
}

pub fn as_int(v: &Value) -> Option<Int> {
    match v {
        Value::Int(i) => Some(i.v.clone()),
        Value::Bool(b) => Some(Int::Small(*b as i64)),
        _ => None,
    }
}

/// A Python real number as f64 (ints converted exactly or OverflowError).
pub fn as_float(v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(f.v),
        Value::Int(i) => Some(i.v.to_f64()?),
        Value::Bool(b) => Some(*b as u8 as f64),
        Value::Complex(c) => Some(c.re),
        _ => None,
    })
}

pub fn as_complex(v: &Value) -> PyResult<Option<(f64, f64)>> {
    Ok(match v {
        Value::Complex(c) => Some((c.re, c.im)),
        other => as_float(other)?.map(|f| (f, 0.0)),
    })
}

/// Whether `a <op> b` is NumPy's scalar math (its message says `scalar add`): no array on
/// either side, and the NumPy scalar whose type computes it handles the other operand itself
/// (`convert_to_<type>`): another NumPy scalar one of the two types casts to safely, or a
/// Python number of a kind it takes (ints and floats for inexact types, ints for integers,
/// complex for complex, bools always). Otherwise NumPy defers to the ufunc (`np.int8(1) / 0.0`
/// names `divide`); bool scalars always do.
fn scalar_math(a: &Value, b: &Value) -> bool {
    use crate::runtime::casting::{Casting, can_cast};
    let py_ok = |t: DType, p: &Value| match (t.kind, p) {
        (Kind::Bool, _) => false,
        (_, Value::Bool(_)) => true,
        (Kind::Int | Kind::UInt | Kind::Float | Kind::Complex, Value::Int(_)) => true,
        (Kind::Float | Kind::Complex, Value::Float(_)) => true,
        (Kind::Complex, Value::Complex(_)) => true,
        _ => false,
    };
    let numeric = |t: DType| !t.is_flexible();
    match (a, b) {
        (Value::Scalar(x), Value::Scalar(y)) => {
            let (t, u) = (x.dtype, y.dtype);
            if !numeric(t) || !numeric(u) {
                return false;
            }
            let wider = if can_cast(u, t, Casting::Safe) {
                t
            } else if can_cast(t, u, Casting::Safe) {
                u
            } else {
                return false;
            };
            wider.kind != Kind::Bool
        }
        (Value::Scalar(x), p) | (p, Value::Scalar(x)) => numeric(x.dtype) && py_ok(x.dtype, p),
        _ => false,
    }
}
