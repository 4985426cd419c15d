//! Advanced ("fancy") indexing, a port of NumPy's mapping.c: integer and boolean index arrays
//! mixed with basic items. `prepare` classifies the index and checks it in NumPy's order;
//! results are new arrays laid out as NumPy's map iterator allocates them (advanced dimensions
//! first, the rest in the source's memory order), and, when the advanced indices sit together
//! after other axes, handed back as a transposed view of that allocation, as NumPy does.

mod nonzero;
mod plan;
mod prepare;

use std::rc::Rc;

use super::Ctx;
use super::array::{Indexed, NdArray};
use super::index::IndexItem;
use super::layout::{Layout, Order, OrderArg};
use super::scalar::Scalar;
use crate::error::{PyError, PyResult, np_shape_str};
use plan::{plan, subspace};
use prepare::{Entry, prepare};

pub use nonzero::nonzero_arrays;

/// One component of an index that holds at least one array.
#[derive(Clone, Debug)]
pub enum FancyItem {
    /// An integer, slice, `...` or `None`.
    Basic(IndexItem),
    /// An integer index array, its values in C order. A 0-d one is NumPy's "array scalar":
    /// an integer that forces a copy. `f_order` marks an F-contiguous, not C-contiguous array.
    Ints {
        values: Vec<i64>,
        shape: Vec<usize>,
        f_order: bool,
    },
    /// A boolean index array, its values in C order.
    Bools {
        values: Vec<bool>,
        shape: Vec<usize>,
    },
}

/// `a[index]` for an index holding arrays, as NumPy's `array_subscript`.
pub fn get(ctx: &Ctx, a: &Rc<NdArray>, items: &[FancyItem]) -> PyResult<Indexed> {
    let layout = a.layout().clone();
    let p = prepare(&layout.shape, items)?;
    let isz = a.itemsize();
    if p.kinds.only_int() {
        let view = subspace(&layout, &p.entries)?;
        return Ok(Indexed::Element(a.element_at(view.offset_bytes as usize)?));
    }
    if p.kinds.bool_mask {
        let mut offs = Vec::new();
        let mut k = 0;
        layout.for_each_offset(|o| {
            if p.mask[k] {
                offs.push(o);
            }
            k += 1;
        });
        let out = NdArray::zeros(ctx, &[offs.len()], a.dtype(), Order::C)?;
        gather(a, &out, &offs)?;
        return Ok(Indexed::View(out));
    }
    if !p.kinds.fancy {
        // only basic items and a 0-d integer array: the view, copied (NumPy forces a copy)
        let view = subspace(&layout, &p.entries)?;
        let v = a.view_with(ctx, a.dtype(), view);
        return Ok(Indexed::View(v.copy_as(ctx, a.dtype(), OrderArg::K)?));
    }
    let plan = plan(&layout, isz, &p, |dims| result_fits(ctx, dims, a.dtype()))?;
    if p.kinds.only_fancy() && p.entries.len() == 1 {
        // NumPy's trivial path for a 1-d array and one index array: the index's own order
        let Some(Entry::Fancy { shape, f_order, .. }) = p.entries.first() else {
            unreachable!("one fancy entry");
        };
        let order = if *f_order { Order::F } else { Order::C };
        let out = NdArray::zeros(ctx, shape, a.dtype(), order)?;
        let mut dst = Vec::with_capacity(plan.offsets.len());
        out.layout().for_each_offset(|o| dst.push(o));
        copy_elements(a, &out, &plan.offsets, &dst)?;
        return Ok(Indexed::View(out));
    }
    let out = NdArray::with_strides(ctx, &plan.mapiter_shape, &plan.mapiter_strides, a.dtype())?;
    let result = if plan.perm.iter().enumerate().all(|(i, &p)| i == p) {
        out
    } else {
        // NumPy hands back a transposed view of its allocation (PyArray_MapIterSwapAxes)
        let l = out.layout().permuted(&plan.perm);
        out.view_with(ctx, a.dtype(), l)
    };
    let mut dst = Vec::with_capacity(plan.offsets.len());
    result.layout().for_each_offset(|o| dst.push(o));
    copy_elements(a, &result, &plan.offsets, &dst)?;
    ctx.check_interrupt()?;
    Ok(Indexed::View(result))
}

/// Before any offset is listed: NumPy's size check of the result, then the budget for the
/// result and the two offset lists (8 bytes per element each) that copying it takes here.
fn result_fits(ctx: &Ctx, dims: &[usize], dtype: crate::runtime::DType) -> PyResult<()> {
    let nbytes = Layout::checked_nbytes(dims, dtype.itemsize)?;
    let n: u128 = dims.iter().map(|&d| d as u128).product();
    if ctx.heap.fits(nbytes as u128 + 16 * n) {
        Ok(())
    } else {
        Err(PyError::unable_to_allocate(
            nbytes as u128,
            dims,
            &dtype.name(),
        ))
    }
}

/// Copies elements at `offs` of `src` into the fresh C-ordered `out`.
fn gather(src: &NdArray, out: &NdArray, offs: &[usize]) -> PyResult<()> {
    let isz = src.itemsize();
    let dst: Vec<usize> = (0..offs.len()).map(|k| k * isz).collect();
    copy_elements(src, out, offs, &dst)
}

