//! Strided layout arithmetic: shape, signed byte strides and byte offset into a buffer; C/F
//! strides, NumPy's (relaxed) contiguity flags and the byte extent an array reaches.

use crate::error::{PyError, PyResult};

/// NumPy's limit on dimensions (NPY_MAXDIMS in NumPy 2).
pub const MAX_DIMS: usize = 64;

/// Where the elements of an array live inside its buffer.
///
/// Invariants:
/// 1. `shape.len() == strides.len()` (the array's `ndim`).
/// 2. Strides are signed **byte** counts, exactly as numpy prints them.
/// 3. If the array has at least one element, every element's bytes
///    `[offset_bytes + Σ idx·stride, … + itemsize)` lie inside the buffer. Views keep this by
///    construction; `as_strided` keeps it by checking (see `array.rs`).
/// 4. `shape.len() <= MAX_DIMS`.
/// 5. `offset_bytes` is signed: an *empty* view may point before its buffer, as NumPy's data
///    pointer does (`a[:0, ::-1][:, 1:]`); invariant 3 makes it non-negative whenever the
///    array has an element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub offset_bytes: isize,
}

/// Memory order for new arrays and copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    C,
    F,
}

/// NumPy's `order=` argument: `C`, `F`, `A` (F when the array is Fortran-ordered, else C) and
/// `K` (keep the array's own memory order as closely as possible).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderArg {
    C,
    F,
    A,
    K,
}

impl OrderArg {
    /// `'C'`, `'f'`, ...: NumPy accepts either case.
    pub fn parse(s: &str) -> Option<OrderArg> {
        match s {
            "C" | "c" => Some(OrderArg::C),
            "F" | "f" => Some(OrderArg::F),
            "A" | "a" => Some(OrderArg::A),
            "K" | "k" => Some(OrderArg::K),
            _ => None,
        }
    }
}

impl Layout {
    /// A fresh C- or F-ordered layout at offset 0, as numpy fills strides (zero-length axes do
    /// not scale the next stride).
    pub fn contiguous(shape: &[usize], itemsize: usize, order: Order) -> Layout {
        let mut strides = vec![0isize; shape.len()];
        let mut step = itemsize as isize;
        let axes: Box<dyn Iterator<Item = usize>> = match order {
            Order::C => Box::new((0..shape.len()).rev()),
            Order::F => Box::new(0..shape.len()),
        };
        for ax in axes {
            strides[ax] = step;
            if shape[ax] != 0 {
                step = step.saturating_mul(shape[ax] as isize);
            }
        }
        Layout {
            shape: shape.to_vec(),
            strides,
            offset_bytes: 0,
        }
    }

    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Number of elements (`size`).
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    pub fn is_empty(&self) -> bool {
        self.shape.contains(&0)
    }

    /// NumPy's C_CONTIGUOUS flag (relaxed strides: axes of length 1 may have any stride;
    /// an empty array is contiguous).
    pub fn is_c_contiguous(&self, itemsize: usize) -> bool {
        self.contiguous_in((0..self.ndim()).rev(), itemsize)
    }

    /// NumPy's F_CONTIGUOUS flag.
    pub fn is_f_contiguous(&self, itemsize: usize) -> bool {
        self.contiguous_in(0..self.ndim(), itemsize)
    }

    fn contiguous_in(&self, axes: impl Iterator<Item = usize>, itemsize: usize) -> bool {
        if self.is_empty() {
            return true;
        }
        let mut expected = itemsize as isize;
        for ax in axes {
            let dim = self.shape[ax];
            if dim != 1 {
                if self.strides[ax] != expected {
                    return false;
                }
                expected *= dim as isize;
            }
        }
        true
    }

    /// NumPy's `PyArray_ISFORTRAN`: F-contiguous and not C-contiguous (what `order='A'` asks).
    pub fn is_fortran(&self, itemsize: usize) -> bool {
        self.is_f_contiguous(itemsize) && !self.is_c_contiguous(itemsize)
    }

    /// NumPy's `PyArray_CreateSortedStridePerm`: axes by decreasing |stride|, ties in axis order
    /// (a stable sort), so zero strides sort innermost.
    pub fn sorted_stride_perm(&self) -> Vec<usize> {
        let mut perm: Vec<usize> = (0..self.ndim()).collect();
        perm.sort_by(|&x, &y| {
            self.strides[y]
                .unsigned_abs()
                .cmp(&self.strides[x].unsigned_abs())
        });
        perm
    }

