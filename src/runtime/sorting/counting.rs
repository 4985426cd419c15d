//! Counting: `bincount` (with weights and `minlength`), `histogram` (NumPy's bin edges and its
//! index arithmetic for equal bins, then its cumulative-search method for given edges) and
//! `digitize`. All over plain `i64`/`f64` slices; the evaluator casts inputs as NumPy does.

use crate::error::{PyError, PyResult};
use crate::runtime::print::python_float_repr;

/// `np.bincount(x, weights, minlength)` over non-negative integers: counts, or the sums of the
/// weights in input order (one addition per element, as NumPy's loop).
pub fn bincount(x: &[i64], weights: Option<&[f64]>, minlength: usize) -> PyResult<Bincount> {
    let mut max = -1i64;
    for &v in x {
        if v < 0 {
            return Err(PyError::bincount_negative());
        }
        max = max.max(v);
    }
    let n = ((max + 1) as usize).max(minlength);
    Ok(match weights {
        None => {
            let mut c = vec![0i64; n];
            x.iter().for_each(|&v| c[v as usize] += 1);
            Bincount::Counts(c)
        }
        Some(w) => {
            let mut c = vec![0f64; n];
            x.iter().zip(w).for_each(|(&v, &w)| c[v as usize] += w);
            Bincount::Sums(c)
        }
    })
}

pub enum Bincount {
    Counts(Vec<i64>),
    Sums(Vec<f64>),
}

/// `np.linspace(start, stop, num)` in float64, NumPy's arithmetic (`i * step + start`, the
/// last element set to `stop`; `i / div * delta` when the step underflows to zero).
pub fn linspace(start: f64, stop: f64, num: usize) -> Vec<f64> {
    let div = num.saturating_sub(1);
    let delta = stop - start;
    let mut y: Vec<f64> = (0..num).map(|i| i as f64).collect();
    if div > 0 {
        let step = delta / div as f64;
        if step == 0.0 {
            y.iter_mut().for_each(|v| *v = *v / div as f64 * delta);
        } else {
            y.iter_mut().for_each(|v| *v *= step);
        }
    } else {
        y.iter_mut().for_each(|v| *v *= delta);
    }
    y.iter_mut().for_each(|v| *v += start);
    if num > 1 {
        y[num - 1] = stop;
    }
    y
}

/// The bins of a histogram: a count of equal bins (over `range` or the data's extent) or the
/// edges themselves.
pub enum Bins {
    Count(usize),
    Edges(Vec<f64>),
}

/// `_get_outer_edges`: NumPy's checks and the half-unit widening of an empty range.
pub fn outer_edges(a: &[f64], range: Option<(f64, f64)>) -> PyResult<(f64, f64)> {
    let (mut first, mut last) = match range {
        Some((lo, hi)) => {
            if lo > hi {
                return Err(PyError::value(
                    "max must be larger than min in range parameter.",
                ));
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(PyError::histogram_range_not_finite(
                    "supplied",
                    &python_float_repr(lo),
                    &python_float_repr(hi),
                ));
            }
            (lo, hi)
        }
        None if a.is_empty() => (0.0, 1.0),
        None => {
            // a.min()/a.max() propagate NaN, which then fails the finiteness check
            let mut lo = a[0];
            let mut hi = a[0];
            for &v in a {
                if v.is_nan() || lo.is_nan() {
                    lo = f64::NAN;
                } else if v < lo {
                    lo = v;
                }
                if v.is_nan() || hi.is_nan() {
                    hi = f64::NAN;
                } else if v > hi {
                    hi = v;
                }
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(PyError::histogram_range_not_finite(
                    "autodetected",
                    &python_float_repr(lo),
                    &python_float_repr(hi),
                ));
            }
            (lo, hi)
        }
    };
    if first == last {
        first -= 0.5;
        last += 0.5;
    }
    Ok((first, last))
}

/// A histogram's counts (or summed weights) and its edges.
pub struct Histogram {
    pub counts: Bincount,
    pub edges: Vec<f64>,
}

