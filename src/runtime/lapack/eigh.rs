//! Symmetric eigenproblems as LAPACK's `dsyevd` runs them below 26 rows: `dsytd2` (reduce to
//! tridiagonal), `dsteqr` (implicit QL/QR with Wilkinson shifts) and `dormtr` (turn the
//! tridiagonal's vectors back), so eigenvector signs come out as NumPy's `eigh` gives them.
//! The BLAS-2 steps (`dsymv`, `dsyr2`) follow the reference loops, not OpenBLAS's kernels, so
//! the last bit can differ; `eigvalsh` runs `dsteqr` without vectors where LAPACK runs `dsterf`
//! (same values to the printed digits, not always to the bit).

use super::ddot;
use super::qr::{dlapy2, dlarf_left, dlarfg};

/// `(w, z)` of the symmetric column-major `n x n` `a`, reading its lower (or `upper`)
/// triangle: `w` ascending and, when `vectors`, `z` column-major with eigenvector `j` in
/// column `j` (empty otherwise). `None` when `dsteqr` does not converge in `30 n` sweeps.
pub fn syev(a: &[f64], n: usize, upper: bool, vectors: bool) -> Option<(Vec<f64>, Vec<f64>)> {
    if n == 0 {
        return Some((vec![], vec![]));
    }
    if n == 1 {
        return Some((vec![a[0]], if vectors { vec![1.0] } else { vec![] }));
    }
    let mut a = a.to_vec();
    let (d, e, tau) = if upper {
        sytd2_upper(&mut a, n)
    } else {
        sytd2_lower(&mut a, n)
    };
    let (w, mut z) = steqr(d, e, n, vectors)?;
    if vectors {
        if upper {
            // dormql: Q = H(n-1) ... H(1); H(i) acts on rows 0..=i, v ends with its 1
            for i in 0..n - 1 {
                let mut v = a[(i + 1) * n..(i + 1) * n + i].to_vec();
                v.push(1.0);
                dlarf_left(&mut z, n, (0, 0), (i + 1, n), &v, tau[i]);
            }
        } else {
            // dormqr: Q = H(1) ... H(n-1); H(i) acts on rows i+1.., v starts with its 1
            for i in (0..n - 1).rev() {
                let mut v = vec![1.0];
                v.extend_from_slice(&a[i + 2 + i * n..(i + 1) * n]);
                dlarf_left(&mut z, n, (i + 1, 0), (n - i - 1, n), &v, tau[i]);
            }
        }
    }
    Some((w, z))
}

/// `dsytd2('L')`: `(d, e, tau)`, the reflectors left below the subdiagonal of `a`.
fn sytd2_lower(a: &mut [f64], n: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (mut d, mut e, mut tau) = (vec![0.0; n], vec![0.0; n - 1], vec![0.0; n - 1]);
    for i in 0..n - 1 {
        let alpha = a[i + 1 + i * n];
        let (beta, taui) = dlarfg(alpha, &mut a[(i + 2).min(n) + i * n..(i + 1) * n]);
        e[i] = beta;
        if taui != 0.0 {
            a[i + 1 + i * n] = 1.0;
            let k = n - i - 1;
            let v: Vec<f64> = a[i + 1 + i * n..(i + 1) * n].to_vec();
            let off = i + 1 + (i + 1) * n;
            let mut w = vec![0.0; k];
            // dsymv (lower): w = taui * A22 v
            for j in 0..k {
                let t1 = taui * v[j];
                let mut t2 = 0.0;
                w[j] += t1 * a[off + j + j * n];
                for r in j + 1..k {
                    w[r] += t1 * a[off + r + j * n];
                    t2 += a[off + r + j * n] * v[r];
                }
                w[j] += taui * t2;
            }
            let alpha2 = -0.5 * taui * ddot(&w, &v);
            for j in 0..k {
                w[j] += alpha2 * v[j];
            }
            // dsyr2 (lower, alpha -1): A22 -= v w^T + w v^T
            for j in 0..k {
                if v[j] != 0.0 || w[j] != 0.0 {
                    let (t1, t2) = (-w[j], -v[j]);
                    for r in j..k {
                        a[off + r + j * n] = a[off + r + j * n] + v[r] * t1 + w[r] * t2;
                    }
                }
            }
            a[i + 1 + i * n] = e[i];
        }
        d[i] = a[i + i * n];
        tau[i] = taui;
    }
    d[n - 1] = a[n * n - 1];
    (d, e, tau)
}

