//! NumPy's `introselect_` (`npysort/selection.cpp`) over an index array: median-of-3
//! quickselect with the median-of-medians fallback, the tiny-`kth` selection sort, the
//! "largest element" shortcut for inexact types, and the pivot stack that lets several `kth`
//! share work. The values version is the same steps with the values moved instead.

const MAX_PIVOT_STACK: usize = 50;

fn msb(mut n: usize) -> isize {
    let mut d = 0;
    n >>= 1;
    while n > 0 {
        d += 1;
        n >>= 1;
    }
    d
}

fn store_pivot(pivot: usize, kth: usize, pivots: &mut Option<&mut Vec<usize>>) {
    let Some(p) = pivots else { return };
    if pivot == kth && p.len() == MAX_PIVOT_STACK {
        *p.last_mut().expect("full stack") = pivot;
    } else if pivot >= kth && p.len() < MAX_PIVOT_STACK {
        p.push(pivot);
    }
}

/// The index array with its values: comparisons read `v[t[i]]`, swaps move `t`.
struct Sel<'a, T: Copy, F: Fn(T, T) -> bool> {
    v: &'a [T],
    t: &'a mut [usize],
    lt: &'a F,
    inexact: bool,
}

impl<T: Copy, F: Fn(T, T) -> bool> Sel<'_, T, F> {
    #[inline]
    fn at(&self, i: usize) -> T {
        self.v[self.t[i]]
    }
    #[inline]
    fn less(&self, i: usize, j: usize) -> bool {
        (self.lt)(self.at(i), self.at(j))
    }

    fn median3_swap(&mut self, low: usize, mid: usize, high: usize) {
        if self.less(high, mid) {
            self.t.swap(high, mid);
        }
        if self.less(high, low) {
            self.t.swap(high, low);
        }
        if self.less(low, mid) {
            self.t.swap(low, mid);
        }
        self.t.swap(mid, low + 1);
    }

    /// Index (relative to `base`) of the median of the five elements from `base`.
    fn median5(&mut self, b: usize) -> usize {
        if self.less(b + 1, b) {
            self.t.swap(b + 1, b);
        }
        if self.less(b + 4, b + 3) {
            self.t.swap(b + 4, b + 3);
        }
        if self.less(b + 3, b) {
            self.t.swap(b + 3, b);
        }
        if self.less(b + 4, b + 1) {
            self.t.swap(b + 4, b + 1);
        }
        if self.less(b + 2, b + 1) {
            self.t.swap(b + 2, b + 1);
        }
        if self.less(b + 3, b + 2) {
            if self.less(b + 3, b + 1) { 1 } else { 3 }
        } else {
            2
        }
    }

    fn unguarded_partition(&mut self, pivot: T, ll: &mut isize, hh: &mut isize) {
        loop {
            loop {
                *ll += 1;
                if !(self.lt)(self.at(*ll as usize), pivot) {
                    break;
                }
            }
            loop {
                *hh -= 1;
                if !(self.lt)(pivot, self.at(*hh as usize)) {
                    break;
                }
            }
            if *hh < *ll {
                break;
            }
            self.t.swap(*ll as usize, *hh as usize);
        }
    }

    /// Median of medians of five over `[off, off + num)`; returns its position from `off`.
    fn median_of_median5(&mut self, off: usize, num: usize) -> usize {
        let nmed = num / 5;
        for i in 0..nmed {
            let m = self.median5(off + 5 * i);
            self.t.swap(off + 5 * i + m, off + i);
        }
        if nmed > 2 {
            self.introselect(off, nmed, nmed / 2, &mut None);
        }
        nmed / 2
    }

    /// `dumb_select_` over `[off, off + num)` for a small `kth` (relative).
    fn dumb_select(&mut self, off: usize, num: usize, kth: usize) {
        for i in 0..=kth {
            let mut minidx = i;
            let mut minval = self.at(off + i);
            for k in i + 1..num {
                if (self.lt)(self.at(off + k), minval) {
                    minidx = k;
                    minval = self.at(off + k);
                }
            }
            self.t.swap(off + i, off + minidx);
        }
    }

    /// `introselect_` on the window `[off, off + num)`, `kth` relative to `off`.
    fn introselect(
        &mut self,
        off: usize,
        num: usize,
        kth: usize,
        pivots: &mut Option<&mut Vec<usize>>,
    ) {
        let mut low = 0usize;
        let mut high = num - 1;
        if let Some(p) = pivots.as_deref_mut() {
            while let Some(&top) = p.last() {
                if top > kth {
                    high = top - 1;
                    break;
                } else if top == kth {
                    return;
                }
                low = top + 1;
                p.pop();
            }
        }
        if kth - low < 3 {
            self.dumb_select(off + low, high - low + 1, kth - low);
            store_pivot(kth, kth, pivots);
            return;
        } else if self.inexact && kth == num - 1 {
            let mut maxidx = low;
            let mut maxval = self.at(off + low);
            for k in low + 1..num {
                if !(self.lt)(self.at(off + k), maxval) {
                    maxidx = k;
                    maxval = self.at(off + k);
                }
            }
            self.t.swap(off + kth, off + maxidx);
            return;
        }
        let mut depth_limit = msb(num) * 2;
        while low + 1 < high {
            let mut ll = low as isize + 1;
            let mut hh = high as isize;
            if depth_limit > 0 || hh - ll < 5 {
                let mid = low + (high - low) / 2;
                self.median3_swap(off + low, off + mid, off + high);
            } else {
                let mid =
                    ll as usize + self.median_of_median5(off + ll as usize, (hh - ll) as usize);
                self.t.swap(off + mid, off + low);
                ll -= 1;
                hh += 1;
            }
            depth_limit -= 1;
            let pivot = self.at(off + low);
            let (mut l2, mut h2) = (ll + off as isize, hh + off as isize);
            self.unguarded_partition(pivot, &mut l2, &mut h2);
            let (ll, hh) = ((l2 - off as isize) as usize, (h2 - off as isize) as usize);
            self.t.swap(off + low, off + hh);
            if hh != kth {
                store_pivot(hh, kth, pivots);
            }
            if hh >= kth {
                high = hh - 1;
            }
            if hh <= kth {
                low = ll;
            }
        }
        if high == low + 1 && self.less(off + high, off + low) {
            self.t.swap(off + high, off + low);
        }
        store_pivot(kth, kth, pivots);
    }
}

/// Partitions the index array `t` (into `v`) for each of the sorted `kths` in turn, sharing
/// pivots as NumPy's `partition`/`argpartition` do. `inexact` is NumPy's notion (floats and
/// complex; not float16, whose C type is an integer).
pub fn argselect<T: Copy>(
    v: &[T],
    t: &mut [usize],
    kths: &[usize],
    inexact: bool,
    lt: &impl Fn(T, T) -> bool,
) {
    let num = t.len();
    let mut stack: Vec<usize> = Vec::new();
    let mut sel = Sel { v, t, lt, inexact };
    for &k in kths {
        sel.introselect(0, num, k, &mut Some(&mut stack));
    }
}
