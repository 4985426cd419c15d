//! Element-wise work over strided buffers: typed ndarray views straight over aligned buffer
//! bytes (no gather in the common case), a byte-wise path for odd layouts and dtypes, and the
//! copy/cast/assign/fill primitives everything else builds on. The only module using ndarray.

mod arith;
mod blocks;
mod cmath;
mod correlate;
mod einsum;
pub mod elem;
mod floatparts;
mod fpcheck;
mod linalg;
mod mathfns;
mod ops;
mod reduce;
mod strided;
mod strings;

use std::rc::Rc;

use ndarray::{ArrayD, ArrayViewD, ArrayViewMutD, Axis, CowArray, IxDyn, ShapeBuilder};

use self::elem::{Elem, cast, dispatch};
use super::Ctx;
use super::array::NdArray;
use super::dtype::DType;
use super::heap::Reservation;
use super::layout::{Layout, Order};
use super::scalar::Scalar;
use crate::error::{PyError, PyResult};

pub use arith::{complex_mul_plain, complex_pow, float_divmod};
pub use correlate::{CorrMode, correlate};
pub use einsum::sum_of_products;
pub use floatparts::{frexp, frexp_parts, ldexp, ldexp_f64, modf, modf_parts};
pub use linalg::dot;
pub use mathfns::{
    FloatBinOp, FloatOp, Predicate, complex_sign, complex_unary, float_binary, float_unary,
    int_fmod, int_sign, logical_not, predicate, select, signbit, zip_map,
};
pub use ops::{BinaryOp, UnaryOp, binary, fill_arange, map_checked, map_into, unary};
pub use reduce::{ReduceOp, accumulate, reduce};
pub use strings::{arg_extreme as string_arg_extreme, concat as concat_strings};

/// Elements processed between two checks of the Ctrl-C flag.
const CHUNK_ELEMS: usize = 1 << 14;

/// A typed read-only view over the bytes of an array whose dtype is exactly `T`'s (native, fast)
/// — `None` when strides or offset are not multiples of the element size (as_strided, views of
/// 'S3' data), in which case callers gather.
fn typed_view<'a, T: Elem>(bytes: &'a [u8], layout: &Layout) -> Option<ArrayViewD<'a, T>> {
    let (off, shape, strides, flips) = positive_strides::<T>(layout)?;
    let slice = typed_slice::<T>(bytes, off, &shape, &strides)?;
    let mut v = ArrayViewD::from_shape(IxDyn(&shape).strides(IxDyn(&strides)), slice).ok()?;
    for ax in flips {
        v.invert_axis(Axis(ax));
    }
    Some(v)
}

/// A typed mutable view; `None` also when elements overlap (as_strided with zero strides).
fn typed_view_mut<'a, T: Elem>(
    bytes: &'a mut [u8],
    layout: &Layout,
) -> Option<ArrayViewMutD<'a, T>> {
    let (off, shape, strides, flips) = positive_strides::<T>(layout)?;
    let len = span_elems(&shape, &strides);
    let end = off.checked_add(len.checked_mul(std::mem::size_of::<T>())?)?;
    let slice: &mut [T] = bytemuck::try_cast_slice_mut(bytes.get_mut(off..end)?).ok()?;
    let mut v = ArrayViewMutD::from_shape(IxDyn(&shape).strides(IxDyn(&strides)), slice).ok()?;
    for ax in flips {
        v.invert_axis(Axis(ax));
    }
    Some(v)
}

/// A layout rewritten for a typed view: byte offset of the lowest element, shape, element
/// strides (all non-negative) and the axes that were flipped to get there.
type PositiveView = (usize, Vec<usize>, Vec<usize>, Vec<usize>);

/// Rewrites a layout with non-negative element strides starting at its lowest element; the
/// axes that were flipped are returned so the view can be inverted back.
fn positive_strides<T: Elem>(layout: &Layout) -> Option<PositiveView> {
    let isz = std::mem::size_of::<T>() as isize;
    let mut off = layout.offset_bytes;
    let mut strides = Vec::with_capacity(layout.ndim());
    let mut flips = Vec::new();
    for (ax, (&n, &s)) in layout.shape.iter().zip(&layout.strides).enumerate() {
        let s = if n <= 1 { 0 } else { s };
        if s % isz != 0 {
            return None;
        }
        if s < 0 {
            off += (n as isize - 1) * s;
            flips.push(ax);
        }
        strides.push((s.abs() / isz) as usize);
    }
    if layout.is_empty() {
        off = 0;
    }
    Some((off as usize, layout.shape.clone(), strides, flips))
}

