//! Comparisons of `S<n>` and `U<n>` arrays, element by element over their bytes (no decoding to
//! Python strings): NumPy pads the shorter string with NULs, so `'ab' == 'ab\0'`, and orders
//! bytes as unsigned and `U` strings by code point.

use std::cmp::Ordering;
use std::rc::Rc;

use super::ops::BinaryOp;
use super::{Ctx, broadcast_layout};
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::{DType, Kind};
use crate::runtime::layout::{Layout, Order};

/// One element's code units: bytes for `S`, code points for `U` (byte order applied).
fn unit(dt: DType, elem: &[u8], i: usize) -> u32 {
    match dt.kind {
        Kind::Str => {
            let raw = [
                elem[4 * i],
                elem[4 * i + 1],
                elem[4 * i + 2],
                elem[4 * i + 3],
            ];
            if dt.big_endian {
                u32::from_be_bytes(raw)
            } else {
                u32::from_le_bytes(raw)
            }
        }
        _ => elem[i] as u32,
    }
}

fn units(dt: DType) -> usize {
    if dt.kind == Kind::Str {
        dt.itemsize / 4
    } else {
        dt.itemsize
    }
}

/// Compares two elements as NumPy's string comparison does: code unit by code unit, the shorter
/// one padded with zeros.
fn compare_elems(da: DType, a: &[u8], db: DType, b: &[u8]) -> Ordering {
    let (na, nb) = (units(da), units(db));
    for i in 0..na.max(nb) {
        let x = if i < na { unit(da, a, i) } else { 0 };
        let y = if i < nb { unit(db, b, i) } else { 0 };
        match x.cmp(&y) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    Ordering::Equal
}

/// `a <op> b` for two string arrays of the same kind, broadcast to `shape`: a new bool array.
pub fn compare(
    ctx: &Ctx,
    op: BinaryOp,
    a: &NdArray,
    b: &NdArray,
    shape: &[usize],
) -> PyResult<Rc<NdArray>> {
    let (da, db) = (a.dtype(), b.dtype());
    let bad = || PyError::broadcast_shapes(&[&a.shape(), &b.shape()]);
    let la = broadcast_layout(&a.layout(), shape).ok_or_else(bad)?;
    let lb = broadcast_layout(&b.layout(), shape).ok_or_else(bad)?;
    let out = NdArray::zeros(ctx, shape, DType::BOOL, Order::C)?;
    {
        let ab = a.buffer().bytes()?;
        let bb = b.buffer().bytes()?;
        let mut ob = out.buffer().bytes_mut()?;
        let offs_b = offsets(&lb);
        let mut k = 0;
        la.for_each_offset(|o| {
            let ea = &ab[o..o + da.itemsize];
            let p = offs_b[k];
            let eb = &bb[p..p + db.itemsize];
            let ord = compare_elems(da, ea, db, eb);
            let r = match op {
                BinaryOp::Eq => ord == Ordering::Equal,
                BinaryOp::Ne => ord != Ordering::Equal,
                BinaryOp::Lt => ord == Ordering::Less,
                BinaryOp::Le => ord != Ordering::Greater,
                BinaryOp::Gt => ord == Ordering::Greater,
                _ => ord != Ordering::Less,
            };
            ob[k] = r as u8;
            k += 1;
        });
    }
    ctx.check_interrupt()?;
    Ok(out)
}

/// NumPy 2's `np.add` for two `S` or two `U` arrays: each pair of strings joined (trailing NULs
/// of the left one dropped), in a dtype as long as both together (`U2 + U2 -> U4`).
pub fn concat(ctx: &Ctx, a: &NdArray, b: &NdArray) -> PyResult<Rc<NdArray>> {
    let (da, db) = (a.dtype(), b.dtype());
    let shape = super::broadcast_shapes(&[&a.shape(), &b.shape()])?;
    let bad = || PyError::broadcast_shapes(&[&a.shape(), &b.shape()]);
    let la = broadcast_layout(&a.layout(), &shape).ok_or_else(bad)?;
    let lb = broadcast_layout(&b.layout(), &shape).ok_or_else(bad)?;
    let width = if da.kind == Kind::Str { 4 } else { 1 };
    let dt = DType {
        itemsize: da.itemsize + db.itemsize,
        ..da.to_native()
    };
    let out = NdArray::zeros(ctx, &shape, dt, Order::C)?;
    {
        let ab = a.buffer().bytes()?;
        let bb = b.buffer().bytes()?;
        let mut ob = out.buffer().bytes_mut()?;
        let offs_b = offsets(&lb);
        let mut k = 0;
        la.for_each_offset(|o| {
            let dst = &mut ob[k * dt.itemsize..(k + 1) * dt.itemsize];
            let mut n = 0;
            for (elem, d) in [
                (&ab[o..o + da.itemsize], da),
                (&bb[offs_b[k]..offs_b[k] + db.itemsize], db),
            ] {
                let len = (0..units(d))
                    .rposition(|i| unit(d, elem, i) != 0)
                    .map_or(0, |p| p + 1);
                for i in 0..len {
                    let u = unit(d, elem, i);
                    if width == 4 {
                        dst[n..n + 4].copy_from_slice(&u.to_le_bytes());
                    } else {
                        dst[n] = u as u8;
                    }
                    n += width;
                }
            }
            k += 1;
        });
    }
    ctx.check_interrupt()?;
    Ok(out)
}

/// `argmin`/`argmax` of a string array along `axis` (or over the C-ordered whole): the first
/// smallest/largest string, compared as NumPy compares strings.
pub fn arg_extreme(
    ctx: &Ctx,
    a: &NdArray,
    axis: Option<usize>,
    is_min: bool,
) -> PyResult<Rc<NdArray>> {
    let dt = a.dtype();
    let offs = offsets(&a.layout());
    let bytes = a.buffer().bytes()?;
    let elem = |k: usize| &bytes[offs[k]..offs[k] + dt.itemsize];
    let shape = a.shape().to_vec();
    let (lane_len, lane_stride, out_shape): (usize, usize, Vec<usize>) = match axis {
        None => (offs.len(), 1, vec![]),
        Some(ax) => {
            let inner: usize = shape[ax + 1..].iter().product();
            let mut out = shape.clone();
            out.remove(ax);
            (shape[ax], inner, out)
        }
    };
    if lane_len == 0 {
        return Err(PyError::arg_of_empty_sequence(is_min));
    }
    let result = NdArray::zeros(ctx, &out_shape, DType::INT64, Order::C)?;
    {
        let mut rb = result.buffer().bytes_mut()?;
        let n_out = result.size();
        let inner = lane_stride;
        for j in 0..n_out {
            // C-ordered position of the lane's first element
            let start = (j / inner) * inner * lane_len + j % inner;
            let mut best = 0;
            for i in 1..lane_len {
                let ord =
                    compare_elems(dt, elem(start + i * inner), dt, elem(start + best * inner));
                let better = if is_min {
                    ord == Ordering::Less
                } else {
                    ord == Ordering::Greater
                };
                if better {
                    best = i;
                }
            }
            rb[8 * j..8 * j + 8].copy_from_slice(&(best as i64).to_le_bytes());
        }
    }
    ctx.check_interrupt()?;
    Ok(result)
}

fn offsets(layout: &Layout) -> Vec<usize> {
    let mut v = Vec::with_capacity(layout.len());
    layout.for_each_offset(|o| v.push(o));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_compare_padded_with_nuls() {
        let s = |n| DType::bytes(n);
        // (left, right, expected, why)
        let cases: [(&[u8], &[u8], Ordering, &str); 5] = [
            (
                b"ab",
                b"ab\0",
                Ordering::Equal,
                "trailing NULs do not count",
            ),
            (
                b"ab",
                b"abc",
                Ordering::Less,
                "control: a real extra char does",
            ),
            (b"b\0", b"ab", Ordering::Greater, "first difference decides"),
            (b"\xff", b"a", Ordering::Greater, "bytes are unsigned"),
            (b"", b"", Ordering::Equal, "empty strings"),
        ];
        for (x, y, want, why) in cases {
            assert_eq!(compare_elems(s(x.len()), x, s(y.len()), y), want, "{why}");
        }
    }

    #[test]
    fn unicode_compares_code_points_in_either_byte_order() {
        let le = DType::unicode(1);
        let be = le.with_big_endian(true);
        let a = 0x00e9u32.to_le_bytes(); // 'é'
        let b = 0x00e9u32.to_be_bytes();
        assert_eq!(compare_elems(le, &a, be, &b), Ordering::Equal);
        assert_eq!(
            compare_elems(le, &a, le, &b),
            Ordering::Less,
            "control: read with the wrong order it is a different code point"
        );
    }
}
