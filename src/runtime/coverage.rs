//! Which bytes of a buffer a layout's elements cover, and how many elements share a byte: the
//! arithmetic behind the byte map (`%mem`) and the "elements share bytes" note. Visits only the
//! elements near a byte window, so a picture of a huge array costs what the picture shows.

use super::layout::Layout;

/// One element found in a window: its index (in the array's axis order), its first byte
/// (relative to the buffer start) and how many elements sit on exactly these bytes (axes with
/// stride 0 repeat an element without moving; they are counted, not visited).
pub struct Hit<'a> {
    pub index: &'a [usize],
    pub offset_bytes: i128,
    pub repeats: u128,
}

/// Visits every element whose bytes `[offset, offset + itemsize)` meet the byte window
/// `[lo, hi)`, at most `budget` of them; returns false when the budget ran out (the visit is
/// then incomplete). Axes are walked from the largest stride down, and at each level only the
/// indices whose sub-block can reach the window are tried.
pub fn visit_window(
    layout: &Layout,
    itemsize: usize,
    lo: i128,
    hi: i128,
    budget: usize,
    f: &mut dyn FnMut(Hit<'_>),
) -> bool {
    if layout.shape.contains(&0) || lo >= hi {
        return true;
    }
    let ndim = layout.shape.len();
    let mut repeats: u128 = 1;
    // axes that move: largest |stride| first; stride-0 axes only multiply
    let mut axes: Vec<usize> = Vec::new();
    for ax in 0..ndim {
        if layout.shape[ax] > 1 && layout.strides[ax] == 0 {
            repeats = repeats.saturating_mul(layout.shape[ax] as u128);
        } else if layout.shape[ax] > 1 {
            axes.push(ax);
        }
    }
    axes.sort_by_key(|&ax| std::cmp::Reverse(layout.strides[ax].unsigned_abs()));
    // inner[d] = the byte range [min, max) that axes d.. can reach from a base offset
    let mut inner = vec![(0i128, itemsize as i128); axes.len() + 1];
    for d in (0..axes.len()).rev() {
        let ax = axes[d];
        let span = (layout.shape[ax] as i128 - 1) * layout.strides[ax] as i128;
        let (a, b) = inner[d + 1];
        inner[d] = (a + span.min(0), b + span.max(0));
    }
    let mut index = vec![0usize; ndim];
    let mut left = budget;
    let mut walk = Walk {
        layout,
        axes: &axes,
        inner: &inner,
        lo,
        hi,
        repeats,
        index: &mut index,
        left: &mut left,
        f,
    };
    walk.visit(0, layout.offset_bytes as i128)
}

struct Walk<'a, 'f> {
    layout: &'a Layout,
    axes: &'a [usize],
    inner: &'a [(i128, i128)],
    lo: i128,
    hi: i128,
    repeats: u128,
    index: &'a mut Vec<usize>,
    left: &'a mut usize,
    f: &'f mut dyn FnMut(Hit<'_>),
}

impl Walk<'_, '_> {
    fn visit(&mut self, depth: usize, base: i128) -> bool {
        if depth == self.axes.len() {
            if *self.left == 0 {
                return false;
            }
            *self.left -= 1;
            (self.f)(Hit {
                index: self.index,
                offset_bytes: base,
                repeats: self.repeats,
            });
            return true;
        }
        let ax = self.axes[depth];
        let n = self.layout.shape[ax] as i128;
        let s = self.layout.strides[ax] as i128;
        let (ilo, ihi) = self.inner[depth + 1];
        // the sub-block at index i covers [base + i*s + ilo, base + i*s + ihi)
        let (first, last) = index_range(base, s, ilo, ihi, self.lo, self.hi, n);
        let mut i = first;
        while i <= last {
            self.index[ax] = i as usize;
            if !self.visit(depth + 1, base + i * s) {
                return false;
            }
            i += 1;
        }
        self.index[ax] = 0;
        true
    }
}

/// The indices `i` in `0..n` for which `[base + i*s + ilo, base + i*s + ihi)` meets `[lo, hi)`
/// (`s` is not 0); `first > last` when there are none.
fn index_range(
    base: i128,
    s: i128,
    ilo: i128,
    ihi: i128,
    lo: i128,
    hi: i128,
    n: i128,
) -> (i128, i128) {
    // need base + i*s + ihi > lo and base + i*s + ilo < hi
    let (mut first, mut last) = if s > 0 {
        (
            (lo - base - ihi).div_euclid(s) + 1,
            (hi - base - ilo - 1).div_euclid(s),
        )
    } else {
        let t = -s;
        // i*t < base + ihi - lo  and  i*t > base + ilo - hi
        (
            (base + ilo - hi).div_euclid(t) + 1,
            (base + ihi - lo - 1).div_euclid(t),
        )
    };
    first = first.max(0);
    last = last.min(n - 1);
    (first, last)
}

