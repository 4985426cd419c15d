//! `np.unique` as NumPy 2.4's `_unique1d` computes it: sort (a stable index sort when
//! indices are wanted), mark where the value changes, collapse NaNs into one when
//! `equal_nan`, and read values, first indices, the inverse and the counts off the marks.
//! With `axis`, whole sub-arrays compare field by field as NumPy's structured view does.

use std::rc::Rc;

use super::order::NpOrd;
use super::{cmp_by, radix, read};
use crate::error::PyResult;
use crate::runtime::Ctx;
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::kernels::elem::{C64, C128, F16, dispatch};
use crate::runtime::layout::Order;

/// What the caller asked for besides the values.
#[derive(Clone, Copy, Debug, Default)]
pub struct UniqueWants {
    pub index: bool,
    pub inverse: bool,
    pub counts: bool,
    pub equal_nan: bool,
}

/// The arrays `np.unique` returns (those not asked for are `None`).
pub struct UniqueResult {
    pub values: Rc<NdArray>,
    pub index: Option<Rc<NdArray>>,
    pub inverse: Option<Rc<NdArray>>,
    pub counts: Option<Rc<NdArray>>,
}

/// NaN test per element type (complex: either part).
pub trait MaybeNan: Copy {
    fn is_nan_value(self) -> bool {
        false
    }
}
macro_rules! never_nan {
    ($($t:ty),*) => { $(impl MaybeNan for $t {})* };
}
never_nan!(
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    crate::runtime::kernels::elem::Bool8
);
impl MaybeNan for f32 {
    fn is_nan_value(self) -> bool {
        self.is_nan()
    }
}
impl MaybeNan for f64 {
    fn is_nan_value(self) -> bool {
        self.is_nan()
    }
}
impl MaybeNan for F16 {
    fn is_nan_value(self) -> bool {
        self.to_f32().is_nan()
    }
}
impl MaybeNan for C64 {
    fn is_nan_value(self) -> bool {
        self.has_nan()
    }
}
impl MaybeNan for C128 {
    fn is_nan_value(self) -> bool {
        self.has_nan()
    }
}

/// The marks of `_unique1d`: where a sorted run starts, with NumPy's NaN collapse.
fn change_marks<T: Copy>(
    aux: &[T],
    ne: impl Fn(T, T) -> bool,
    first_nan: Option<usize>,
) -> Vec<bool> {
    let n = aux.len();
    let mut mask = vec![false; n];
    if n == 0 {
        return mask;
    }
    mask[0] = true;
    let end = first_nan.unwrap_or(n);
    for i in 1..end {
        mask[i] = ne(aux[i], aux[i - 1]);
    }
    if let Some(f) = first_nan {
        mask[f] = true;
    }
    mask
}

/// One pass over sorted data: the order that sorts it, the marks, and the caller's arrays.
struct Marks {
    perm: Vec<usize>,
    mask: Vec<bool>,
}

fn marks_1d<T: NpOrd + MaybeNan>(ar: &[T], equal_nan: bool) -> Marks {
    let perm = if T::KEY_BYTES > 0 {
        let keys: Vec<u64> = ar.iter().map(|x| x.key()).collect();
        radix::argsort_keys(&keys, T::KEY_BYTES)
    } else {
        let mut idx: Vec<usize> = (0..ar.len()).collect();
        idx.sort_by(|&a, &b| cmp_by(T::np_lt, ar[a], ar[b]));
        idx
    };
    let aux: Vec<T> = perm.iter().map(|&i| ar[i]).collect();
    let first_nan = if equal_nan && aux.last().is_some_and(|x| x.is_nan_value()) {
        aux.iter().position(|x| x.is_nan_value())
    } else {
        None
    };
    let mask = change_marks(&aux, |a, b| a != b, first_nan);
    Marks { perm, mask }
}

/// First indices, inverse and counts, each when asked for.
type IndexArrays = (
    Option<Rc<NdArray>>,
    Option<Rc<NdArray>>,
    Option<Rc<NdArray>>,
);

/// A comparison of two sub-arrays' bytes.
type RowCmp = Box<dyn Fn(&[u8], &[u8]) -> bool>;