    /// Strides of a new array of `shape` "like" this one (NumPy's
    /// `PyArray_NewLikeArrayWithShape`): `A` is F for a Fortran-ordered prototype; `K` is C for
    /// a C-contiguous or ≤1-d prototype (or a shape of another ndim), F for an F-contiguous one,
    /// and otherwise the prototype's own axis order by |stride| — so transposes and negative or
    /// zero strides are copied into the same memory order. `proto_itemsize` is this layout's
    /// item size, `itemsize` the new array's (`astype`).
    pub fn like_strides(
        &self,
        proto_itemsize: usize,
        shape: &[usize],
        itemsize: usize,
        order: OrderArg,
    ) -> Vec<isize> {
        let fresh = |o| Layout::contiguous(shape, itemsize, o).strides;
        match order {
            OrderArg::C => fresh(Order::C),
            OrderArg::F => fresh(Order::F),
            OrderArg::A if self.is_fortran(proto_itemsize) => fresh(Order::F),
            OrderArg::A => fresh(Order::C),
            OrderArg::K => {
                if shape.len() != self.ndim()
                    || self.is_c_contiguous(proto_itemsize)
                    || shape.len() <= 1
                {
                    return fresh(Order::C);
                }
                if self.is_f_contiguous(proto_itemsize) {
                    return fresh(Order::F);
                }
                let mut strides = vec![0isize; shape.len()];
                let mut step = itemsize as isize;
                // unlike a fresh C/F layout, numpy scales by zero lengths here (only empty
                // arrays care, and those get all-zero strides when allocated anyway)
                for &ax in self.sorted_stride_perm().iter().rev() {
                    strides[ax] = step;
                    step = step.saturating_mul(shape[ax] as isize);
                }
                strides
            }
        }
    }

    /// The order in which NumPy's iterator visits the axes in `K` order without flipping
    /// negative strides (`npyiter_find_best_axis_ordering`, as `flatten('K')` uses it):
    /// outermost first. A stable insertion sort from the innermost axis by |stride|, where a
    /// zero stride or a length-1 axis is ambiguous and keeps its C position.
    pub fn iteration_perm_keep(&self) -> Vec<usize> {
        let nd = self.ndim();
        let stride = |ax: usize| {
            if self.shape[ax] == 1 {
                0
            } else {
                self.strides[ax]
            }
        };
        // innermost first, as nditer stores its axes
        let mut order: Vec<usize> = (0..nd).rev().collect();
        for i0 in 1..nd {
            let ax0 = order[i0];
            let s0 = stride(ax0);
            let mut ipos = i0;
            for i1 in (0..i0).rev() {
                let s1 = stride(order[i1]);
                if s0 != 0 && s1 != 0 {
                    if s1.unsigned_abs() <= s0.unsigned_abs() {
                        break;
                    }
                    ipos = i1;
                }
            }
            if ipos != i0 {
                order.remove(i0);
                order.insert(ipos, ax0);
            }
        }
        order.reverse();
        order
    }

    /// NumPy's `PyArray_CreateMultiSortedStridePerm`: the axis order (outermost first) that
    /// sorts the strides of all the layouts by decreasing |stride|, a stable insertion sort in
    /// which length-1 axes are ambiguous and, where the layouts disagree, C order wins.
    pub fn multi_sorted_stride_perm(layouts: &[&Layout]) -> Vec<usize> {
        let nd = layouts.first().map_or(0, |l| l.ndim());
        let mut perm: Vec<usize> = (0..nd).collect();
        sort_by_stride_votes(&mut perm, layouts.len(), |k, &ax0, &ax1| {
            let l = layouts[k];
            (l.shape[ax0] != 1 && l.shape[ax1] != 1)
                .then(|| l.strides[ax0].unsigned_abs() > l.strides[ax1].unsigned_abs())
        });
        perm
    }

    /// The same layout with its axes permuted (`perm[k]` is the old axis that becomes axis k).
    pub fn permuted(&self, perm: &[usize]) -> Layout {
        Layout {
            shape: perm.iter().map(|&p| self.shape[p]).collect(),
            strides: perm.iter().map(|&p| self.strides[p]).collect(),
            offset_bytes: self.offset_bytes,
        }
    }