fn copy_elements(src: &NdArray, out: &NdArray, from: &[usize], to: &[usize]) -> PyResult<()> {
    let isz = src.itemsize();
    let s = src.buffer().bytes()?;
    let mut d = out.buffer().bytes_mut()?;
    for (&f, &t) in from.iter().zip(to) {
        d[t..t + isz].copy_from_slice(&s[f..f + isz]);
    }
    Ok(())
}

/// `a[index] = values` for an index holding arrays, as NumPy's `array_assign_subscript`:
/// boolean masks of the whole shape with their own messages, otherwise the map iterator,
/// which checks the values' shape before the indices' bounds. Later duplicates win.
/// Returns `Ok(None)` when the index turned out to be basic-only (the caller assigns to the
/// view it gets back).
pub fn set(
    ctx: &Ctx,
    a: &Rc<NdArray>,
    items: &[FancyItem],
    values: &NdArray,
) -> PyResult<Option<Layout>> {
    if !a.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let layout = a.layout().clone();
    let p = prepare(&layout.shape, items)?;
    if p.kinds.bool_mask {
        if values.ndim() > 1 {
            return Err(PyError::bool_assign_ndim(values.ndim()));
        }
        let count = p.mask.iter().filter(|&&m| m).count();
        let vlen = values.shape().first().copied().unwrap_or(1);
        if values.ndim() == 1 && vlen != 1 && vlen != count {
            return Err(PyError::bool_assign_count(vlen, count));
        }
        let mut offs = Vec::with_capacity(count);
        let mut k = 0;
        layout.for_each_offset(|o| {
            if p.mask[k] {
                offs.push(o);
            }
            k += 1;
        });
        return scatter(ctx, a, &offs, &[count], values);
    }
    if !p.kinds.fancy {
        return Ok(Some(subspace(&layout, &p.entries)?));
    }
    let vshape = values.shape().to_vec();
    let plan = plan(&layout, a.itemsize(), &p, |dims| {
        // values may carry extra leading length-1 axes; otherwise they broadcast right-aligned
        let mut v: &[usize] = &vshape;
        while v.len() > dims.len() && v[0] == 1 {
            v = &v[1..];
        }
        let fits = v.len() <= dims.len()
            && v.iter()
                .rev()
                .zip(dims.iter().rev())
                .all(|(&x, &d)| x == 1 || x == d);
        if fits {
            Layout::checked_nbytes(dims, a.itemsize())?;
            let n: u128 = dims.iter().map(|&d| d as u128).product();
            // the offset lists only (the result is `a` itself)
            if ctx.heap.fits(16 * n) {
                Ok(())
            } else {
                Err(PyError::unable_to_allocate(16 * n, dims, "intp"))
            }
        } else {
            Err(PyError::value_shape_mismatch(
                &np_shape_str(&vshape),
                &np_shape_str(dims),
            ))
        }
    })?;
    let shape = plan.final_shape();
    scatter(ctx, a, &plan.offsets, &shape, values)
}

/// Writes `values` (broadcast to `shape`, right-aligned, leading length-1 axes dropped) to the
/// byte offsets `offs` of `a`, in order, so that a repeated index keeps the last value.
fn scatter(
    ctx: &Ctx,
    a: &NdArray,
    offs: &[usize],
    shape: &[usize],
    values: &NdArray,
) -> PyResult<Option<Layout>> {
    let staged = NdArray::zeros(ctx, shape, a.dtype(), Order::C)?;
    let mut vl = values.layout().clone();
    while vl.ndim() > shape.len() && vl.shape[0] == 1 {
        vl.shape.remove(0);
        vl.strides.remove(0);
    }
    let Some(src) = super::kernels::broadcast_layout(&vl, shape) else {
        return Err(PyError::value_shape_mismatch(
            &np_shape_str(&values.shape()),
            &np_shape_str(shape),
        ));
    };
    let dst = staged.layout().clone();
    super::kernels::copy_between(ctx, values, &src, &staged, &dst)?;
    let isz = a.itemsize();
    let s = staged.buffer().bytes()?;
    let mut d = a.buffer().bytes_mut()?;
    for (k, &o) in offs.iter().enumerate() {
        d[o..o + isz].copy_from_slice(&s[k * isz..(k + 1) * isz]);
    }
    Ok(None)
}

/// Turns a boolean NdArray into an index item (its values in C order).
pub fn bools_of(mask: &NdArray) -> PyResult<FancyItem> {
    let mut values = Vec::with_capacity(mask.size());
    let bytes = mask.buffer().bytes()?;
    mask.layout()
        .for_each_offset(|o| values.push(bytes[o] != 0));
    Ok(FancyItem::Bools {
        values,
        shape: mask.shape().to_vec(),
    })
}

/// Turns an integer NdArray (any integer dtype) into an index item.
pub fn ints_of(ix: &NdArray) -> PyResult<FancyItem> {
    let mut values = Vec::with_capacity(ix.size());
    let bytes = ix.buffer().bytes()?;
    let (dt, isz) = (ix.dtype(), ix.itemsize());
    ix.layout().for_each_offset(|o| {
        let v = Scalar::decode(dt, &bytes[o..o + isz]).to_i64_wrapping();
        values.push(v);
    });
    Ok(FancyItem::Ints {
        values,
        shape: ix.shape().to_vec(),
        f_order: ix.layout().is_fortran(isz),
    })
}

#[cfg(test)]
mod tests;