/// Index arrays from the marks: first indices, inverse (shaped by the caller) and counts.
fn index_arrays(
    ctx: &Ctx,
    m: &Marks,
    wants: UniqueWants,
    inverse_shape: &[usize],
) -> PyResult<IndexArrays> {
    let firsts: Vec<usize> = (0..m.mask.len()).filter(|&i| m.mask[i]).collect();
    let index = if wants.index {
        Some(int_array(
            ctx,
            &[firsts.len()],
            firsts.iter().map(|&i| m.perm[i] as i64),
        )?)
    } else {
        None
    };
    let inverse = if wants.inverse {
        let mut inv = vec![0i64; m.mask.len()];
        let mut group = -1i64;
        for (i, &p) in m.perm.iter().enumerate() {
            if m.mask[i] {
                group += 1;
            }
            inv[p] = group;
        }
        Some(int_array(ctx, inverse_shape, inv.into_iter())?)
    } else {
        None
    };
    let counts = if wants.counts {
        let n = m.mask.len();
        let c = firsts
            .iter()
            .enumerate()
            .map(|(k, &s)| (firsts.get(k + 1).copied().unwrap_or(n) - s) as i64);
        Some(int_array(ctx, &[firsts.len()], c)?)
    } else {
        None
    };
    Ok((index, inverse, counts))
}

fn int_array(ctx: &Ctx, shape: &[usize], vals: impl Iterator<Item = i64>) -> PyResult<Rc<NdArray>> {
    let a = NdArray::zeros(ctx, shape, DType::INT64, Order::C)?;
    {
        let mut b = a.buffer().bytes_mut()?;
        for (c, v) in b.chunks_exact_mut(8).zip(vals) {
            c.copy_from_slice(&v.to_le_bytes());
        }
    }
    Ok(a)
}

/// Flattened (C order) elements as byte blocks of `itemsize`.
fn flat_blocks(a: &NdArray) -> PyResult<Vec<Vec<u8>>> {
    let bytes = a.buffer().bytes()?;
    let isz = a.itemsize();
    let mut v = Vec::with_capacity(a.size());
    a.layout()
        .for_each_offset(|o| v.push(bytes[o..o + isz].to_vec()));
    Ok(v)
}

/// `np.unique(a, ...)` with `axis=None`: `a` flattened (native byte order, see the caller).
pub fn unique(ctx: &Ctx, a: &NdArray, wants: UniqueWants) -> PyResult<UniqueResult> {
    let dt = a.dtype();
    let n = a.size();
    let (values, marks) = dispatch!(dt, T => {
        let bytes = a.buffer().bytes()?;
        let mut ar: Vec<T> = Vec::with_capacity(n);
        a.layout().for_each_offset(|o| ar.push(read::<T>(&bytes, o)));
        drop(bytes);
        ctx.check_interrupt()?;
        let m = marks_1d(&ar, wants.equal_nan);
        let vals: Vec<T> = (0..n).filter(|&i| m.mask[i]).map(|i| ar[m.perm[i]]).collect();
        let out = NdArray::zeros(ctx, &[vals.len()], dt, Order::C)?;
        out.buffer().bytes_mut()?[..vals.len() * dt.itemsize].copy_from_slice(bytemuck::cast_slice(&vals));
        (out, m)
    }, _ => {
        // S and U: NumPy's byte / code point order, equality of whole elements
        let ar = flat_blocks(a)?;
        let lt = super::text_lt(dt.kind);
        let mut perm: Vec<usize> = (0..n).collect();
        perm.sort_by(|&x, &y| cmp_by(&lt, ar[x].as_slice(), ar[y].as_slice()));
        let aux: Vec<&[u8]> = perm.iter().map(|&i| ar[i].as_slice()).collect();
        let mask = change_marks(&aux, |x, y| x != y, None);
        let out_n = mask.iter().filter(|&&m| m).count();
        let out = NdArray::zeros(ctx, &[out_n], dt, Order::C)?;
        {
            let mut ob = out.buffer().bytes_mut()?;
            let isz = dt.itemsize;
            for (k, i) in (0..n).filter(|&i| mask[i]).enumerate() {
                ob[k * isz..(k + 1) * isz].copy_from_slice(aux[i]);
            }
        }
        (out, Marks { perm, mask })
    });
    let (index, inverse, counts) = index_arrays(ctx, &marks, wants, &a.shape())?;
    Ok(UniqueResult {
        values,
        index,
        inverse,
        counts,
    })
}

