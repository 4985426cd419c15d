//! Sorting and counting: `sort`/`argsort` (NumPy's order, NaNs last, its tie order where it
//! is NumPy's own algorithm), `lexsort`, `searchsorted`, `unique`, `partition`, and the
//! counting functions. Typed loops over one axis at a time; never a boxed value per element.

pub mod counting;
pub mod order;
pub mod unique;

mod introsort;
mod radix;
mod search;
mod select;

use std::rc::Rc;

use self::order::NpOrd;
use super::Ctx;
use super::array::NdArray;
use super::dtype::{DType, Kind};
use super::kernels::{self, elem::dispatch};
use super::layout::{Layout, Order};
use crate::error::PyResult;

/// NumPy's `kind=`: `quicksort` (its default; NumPy 2.4 maps `heapsort` here too, its
/// `_NPY_SORT_HEAPSORT` bit is cleared) or `stable`/`mergesort`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKind {
    Quick,
    Stable,
}

/// The 1-d runs along one axis: each run's first element, its length and its byte stride.
pub struct Lanes {
    pub starts: Vec<usize>,
    pub len: usize,
    pub stride: isize,
}

impl Lanes {
    /// The runs of `layout` along `axis`, in C order of the other axes.
    pub fn of(layout: &Layout, axis: usize) -> Lanes {
        let mut rest = layout.clone();
        let len = rest.shape.remove(axis);
        let stride = rest.strides.remove(axis);
        let mut starts = Vec::new();
        if len > 0 {
            rest.for_each_offset(|o| starts.push(o));
        }
        Lanes {
            starts,
            len,
            stride,
        }
    }

    fn offsets(&self, start: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (start as isize + i as isize * self.stride) as usize)
    }
}

fn read<T: bytemuck::Pod>(bytes: &[u8], o: usize) -> T {
    bytemuck::pod_read_unaligned(&bytes[o..o + std::mem::size_of::<T>()])
}

fn write<T: bytemuck::Pod>(bytes: &mut [u8], o: usize, v: T) {
    bytes[o..o + std::mem::size_of::<T>()].copy_from_slice(bytemuck::bytes_of(&v));
}

/// A copy in native byte order, or `None` when the array is already native.
fn native_copy(ctx: &Ctx, a: &NdArray) -> PyResult<Option<Rc<NdArray>>> {
    let dt = a.dtype();
    if dt.is_native() {
        return Ok(None);
    }
    Ok(Some(kernels::cast_array(ctx, a, dt.to_native(), Order::C)?))
}

/// Sorts one lane's values in place, NumPy's order (the result does not depend on the kind).
fn sort_values<T: NpOrd>(v: &mut [T]) {
    if T::KEY_BYTES > 0 {
        let mut keys: Vec<u64> = v.iter().map(|x| x.key()).collect();
        radix::sort_keys(&mut keys, T::KEY_BYTES);
        v.iter_mut()
            .zip(keys)
            .for_each(|(x, k)| *x = T::from_key(k));
    } else {
        v.sort_by(|&a, &b| cmp_by(T::np_lt, a, b));
    }
}

fn cmp_by<T: Copy>(lt: impl Fn(T, T) -> bool, a: T, b: T) -> std::cmp::Ordering {
    if lt(a, b) {
        std::cmp::Ordering::Less
    } else if lt(b, a) {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

/// Whether NumPy 2.4 on x86-64 with AVX-512 hands `argsort(kind='quicksort')` of this type to
/// x86-simd-sort (32- and 64-bit integers and floats), whose tie order arrsh does not
/// reproduce: there arrsh gives the stable order (equal values by index).
fn simd_argsort_type(dt: DType) -> bool {
    matches!(dt.kind, Kind::Int | Kind::UInt | Kind::Float) && matches!(dt.itemsize, 4 | 8)
}

/// The order of one lane's values under `kind`.
fn argsort_values<T: NpOrd>(v: &[T], kind: SortKind) -> Vec<usize> {
    let stable =
        kind == SortKind::Stable || (kind == SortKind::Quick && simd_argsort_type(T::DTYPE));
    if stable {
        if T::KEY_BYTES > 0 {
            let keys: Vec<u64> = v.iter().map(|x| x.key()).collect();
            return radix::argsort_keys(&keys, T::KEY_BYTES);
        }
        let mut idx: Vec<usize> = (0..v.len()).collect();
        idx.sort_by(|&a, &b| cmp_by(T::np_lt, v[a], v[b]));
        return idx;
    }
    let mut idx: Vec<usize> = (0..v.len()).collect();
    introsort::aquicksort(v, &mut idx, &T::np_lt);
    idx
}

/// The elements of a flexible (S/U) lane as byte blocks.
fn text_lane<'a>(bytes: &'a [u8], lanes: &Lanes, start: usize, itemsize: usize) -> Vec<&'a [u8]> {
    lanes
        .offsets(start)
        .map(|o| &bytes[o..o + itemsize])
        .collect()
}

