//! `std` and `var` (array methods and numpy functions): NumPy's `_var` step by step — the mean
//! kept as a broadcastable array, the squared deviations summed, divided by `N - ddof`.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::Bound;
use crate::runtime::kernels::{self, BinaryOp, ReduceOp, UnaryOp};
use crate::runtime::{DType, Kind, NdArray, OrderArg, Scalar};

impl Interp {
    /// `a.var(axis, dtype, out, ddof, keepdims)` / `a.std(...)` (`name` says which).
    pub fn var_array(&mut self, a: &Rc<NdArray>, p: &mut Bound) -> PyResult<Value> {
        let name = p.func;
        let axis = p.take("axis");
        let dtype = p.take("dtype");
        let out = p.take("out");
        let ddof = p.take("ddof");
        let keepdims = p.take("keepdims");
        let where_ = p.take("where");
        let mean = p.take("mean");
        Self::refuse_out_as(&out, name, PyError::return_arrays_must_be_array_type)?;
        Self::refuse_kw(&dtype, name, "dtype")?;
        Self::refuse_kw(&where_, name, "where")?;
        Self::refuse_kw(&mean, name, "mean")?;
        let axes = self.axes_arg(axis, a.ndim())?;
        let keep = self.flag_arg(keepdims)?;
        let ddof = match ddof {
            Some(v) if !v.is_none() => crate::eval::object::ops::as_float(&v)?.unwrap_or(0.0),
            _ => 0.0,
        };
        let acc = match a.dtype().kind {
            Kind::Bool | Kind::Int | Kind::UInt => DType::FLOAT64,
            Kind::Float if a.itemsize() > 2 => a.dtype().to_native(),
            _ => {
                return Err(PyError::not_implemented(format!(
                    "arrsh cannot yet compute {name} of {}",
                    a.dtype().name()
                )));
            }
        };
        let count: usize = match &axes {
            Some(list) => list.iter().map(|&ax| a.shape()[ax]).product(),
            None => a.size(),
        };
        if ddof >= count as f64 {
            self.warn("RuntimeWarning", "Degrees of freedom <= 0 for slice".into());
        }
        // arrmean = umr_sum(arr, axis, dtype, keepdims=True) / rcount
        let s = self.fp_scope(false, "reduce", |it| {
            kernels::reduce(&it.ctx, ReduceOp::Sum, a, axes.as_deref(), acc, None)
        })?;
        let kept: Vec<i128> = (0..a.ndim())
            .map(|d| match &axes {
                Some(list) if !list.contains(&d) => a.shape()[d] as i128,
                Some(_) | None => 1,
            })
            .collect();
        let s = s.reshape(&self.ctx, &kept, OrderArg::C)?;
        let mean = self.divide_by(&s, count as f64, acc)?;
        let x = self
            .ufunc_kernel(BinaryOp::Sub, a, &mean, acc, None)?
            .ok_or_else(|| PyError::type_error("var"))?;
        let sq = self
            .ufunc_kernel(BinaryOp::Mul, &x, &x, acc, None)?
            .ok_or_else(|| PyError::type_error("var"))?;
        let ret = self.fp_scope(false, "reduce", |it| {
            kernels::reduce(&it.ctx, ReduceOp::Sum, &sq, axes.as_deref(), acc, None)
        })?;
        let mut ret = self.divide_by(&ret, (count as f64 - ddof).max(0.0), acc)?;
        if name == "std" {
            ret = self.fp_scope(false, "sqrt", |it| {
                kernels::unary(&it.ctx, UnaryOp::Sqrt, &ret)
            })?;
        }
        self.finish_reduce(ret, a, axes.as_deref(), keep)
    }

    /// `x / n` in `acc` (NumPy's `true_divide(ret, rcount)`; `ret.dtype.type(ret / rcount)`,
    /// NumPy's scalar division, when the result is 0-d).
    fn divide_by(&mut self, x: &Rc<NdArray>, n: f64, acc: DType) -> PyResult<Rc<NdArray>> {
        let n = self.scalar_to_array(acc, &Scalar::Float(n))?;
        self.fp_scope(x.ndim() == 0, "divide", |it| {
            kernels::binary(&it.ctx, BinaryOp::TrueDiv, x, &n, acc, None)
        })?
        .ok_or_else(|| PyError::type_error("var"))
    }
}