/// `np.unique(a, axis=axis)`: unique sub-arrays along `axis`, sorted lexicographically by
/// their elements in C order (NumPy's structured view of the moved axis). The values come back
/// with `axis` first (`(k, *other axes)`); the caller moves it into place as NumPy does.
pub fn unique_axis(
    ctx: &Ctx,
    a: &NdArray,
    axis: usize,
    wants: UniqueWants,
) -> PyResult<UniqueResult> {
    let dt = a.dtype();
    let layout = a.layout().clone();
    let n = layout.shape[axis];
    // each sub-array along `axis` as a Layout at its own offset
    let mut rest = layout.clone();
    rest.shape.remove(axis);
    let stride = rest.strides.remove(axis);
    let m: usize = rest.shape.iter().product();
    let bytes = a.buffer().bytes()?;
    let isz = dt.itemsize;
    let mut rows: Vec<Vec<u8>> = Vec::with_capacity(n);
    for i in 0..n {
        let mut sub = rest.clone();
        sub.offset_bytes = layout.offset_bytes + i as isize * stride;
        let mut row = Vec::with_capacity(m * isz);
        sub.for_each_offset(|o| row.extend_from_slice(&bytes[o..o + isz]));
        rows.push(row);
    }
    drop(bytes);
    let (lt_row, eq_row): (RowCmp, RowCmp) = dispatch!(dt, T => {
        let vals = move |r: &[u8]| -> Vec<T> { r.chunks_exact(isz).map(bytemuck::pod_read_unaligned::<T>).collect() };
        (
            Box::new(move |x: &[u8], y: &[u8]| {
                let (x, y) = (vals(x), vals(y));
                for (p, q) in x.iter().zip(&y) {
                    if T::np_lt(*p, *q) {
                        return true;
                    }
                    if T::np_lt(*q, *p) {
                        return false;
                    }
                }
                false
            }),
            Box::new(move |x: &[u8], y: &[u8]| vals(x) == vals(y)),
        )
    }, _ => {
        let lt = super::text_lt(dt.kind);
        (
            Box::new(move |x: &[u8], y: &[u8]| {
                for (p, q) in x.chunks_exact(isz).zip(y.chunks_exact(isz)) {
                    if lt(p, q) {
                        return true;
                    }
                    if lt(q, p) {
                        return false;
                    }
                }
                false
            }),
            Box::new(|x: &[u8], y: &[u8]| x == y),
        )
    });
    let mut perm: Vec<usize> = (0..n).collect();
    perm.sort_by(|&x, &y| {
        cmp_by(
            |p: &[u8], q: &[u8]| lt_row(p, q),
            rows[x].as_slice(),
            rows[y].as_slice(),
        )
    });
    let aux: Vec<&[u8]> = perm.iter().map(|&i| rows[i].as_slice()).collect();
    let mask = change_marks(&aux, |x, y| !eq_row(x, y), None);
    let k = mask.iter().filter(|&&b| b).count();
    let mut shape = vec![k];
    shape.extend_from_slice(&rest.shape);
    let out = NdArray::zeros(ctx, &shape, dt, Order::C)?;
    {
        let mut ob = out.buffer().bytes_mut()?;
        let row_bytes = m * isz;
        for (j, i) in (0..n).filter(|&i| mask[i]).enumerate() {
            ob[j * row_bytes..(j + 1) * row_bytes].copy_from_slice(aux[i]);
        }
    }
    let marks = Marks { perm, mask };
    let (index, inverse, counts) = index_arrays(ctx, &marks, wants, &[n])?;
    Ok(UniqueResult {
        values: out,
        index,
        inverse,
        counts,
    })
}