    /// The byte range `[lo, hi)` relative to the buffer start that the elements touch, or
    /// `None` for an empty array. Computed in i128 so no user shape can overflow it.
    pub fn byte_extent(&self, itemsize: usize) -> Option<(i128, i128)> {
        if self.is_empty() {
            return None;
        }
        let (mut lo, mut hi) = (self.offset_bytes as i128, self.offset_bytes as i128);
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            let span = (n as i128 - 1) * s as i128;
            if span < 0 {
                lo += span;
            } else {
                hi += span;
            }
        }
        Some((lo, hi + itemsize as i128))
    }

    /// Byte offset of the element at a multi-index (each index already in range).
    pub fn offset_of(&self, index: &[usize]) -> usize {
        let mut off = self.offset_bytes;
        for (&i, &s) in index.iter().zip(&self.strides) {
            off += i as isize * s;
        }
        debug_assert!(off >= 0, "invariant 3");
        off as usize // invariant 3: in the buffer
    }

    /// Calls `f` with the byte offset of every element, in C order.
    pub fn for_each_offset(&self, mut f: impl FnMut(usize)) {
        if self.is_empty() {
            return;
        }
        let nd = self.ndim();
        if nd == 0 {
            f(self.offset_bytes as usize); // invariant 3: non-empty, so in the buffer
            return;
        }
        let inner_n = self.shape[nd - 1];
        let inner_s = self.strides[nd - 1];
        let mut idx = vec![0usize; nd - 1];
        let mut base = self.offset_bytes;
        loop {
            let mut off = base;
            for _ in 0..inner_n {
                f(off as usize);
                off += inner_s;
            }
            // odometer over the outer axes
            let mut ax = nd - 1;
            loop {
                if ax == 0 {
                    return;
                }
                ax -= 1;
                idx[ax] += 1;
                base += self.strides[ax];
                if idx[ax] < self.shape[ax] {
                    break;
                }
                base -= self.strides[ax] * self.shape[ax] as isize;
                idx[ax] = 0;
            }
        }
    }

    /// Checks a new shape given as Python ints the way NumPy converts and then allocates it:
    /// more than 64 dims, a dim past `npy_intp` (`PyArray_IntpConverter`), a negative dim, then
    /// the byte size (`checked_nbytes`). Callers pass i128, saturated from Python ints.
    pub fn checked_size(shape: &[i128], itemsize: usize) -> PyResult<Vec<usize>> {
        if shape.len() > MAX_DIMS {
            return Err(PyError::maximum_dimensions(shape.len()));
        }
        if shape
            .iter()
            .any(|&d| d > isize::MAX as i128 || d < isize::MIN as i128)
        {
            return Err(PyError::maximum_dimension_exceeded());
        }
        if shape.iter().any(|&d| d < 0) {
            return Err(PyError::negative_dimensions());
        }
        let dims: Vec<usize> = shape.iter().map(|&d| d as usize).collect();
        Layout::checked_nbytes(&dims, itemsize)?;
        Ok(dims)
    }

    /// The byte size of a new array of `shape`, by NumPy 2's rule for every array it makes
    /// (`PyArray_NewFromDescr_int`): at most 64 dims, and the item size times every non-zero
    /// dim must fit in `npy_intp` — so `(2**62, 0)` of float64 is "too big" although empty,
    /// and `(2**59, 0)` is fine.
    pub fn checked_nbytes(shape: &[usize], itemsize: usize) -> PyResult<usize> {
        if shape.len() > MAX_DIMS {
            return Err(PyError::maximum_dimensions(shape.len()));
        }
        let mut nbytes = itemsize;
        for &d in shape.iter().filter(|&&d| d != 0) {
            nbytes = nbytes
                .checked_mul(d)
                .filter(|&n| n <= isize::MAX as usize)
                .ok_or_else(PyError::array_too_big)?;
        }
        Ok(if shape.contains(&0) { 0 } else { nbytes })
    }
}

