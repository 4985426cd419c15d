//! `np.dot` / `@` for 1-d and 2-d arrays through ndarray's matrix products.

use std::rc::Rc;

use ndarray::{Array2, Ix1, Ix2};

use super::arith::Arith;
use super::elem::{Elem, F16, dispatch};
use super::{Ctx, read_as, typed_view_mut};
use crate::error::{PyError, PyResult, np_shape_str};
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
            np_shape_str(&a.shape()),
            np_shape_str(&b.shape()),
            k_a,
            a.ndim() - 1,
            k_b
        )));
    }
    if dt == DType::FLOAT32 {
        dot_typed::<f32>(ctx, a, b)
    } else if dt == DType::FLOAT64 {
        dot_typed::<f64>(ctx, a, b)
    } else if dt == DType::FLOAT16 {
        // HALF_dot: products and their sum in float32, rounded once at the end
        dot_seq::<F16, f32>(ctx, a, b, |x| x.to_f32(), F16::from_f32)
    } else {
        dispatch!(dt, T => dot_seq::<T, T>(ctx, a, b, |x| x, |x| x), _ => Err(PyError::not_implemented(format!(
            "arrsh cannot yet dot dtype {}",
            dt.name()
        ))))
    }
}

/// NumPy's `@TYPE@_dot` for types without BLAS: one running sum per output element, in `A`.
fn dot_seq<T: Arith, A: Arith>(
    ctx: &Ctx,
    a: &NdArray,
    b: &NdArray,
    widen: impl Fn(T) -> A,
    narrow: impl Fn(A) -> T,
) -> PyResult<Rc<NdArray>> {
    let ab = a.buffer().bytes()?;
    let bb = b.buffer().bytes()?;
    let av = read_as::<T>(a.dtype(), &a.layout(), &ab);
    let bv = read_as::<T>(b.dtype(), &b.layout(), &bb);
    // as 2-d: (n, k) @ (k, m)
    let (n, k) = if a.ndim() == 1 {
        (1, a.shape()[0])
    } else {
        (a.shape()[0], a.shape()[1])
    };
    let m = if b.ndim() == 1 { 1 } else { b.shape()[1] };
    let x = av.view().into_shape_with_order((n, k)).ok();
    let y = bv.view().into_shape_with_order((k, m)).ok();
    let (x, y) = match (x, y) {
        (Some(x), Some(y)) => (x.to_owned(), y.to_owned()),
        _ => (
            Array2::from_shape_vec((n, k), av.iter().copied().collect()).map_err(|_| bad_dims())?,
            Array2::from_shape_vec((k, m), bv.iter().copied().collect()).map_err(|_| bad_dims())?,
        ),
    };
    let mut result = Array2::<T>::default((n, m));
    for i in 0..n {
        ctx.check_interrupt()?;
        for j in 0..m {
            let mut acc = A::from_i64(0);
            for p in 0..k {
                acc = acc.add(widen(x[[i, p]]).mul(widen(y[[p, j]])));
            }
            result[[i, j]] = narrow(acc);
        }
    }
    store(ctx, a, b, result)
}

fn bad_dims() -> PyError {
    PyError::value("dot: unexpected dimensions")
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
    store(ctx, a, b, result)
}

/// The 2-d product as NumPy's result shape: 0-d, 1-d or 2-d.
fn store<T: Elem>(ctx: &Ctx, a: &NdArray, b: &NdArray, result: Array2<T>) -> PyResult<Rc<NdArray>> {
    let bad = bad_dims;
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
