//! `searchsorted` as NumPy's `binsearch`/`argbinsearch` run it: keys in C order, and each
//! search starting from the previous key's bounds (so unsorted input gives NumPy's answer).

/// Indices where each key would be inserted into `arr` (assumed sorted by `lt`) — the first
/// such position for `right == false`, the last for `right == true`. `at(i)` reads the array
/// element at sorted position `i` (through a sorter, when there is one).
pub fn binsearch<T: Copy>(
    len: usize,
    at: impl Fn(usize) -> T,
    keys: &[T],
    right: bool,
    lt: impl Fn(T, T) -> bool,
    out: &mut [i64],
) {
    // NumPy's comparator: `less` for side='left', `less_equal` (= not greater) for 'right'
    let cmp = |a: T, b: T| if right { !lt(b, a) } else { lt(a, b) };
    let Some(&first) = keys.first() else { return };
    let (mut min_idx, mut max_idx) = (0usize, len);
    let mut last = first;
    for (k, o) in keys.iter().zip(out.iter_mut()) {
        if cmp(last, *k) {
            max_idx = len;
        } else {
            min_idx = 0;
            max_idx = if max_idx < len { max_idx + 1 } else { len };
        }
        last = *k;
        while min_idx < max_idx {
            let mid = min_idx + ((max_idx - min_idx) >> 1);
            if cmp(at(mid), *k) {
                min_idx = mid + 1;
            } else {
                max_idx = mid;
            }
        }
        *o = min_idx as i64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_and_unsorted_keys() {
        let a = [1.0, 2.0, 2.0, 3.0, f64::NAN];
        let keys = [2.0, 0.0, 3.5, f64::NAN, 2.0];
        let lt = |x: f64, y: f64| x < y || (y.is_nan() && !x.is_nan());
        let mut out = [0i64; 5];
        binsearch(a.len(), |i| a[i], &keys, false, lt, &mut out);
        assert_eq!(out, [1, 0, 4, 4, 1], "left");
        binsearch(a.len(), |i| a[i], &keys, true, lt, &mut out);
        assert_eq!(out, [3, 0, 4, 5, 3], "right: NaN goes after the NaNs");
    }
}
