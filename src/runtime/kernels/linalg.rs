//! `np.dot` / `@` for 1-d and 2-d arrays through ndarray's matrix products: the result is
//! allocated first (through the budget), then filled a block of rows at a time.

use std::rc::Rc;

use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayView2, Axis, Ix1, Ix2, Slice};

use super::arith::Arith;
use super::elem::{Elem, F16, dispatch};
use super::{Ctx, Values, read_as, typed_view_mut};
use crate::error::{PyError, PyResult, np_shape_str};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::layout::{Layout, Order};

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

/// The operands as matrices: `(n, k)` and `(k, m)` views (a 1-d `a` is one row, a 1-d `b` one
/// column), any strides.
fn as_matrices<'v, T: Elem>(
    av: &'v Values<'_, T>,
    bv: &'v Values<'_, T>,
) -> PyResult<(ArrayView2<'v, T>, ArrayView2<'v, T>)> {
    let x = match av.ndim() {
        1 => av
            .view()
            .into_dimensionality::<Ix1>()
            .map_err(|_| bad_dims())?
            .insert_axis(Axis(0)),
        _ => av
            .view()
            .into_dimensionality::<Ix2>()
            .map_err(|_| bad_dims())?,
    };
    let y = match bv.ndim() {
        1 => bv
            .view()
            .into_dimensionality::<Ix1>()
            .map_err(|_| bad_dims())?
            .insert_axis(Axis(1)),
        _ => bv
            .view()
            .into_dimensionality::<Ix2>()
            .map_err(|_| bad_dims())?,
    };
    Ok((x, y))
}

/// The result, allocated before any work (NumPy's MemoryError for an impossible product),
/// and the 2-d `(n, m)` layout the loops write through.
fn allocate_result<T: Elem>(
    ctx: &Ctx,
    a: &NdArray,
    b: &NdArray,
) -> PyResult<(Rc<NdArray>, Layout)> {
    let n = if a.ndim() == 1 { 1 } else { a.shape()[0] };
    let m = if b.ndim() == 1 { 1 } else { b.shape()[1] };
    let shape: Vec<usize> = match (a.ndim(), b.ndim()) {
        (1, 1) => vec![],
        (2, 1) => vec![n],
        (1, 2) => vec![m],
        _ => vec![n, m],
    };
    let out = NdArray::zeros(ctx, &shape, T::DTYPE, Order::C)?;
    let as2d = Layout::contiguous(&[n, m], T::DTYPE.itemsize, Order::C);
    Ok((out, as2d))
}

/// NumPy's `@TYPE@_dot` for types without BLAS: one running sum per output element, in `A`.
fn dot_seq<T: Arith, A: Arith>(
    ctx: &Ctx,
    a: &NdArray,
    b: &NdArray,
    widen: impl Fn(T) -> A,
    narrow: impl Fn(A) -> T,
) -> PyResult<Rc<NdArray>> {
    let (out, as2d) = allocate_result::<T>(ctx, a, b)?;
    let ab = a.buffer().bytes()?;
    let bb = b.buffer().bytes()?;
    let av = read_as::<T>(ctx, a.dtype(), &a.layout(), &ab)?;
    let bv = read_as::<T>(ctx, b.dtype(), &b.layout(), &bb)?;
    let (x, y) = as_matrices(&av, &bv)?;
    let (n, k, m) = (x.nrows(), x.ncols(), y.ncols());
    let mut ob = out.buffer().bytes_mut()?;
    let mut ov = typed_view_mut::<T>(&mut ob, &as2d).ok_or_else(bad_dims)?;
    for i in 0..n {
        ctx.check_interrupt()?;
        for j in 0..m {
            let mut acc = A::from_i64(0);
            for p in 0..k {
                acc = acc.add(widen(x[[i, p]]).mul(widen(y[[p, j]])));
            }
            ov[[i, j].as_slice()] = narrow(acc);
        }
    }
    drop(ob);
    Ok(out)
}

fn bad_dims() -> PyError {
    PyError::internal("dot: unexpected dimensions")
}

/// Float products through ndarray's matrix kernels, a block of result rows at a time so Ctrl-C
/// is seen within a fraction of a second of a big `@`.
fn dot_typed<T: Arith + ndarray::LinalgScalar>(
    ctx: &Ctx,
    a: &NdArray,
    b: &NdArray,
) -> PyResult<Rc<NdArray>> {
    let (out, as2d) = allocate_result::<T>(ctx, a, b)?;
    let ab = a.buffer().bytes()?;
    let bb = b.buffer().bytes()?;
    let av = read_as::<T>(ctx, a.dtype(), &a.layout(), &ab)?;
    let bv = read_as::<T>(ctx, b.dtype(), &b.layout(), &bb)?;
    let mut ob = out.buffer().bytes_mut()?;
    let ov = typed_view_mut::<T>(&mut ob, &as2d).ok_or_else(bad_dims)?;
    let mut ov = ov.into_dimensionality::<Ix2>().map_err(|_| bad_dims())?;
    if a.ndim() == 1 && b.ndim() == 1 {
        let x = av
            .view()
            .into_dimensionality::<Ix1>()
            .map_err(|_| bad_dims())?;
        let y = bv
            .view()
            .into_dimensionality::<Ix1>()
            .map_err(|_| bad_dims())?;
        ctx.check_interrupt()?;
        ov[[0, 0]] = x.dot(&y);
        drop(ob);
        return Ok(out);
    }
    if a.ndim() == 1 {
        // vector @ matrix: one pass over `b`, which exists, so it is as quick as reading it
        let x = av
            .view()
            .into_dimensionality::<Ix1>()
            .map_err(|_| bad_dims())?;
        let y = bv
            .view()
            .into_dimensionality::<Ix2>()
            .map_err(|_| bad_dims())?;
        ctx.check_interrupt()?;
        ov.row_mut(0).assign(&x.dot(&y));
        drop(ob);
        return Ok(out);
    }
    let (x, y) = as_matrices(&av, &bv)?;
    let (n, k, m) = (x.nrows(), x.ncols(), y.ncols());
    // rows per block: about BLOCK_ELEMS multiply-adds per row of work... at least one row
    let per_row = k.saturating_mul(m).max(1);
    let step = (super::blocks::BLOCK_ELEMS * 64 / per_row).clamp(1, n.max(1));
    let mut start = 0;
    while start < n {
        ctx.check_interrupt()?;
        let end = (start + step).min(n);
        let rows = x.slice_axis(Axis(0), Slice::from(start..end));
        let mut dst = ov.slice_axis_mut(Axis(0), Slice::from(start..end));
        if b.ndim() == 1 {
            let col = y.column(0);
            dst.column_mut(0).assign(&rows.dot(&col));
        } else {
            general_mat_mul(T::one(), &rows, &y, T::zero(), &mut dst);
        }
        start = end;
    }
    drop(ob);
    Ok(out)
}
