//! Whether two strided layouts share a byte: NumPy's bounded Diophantine solver
//! (`mem_overlap.c`, NumPy 2.4), with its `max_work` counter, so `np.shares_memory` answers,
//! gives up (`TooHardError`) and overflows exactly where NumPy does.
//!
//! The question "do `a` and `b` share a byte" becomes: is there a solution of
//! `sum(A[i] * x[i]) == b` with `0 <= x[i] <= U[i]` (the strides' absolute values and the
//! axis lengths, plus one term per itemsize), solved by a depth-first Euclid search that
//! counts the candidates it tried.

use super::Layout;

/// The solver's answer (`mem_overlap_t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlap {
    No,
    Yes,
    /// More than `max_work` candidates were needed (NumPy's `TooHardError`).
    TooHard,
    /// An intermediate did not fit 64 bits (NumPy's `OverflowError`).
    Overflow,
}

/// `max_work`: `-1` exact, `0` extents only, `n > 0` at most `n` candidates.
pub const MAY_SHARE_EXACT: i64 = -1;
pub const MAY_SHARE_BOUNDS: i64 = 0;

#[derive(Clone, Copy, Debug)]
struct Term {
    a: i64,
    ub: i64,
}

/// `solve_may_share_memory` for two layouts over the same buffer (offsets in bytes from its
/// start; layouts over different buffers never share).
pub fn solve_may_share_memory(
    a: &Layout,
    a_itemsize: usize,
    b: &Layout,
    b_itemsize: usize,
    max_work: i64,
) -> Overlap {
    let extent = |l: &Layout, isz: usize| l.byte_extent(isz).unwrap_or((0, 0));
    let (start1, end1) = extent(a, a_itemsize);
    let (start2, end2) = extent(b, b_itemsize);
    if !(start1 < end2 && start2 < end1 && start1 < end1 && start2 < end2) {
        return Overlap::No;
    }
    if max_work == MAY_SHARE_BOUNDS {
        return Overlap::TooHard;
    }
    // the problem with the smaller right-hand side (both are non-negative after the check)
    let rhs = (end2 - 1 - start1).min(end1 - 1 - start2);
    let Ok(rhs) = i64::try_from(rhs) else {
        return Overlap::Overflow;
    };
    let mut terms = Vec::with_capacity(a.shape.len() + b.shape.len() + 2);
    for l in [a, b] {
        for (&n, &s) in l.shape.iter().zip(&l.strides) {
            if n <= 1 || s == 0 {
                continue;
            }
            terms.push(Term {
                a: (s as i64).unsigned_abs() as i64,
                ub: n as i64 - 1,
            });
        }
    }
    for isz in [a_itemsize, b_itemsize] {
        if isz > 1 {
            terms.push(Term {
                a: 1,
                ub: isz as i64 - 1,
            });
        }
    }
    if terms.iter().any(|t| t.a < 0) {
        return Overlap::Overflow; // |i64::MIN|
    }
    if simplify(&mut terms, rhs).is_err() {
        return Overlap::Overflow;
    }
    solve(&terms, rhs, max_work)
}

/// `diophantine_simplify`: sort by coefficient (largest first), merge equal coefficients,
/// trim bounds to `b / a`, drop the variables that must be 0. The decision is unchanged.
fn simplify(terms: &mut Vec<Term>, b: i64) -> Result<(), ()> {
    if terms.iter().any(|t| t.ub < 0) || b < 0 {
        return Ok(());
    }
    terms.sort_by_key(|t| std::cmp::Reverse(t.a));
    let mut overflow = false;
    let mut merged: Vec<Term> = Vec::with_capacity(terms.len());
    for t in terms.iter() {
        match merged.last_mut() {
            Some(last) if last.a == t.a => {
                last.ub = last.ub.checked_add(t.ub).unwrap_or_else(|| {
                    overflow = true;
                    last.ub.wrapping_add(t.ub)
                })
            }
            _ => merged.push(*t),
        }
    }
    for t in merged.iter_mut() {
        t.ub = t.ub.min(b / t.a);
    }
    merged.retain(|t| t.ub != 0);
    *terms = merged;
    if overflow { Err(()) } else { Ok(()) }
}