/// `dsytd2('U')`: `(d, e, tau)`, the reflectors left above the superdiagonal of `a`.
fn sytd2_upper(a: &mut [f64], n: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (mut d, mut e, mut tau) = (vec![0.0; n], vec![0.0; n - 1], vec![0.0; n - 1]);
    for i in (0..n - 1).rev() {
        let col = (i + 1) * n;
        let alpha = a[i + col];
        let (beta, taui) = dlarfg(alpha, &mut a[col..col + i]);
        e[i] = beta;
        if taui != 0.0 {
            a[i + col] = 1.0;
            let k = i + 1;
            let v: Vec<f64> = a[col..col + k].to_vec();
            let mut w = vec![0.0; k];
            // dsymv (upper): w = taui * A11 v
            for j in 0..k {
                let t1 = taui * v[j];
                let mut t2 = 0.0;
                for r in 0..j {
                    w[r] += t1 * a[r + j * n];
                    t2 += a[r + j * n] * v[r];
                }
                w[j] = w[j] + t1 * a[j + j * n] + taui * t2;
            }
            let alpha2 = -0.5 * taui * ddot(&w, &v);
            for j in 0..k {
                w[j] += alpha2 * v[j];
            }
            // dsyr2 (upper, alpha -1)
            for j in 0..k {
                if v[j] != 0.0 || w[j] != 0.0 {
                    let (t1, t2) = (-w[j], -v[j]);
                    for r in 0..=j {
                        a[r + j * n] = a[r + j * n] + v[r] * t1 + w[r] * t2;
                    }
                }
            }
            a[i + col] = e[i];
        }
        d[i + 1] = a[(i + 1) * (n + 1)];
        tau[i] = taui;
    }
    d[0] = a[0];
    (d, e, tau)
}

/// LAPACK's `dlartg` (3.10+): `(c, s, r)` with `[c s; -s c] [f; g] = [r; 0]`.
pub(crate) fn dlartg(f: f64, g: f64) -> (f64, f64, f64) {
    let safmin = f64::MIN_POSITIVE;
    let safmax = 1.0 / safmin;
    let rtmin = safmin.sqrt();
    let rtmax = (safmax / 2.0).sqrt();
    let (f1, g1) = (f.abs(), g.abs());
    if g == 0.0 {
        (1.0, 0.0, f)
    } else if f == 0.0 {
        (0.0, 1f64.copysign(g), g1)
    } else if f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax {
        let d = (f * f + g * g).sqrt();
        let r = d.copysign(f);
        (f1 / d, g / r, r)
    } else {
        let u = safmax.min(safmin.max(f1).max(g1));
        let (fs, gs) = (f / u, g / u);
        let d = (fs * fs + gs * gs).sqrt();
        let r = d.copysign(f);
        (fs.abs() / d, gs / r, r * u)
    }
}

/// `dlaev2`: eigenvalues `rt1 >= rt2` (by absolute value) of `[[a, b], [b, c]]` and the
/// rotation `(cs1, sn1)` whose first column is `rt1`'s eigenvector.
fn dlaev2(a: f64, b: f64, c: f64) -> (f64, f64, f64, f64) {
    let (sm, df) = (a + c, a - c);
    let adf = df.abs();
    let tb = b + b;
    let ab = tb.abs();
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    let rt = if adf > ab {
        adf * (1.0 + (ab / adf).powi(2)).sqrt()
    } else if adf < ab {
        ab * (1.0 + (adf / ab).powi(2)).sqrt()
    } else {
        ab * 2f64.sqrt()
    };
    let (rt1, rt2, sgn1) = if sm < 0.0 {
        let rt1 = 0.5 * (sm - rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, -1)
    } else if sm > 0.0 {
        let rt1 = 0.5 * (sm + rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, 1)
    } else {
        (0.5 * rt, -0.5 * rt, 1)
    };
    let (cs, sgn2) = if df >= 0.0 {
        (df + rt, 1)
    } else {
        (df - rt, -1)
    };
    let (mut cs1, mut sn1);
    if cs.abs() > ab {
        let ct = -tb / cs;
        sn1 = 1.0 / (1.0 + ct * ct).sqrt();
        cs1 = ct * sn1;
    } else if ab == 0.0 {
        cs1 = 1.0;
        sn1 = 0.0;
    } else {
        let tn = -cs / tb;
        cs1 = 1.0 / (1.0 + tn * tn).sqrt();
        sn1 = tn * cs1;
    }
    if sgn1 == sgn2 {
        let tn = cs1;
        cs1 = -sn1;
        sn1 = tn;
    }
    (rt1, rt2, cs1, sn1)
}

/// `dlasr('R', 'V', dir)`: the plane rotations `(c[j], s[j])` applied to columns
/// `first + j, first + j + 1` of the column-major `z` (`n` rows), backward or forward.
fn rotate_cols(z: &mut [f64], n: usize, first: usize, c: &[f64], s: &[f64], forward: bool) {
    let mut apply = |j: usize| {
        let (ct, st) = (c[j], s[j]);
        if ct != 1.0 || st != 0.0 {
            let (p, q) = ((first + j) * n, (first + j + 1) * n);
            for i in 0..n {
                let temp = z[q + i];
                z[q + i] = ct * temp - st * z[p + i];
                z[p + i] = st * temp + ct * z[p + i];
            }
        }
    };
    if forward {
        (0..c.len()).for_each(&mut apply);
    } else {
        (0..c.len()).rev().for_each(&mut apply);
    }
}