/// `np.histogram(a, bins, range, weights=w)` for float64 data (`density` is the caller's
/// division). Equal bins use NumPy's block-wise index arithmetic; given edges its sorted
/// cumulative search.
pub fn histogram(
    a: &[f64],
    bins: Bins,
    range: Option<(f64, f64)>,
    weights: Option<&[f64]>,
) -> PyResult<Histogram> {
    const BLOCK: usize = 65536;
    match bins {
        Bins::Count(nbins) => {
            let (first, last) = outer_edges(a, range)?;
            let edges = linspace(first, last, nbins + 1);
            if edges.windows(2).any(|w| w[0] >= w[1]) {
                return Err(PyError::histogram_too_many_bins(nbins));
            }
            let denom = last - first;
            let mut counts = vec![0i64; nbins];
            let mut sums = vec![0f64; nbins];
            for start in (0..a.len()).step_by(BLOCK) {
                let end = (start + BLOCK).min(a.len());
                // per block, as NumPy adds each block's bincount into the total
                let mut block_sums = vec![0f64; nbins];
                for i in start..end {
                    let x = a[i];
                    if !(x >= first && x <= last) {
                        continue;
                    }
                    let f = (x - first) / denom * nbins as f64;
                    let mut idx = f as i64;
                    if idx == nbins as i64 {
                        idx -= 1;
                    }
                    if x < edges[idx as usize] {
                        idx -= 1;
                    }
                    if x >= edges[idx as usize + 1] && idx != nbins as i64 - 1 {
                        idx += 1;
                    }
                    match weights {
                        None => counts[idx as usize] += 1,
                        Some(w) => block_sums[idx as usize] += w[i],
                    }
                }
                if weights.is_some() {
                    sums.iter_mut().zip(&block_sums).for_each(|(s, b)| *s += b);
                }
            }
            Ok(Histogram {
                counts: if weights.is_some() {
                    Bincount::Sums(sums)
                } else {
                    Bincount::Counts(counts)
                },
                edges,
            })
        }
        Bins::Edges(edges) => {
            if edges.windows(2).any(|w| w[0] > w[1]) {
                return Err(PyError::value(
                    "`bins` must increase monotonically, when an array",
                ));
            }
            let lt = |x: f64, y: f64| x < y || (y.is_nan() && !x.is_nan());
            let ne = edges.len();
            let mut cum_c = vec![0i64; ne];
            let mut cum_w = vec![0f64; ne];
            for start in (0..a.len()).step_by(BLOCK) {
                let end = (start + BLOCK).min(a.len());
                let mut idx: Vec<usize> = (start..end).collect();
                idx.sort_by(|&p, &q| super::cmp_by(lt, a[p], a[q]));
                let sa: Vec<f64> = idx.iter().map(|&i| a[i]).collect();
                let mut pos = vec![0i64; ne];
                if ne > 0 {
                    super::search::binsearch(
                        sa.len(),
                        |i| sa[i],
                        &edges[..ne - 1],
                        false,
                        lt,
                        &mut pos[..ne - 1],
                    );
                    super::search::binsearch(
                        sa.len(),
                        |i| sa[i],
                        &edges[ne - 1..],
                        true,
                        lt,
                        &mut pos[ne - 1..],
                    );
                }
                match weights {
                    None => cum_c.iter_mut().zip(&pos).for_each(|(c, &p)| *c += p),
                    Some(w) => {
                        let mut cw = vec![0f64; sa.len() + 1];
                        for (k, &i) in idx.iter().enumerate() {
                            cw[k + 1] = cw[k] + w[i];
                        }
                        cum_w
                            .iter_mut()
                            .zip(&pos)
                            .for_each(|(c, &p)| *c += cw[p as usize]);
                    }
                }
            }
            let counts = match weights {
                None => Bincount::Counts(cum_c.windows(2).map(|w| w[1] - w[0]).collect()),
                Some(_) => Bincount::Sums(cum_w.windows(2).map(|w| w[1] - w[0]).collect()),
            };
            Ok(Histogram { counts, edges })
        }
    }
}

/// NumPy's `check_array_monotonic` for `digitize`: skip leading repeats, then the first step
/// decides the direction (1 increasing, -1 decreasing); a NaN step or a change is an error.
pub fn monotonicity(bins: &[f64]) -> PyResult<i32> {
    let bad = || PyError::value("bins must be monotonically increasing or decreasing");
    let Some(&first) = bins.first() else {
        return Ok(1);
    };
    let Some(i) = bins.iter().position(|&b| b != first) else {
        return Ok(1);
    };
    let (mut last, mut next) = (first, bins[i]);
    if last < next {
        for &b in &bins[i + 1..] {
            (last, next) = (next, b);
            if last > next {
                return Err(bad());
            }
        }
        Ok(1)
    } else if last > next {
        for &b in &bins[i + 1..] {
            (last, next) = (next, b);
            if last < next {
                return Err(bad());
            }
        }
        Ok(-1)
    } else {
        Err(bad())
    }
}

/// `np.digitize(x, bins, right)`: `searchsorted` on the bins (reversed when decreasing).
pub fn digitize(x: &[f64], bins: &[f64], right: bool) -> PyResult<Vec<i64>> {
    let lt = |p: f64, q: f64| p < q || (q.is_nan() && !p.is_nan());
    let mut out = vec![0i64; x.len()];
    // side is 'left' when right=True
    let side_right = !right;
    if monotonicity(bins)? == -1 {
        let rev: Vec<f64> = bins.iter().rev().copied().collect();
        super::search::binsearch(rev.len(), |i| rev[i], x, side_right, lt, &mut out);
        out.iter_mut().for_each(|o| *o = bins.len() as i64 - *o);
    } else {
        super::search::binsearch(bins.len(), |i| bins[i], x, side_right, lt, &mut out);
    }
    Ok(out)
}