fn span_elems(shape: &[usize], strides: &[usize]) -> usize {
    if shape.contains(&0) {
        return 0;
    }
    1 + shape
        .iter()
        .zip(strides)
        .map(|(&n, &s)| (n - 1) * s)
        .sum::<usize>()
}

fn typed_slice<'a, T: Elem>(
    bytes: &'a [u8],
    off: usize,
    shape: &[usize],
    strides: &[usize],
) -> Option<&'a [T]> {
    let len = span_elems(shape, strides);
    let end = off.checked_add(len.checked_mul(std::mem::size_of::<T>())?)?;
    bytemuck::try_cast_slice(bytes.get(off..end)?).ok()
}

/// The values of a (dtype, layout) as `T`, with the budget their gathered copy holds.
pub(crate) struct Values<'a, T> {
    arr: CowArray<'a, T, IxDyn>,
    _budget: Option<Reservation>,
}

impl<'a, T> std::ops::Deref for Values<'a, T> {
    type Target = CowArray<'a, T, IxDyn>;
    fn deref(&self) -> &Self::Target {
        &self.arr
    }
}

impl<T> Values<'_, T> {
    /// Values made here, small (a scalar operand): not worth a reservation.
    fn owned(arr: ArrayD<T>) -> Self {
        Values {
            arr: CowArray::from(arr),
            _budget: None,
        }
    }
}

/// The values of a (dtype, layout) as `T`: borrowed when the dtype is `T` and the layout is
/// typed-viewable, otherwise gathered and cast with NumPy's C casts (typed loops, never boxed).
/// A gathered copy is a temporary: it asks the budget first (NumPy's MemoryError text).
fn read_as<'a, T: Elem>(
    ctx: &Ctx,
    dt: DType,
    layout: &Layout,
    bytes: &'a [u8],
) -> PyResult<Values<'a, T>> {
    if dt == T::DTYPE
        && let Some(v) = typed_view::<T>(bytes, layout)
    {
        return Ok(Values {
            arr: CowArray::from(v),
            _budget: None,
        });
    }
    let n = layout.len();
    let nbytes = n as u128 * std::mem::size_of::<T>() as u128;
    let budget = ctx
        .heap
        .reserve(nbytes)
        .ok_or_else(|| PyError::unable_to_allocate(nbytes, &layout.shape, &T::DTYPE.name()))?;
    let arr = gather_as::<T>(dt, layout, bytes);
    Ok(Values {
        arr,
        _budget: Some(budget),
    })
}

fn gather_as<'a, T: Elem>(dt: DType, layout: &Layout, bytes: &'a [u8]) -> CowArray<'a, T, IxDyn> {
    let shape = IxDyn(&layout.shape);
    let mut out = Vec::with_capacity(layout.len());
    dispatch!(dt, S => {
        if let Some(v) = typed_view::<S>(bytes, layout) {
            return CowArray::from(v.mapv(cast::<S, T>));
        }
        let isz = std::mem::size_of::<S>();
        layout.for_each_offset(|o| out.push(cast::<S, T>(bytemuck::pod_read_unaligned::<S>(&bytes[o..o + isz]))));
    }, _ => dispatch!(swapped dt, S => {
        // byte-swapped numbers: read natively, swap, cast (typed, never boxed)
        let isz = std::mem::size_of::<S>();
        layout.for_each_offset(|o| {
            let x = bytemuck::pod_read_unaligned::<S>(&bytes[o..o + isz]).swap_bytes();
            out.push(cast::<S, T>(x));
        });
    }, _ => {
        let isz = dt.itemsize;
        layout.for_each_offset(|o| out.push(T::from_scalar(&Scalar::decode(dt, &bytes[o..o + isz]))));
    }));
    // the gathered values are exactly layout.len() in C order
    CowArray::from(
        ArrayD::from_shape_vec(shape, out).unwrap_or_else(|_| ArrayD::default(IxDyn(&[0]))),
    )
}

