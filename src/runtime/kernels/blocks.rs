//! Work in bounded blocks: casts and casting reductions go through an array a block at a time
//! (NumPy's buffered iteration), so no kernel makes a whole-array temporary, and Ctrl-C is
//! polled between blocks.

use super::Ctx;
use crate::error::PyResult;
use crate::runtime::layout::Layout;

/// Elements per block: eight of NumPy's 8192-element ufunc buffers.
pub(super) const BLOCK_ELEMS: usize = 8 * 8192;

/// A block of an array: `(start, len)` along each axis.
pub(super) type Block = [(usize, usize)];

/// Calls `f` with each block of at most `max` elements of an array of `shape`, in C order. An
/// axis is cut only when everything inside it does not fit, and then at multiples of what
/// fits, so with `max` a multiple of 8192 a long innermost axis is cut at NumPy's buffer
/// boundaries. An empty array has no blocks; a 0-d one has one.
pub(super) fn for_each_block(
    ctx: &Ctx,
    shape: &[usize],
    max: usize,
    f: &mut dyn FnMut(&Block) -> PyResult<()>,
) -> PyResult<()> {
    if shape.contains(&0) {
        return Ok(());
    }
    let mut block: Vec<(usize, usize)> = shape.iter().map(|&n| (0, n)).collect();
    split(ctx, shape, 0, max.max(1), &mut block, f)
}

fn split(
    ctx: &Ctx,
    shape: &[usize],
    axis: usize,
    max: usize,
    block: &mut Vec<(usize, usize)>,
    f: &mut dyn FnMut(&Block) -> PyResult<()>,
) -> PyResult<()> {
    // a non-empty array's element count fits in usize (its bytes fit in isize)
    let rest = shape[axis..]
        .iter()
        .try_fold(1usize, |acc, &n| acc.checked_mul(n));
    if axis == shape.len() || rest.is_some_and(|r| r <= max) {
        ctx.check_interrupt()?;
        return f(block);
    }
    let n = shape[axis];
    let inner = shape[axis + 1..]
        .iter()
        .try_fold(1usize, |acc, &n| acc.checked_mul(n));
    match inner {
        Some(inner) if inner <= max => {
            let step = max / inner;
            let mut start = 0;
            while start < n {
                let end = (start + step).min(n);
                block[axis] = (start, end - start);
                ctx.check_interrupt()?;
                f(block)?;
                start = end;
            }
        }
        _ => {
            for i in 0..n {
                block[axis] = (i, 1);
                split(ctx, shape, axis + 1, max, block, f)?;
            }
        }
    }
    block[axis] = (0, n);
    Ok(())
}

/// The part of `layout` that `block` covers.
pub(super) fn sub_layout(layout: &Layout, block: &Block) -> Layout {
    let mut out = layout.clone();
    for (ax, &(start, len)) in block.iter().enumerate() {
        out.offset_bytes += start as isize * layout.strides[ax];
        out.shape[ax] = len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(shape: &[usize], max: usize) -> Vec<Vec<(usize, usize)>> {
        let ctx = Ctx::for_tests();
        let mut out = Vec::new();
        for_each_block(&ctx, shape, max, &mut |b| {
            out.push(b.to_vec());
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn blocks_cover_the_array_in_c_order_within_the_limit() {
        // (shape, max, blocks, why)
        type Case = (
            &'static [usize],
            usize,
            &'static [&'static [(usize, usize)]],
            &'static str,
        );
        let cases: &[Case] = &[
            (&[5], 8, &[&[(0, 5)]], "fits whole"),
            (
                &[10],
                4,
                &[&[(0, 4)], &[(4, 4)], &[(8, 2)]],
                "1-d cut at multiples of max",
            ),
            (
                &[3, 2],
                4,
                &[&[(0, 2), (0, 2)], &[(2, 1), (0, 2)]],
                "whole rows per block",
            ),
            (
                &[2, 6],
                4,
                &[
                    &[(0, 1), (0, 4)],
                    &[(0, 1), (4, 2)],
                    &[(1, 1), (0, 4)],
                    &[(1, 1), (4, 2)],
                ],
                "rows too long: each row cut",
            ),
            (&[], 4, &[&[]], "0-d: one block"),
            (&[3, 0], 4, &[], "empty: no block"),
        ];
        for (shape, max, want, why) in cases {
            let got = blocks(shape, *max);
            let want: Vec<Vec<(usize, usize)>> = want.iter().map(|b| b.to_vec()).collect();
            assert_eq!(got, want, "{why}");
            for b in &got {
                assert!(
                    b.iter().map(|&(_, n)| n).product::<usize>() <= *max,
                    "{why}"
                );
            }
        }
    }

    #[test]
    fn sub_layouts_start_at_the_block() {
        let l = Layout::contiguous(&[3, 4], 8, crate::runtime::layout::Order::C);
        let s = sub_layout(&l, &[(1, 2), (2, 2)]);
        assert_eq!((s.shape.clone(), s.offset_bytes), (vec![2, 2], 32 + 16));
        assert_eq!(s.strides, l.strides);
    }
}