/// `dsteqr('I')` (or `'N'` without `vectors`) on the tridiagonal `(d, e)`: the eigenvalues
/// ascending and the column-major eigenvectors of the tridiagonal.
fn steqr(d0: Vec<f64>, e0: Vec<f64>, n: usize, vectors: bool) -> Option<(Vec<f64>, Vec<f64>)> {
    // 1-based, as the routine reads
    let mut d = vec![0.0];
    d.extend(d0);
    let mut e = vec![0.0];
    e.extend(e0);
    e.push(0.0);
    let mut z = vec![0.0; if vectors { n * n } else { 0 }];
    if vectors {
        for i in 0..n {
            z[i * (n + 1)] = 1.0;
        }
    }
    let (mut cw, mut sw) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    let eps = f64::EPSILON / 2.0;
    let eps2 = eps * eps;
    let safmin = f64::MIN_POSITIVE;
    let safmax = 1.0 / safmin;
    let ssfmax = safmax.sqrt() / 3.0;
    let ssfmin = safmin.sqrt() / eps2;
    let nmaxit = n * 30;
    let mut jtot = 0;
    let n_i = n as isize;
    let mut l1: isize = 1;
    let at = |i: isize| i as usize;
    loop {
        if l1 > n_i {
            break;
        }
        if l1 > 1 {
            e[at(l1 - 1)] = 0.0;
        }
        let mut m = n_i;
        for mm in l1..n_i {
            let tst = e[at(mm)].abs();
            if tst == 0.0 {
                m = mm;
                break;
            }
            if tst <= (d[at(mm)].abs().sqrt() * d[at(mm + 1)].abs().sqrt()) * eps {
                e[at(mm)] = 0.0;
                m = mm;
                break;
            }
        }
        let mut l = l1;
        let lsv = l;
        let mut lend = m;
        let lendsv = lend;
        l1 = m + 1;
        if lend == l {
            continue;
        }
        let mut anorm = 0.0f64;
        for i in l..=lend {
            anorm = anorm.max(d[at(i)].abs());
            if i < lend {
                anorm = anorm.max(e[at(i)].abs());
            }
        }
        if anorm == 0.0 {
            continue;
        }
        let scale = if anorm > ssfmax {
            Some(ssfmax)
        } else if anorm < ssfmin {
            Some(ssfmin)
        } else {
            None
        };
        if let Some(to) = scale {
            for i in l..=lend {
                d[at(i)] *= to / anorm;
                if i < lend {
                    e[at(i)] *= to / anorm;
                }
            }
        }
        if d[at(lend)].abs() < d[at(l)].abs() {
            lend = lsv;
            l = lendsv;
        }
        if lend > l {
            // QL iteration: look for a small subdiagonal element
            loop {
                let mut m = lend;
                for mm in l..lend {
                    let tst = e[at(mm)].abs().powi(2);
                    if tst <= (eps2 * d[at(mm)].abs()) * d[at(mm + 1)].abs() + safmin {
                        m = mm;
                        break;
                    }
                }
                if m < lend {
                    e[at(m)] = 0.0;
                }
                let mut p = d[at(l)];
                if m == l {
                    d[at(l)] = p;
                    l += 1;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if m == l + 1 {
                    let (li, li1) = (at(l), at(l + 1));
                    if vectors {
                        let (rt1, rt2, c, s) = dlaev2(d[li], e[li], d[li1]);
                        d[li] = rt1;
                        d[li1] = rt2;
                        rotate_cols(&mut z, n, li - 1, &[c], &[s], false);
                    } else {
                        let (rt1, rt2, _, _) = dlaev2(d[li], e[li], d[li1]);
                        d[li] = rt1;
                        d[li1] = rt2;
                    }
                    e[li] = 0.0;
                    l += 2;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                let li = at(l);
                let mut g = (d[li + 1] - p) / (2.0 * e[li]);
                let mut r = dlapy2(g, 1.0);
                g = d[at(m)] - p + (e[li] / (g + r.copysign(g)));
                let (mut s, mut c) = (1.0, 1.0);
                p = 0.0;
                for i in (l..m).rev() {
                    let i = at(i);
                    let f = s * e[i];
                    let b = c * e[i];
                    (c, s, r) = dlartg(g, f);
                    if i as isize != m - 1 {
                        e[i + 1] = r;
                    }
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    cw[i] = c;
                    sw[i] = -s;
                }
                if vectors {
                    let mm = at(m - l);
                    rotate_cols(&mut z, n, li - 1, &cw[li..li + mm], &sw[li..li + mm], false);
                }
                d[li] -= p;
                e[li] = g;
            }
        } else {
            // QR iteration
            loop {
                let mut m = lend;
                let mut mm = l;
                while mm > lend {
                    let tst = e[at(mm - 1)].abs().powi(2);
                    if tst <= (eps2 * d[at(mm)].abs()) * d[at(mm - 1)].abs() + safmin {
                        m = mm;
                        break;
                    }
                    mm -= 1;
                }
                if m > lend {
                    e[at(m - 1)] = 0.0;
                }
                let mut p = d[at(l)];
                if m == l {
                    d[at(l)] = p;
                    l -= 1;
                    if l >= lend {
                        continue;
                    }
                    break;
                }
                if m == l - 1 {
                    let (lm, li) = (at(l - 1), at(l));
                    let (rt1, rt2, c, s) = dlaev2(d[lm], e[lm], d[li]);
                    if vectors {
                        rotate_cols(&mut z, n, lm - 1, &[c], &[s], true);
                    }
                    d[lm] = rt1;
                    d[li] = rt2;
                    e[lm] = 0.0;
                    l -= 2;
                    if l >= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                let li = at(l);
                let mut g = (d[li - 1] - p) / (2.0 * e[li - 1]);
                let mut r = dlapy2(g, 1.0);
                g = d[at(m)] - p + (e[li - 1] / (g + r.copysign(g)));
                let (mut s, mut c) = (1.0, 1.0);
                p = 0.0;
                for i in m..l {
                    let i = at(i);
                    let f = s * e[i];
                    let b = c * e[i];
                    (c, s, r) = dlartg(g, f);
                    if i as isize != m {
                        e[i - 1] = r;
                    }
                    g = d[i] - p;
                    r = (d[i + 1] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i] = g + p;
                    g = c * r - b;
                    cw[i] = c;
                    sw[i] = s;
                }
                if vectors {
                    let (mi, mm) = (at(m), at(l - m));
                    rotate_cols(&mut z, n, mi - 1, &cw[mi..mi + mm], &sw[mi..mi + mm], true);
                }
                d[li] -= p;
                e[li - 1] = g;
            }
        }
        if let Some(to) = scale {
            for i in lsv..=lendsv {
                d[at(i)] *= anorm / to;
                if i < lendsv {
                    e[at(i)] *= anorm / to;
                }
            }
        }
        if jtot >= nmaxit {
            return None;
        }
    }
    let mut w = d[1..].to_vec();
    if !vectors {
        w.sort_by(f64::total_cmp);
        return Some((w, z));
    }
    // selection sort, swapping vectors along
    for i in 0..n - 1 {
        let mut k = i;
        let mut p = w[i];
        for j in i + 1..n {
            if w[j] < p {
                k = j;
                p = w[j];
            }
        }
        if k != i {
            w[k] = w[i];
            w[i] = p;
            for r in 0..n {
                z.swap(r + i * n, r + k * n);
            }
        }
    }
    Some((w, z))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_eigenpairs_satisfy_av_equals_wv() {
        // rows: (matrix, triangle read); each pair must give A v = w v with unit v
        let cases: &[(&[f64], usize, bool)] = &[
            (&[2.0, 1.0, 1.0, 2.0], 2, false), // 2x2: dlaev2 alone
            (&[4.0, 1.0, 2.0, 1.0, 3.0, 0.5, 2.0, 0.5, 1.0], 3, false), // QL sweeps
            (&[4.0, 1.0, 2.0, 1.0, 3.0, 0.5, 2.0, 0.5, 1.0], 3, true), // upper triangle
            (&[1.0, 0.0, 0.0, 0.0, 5.0, 0.0, 0.0, 0.0, 3.0], 3, false), // already diagonal
        ];
        for &(a, n, upper) in cases {
            let (w, z) = syev(a, n, upper, true).unwrap();
            assert!(w.windows(2).all(|p| p[0] <= p[1]), "{w:?}");
            for j in 0..n {
                for i in 0..n {
                    let av: f64 = (0..n).map(|k| a[i + k * n] * z[k + j * n]).sum();
                    assert!((av - w[j] * z[i + j * n]).abs() < 1e-12, "{a:?} {j}");
                }
            }
            let (w2, _) = syev(a, n, upper, false).unwrap();
            assert!(w.iter().zip(&w2).all(|(x, y)| (x - y).abs() < 1e-12));
        }
    }

    #[test]
    fn dlartg_zero_cases() {
        assert_eq!(dlartg(3.0, 0.0), (1.0, 0.0, 3.0));
        assert_eq!(dlartg(0.0, -2.0), (0.0, -1.0, 2.0));
        assert_eq!(dlartg(3.0, 4.0), (0.6, 0.8, 5.0));
    }
}