/// Runs `f` over `out` in chunks of rows, polling the interrupt flag between chunks.
fn chunked<T, F>(ctx: &Ctx, mut out: ArrayViewMutD<'_, T>, mut f: F) -> PyResult<()>
where
    F: FnMut(ArrayViewMutD<'_, T>, usize, usize) -> PyResult<()>,
{
    if out.ndim() == 0 || out.len() <= CHUNK_ELEMS {
        let n = if out.ndim() == 0 {
            1
        } else {
            out.len_of(Axis(0))
        };
        return f(out.view_mut(), 0, n);
    }
    let rows = out.len_of(Axis(0));
    let row_len = (out.len() / rows.max(1)).max(1);
    let step = (CHUNK_ELEMS / row_len).max(1);
    let mut start = 0;
    while start < rows {
        ctx.check_interrupt()?;
        let end = (start + step).min(rows);
        let part = out.slice_axis_mut(Axis(0), (start..end).into());
        f(part, start, end)?;
        start = end;
    }
    Ok(())
}

/// Broadcast shape of several operands, or NumPy's error listing all their shapes.
pub fn broadcast_shapes(shapes: &[&[usize]]) -> PyResult<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1usize; nd];
    for s in shapes {
        for (i, &d) in s.iter().enumerate() {
            let o = &mut out[nd - s.len() + i];
            if *o == 1 {
                *o = d;
            } else if d != 1 && d != *o {
                return Err(PyError::broadcast_shapes(shapes));
            }
        }
    }
    Ok(out)
}

/// A layout of `layout` broadcast to `shape` (zero strides on stretched axes), if compatible.
pub fn broadcast_layout(layout: &Layout, shape: &[usize]) -> Option<Layout> {
    if layout.ndim() > shape.len() {
        return None;
    }
    let pad = shape.len() - layout.ndim();
    let mut strides = vec![0isize; shape.len()];
    for (i, (&d, &s)) in layout.shape.iter().zip(&layout.strides).enumerate() {
        let target = shape[pad + i];
        if d == target {
            strides[pad + i] = s;
        } else if d != 1 {
            return None;
        }
    }
    Some(Layout {
        shape: shape.to_vec(),
        strides,
        offset_bytes: layout.offset_bytes,
    })
}

/// `dst[...] = src`: broadcasting `src` to `dst`'s shape with NumPy's unsafe (setitem) cast.
/// A source that shares `dst`'s buffer is copied first, as NumPy does for overlapping operands.
pub fn assign(ctx: &Ctx, dst: &NdArray, src: &NdArray) -> PyResult<()> {
    if !dst.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let Some(src_layout) = broadcast_layout(&src.layout(), &dst.shape()) else {
        return Err(PyError::broadcast_input_to_shape(
            &src.shape(),
            &dst.shape(),
        ));
    };
    if Rc::ptr_eq(src.buffer(), dst.buffer()) {
        let tmp = copy_array(ctx, src, Order::C)?;
        return assign(ctx, dst, &tmp);
    }
    let src_bytes = src.buffer().bytes()?;
    let mut dst_bytes = dst.buffer().bytes_mut()?;
    assign_bytes(
        ctx,
        src.dtype(),
        &src_bytes,
        &src_layout,
        dst.dtype(),
        &mut dst_bytes,
        &dst.layout(),
    )
}