/// The stable insertion sort NumPy orders axes with (`PyArray_CreateMultiSortedStridePerm`,
/// `npyiter_find_best_axis_ordering`): item `i0` moves in front of the earlier `i1` while the
/// voters say so. `vote(k, a, b)` is voter `k`'s opinion on moving `a` before `b` (`None`: it
/// cannot compare them); the first voter with an opinion decides a move, and any voter
/// against it stops it (so where operands disagree, the order they came in wins).
pub fn sort_by_stride_votes<T>(
    items: &mut Vec<T>,
    voters: usize,
    vote: impl Fn(usize, &T, &T) -> Option<bool>,
) {
    for i0 in 1..items.len() {
        let mut ipos = i0;
        for i1 in (0..i0).rev() {
            let (mut ambiguous, mut swap) = (true, false);
            for k in 0..voters {
                if let Some(move_it) = vote(k, &items[i0], &items[i1]) {
                    if !move_it {
                        swap = false;
                    } else if ambiguous {
                        swap = true;
                    }
                    ambiguous = false;
                }
            }
            if !ambiguous {
                if swap {
                    ipos = i1;
                } else {
                    break;
                }
            }
        }
        if ipos != i0 {
            let item = items.remove(i0);
            items.insert(ipos, item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lay(shape: &[usize], strides: &[isize]) -> Layout {
        Layout {
            shape: shape.to_vec(),
            strides: strides.to_vec(),
            offset_bytes: 0,
        }
    }

    #[test]
    fn fresh_strides_match_numpy() {
        // (shape, order, strides numpy gives for int64)
        let cases: &[(&[usize], Order, &[isize])] = &[
            (&[2, 3], Order::C, &[24, 8]),
            (&[2, 3], Order::F, &[8, 16]),
            (&[0, 3], Order::C, &[24, 8]), // zero-length axis does not scale
            (&[3, 0], Order::C, &[8, 8]),
            (&[], Order::C, &[]),
            (&[1234, 4567], Order::F, &[8, 9872]),
        ];
        for (shape, order, strides) in cases {
            assert_eq!(
                Layout::contiguous(shape, 8, *order).strides,
                *strides,
                "{shape:?} {order:?}"
            );
        }
    }

    #[test]
    fn contiguity_flags_follow_relaxed_rule() {
        // (shape, strides, C, F) for itemsize 8
        let cases: &[(&[usize], &[isize], bool, bool)] = &[
            (&[5], &[8], true, true),
            (&[3], &[16], false, false), // a[::2]
            (&[2, 3], &[24, 8], true, false),
            (&[2, 3], &[8, 16], false, true),
            (&[1, 3], &[999, 8], true, true), // length-1 axis: any stride
            (&[3, 1], &[8, 999], true, true),
            (&[0, 3], &[-5, 7], true, true), // empty is contiguous
            (&[], &[], true, true),
            (&[3, 3], &[8, 8], false, false), // overlapping as_strided
        ];
        for (shape, strides, c, f) in cases {
            let l = lay(shape, strides);
            assert_eq!(
                (l.is_c_contiguous(8), l.is_f_contiguous(8)),
                (*c, *f),
                "{shape:?} {strides:?}"
            );
        }
    }

    #[test]
    fn extent_covers_negative_strides() {
        let mut l = lay(&[5], &[-8]);
        l.offset_bytes = 32;
        assert_eq!(l.byte_extent(8), Some((0, 40)));
        assert_eq!(
            lay(&[0], &[8]).byte_extent(8),
            None,
            "empty touches nothing"
        );
        assert_eq!(lay(&[3, 3], &[8, 8]).byte_extent(8), Some((0, 40)));
    }

    #[test]
    fn offsets_walk_in_c_order() {
        let mut seen = vec![];
        lay(&[2, 2], &[8, 16]).for_each_offset(|o| seen.push(o));
        assert_eq!(seen, vec![0, 16, 8, 24]);
        let mut none = 0;
        lay(&[2, 0], &[8, 8]).for_each_offset(|_| none += 1);
        assert_eq!(none, 0);
    }

    #[test]
    fn size_checks_refuse_like_numpy() {
        // (shape, itemsize, NumPy 2.4.6's error or None)
        let too_big = "ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.";
        let big = 1i128 << 62;
        let cases: &[(&[i128], usize, Option<&str>)] = &[
            (
                &[-1],
                8,
                Some("ValueError: negative dimensions are not allowed"),
            ),
            (&[big, 4], 8, Some(too_big)),
            (&[1 << 40], 8, None), // big but representable: MemoryError comes later
            (&[big, 0], 8, Some(too_big)), // zero dims do not hide the others
            (&[0, big], 8, Some(too_big)),
            (&[1 << 59, 0], 8, None),          // control: 2**62 bytes fit
            (&[1 << 60, 0], 8, Some(too_big)), // 2**63 bytes do not
            (&[1 << 60, 0], 1, None),          // control: a smaller item size
            (&[big, big, 0], 8, Some(too_big)),
            (
                &[(1 << 64) + 3, 0],
                8,
                Some("ValueError: Maximum allowed dimension exceeded"),
            ),
            (
                &[1 << 63, 0],
                8,
                Some("ValueError: Maximum allowed dimension exceeded"),
            ),
            (
                &[-(1 << 64), 0],
                8,
                Some("ValueError: Maximum allowed dimension exceeded"),
            ),
            (&[0; 64], 8, None),
            (
                &[1; 65],
                8,
                Some(
                    "ValueError: maximum supported dimension for an ndarray is currently 64, found 65",
                ),
            ),
        ];
        for (shape, itemsize, want) in cases {
            let got = Layout::checked_size(shape, *itemsize)
                .err()
                .map(|e| e.to_string());
            assert_eq!(got.as_deref(), *want, "{shape:?} itemsize {itemsize}");
        }
    }

    #[test]
    fn new_like_layouts_follow_numpy_order_rules() {
        // (shape, strides, order, strides NumPy 2.4.6 gives the copy; int64), from
        // tests/transcripts/shape_ops/copy_order: each K case beside a C/A control
        type Case = (
            &'static [usize],
            &'static [isize],
            OrderArg,
            &'static [isize],
        );
        let cases: &[Case] = &[
            (&[3, 4], &[32, 8], OrderArg::K, &[32, 8]),
            (&[4, 3], &[8, 32], OrderArg::K, &[8, 32]), // a transpose keeps its F layout
            (&[4, 3], &[8, 32], OrderArg::C, &[24, 8]), // control: C asked, C given
            (&[4, 3], &[8, 32], OrderArg::A, &[8, 32]), // A: Fortran-ordered, so F
            (&[3, 4], &[32, 8], OrderArg::A, &[32, 8]), // control: A on C is C
            (&[3, 4, 2], &[32, 8, 96], OrderArg::K, &[32, 8, 96]), // permuted axes kept
            (&[3, 4, 2], &[32, 8, 96], OrderArg::A, &[64, 16, 8]), // control: not F, so C
            (&[3, 2], &[-32, 16], OrderArg::K, &[16, 8]), // negative strides by |s|
            (&[4, 3], &[0, 8], OrderArg::K, &[8, 32]),  // a zero stride sorts innermost
            (&[6, 1], &[8, 0], OrderArg::K, &[8, 8]),   // length 1: C-contiguous
        ];
        for (shape, strides, order, want) in cases {
            let l = lay(shape, strides);
            assert_eq!(
                l.like_strides(8, shape, 8, *order),
                *want,
                "{shape:?} {strides:?} {order:?}"
            );
        }
        // astype keeps the permutation with the new item size: p.astype(np.int16)
        let p = lay(&[3, 4, 2], &[32, 8, 96]);
        assert_eq!(
            p.like_strides(8, &[3, 4, 2], 2, OrderArg::K),
            vec![8, 2, 24]
        );
        // a shape of another ndim (zeros_like(a, shape=...)) falls back to C
        assert_eq!(p.like_strides(8, &[6, 4], 8, OrderArg::K), vec![32, 8]);
    }

    #[test]
    fn fortran_means_f_and_not_c() {
        assert!(lay(&[4, 3], &[8, 32]).is_fortran(8));
        assert!(!lay(&[3, 4], &[32, 8]).is_fortran(8), "control: C");
        assert!(
            !lay(&[5], &[8]).is_fortran(8),
            "1-d is both, so not Fortran"
        );
    }

    #[test]
    fn keep_order_iteration_sorts_by_stride_but_keeps_ambiguous_axes() {
        // (shape, strides, nditer's K axis order outermost first)
        type Case = (&'static [usize], &'static [isize], &'static [usize]);
        let cases: &[Case] = &[
            (&[2, 3], &[24, 8], &[0, 1]),
            (&[3, 2], &[8, 24], &[1, 0]),
            (&[3, 2], &[-8, 24], &[1, 0]), // not negated, sorted by |stride|
            (&[3, 4, 2], &[32, 8, 96], &[2, 0, 1]),
            (&[4, 3], &[0, 8], &[0, 1]), // a zero stride is ambiguous: stays in C place
            (&[1, 3], &[999, 8], &[0, 1]), // so is a length-1 axis
        ];
        for (shape, strides, want) in cases {
            assert_eq!(
                lay(shape, strides).iteration_perm_keep(),
                *want,
                "{shape:?} {strides:?}"
            );
        }
    }
}