/// The largest number of elements that share one byte (1 when no two elements overlap), or
/// `None` when counting would visit more than `budget` elements. Counted exactly over the whole
/// extent.
pub fn max_per_byte(layout: &Layout, itemsize: usize, budget: usize) -> Option<u128> {
    let (lo, hi) = layout.byte_extent(itemsize)?;
    if itemsize == 0 {
        return Some(1);
    }
    if !may_overlap(layout, itemsize) {
        return Some(1);
    }
    let len = usize::try_from(hi - lo).ok().filter(|&n| n <= budget)?;
    // a difference array over the extent: +k where an element starts, -k where it ends
    let mut diff = vec![0i128; len + 1];
    let complete = visit_window(layout, itemsize, lo, hi, budget, &mut |h| {
        let start = (h.offset_bytes - lo) as usize;
        diff[start] += h.repeats as i128;
        diff[start + itemsize] -= h.repeats as i128;
    });
    if !complete {
        return None;
    }
    let mut run = 0i128;
    let mut best = 0i128;
    for d in diff {
        run += d;
        best = best.max(run);
    }
    Some(best.max(1) as u128)
}

/// False when the elements certainly have no byte in common: sorted by |stride|, each moving
/// axis steps past everything the smaller axes reach (NumPy's quick internal-overlap test).
/// True means they may overlap (a stride-0 axis of length > 1 always does).
pub fn may_overlap(layout: &Layout, itemsize: usize) -> bool {
    let mut axes: Vec<(usize, usize)> = Vec::new();
    for (&n, &s) in layout.shape.iter().zip(&layout.strides) {
        if n == 0 {
            return false;
        }
        if n > 1 {
            if s == 0 {
                return true;
            }
            axes.push((s.unsigned_abs(), n));
        }
    }
    axes.sort();
    let mut reach = itemsize as u128;
    for (s, n) in axes {
        if (s as u128) < reach {
            return true;
        }
        reach += s as u128 * (n as u128 - 1);
    }
    false
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

    fn hits(l: &Layout, itemsize: usize, lo: i128, hi: i128) -> Vec<(Vec<usize>, i128, u128)> {
        let mut out = Vec::new();
        assert!(visit_window(l, itemsize, lo, hi, 1 << 20, &mut |h| out
            .push((h.index.to_vec(), h.offset_bytes, h.repeats))));
        out.sort();
        out
    }

    #[test]
    fn a_window_finds_only_the_elements_that_reach_it() {
        // a[2:8:2] of int64: elements at bytes 16, 32, 48
        let v = layout(&[3], &[16], 16);
        assert_eq!(hits(&v, 8, 30, 40), vec![(vec![1], 32, 1)]);
        assert_eq!(
            hits(&v, 8, 24, 32),
            vec![],
            "control: the gap between elements"
        );
        assert_eq!(hits(&v, 8, 23, 33).len(), 2, "one byte of each neighbour");
    }

    #[test]
    fn negative_strides_run_backwards() {
        // a[::-1] of 4 int32: r[0] at byte 12, r[3] at byte 0
        let r = layout(&[4], &[-4], 12);
        assert_eq!(
            hits(&r, 4, 0, 16),
            vec![
                (vec![0], 12, 1),
                (vec![1], 8, 1),
                (vec![2], 4, 1),
                (vec![3], 0, 1)
            ]
        );
    }

    #[test]
    fn two_d_views_give_each_index_its_offset() {
        // a.reshape(3, 4)[:, 1:3] of int64: offset 8 + 32 i + 8 j
        let m = layout(&[3, 2], &[32, 8], 8);
        let h = hits(&m, 8, 0, 96);
        assert_eq!(h.len(), 6);
        assert!(h.contains(&(vec![2, 1], 80, 1)));
    }

    #[test]
    fn zero_strides_count_repeats_instead_of_visiting() {
        // broadcast_to(a, (1000, 3)) of int64
        let b = layout(&[1000, 3], &[0, 8], 0);
        let h = hits(&b, 8, 0, 24);
        assert_eq!(h.len(), 3);
        assert!(h.iter().all(|x| x.2 == 1000));
    }

    #[test]
    fn sliding_windows_share_bytes() {
        // as_strided(a, (8, 3), (1, 1)) over 10 bytes: three elements on each inner byte
        let t = layout(&[8, 3], &[1, 1], 0);
        assert!(may_overlap(&t, 1));
        assert_eq!(max_per_byte(&t, 1, 1 << 20), Some(3));
        let rows = layout(&[3, 3], &[3, 1], 0);
        assert!(!may_overlap(&rows, 1), "control: rows that do not overlap");
        assert_eq!(max_per_byte(&rows, 1, 1 << 20), Some(1));
        // int64 elements 4 bytes apart: two elements on each byte between the ends
        assert_eq!(max_per_byte(&layout(&[5], &[4], 0), 8, 1 << 20), Some(2));
        assert_eq!(
            max_per_byte(&layout(&[4, 3], &[0, 8], 0), 8, 1 << 20),
            Some(4)
        );
    }

    #[test]
    fn huge_layouts_are_visited_near_the_window_only() {
        // the seed's trigrams over 2**28 bytes: a window in the middle costs a few elements
        let t = layout(&[(1 << 28) - 2, 3], &[1, 1], 0);
        let mut n = 0;
        assert!(visit_window(
            &t,
            1,
            1 << 27,
            (1 << 27) + 4,
            100,
            &mut |_| n += 1
        ));
        assert_eq!(n, 4 * 3);
        assert_eq!(
            max_per_byte(&t, 1, 1 << 20),
            None,
            "too big to count exactly"
        );
    }
}