/// Copies/casts the elements of one (dtype, layout) over bytes into another of the same shape.
fn assign_bytes(
    ctx: &Ctx,
    sdt: DType,
    sbytes: &[u8],
    slayout: &Layout,
    ddt: DType,
    dbytes: &mut [u8],
    dlayout: &Layout,
) -> PyResult<()> {
    if (sdt.is_time() || ddt.is_time()) && sdt.to_native() != ddt.to_native() {
        return super::datetime::cast_elements(sdt, sbytes, slayout, ddt, dbytes, dlayout);
    }
    if sdt.is_flexible() && ddt.is_numeric() {
        // text to numbers: parsed per element, with Python's errors for non-numbers
        let mut offs = Vec::with_capacity(slayout.len());
        slayout.for_each_offset(|o| offs.push(o));
        let (si, di) = (sdt.itemsize, ddt.itemsize);
        let mut k = 0;
        let mut err = None;
        dlayout.for_each_offset(|o| {
            if err.is_none() {
                let s = offs[k];
                match Scalar::decode(sdt, &sbytes[s..s + si]).parse_as(ddt) {
                    Ok(v) => v.encode(ddt, &mut dbytes[o..o + di]),
                    Err(e) => err = Some(e),
                }
            }
            k += 1;
        });
        return err.map_or(Ok(()), Err);
    }
    if sdt.kind == super::Kind::Complex
        && matches!(
            ddt.kind,
            super::Kind::Float | super::Kind::Int | super::Kind::UInt
        )
    {
        ctx.raise_fp(super::fpe::FpFlags::COMPLEX_CAST);
    }
    if sdt == ddt {
        // the same dtype: whole elements move, whatever their kind, alignment or byte order
        return strided::copy_elements(ctx, sdt.itemsize, sbytes, slayout, dbytes, dlayout);
    }
    // casts go block by block (NumPy's buffered casting): no whole-array temporary
    dispatch!(ddt, T => {
        blocks::for_each_block(ctx, &dlayout.shape, blocks::BLOCK_ELEMS, &mut |b| {
            let sl = blocks::sub_layout(slayout, b);
            let values = read_as::<T>(ctx, sdt, &sl, sbytes)?;
            fpcheck::cast_block::<T>(ctx, sdt, &sl, sbytes, &values.view())?;
            write_typed::<T>(ctx, dbytes, &blocks::sub_layout(dlayout, b), values.view())
        })
    }, _ => dispatch!(swapped ddt, T => {
        // into a byte-swapped array: values in the native type, swapped on the way in
        let isz = std::mem::size_of::<T>();
        blocks::for_each_block(ctx, &dlayout.shape, blocks::BLOCK_ELEMS, &mut |b| {
            let sl = blocks::sub_layout(slayout, b);
            let values = read_as::<T>(ctx, sdt, &sl, sbytes)?;
            fpcheck::cast_block::<T>(ctx, sdt, &sl, sbytes, &values.view())?;
            let mut it = values.iter();
            blocks::sub_layout(dlayout, b).for_each_offset(|o| {
                if let Some(v) = it.next() {
                    dbytes[o..o + isz].copy_from_slice(bytemuck::bytes_of(&v.swap_bytes()));
                }
            });
            Ok(())
        })
    }, _ => {
        let mut offs = Vec::with_capacity(slayout.len());
        slayout.for_each_offset(|o| offs.push(o));
        let (si, di) = (sdt.itemsize, ddt.itemsize);
        let mut k = 0;
        // between flexible dtypes (S3 -> U5, ...): decoded and encoded one element at a time
        dlayout.for_each_offset(|o| {
            let s = offs[k];
            Scalar::decode(sdt, &sbytes[s..s + si]).encode(ddt, &mut dbytes[o..o + di]);
            k += 1;
        });
        ctx.check_interrupt()
    }))
}

/// Writes `values` (already of `dst`'s shape) into a destination whose dtype is `T`'s.
fn write_typed<T: Elem>(
    ctx: &Ctx,
    dbytes: &mut [u8],
    dlayout: &Layout,
    values: ArrayViewD<'_, T>,
) -> PyResult<()> {
    if let Some(dv) = typed_view_mut::<T>(dbytes, dlayout) {
        return chunked(ctx, dv, |mut part, start, end| {
            if values.ndim() == 0 {
                part.assign(&values);
            } else {
                part.assign(&values.slice_axis(Axis(0), (start..end).into()));
            }
            Ok(())
        });
    }
    // unaligned or self-overlapping destination: element by element in C order, as NumPy does
    let mut it = values.iter();
    let isz = std::mem::size_of::<T>();
    dlayout.for_each_offset(|o| {
        if let Some(v) = it.next() {
            dbytes[o..o + isz].copy_from_slice(bytemuck::bytes_of(v));
        }
    });
    ctx.check_interrupt()
}

/// A new owner holding `src`'s values in `dtype` and the given memory order (`copy`, `astype`).
pub fn cast_array(ctx: &Ctx, src: &NdArray, dtype: DType, order: Order) -> PyResult<Rc<NdArray>> {
    let out = NdArray::zeros(ctx, &src.shape(), dtype, order)?;
    {
        let s = src.buffer().bytes()?;
        let mut d = out.buffer().bytes_mut()?;
        assign_bytes(
            ctx,
            src.dtype(),
            &s,
            &src.layout(),
            dtype,
            &mut d,
            &out.layout(),
        )?;
    }
    Ok(out)
}