/// NumPy's `STRING_LT` (unsigned bytes) and `UNICODE_LT` (code points) over whole elements.
fn text_lt(kind: Kind) -> impl Fn(&[u8], &[u8]) -> bool {
    move |a: &[u8], b: &[u8]| {
        if kind == Kind::Str {
            let cp = |s: &[u8]| -> Vec<u32> {
                s.chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect()
            };
            cp(a) < cp(b)
        } else {
            a < b
        }
    }
}

/// `a.sort(axis, kind)`: sorts every lane along `axis` in place. Sorted values are the same
/// whatever the kind, so it only matters to `argsort`.
pub fn sort_in_place(ctx: &Ctx, a: &NdArray, axis: usize, _kind: SortKind) -> PyResult<()> {
    if !a.is_writeable() {
        return Err(crate::error::PyError::read_only_destination());
    }
    if let Some(native) = native_copy(ctx, a)? {
        sort_in_place(ctx, &native, axis, _kind)?;
        return kernels::assign(ctx, a, &native);
    }
    let lanes = Lanes::of(&a.layout(), axis);
    let dt = a.dtype();
    let mut bytes = a.buffer().bytes_mut()?;
    dispatch!(dt, T => {
        let mut v: Vec<T> = Vec::with_capacity(lanes.len);
        for &s in &lanes.starts {
            ctx.check_interrupt()?;
            v.clear();
            v.extend(lanes.offsets(s).map(|o| read::<T>(&bytes, o)));
            sort_values(&mut v);
            for (o, x) in lanes.offsets(s).zip(v.iter()) {
                write(&mut bytes, o, *x);
            }
        }
    }, _ => {
        let isz = dt.itemsize;
        let lt = text_lt(dt.kind);
        for &s in &lanes.starts {
            ctx.check_interrupt()?;
            let lane: Vec<Vec<u8>> = text_lane(&bytes, &lanes, s, isz).into_iter().map(|x| x.to_vec()).collect();
            let mut idx: Vec<usize> = (0..lane.len()).collect();
            idx.sort_by(|&x, &y| cmp_by(&lt, lane[x].as_slice(), lane[y].as_slice()));
            for (o, &i) in lanes.offsets(s).zip(&idx) {
                bytes[o..o + isz].copy_from_slice(&lane[i]);
            }
        }
    });
    Ok(())
}

/// `np.argsort(a, axis, kind)`: an int64 array of `a`'s shape holding each lane's order.
pub fn argsort(ctx: &Ctx, a: &NdArray, axis: usize, kind: SortKind) -> PyResult<Rc<NdArray>> {
    if let Some(native) = native_copy(ctx, a)? {
        return argsort(ctx, &native, axis, kind);
    }
    let out = NdArray::zeros(ctx, &a.shape(), DType::INT64, Order::C)?;
    let lanes = Lanes::of(&a.layout(), axis);
    let out_lanes = Lanes::of(&out.layout(), axis);
    let dt = a.dtype();
    let bytes = a.buffer().bytes()?;
    let mut ob = out.buffer().bytes_mut()?;
    let mut put = |k: usize, order: Vec<usize>| {
        for (o, i) in out_lanes.offsets(out_lanes.starts[k]).zip(order) {
            write(&mut ob, o, i as i64);
        }
    };
    dispatch!(dt, T => {
        for (k, &s) in lanes.starts.iter().enumerate() {
            ctx.check_interrupt()?;
            let v: Vec<T> = lanes.offsets(s).map(|o| read::<T>(&bytes, o)).collect();
            put(k, argsort_values(&v, kind));
        }
    }, _ => {
        let lt = text_lt(dt.kind);
        for (k, &s) in lanes.starts.iter().enumerate() {
            ctx.check_interrupt()?;
            let lane = text_lane(&bytes, &lanes, s, dt.itemsize);
            let mut idx: Vec<usize> = (0..lane.len()).collect();
            match kind {
                SortKind::Stable => idx.sort_by(|&x, &y| cmp_by(&lt, lane[x], lane[y])),
                SortKind::Quick => introsort::aquicksort(&lane, &mut idx, &lt),
            }
            put(k, idx);
        }
    });
    drop(ob);
    Ok(out)
}