/// `solve_diophantine` without the internal-overlap variant.
fn solve(e: &[Term], b: i64, max_work: i64) -> Overlap {
    if e.iter().any(|t| t.a <= 0) {
        return Overlap::Overflow; // NumPy's MEM_OVERLAP_ERROR; unreachable after simplify
    }
    if e.iter().any(|t| t.ub < 0) || b < 0 {
        return Overlap::No;
    }
    match e {
        [] => {
            if b == 0 {
                Overlap::Yes
            } else {
                Overlap::No
            }
        }
        [t] => {
            if b % t.a == 0 && b / t.a <= t.ub {
                Overlap::Yes
            } else {
                Overlap::No
            }
        }
        _ => {
            let Some(pre) = precompute(e) else {
                return Overlap::Overflow;
            };
            let mut count = 0i64;
            dfs(e, &pre, e.len() - 1, b, max_work, &mut count)
        }
    }
}

/// Euclid's algorithm: `(gcd, gamma, epsilon)` with `gamma*a1 + epsilon*a2 == gcd`.
fn euclid(mut a1: i64, mut a2: i64) -> (i64, i64, i64) {
    let (mut g1, mut g2, mut e1, mut e2) = (1i64, 0i64, 0i64, 1i64);
    loop {
        if a2 > 0 {
            let r = a1 / a2;
            a1 -= r * a2;
            g1 -= r * g2;
            e1 -= r * e2;
        } else {
            return (a1, g1, e1);
        }
        if a1 > 0 {
            let r = a2 / a1;
            a2 -= r * a1;
            g2 -= r * g1;
            e2 -= r * e1;
        } else {
            return (a2, g2, e2);
        }
    }
}

/// The reduced problems' coefficients and bounds (`Ep`), with Euclid's `Gamma`/`Epsilon`.
struct Pre {
    ep: Vec<Term>,
    gamma: Vec<i64>,
    epsilon: Vec<i64>,
}

/// `diophantine_precompute`; `None` on overflow.
fn precompute(e: &[Term]) -> Option<Pre> {
    let n = e.len();
    let mut p = Pre {
        ep: vec![Term { a: 0, ub: 0 }; n],
        gamma: vec![0; n],
        epsilon: vec![0; n],
    };
    let (g, ga, ep) = euclid(e[0].a, e[1].a);
    p.ep[0].a = g;
    p.gamma[0] = ga;
    p.epsilon[0] = ep;
    if n > 2 {
        let (c1, c2) = (e[0].a / g, e[1].a / g);
        p.ep[0].ub = e[0]
            .ub
            .checked_mul(c1)?
            .checked_add(e[1].ub.checked_mul(c2)?)?;
    }
    for (j, ej) in e.iter().enumerate().skip(2) {
        let (g, ga, ep) = euclid(p.ep[j - 2].a, ej.a);
        p.ep[j - 1].a = g;
        p.gamma[j - 1] = ga;
        p.epsilon[j - 1] = ep;
        if j < n - 1 {
            let (c1, c2) = (p.ep[j - 2].a / g, ej.a / g);
            p.ep[j - 1].ub = c1
                .checked_mul(p.ep[j - 2].ub)?
                .checked_add(c2.checked_mul(ej.ub)?)?;
        }
    }
    Some(p)
}

fn floordiv(a: i128, b: i128) -> i128 {
    a.div_euclid(b) // b > 0
}
fn ceildiv(a: i128, b: i128) -> i128 {
    -(-a).div_euclid(b)
}

