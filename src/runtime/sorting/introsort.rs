//! NumPy's own index sorts (`aquicksort_` and `aheapsort_` in `npysort/`), step for step:
//! where equal values are met, the order they come out in is part of NumPy's answer, so the
//! median-of-three pivot, the partition loop, the small-run insertion sort (runs of 16) and the
//! heapsort fallback after `2*log2(n)` levels are kept exactly.

/// Runs shorter than this are insertion-sorted (`SMALL_QUICKSORT`).
const SMALL_QUICKSORT: usize = 15;

/// `npy_get_msb`: the index of the highest set bit (0 for 0 and 1).
fn msb(mut n: usize) -> i32 {
    let mut depth = 0;
    n >>= 1;
    while n > 0 {
        depth += 1;
        n >>= 1;
    }
    depth
}

/// `aquicksort_`: sorts the indices `tosort` (into `v`) by `lt` on the values they point at.
pub fn aquicksort<T: Copy>(v: &[T], tosort: &mut [usize], lt: &impl Fn(T, T) -> bool) {
    let num = tosort.len();
    if num < 2 {
        return;
    }
    let t = tosort;
    let (mut pl, mut pr) = (0usize, num - 1);
    let mut stack: Vec<(usize, usize, i32)> = Vec::new();
    let mut cdepth = msb(num) * 2;
    loop {
        if cdepth < 0 {
            aheapsort(v, &mut t[pl..=pr], lt);
        } else {
            while pr - pl > SMALL_QUICKSORT {
                let pm = pl + ((pr - pl) >> 1);
                if lt(v[t[pm]], v[t[pl]]) {
                    t.swap(pm, pl);
                }
                if lt(v[t[pr]], v[t[pm]]) {
                    t.swap(pr, pm);
                }
                if lt(v[t[pm]], v[t[pl]]) {
                    t.swap(pm, pl);
                }
                let vp = v[t[pm]];
                let mut pi = pl;
                let mut pj = pr - 1;
                t.swap(pm, pj);
                loop {
                    pi += 1;
                    while lt(v[t[pi]], vp) {
                        pi += 1;
                    }
                    pj -= 1;
                    while lt(vp, v[t[pj]]) {
                        pj -= 1;
                    }
                    if pi >= pj {
                        break;
                    }
                    t.swap(pi, pj);
                }
                t.swap(pi, pr - 1);
                // the larger side waits on the stack; the smaller is sorted next
                if pi - pl < pr - pi {
                    stack.push((pi + 1, pr, 0));
                    pr = pi - 1;
                } else {
                    stack.push((pl, pi - 1, 0));
                    pl = pi + 1;
                }
                cdepth -= 1;
                if let Some(top) = stack.last_mut() {
                    top.2 = cdepth;
                }
            }
            for i in pl + 1..=pr {
                let vi = t[i];
                let vp = v[vi];
                let mut j = i;
                while j > pl && lt(vp, v[t[j - 1]]) {
                    t[j] = t[j - 1];
                    j -= 1;
                }
                t[j] = vi;
            }
        }
        match stack.pop() {
            Some((l, r, d)) => {
                pl = l;
                pr = r;
                cdepth = d;
            }
            None => break,
        }
    }
}

/// `aheapsort_`: NumPy's heapsort of indices (`kind='heapsort'`, and introsort's fallback).
pub fn aheapsort<T: Copy>(v: &[T], tosort: &mut [usize], lt: &impl Fn(T, T) -> bool) {
    let n = tosort.len();
    // NumPy indexes the heap from 1
    let a = |k: usize| k - 1;
    let t = tosort;
    let mut l = n >> 1;
    while l > 0 {
        let tmp = t[a(l)];
        let (mut i, mut j) = (l, l << 1);
        while j <= n {
            if j < n && lt(v[t[a(j)]], v[t[a(j + 1)]]) {
                j += 1;
            }
            if lt(v[tmp], v[t[a(j)]]) {
                t[a(i)] = t[a(j)];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        t[a(i)] = tmp;
        l -= 1;
    }
    let mut n = n;
    while n > 1 {
        let tmp = t[a(n)];
        t[a(n)] = t[a(1)];
        n -= 1;
        let (mut i, mut j) = (1, 2);
        while j <= n {
            if j < n && lt(v[t[a(j)]], v[t[a(j + 1)]]) {
                j += 1;
            }
            if lt(v[tmp], v[t[a(j)]]) {
                t[a(i)] = t[a(j)];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        t[a(i)] = tmp;
    }
}
