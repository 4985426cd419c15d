//! Raw strided loops over pairs of layouts of one shape, for work that only moves whole
//! elements (a copy in the same dtype): axes are merged where both layouts allow it, and the
//! two innermost axes run as plain nested loops, so a long array of tiny rows (the trigram
//! window's `tri[:, ::2]`, shape (N, 2)) costs what NumPy's strided copy costs — no per-row
//! index arithmetic through `IxDyn`.

use super::Ctx;
use crate::error::PyResult;
use crate::runtime::layout::Layout;

/// Elements copied between two checks of the Ctrl-C flag.
const CHECK_EVERY: usize = 1 << 20;

/// The shape and the two layouts' byte strides after dropping length-1 axes and merging axes
/// that are contiguous with each other in both layouts; innermost axis last.
fn merged(src: &Layout, dst: &Layout) -> (Vec<usize>, Vec<isize>, Vec<isize>) {
    let mut shape: Vec<usize> = Vec::new();
    let mut ss: Vec<isize> = Vec::new();
    let mut ds: Vec<isize> = Vec::new();
    for ((&n, &s), &d) in src.shape.iter().zip(&src.strides).zip(&dst.strides) {
        if n == 1 {
            continue;
        }
        if let (Some(&pn), Some(&ps), Some(&pd)) = (shape.last(), ss.last(), ds.last())
            && ps == s * n as isize
            && pd == d * n as isize
        {
            let last = shape.len() - 1;
            shape[last] = pn * n;
            ss[last] = s;
            ds[last] = d;
            continue;
        }
        shape.push(n);
        ss.push(s);
        ds.push(d);
    }
    (shape, ss, ds)
}