/// NumPy's kth checks (`partition_prep_kth_array`): negative values count from the end, each
/// must be inside the axis, and they are used in sorted order.
pub fn normalize_kths(kth: &[i64], n: usize) -> PyResult<Vec<usize>> {
    let mut out = Vec::with_capacity(kth.len());
    for &k in kth {
        let kk = if k < 0 { k + n as i64 } else { k };
        if kk < 0 || kk >= n as i64 {
            return Err(crate::error::PyError::kth_out_of_bounds(kk, n));
        }
        out.push(kk as usize);
    }
    out.sort_unstable();
    Ok(out)
}

/// Whether NumPy calls this type inexact in `introselect_` (a float or complex C type).
fn inexact(dt: DType) -> bool {
    matches!(dt.kind, Kind::Float | Kind::Complex) && dt.itemsize != 2
}

/// The order NumPy's introselect leaves one lane in, for sorted `kths`.
fn select_order<T: NpOrd>(v: &[T], kths: &[usize]) -> Vec<usize> {
    let mut t: Vec<usize> = (0..v.len()).collect();
    if !v.is_empty() {
        select::argselect(v, &mut t, kths, inexact(T::DTYPE), &T::np_lt);
    }
    t
}

/// `a.partition(kth, axis)` in place. The element at each kth is the one a full sort would put
/// there, smaller ones before it and larger after (NumPy's introselect; see `argpartition`
/// for where the order of the others differs from NumPy's).
pub fn partition_in_place(ctx: &Ctx, a: &NdArray, axis: usize, kths: &[usize]) -> PyResult<()> {
    if !a.is_writeable() {
        return Err(crate::error::PyError::read_only_destination());
    }
    if let Some(native) = native_copy(ctx, a)? {
        partition_in_place(ctx, &native, axis, kths)?;
        return kernels::assign(ctx, a, &native);
    }
    let lanes = Lanes::of(&a.layout(), axis);
    let dt = a.dtype();
    let mut bytes = a.buffer().bytes_mut()?;
    dispatch!(dt, T => {
        for &s in &lanes.starts {
            ctx.check_interrupt()?;
            let v: Vec<T> = lanes.offsets(s).map(|o| read::<T>(&bytes, o)).collect();
            let t = select_order(&v, kths);
            for (o, i) in lanes.offsets(s).zip(t) {
                write(&mut bytes, o, v[i]);
            }
        }
    }, _ => {
        let isz = dt.itemsize;
        let lt = text_lt(dt.kind);
        for &s in &lanes.starts {
            let lane: Vec<Vec<u8>> = text_lane(&bytes, &lanes, s, isz).into_iter().map(|x| x.to_vec()).collect();
            let refs: Vec<&[u8]> = lane.iter().map(|x| x.as_slice()).collect();
            let mut t: Vec<usize> = (0..lane.len()).collect();
            select::argselect(&refs, &mut t, kths, false, &lt);
            for (o, i) in lanes.offsets(s).zip(t) {
                bytes[o..o + isz].copy_from_slice(&lane[i]);
            }
        }
    });
    Ok(())
}

/// `np.argpartition(a, kth, axis)`: int64 indices of `a`'s shape. NumPy 2.4 on AVX-512
/// machines hands a single kth of 32/64-bit numbers to x86-simd-sort, which arranges the
/// elements other than the kth differently; everything else is NumPy's introselect, step for
/// step.
pub fn argpartition(ctx: &Ctx, a: &NdArray, axis: usize, kths: &[usize]) -> PyResult<Rc<NdArray>> {
    if let Some(native) = native_copy(ctx, a)? {
        return argpartition(ctx, &native, axis, kths);
    }
    let out = NdArray::zeros(ctx, &a.shape(), DType::INT64, Order::C)?;
    let lanes = Lanes::of(&a.layout(), axis);
    let out_lanes = Lanes::of(&out.layout(), axis);
    let dt = a.dtype();
    let bytes = a.buffer().bytes()?;
    let mut ob = out.buffer().bytes_mut()?;
    dispatch!(dt, T => {
        for (k, &s) in lanes.starts.iter().enumerate() {
            ctx.check_interrupt()?;
            let v: Vec<T> = lanes.offsets(s).map(|o| read::<T>(&bytes, o)).collect();
            for (o, i) in out_lanes.offsets(out_lanes.starts[k]).zip(select_order(&v, kths)) {
                write(&mut ob, o, i as i64);
            }
        }
    }, _ => {
        let lt = text_lt(dt.kind);
        for (k, &s) in lanes.starts.iter().enumerate() {
            let lane = text_lane(&bytes, &lanes, s, dt.itemsize);
            let mut t: Vec<usize> = (0..lane.len()).collect();
            select::argselect(&lane, &mut t, kths, false, &lt);
            for (o, i) in out_lanes.offsets(out_lanes.starts[k]).zip(t) {
                write(&mut ob, o, i as i64);
            }
        }
    });
    drop(ob);
    Ok(out)
}

