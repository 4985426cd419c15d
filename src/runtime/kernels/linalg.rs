//! `np.dot` / `@` for 1-d and 2-d arrays through ndarray's matrix products.

use std::rc::Rc;

use ndarray::{Array2, Ix1, Ix2};

use super::ops::Arith;
use super::{Ctx, read_as, typed_view_mut};
use crate::error::{PyError, PyResult, shape_str};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::layout::Order;

/// `a @ b` in `dt`: vector·vector (0-d), matrix·vector, vector·matrix, matrix·matrix.
pub fn dot(ctx: &Ctx, a: &NdArray, b: &NdArray, dt: DType) -> PyResult<Rc<NdArray>> {
    if a.ndim() == 0 || b.ndim() == 0 || a.ndim() > 2 || b.ndim() > 2 {
        return Err(PyError::not_implemented(
            "arrsh's dot handles 1-d and 2-d arrays",
        ));
    }
    let k_a = a.shape()[a.ndim() - 1];
    let k_b = b.shape()[0];
    if k_a != k_b {
        return Err(PyError::value(format!(
            "shapes {} and {} not aligned: {} (dim {}) != {} (dim 0)",
            shape_str(&a.shape()),
            shape_str(&b.shape()),
            k_a,
            a.ndim() - 1,
            k_b
        )));
    }
    match dt {
        DType::INT8 => dot_typed::<i8>(ctx, a, b),
        DType::INT16 => dot_typed::<i16>(ctx, a, b),
        DType::INT32 => dot_typed::<i32>(ctx, a, b),
        DType::INT64 => dot_typed::<i64>(ctx, a, b),
        DType::UINT8 => dot_typed::<u8>(ctx, a, b),
        DType::UINT16 => dot_typed::<u16>(ctx, a, b),
        DType::UINT32 => dot_typed::<u32>(ctx, a, b),
        DType::UINT64 => dot_typed::<u64>(ctx, a, b),
        DType::FLOAT32 => dot_typed::<f32>(ctx, a, b),
        DType::FLOAT64 => dot_typed::<f64>(ctx, a, b),
        _ => Err(PyError::not_implemented(format!(
            "arrsh cannot yet dot dtype {}",
            dt.name()
        ))),
    }
}

fn dot_typed<T: Arith + ndarray::LinalgScalar>(
    ctx: &Ctx,
    a: &NdArray,
    b: &NdArray,
) -> PyResult<Rc<NdArray>> {
    let ab = a.buffer().bytes()?;
    let bb = b.buffer().bytes()?;
    let av = read_as::<T>(a.dtype(), &a.layout(), &ab);
    let bv = read_as::<T>(b.dtype(), &b.layout(), &bb);
    let bad = || PyError::value("dot: unexpected dimensions");
    let result: Array2<T> = match (a.ndim(), b.ndim()) {
        (1, 1) => {
            let x = av.view().into_dimensionality::<Ix1>().map_err(|_| bad())?;
            let y = bv.view().into_dimensionality::<Ix1>().map_err(|_| bad())?;
            Array2::from_elem((1, 1), x.dot(&y))
        }
        (2, 1) => {
            let x = av.view().into_dimensionality::<Ix2>().map_err(|_| bad())?;
            let y = bv.view().into_dimensionality::<Ix1>().map_err(|_| bad())?;
            x.dot(&y).insert_axis(ndarray::Axis(1))
        }
        (1, 2) => {
            let x = av.view().into_dimensionality::<Ix1>().map_err(|_| bad())?;
            let y = bv.view().into_dimensionality::<Ix2>().map_err(|_| bad())?;
            x.dot(&y).insert_axis(ndarray::Axis(0))
        }
        _ => {
            let x = av.view().into_dimensionality::<Ix2>().map_err(|_| bad())?;
            let y = bv.view().into_dimensionality::<Ix2>().map_err(|_| bad())?;
            x.dot(&y)
        }
    };
    let shape: Vec<usize> = match (a.ndim(), b.ndim()) {
        (1, 1) => vec![],
        (2, 1) => vec![a.shape()[0]],
        (1, 2) => vec![b.shape()[1]],
        _ => vec![a.shape()[0], b.shape()[1]],
    };
    let out = NdArray::zeros(ctx, &shape, T::DTYPE, Order::C)?;
    {
        let mut ob = out.buffer().bytes_mut()?;
        let mut ov = typed_view_mut::<T>(&mut ob, &out.layout()).ok_or_else(bad)?;
        let flat = result
            .into_shape_with_order(ov.raw_dim())
            .map_err(|_| bad())?;
        ov.assign(&flat);
    }
    Ok(out)
}