/// Copies every element of `src` (over `sbytes`) to the same index of `dst` (over `dbytes`),
/// `itemsize` bytes each. Both layouts have the same shape and lie inside their buffers (the
/// array invariants); the destination does not overlap the source.
pub fn copy_elements(
    ctx: &Ctx,
    itemsize: usize,
    sbytes: &[u8],
    src: &Layout,
    dbytes: &mut [u8],
    dst: &Layout,
) -> PyResult<()> {
    debug_assert_eq!(src.shape, dst.shape);
    if src.is_empty() {
        return Ok(());
    }
    let (shape, ss, ds) = merged(src, dst);
    let (s0, d0) = (src.offset_bytes, dst.offset_bytes);
    if let ([n], [s], [d]) = (&shape[..], &ss[..], &ds[..])
        && *s == itemsize as isize
        && *d == itemsize as isize
    {
        // one contiguous run on both sides: memcpy in blocks
        let (s0, d0, total) = (s0 as usize, d0 as usize, n * itemsize);
        let mut done = 0;
        while done < total {
            ctx.check_interrupt()?;
            let k = (total - done).min(CHECK_EVERY * 8);
            dbytes[d0 + done..d0 + done + k].copy_from_slice(&sbytes[s0 + done..s0 + done + k]);
            done += k;
        }
        return Ok(());
    }
    match itemsize {
        1 => run::<1>(ctx, sbytes, dbytes, s0, d0, &shape, &ss, &ds),
        2 => run::<2>(ctx, sbytes, dbytes, s0, d0, &shape, &ss, &ds),
        4 => run::<4>(ctx, sbytes, dbytes, s0, d0, &shape, &ss, &ds),
        8 => run::<8>(ctx, sbytes, dbytes, s0, d0, &shape, &ss, &ds),
        16 => run::<16>(ctx, sbytes, dbytes, s0, d0, &shape, &ss, &ds),
        n => {
            let mut r = Ok(());
            odometer(ctx, s0, d0, &shape, &ss, &ds, &mut r, |so, dso| {
                let (so, dso) = (so as usize, dso as usize);
                dbytes[dso..dso + n].copy_from_slice(&sbytes[so..so + n]);
            });
            r
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn run<const N: usize>(
    ctx: &Ctx,
    sbytes: &[u8],
    dbytes: &mut [u8],
    s0: isize,
    d0: isize,
    shape: &[usize],
    ss: &[isize],
    ds: &[isize],
) -> PyResult<()> {
    let mut r = Ok(());
    odometer(ctx, s0, d0, shape, ss, ds, &mut r, |so, dso| {
        let (so, dso) = (so as usize, dso as usize);
        let v: [u8; N] = sbytes[so..so + N].try_into().unwrap_or([0; N]);
        dbytes[dso..dso + N].copy_from_slice(&v);
    });
    r
}

/// Calls `f(src_offset, dst_offset)` for every index in C order: the two innermost axes as
/// nested loops, the outer ones through an odometer, checking Ctrl-C between blocks.
#[allow(clippy::too_many_arguments)]
fn odometer(
    ctx: &Ctx,
    s0: isize,
    d0: isize,
    shape: &[usize],
    ss: &[isize],
    ds: &[isize],
    result: &mut PyResult<()>,
    mut f: impl FnMut(isize, isize),
) {
    let nd = shape.len();
    if nd == 0 {
        f(s0, d0);
        return;
    }
    let (n1, s1, t1) = (shape[nd - 1], ss[nd - 1], ds[nd - 1]);
    let (n2, s2, t2) = if nd >= 2 {
        (shape[nd - 2], ss[nd - 2], ds[nd - 2])
    } else {
        (1, 0, 0)
    };
    let outer = nd.saturating_sub(2);
    let mut idx = vec![0usize; outer];
    let (mut sb, mut db) = (s0, d0);
    let mut since_check = 0usize;
    loop {
        // one block: the two innermost axes, with a Ctrl-C check every CHECK_EVERY elements
        let (mut sr, mut dr) = (sb, db);
        for _ in 0..n2 {
            let (mut so, mut dso) = (sr, dr);
            let mut left = n1;
            if since_check + n1 < CHECK_EVERY {
                // the usual short row: no bookkeeping inside
                for _ in 0..n1 {
                    f(so, dso);
                    so += s1;
                    dso += t1;
                }
                since_check += n1;
                left = 0;
            }
            while left > 0 {
                let k = left.min(CHECK_EVERY - since_check);
                for _ in 0..k {
                    f(so, dso);
                    so += s1;
                    dso += t1;
                }
                left -= k;
                since_check += k;
                if since_check >= CHECK_EVERY {
                    since_check = 0;
                    if let Err(e) = ctx.check_interrupt() {
                        *result = Err(e);
                        return;
                    }
                }
            }
            sr += s2;
            dr += t2;
        }
        let mut ax = outer;
        loop {
            if ax == 0 {
                return;
            }
            ax -= 1;
            idx[ax] += 1;
            sb += ss[ax];
            db += ds[ax];
            if idx[ax] < shape[ax] {
                break;
            }
            sb -= ss[ax] * shape[ax] as isize;
            db -= ds[ax] * shape[ax] as isize;
            idx[ax] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(shape: &[usize], strides: &[isize], offset: isize) -> Layout {
        Layout {
            shape: shape.to_vec(),
            strides: strides.to_vec(),
            offset_bytes: offset,
        }
    }

    /// (shape, source strides, destination strides) and the merged shape.
    type MergeCase<'a> = (&'a [usize], &'a [isize], &'a [isize], &'a [usize]);

    #[test]
    fn axes_merge_only_where_both_layouts_are_contiguous() {
        let cases: &[MergeCase] = &[
            (&[2, 3, 4], &[96, 32, 8], &[96, 32, 8], &[24]),
            (&[2, 3, 4], &[96, 32, 8], &[8, 16, 48], &[2, 3, 4]),
            (&[4, 1, 5], &[40, 999, 8], &[40, 0, 8], &[20]),
            (&[10, 2], &[1, 2], &[2, 1], &[10, 2]),
            (&[3, 2], &[2, 1], &[2, 1], &[6]),
        ];
        for &(shape, s, d, want) in cases {
            let (got, _, _) = merged(&layout(shape, s, 0), &layout(shape, d, 0));
            assert_eq!(got, want, "{shape:?} {s:?} {d:?}");
        }
    }

    #[test]
    fn copies_every_element_to_its_index() {
        let ctx = Ctx::for_tests();
        // an overlapping window (as_strided) copied out with a step on the last axis
        let src: Vec<u8> = (0..20).collect();
        let s = layout(&[18, 2], &[1, 2], 0);
        let d = layout(&[18, 2], &[2, 1], 0);
        let mut out = vec![0u8; 36];
        copy_elements(&ctx, 1, &src, &s, &mut out, &d).unwrap();
        let want: Vec<u8> = (0..18).flat_map(|i| [i, i + 2]).collect();
        assert_eq!(out, want);
        // reversed 3-byte elements across three axes
        let src: Vec<u8> = (0..24 * 3).map(|x| x as u8).collect();
        let s = layout(&[2, 3, 4], &[-36, 12, 3], 36);
        let d = layout(&[2, 3, 4], &[36, 12, 3], 0);
        let mut out = vec![0u8; 72];
        copy_elements(&ctx, 3, &src, &s, &mut out, &d).unwrap();
        assert_eq!(&out[..36], &src[36..]);
        assert_eq!(&out[36..], &src[..36]);
    }
}