/// `diophantine_dfs`: the depth-first bounded Euclid search, counting candidates.
fn dfs(e: &[Term], p: &Pre, v: usize, b: i64, max_work: i64, count: &mut i64) -> Overlap {
    if max_work >= 0 && *count >= max_work {
        return Overlap::TooHard;
    }
    let (a1, u1) = if v == 1 {
        (e[0].a, e[0].ub)
    } else {
        (p.ep[v - 2].a, p.ep[v - 2].ub)
    };
    let (a2, u2) = (e[v].a, e[v].ub);
    let (g, gamma, epsilon) = (p.ep[v - 1].a, p.gamma[v - 1], p.epsilon[v - 1]);
    if b % g != 0 {
        *count += 1;
        return Overlap::No;
    }
    let c = b / g;
    let (c1, c2) = (a2 / g, a1 / g);
    // x1 = gamma*c + c1*t, x2 = epsilon*c - c2*t, 0 <= x1 <= u1, 0 <= x2 <= u2
    let x10 = gamma as i128 * c as i128;
    let x20 = epsilon as i128 * c as i128;
    let t_l = ceildiv(-x10, c1 as i128).max(ceildiv(x20 - u2 as i128, c2 as i128));
    let t_u = floordiv(u1 as i128 - x10, c1 as i128).min(floordiv(x20, c2 as i128));
    if t_l > t_u {
        *count += 1;
        return Overlap::No;
    }
    let fits = |x: i128| i64::try_from(x).ok();
    if fits(t_l).is_none() || fits(t_u).is_none() {
        return Overlap::Overflow;
    }
    let x1 = x10 + c1 as i128 * t_l;
    let x2 = x20 - c2 as i128 * t_l;
    let (Some(span), Some(_), Some(x2)) = (fits(t_u - t_l), fits(x1), fits(x2)) else {
        return Overlap::Overflow;
    };
    if v == 1 {
        // t_u >= t_l: a solution
        return Overlap::Yes;
    }
    for t in 0..=span {
        let xv = x2 - c2 * t;
        let Some(b2) = a2.checked_mul(xv).and_then(|m| b.checked_sub(m)) else {
            return Overlap::Overflow;
        };
        let r = dfs(e, p, v - 1, b2, max_work, count);
        if r != Overlap::No {
            return r;
        }
    }
    *count += 1;
    Overlap::No
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(shape: &[usize], strides: &[isize], offset: usize) -> Layout {
        let mut l = Layout::contiguous(shape, 8, crate::runtime::Order::C);
        l.strides = strides.to_vec();
        l.offset_bytes = offset as isize;
        l
    }

    #[test]
    fn answers_match_numpy() {
        // (a, b, max_work, NumPy 2.4's answer) on int64 views of np.arange(12)/(4, 6)
        let even = layout(&[6], &[16], 0);
        let odd = layout(&[6], &[16], 8);
        let from2 = layout(&[5], &[16], 16);
        let whole = layout(&[12], &[8], 0);
        let tail = layout(&[9], &[8], 24);
        let cols_even = layout(&[4, 3], &[48, 16], 0);
        let cols_odd = layout(&[4, 3], &[48, 16], 8);
        let cases = [
            (&even, &odd, -1, Overlap::No, "interleaved: no common byte"),
            (&even, &odd, 1000, Overlap::No, "a bound large enough"),
            (
                &even,
                &from2,
                0,
                Overlap::TooHard,
                "0: extents only, overlapping",
            ),
            (
                &even,
                &odd,
                0,
                Overlap::TooHard,
                "0 gives up even without sharing",
            ),
            (&whole, &tail, -1, Overlap::Yes, "a suffix shares"),
            (
                &cols_even,
                &cols_odd,
                1,
                Overlap::No,
                "one candidate decides",
            ),
            (&even, &from2, -1, Overlap::Yes, "control: shares, exact"),
        ];
        for (a, b, w, want, why) in cases {
            assert_eq!(solve_may_share_memory(a, 8, b, 8, w), want, "{why}");
        }
    }
}