/// `a.copy(order)`: a new owner with the same dtype.
pub fn copy_array(ctx: &Ctx, src: &NdArray, order: Order) -> PyResult<Rc<NdArray>> {
    cast_array(ctx, src, src.dtype(), order)
}

/// Copies the elements `src_layout` picks from `src`'s buffer to the places `dst_layout` picks
/// in `dst`'s (same shape; `dst` a fresh array, so no overlap): the primitive behind
/// `flatten(order)`, which visits the source axes in a permuted order.
pub fn copy_between(
    ctx: &Ctx,
    src: &NdArray,
    src_layout: &Layout,
    dst: &NdArray,
    dst_layout: &Layout,
) -> PyResult<()> {
    debug_assert_eq!(src_layout.shape, dst_layout.shape);
    debug_assert!(!Rc::ptr_eq(src.buffer(), dst.buffer()));
    let s = src.buffer().bytes()?;
    let mut d = dst.buffer().bytes_mut()?;
    assign_bytes(
        ctx,
        src.dtype(),
        &s,
        src_layout,
        dst.dtype(),
        &mut d,
        dst_layout,
    )
}

/// `a.fill(v)` / `a[...] = scalar`: every element set to one value (cast once).
pub fn fill(ctx: &Ctx, dst: &NdArray, value: &Scalar) -> PyResult<()> {
    if !dst.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let dt = dst.dtype();
    let mut bytes = dst.buffer().bytes_mut()?;
    dispatch!(dt, T => {
        let v = T::from_scalar(value);
        fpcheck::cast_scalar(ctx, value, v);
        if let Some(dv) = typed_view_mut::<T>(&mut bytes, &dst.layout()) {
            return chunked(ctx, dv, |mut part, _, _| {
                part.fill(v);
                Ok(())
            });
        }
    }, _ => {});
    let mut one = vec![0u8; dt.itemsize];
    value.encode(dt, &mut one);
    dst.layout()
        .for_each_offset(|o| bytes[o..o + one.len()].copy_from_slice(&one));
    ctx.check_interrupt()
}

/// `a.byteswap(inplace=True)`: reverses the bytes of every element in place (each half of a
/// complex number, each code point of a `U` string; bytes and bools are left alone).
pub fn byteswap_in_place(ctx: &Ctx, a: &NdArray) -> PyResult<()> {
    if !a.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let dt = a.dtype();
    let unit = match dt.kind {
        super::Kind::Complex => dt.itemsize / 2,
        super::Kind::Str => 4,
        super::Kind::Bytes | super::Kind::Bool => 1,
        _ => dt.itemsize,
    };
    if unit <= 1 {
        return Ok(());
    }
    let mut bytes = a.buffer().bytes_mut()?;
    // an element reached twice (as_strided overlap) is swapped twice, as NumPy's loop does
    a.layout().for_each_offset(|o| {
        for part in bytes[o..o + dt.itemsize].chunks_exact_mut(unit) {
            part.reverse();
        }
    });
    ctx.check_interrupt()
}

/// `set_element` with NumPy's cast checks for float targets (`a[0] = 1e300` into float32
/// overflows; a Python float into an integer array goes through Python's `int()` instead).
pub fn store_element(ctx: &Ctx, dst: &NdArray, offset: usize, value: &Scalar) -> PyResult<()> {
    dispatch!(dst.dtype(), T => {
        if fpcheck::inexact::<T>() {
            fpcheck::cast_scalar(ctx, value, T::from_scalar(value));
        }
    }, _ => {});
    set_element(dst, offset, value)
}

/// Writes one element at a byte offset (integer-index assignment).
pub fn set_element(dst: &NdArray, offset: usize, value: &Scalar) -> PyResult<()> {
    if !dst.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let dt = dst.dtype();
    let mut bytes = dst.buffer().bytes_mut()?;
    value.encode(dt, &mut bytes[offset..offset + dt.itemsize]);
    Ok(())
}

#[cfg(test)]
mod tests;
