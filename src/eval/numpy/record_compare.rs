//! `==` and `!=` of structured and void arrays, as NumPy's `_void_compare` does them: field by
//! field (a subarray field reduced with `all`/`any`), joined with `logical_and`/`logical_or`;
//! unstructured voids byte for byte. Other comparisons have no loop (`ops::numpy`).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::numpy::records::field_view;
use crate::eval::object::value::Value;
use crate::runtime::kernels::{self, BinaryOp as KOp};
use crate::runtime::structured::have_common_dtype;
use crate::runtime::{DType, NdArray, Order, OrderArg, Scalar};
use crate::syntax::ast::CmpOp;

impl Interp {
    /// `a == b` (`eq`) or `a != b` when a side is a structured or void array or scalar;
    /// `None` when neither is. The void side answers (Python reflects `1 == a` to `a == 1`).
    pub(crate) fn void_compare(
        &mut self,
        a: &Value,
        b: &Value,
        eq: bool,
    ) -> PyResult<Option<Value>> {
        let (me, other) = match (self.void_array(a)?, self.void_array(b)?) {
            (Some(x), Some(y)) => (x, y),
            (Some(_), None) | (None, Some(_)) => return Err(PyError::void_compare_non_void()),
            (None, None) => return Ok(None),
        };
        let (dm, dother) = (me.dtype(), other.dtype());
        match (dm.fields(), dother.fields()) {
            (Some(fm), Some(fo)) => {
                if !have_common_dtype(dm, dother) {
                    return Err(PyError::void_compare_no_common_dtype());
                }
                let result_ndim = me.ndim().max(other.ndim());
                let (op, join) = if eq {
                    (CmpOp::Eq, ("numpy.logical_and", "numpy.all"))
                } else {
                    (CmpOp::NotEq, ("numpy.logical_or", "numpy.any"))
                };
                let mut res: Option<Value> = None;
                for (f, g) in fm.fields.iter().zip(&fo.fields) {
                    let x = Value::Array(field_view(self, &me, f));
                    let y = Value::Array(field_view(self, &other, g));
                    let mut t = self.compare(&x, op, &y)?;
                    // a subarray field adds axes: fold them into one and reduce it
                    if let Value::Array(arr) = &t
                        && arr.ndim() > result_ndim
                    {
                        let mut shape: Vec<i128> = arr.shape()[..result_ndim]
                            .iter()
                            .map(|&d| d as i128)
                            .collect();
                        shape.push(-1);
                        let flat = Value::Array(arr.reshape(&self.ctx, &shape, OrderArg::C)?);
                        let axis = self.new_i64(-1);
                        t = self.call_numpy(join.1, vec![flat], vec![("axis".into(), axis)])?;
                    }
                    res = Some(match res {
                        None => t,
                        Some(r) => self.call_numpy(join.0, vec![r, t], vec![])?,
                    });
                }
                match res {
                    Some(r) => Ok(Some(r)),
                    // no fields: every pair of records is equal
                    None => self.filled_comparison(&me, &other, eq).map(Some),
                }
            }
            (None, None) => {
                if dm.itemsize != dother.itemsize {
                    return Err(PyError::void_compare_lengths());
                }
                // raw bytes of one length compare as bytes strings of that length
                let as_bytes = |it: &Interp, arr: &Rc<NdArray>| {
                    Value::Array(arr.view_with(
                        &it.ctx,
                        DType::bytes(dm.itemsize),
                        arr.layout().clone(),
                    ))
                };
                let (x, y) = (as_bytes(self, &me), as_bytes(self, &other));
                let op = if eq { KOp::Eq } else { KOp::Ne };
                self.numpy_binary(&x, op, &y, if eq { "==" } else { "!=" })
                    .map(Some)
            }
            _ => Err(PyError::void_compare_structured_unstructured()),
        }
    }

    /// A structured or void operand as an array (a `np.void` scalar as a 0-d one).
    fn void_array(&mut self, v: &Value) -> PyResult<Option<Rc<NdArray>>> {
        Ok(match v {
            Value::Array(a) if a.dtype().is_void() => Some(a.clone()),
            Value::Scalar(s) if s.dtype.is_void() => Some(self.scalar_to_array(s.dtype, &s.v)?),
            _ => None,
        })
    }

    /// The broadcast shape of two arrays filled with `value`.
    fn filled_comparison(&mut self, a: &NdArray, b: &NdArray, value: bool) -> PyResult<Value> {
        let shape = kernels::broadcast_shapes(&[&a.shape(), &b.shape()])?;
        let out = NdArray::zeros(&self.ctx, &shape, DType::BOOL, Order::C)?;
        kernels::fill(&self.ctx, &out, &Scalar::Bool(value))?;
        self.wrap_result(out)
    }
}