/// `np.searchsorted(a, v, side, sorter)`: `a` 1-d and `v` of the same dtype (the caller casts
/// both to their common type, as NumPy does); int64 indices of `v`'s shape.
pub fn searchsorted(
    ctx: &Ctx,
    a: &NdArray,
    v: &NdArray,
    right: bool,
    sorter: Option<&[i64]>,
) -> PyResult<Rc<NdArray>> {
    let a = match native_copy(ctx, a)? {
        Some(n) => n,
        None => kernels::copy_array(ctx, a, Order::C)?,
    };
    let v = match native_copy(ctx, v)? {
        Some(n) => n,
        None => kernels::copy_array(ctx, v, Order::C)?,
    };
    let n = a.size();
    if let Some(s) = sorter
        && s.iter().any(|&i| i < 0 || i as usize >= n)
    {
        return Err(crate::error::PyError::sorter_out_of_range());
    }
    let out = NdArray::zeros(ctx, &v.shape(), DType::INT64, Order::C)?;
    let dt = a.dtype();
    let ab = a.buffer().bytes()?;
    let vb = v.buffer().bytes()?;
    let mut res = vec![0i64; v.size()];
    dispatch!(dt, T => {
        let av: &[T] = bytemuck::cast_slice(&ab[..n * dt.itemsize]);
        let keys: &[T] = bytemuck::cast_slice(&vb[..v.size() * dt.itemsize]);
        match sorter {
            None => search::binsearch(n, |i| av[i], keys, right, T::np_lt, &mut res),
            Some(s) => search::binsearch(n, |i| av[s[i] as usize], keys, right, T::np_lt, &mut res),
        }
    }, _ => {
        let isz = dt.itemsize;
        let lt = text_lt(dt.kind);
        let av: Vec<&[u8]> = ab[..n * isz].chunks_exact(isz).collect();
        let keys: Vec<&[u8]> = vb[..v.size() * isz].chunks_exact(isz.max(1)).collect();
        match sorter {
            None => search::binsearch(n, |i| av[i], &keys, right, &lt, &mut res),
            Some(s) => search::binsearch(n, |i| av[s[i] as usize], &keys, right, &lt, &mut res),
        }
    });
    out.buffer().bytes_mut()?[..res.len() * 8].copy_from_slice(bytemuck::cast_slice(&res));
    Ok(out)
}

/// `np.lexsort(keys)` for 1-d keys of one length: the stable order sorting by the last key,
/// then the one before, and so on.
pub fn lexsort(ctx: &Ctx, keys: &[Rc<NdArray>]) -> PyResult<Rc<NdArray>> {
    let n = keys.first().map_or(0, |k| k.size());
    let mut idx: Vec<usize> = (0..n).collect();
    for key in keys {
        let key = match native_copy(ctx, key)? {
            Some(k) => k,
            None => key.clone(),
        };
        let bytes = key.buffer().bytes()?;
        let dt = key.dtype();
        dispatch!(dt, T => {
            let mut v: Vec<T> = Vec::with_capacity(n);
            key.layout().for_each_offset(|o| v.push(read::<T>(&bytes, o)));
            let permuted: Vec<T> = idx.iter().map(|&i| v[i]).collect();
            let order = argsort_values(&permuted, SortKind::Stable);
            idx = order.into_iter().map(|j| idx[j]).collect();
        }, _ => {
            let isz = dt.itemsize;
            let lt = text_lt(dt.kind);
            let mut v: Vec<&[u8]> = Vec::with_capacity(n);
            key.layout().for_each_offset(|o| v.push(&bytes[o..o + isz]));
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|&x, &y| cmp_by(&lt, v[idx[x]], v[idx[y]]));
            idx = order.into_iter().map(|j| idx[j]).collect();
        });
    }
    let out = NdArray::zeros(ctx, &[n], DType::INT64, Order::C)?;
    {
        let mut ob = out.buffer().bytes_mut()?;
        for (c, &i) in ob.chunks_exact_mut(8).zip(&idx) {
            c.copy_from_slice(&(i as i64).to_le_bytes());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
#[rustfmt::skip]
mod testdata;
