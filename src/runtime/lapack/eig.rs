//! General (non-symmetric) eigenproblems as LAPACK's `dgeev` runs them below 76 rows:
//! `dgebal` (permute and scale), `dgehd2` (Hessenberg), `dorghr`, `dlahqr` (`schur`), `dtrevc3`
//! (`trevc`), `dgebak`, then `dgeev`'s normalisation (unit 2-norm, the largest component of a
//! complex vector made real). So eigenvalue order and eigenvector signs are NumPy's; the last
//! bit can differ where OpenBLAS's BLAS kernels sum in another order than the loops here.
//!
//! Written 1-based over [`Mat`], as the Fortran reads, to keep the port checkable line by line.

use std::ops::{Index, IndexMut};

use super::eigh::dlartg;
use super::qr::{dlapy2, dlarf_left, dlarfg, dnrm2, orgqr};
use super::schur::{drot, lahqr};
use super::trevc::trevc_right;

/// A column-major `n x n` matrix indexed 1-based `(row, col)`.
#[derive(Clone)]
pub(super) struct Mat {
    pub(super) n: usize,
    pub(super) d: Vec<f64>,
}

impl Index<(usize, usize)> for Mat {
    type Output = f64;
    fn index(&self, (i, j): (usize, usize)) -> &f64 {
        &self.d[(i - 1) + (j - 1) * self.n]
    }
}

impl IndexMut<(usize, usize)> for Mat {
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut f64 {
        &mut self.d[(i - 1) + (j - 1) * self.n]
    }
}

impl Mat {
    pub(super) fn col(&self, j: usize, rows: std::ops::RangeInclusive<usize>) -> Vec<f64> {
        rows.map(|i| self[(i, j)]).collect()
    }
    pub(super) fn row(&self, i: usize, cols: std::ops::RangeInclusive<usize>) -> Vec<f64> {
        cols.map(|j| self[(i, j)]).collect()
    }
    pub(super) fn swap_cols(&mut self, a: usize, b: usize, rows: std::ops::RangeInclusive<usize>) {
        for i in rows {
            self.d
                .swap((i - 1) + (a - 1) * self.n, (i - 1) + (b - 1) * self.n);
        }
    }
    pub(super) fn swap_rows(&mut self, a: usize, b: usize, cols: std::ops::RangeInclusive<usize>) {
        for j in cols {
            self.d
                .swap((a - 1) + (j - 1) * self.n, (b - 1) + (j - 1) * self.n);
        }
    }
}

/// `dlamch('P')`, `dlamch('S')`.
pub(super) const ULP: f64 = f64::EPSILON;
pub(super) const SAFMIN: f64 = f64::MIN_POSITIVE;

/// BLAS `idamax`: the first position (0-based) of the largest absolute value.
pub(super) fn idamax(x: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in x.iter().enumerate() {
        if v.abs() > x[best].abs() {
            best = i;
        }
    }
    best
}

/// The eigenvalues `wr + i wi` and, when asked, `dgeev`'s right eigenvectors (column-major;
/// a complex pair `j, j+1` stores the real part in column `j` and the imaginary in `j+1`).
pub struct Eig {
    pub wr: Vec<f64>,
    pub wi: Vec<f64>,
    pub vr: Vec<f64>,
}

/// `dgeev('N', vectors ? 'V' : 'N')` of the column-major `n x n` `a`; `None` when the QR
/// iteration does not converge.
pub fn geev(a: &[f64], n: usize, vectors: bool) -> Option<Eig> {
    if n == 0 {
        return Some(Eig {
            wr: vec![],
            wi: vec![],
            vr: vec![],
        });
    }
    let mut h = Mat { n, d: a.to_vec() };
    // dgeev scales a matrix whose largest entry is outside [smlnum, bignum]
    let anrm = h.d.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let smlnum = SAFMIN.sqrt() / ULP;
    let bignum = 1.0 / smlnum;
    let cscale = if anrm > 0.0 && anrm < smlnum {
        Some(smlnum)
    } else if anrm > bignum {
        Some(bignum)
    } else {
        None
    };
    if let Some(c) = cscale {
        h.d.iter_mut().for_each(|v| *v *= c / anrm);
    }
    let (ilo, ihi, scale) = gebal(&mut h);
    let tau = gehd2(&mut h, ilo, ihi);
    let mut z = if vectors {
        orghr(&h, ilo, ihi, &tau)
    } else {
        Mat { n, d: vec![] }
    };
    let mut wr = vec![0.0; n + 1];
    let mut wi = vec![0.0; n + 1];
    for i in (1..ilo).chain(ihi + 1..=n) {
        wr[i] = h[(i, i)];
    }
    lahqr(
        &mut h,
        ilo,
        ihi,
        &mut wr,
        &mut wi,
        vectors.then_some(&mut z),
    )?;
    if let Some(c) = cscale {
        for i in 1..=n {
            wr[i] *= anrm / c;
            wi[i] *= anrm / c;
        }
    }
    let mut vr = vec![];
    if vectors {
        for j in 1..=n {
            for i in j + 2..=n {
                h[(i, j)] = 0.0;
            }
        }
        let mut v = trevc_right(&h, &z);
        gebak(&mut v, ilo, ihi, &scale);
        normalize(&mut v, &wi);
        vr = v.d;
    }
    wr.remove(0);
    wi.remove(0);
    Some(Eig { wr, wi, vr })
}

/// `dgebal('B')`: `(ilo, ihi, scale)` (1-based, `scale[i]` a permutation index outside
/// `ilo..=ihi`, a power-of-two factor inside).
fn gebal(a: &mut Mat) -> (usize, usize, Vec<f64>) {
    let n = a.n;
    let mut scale = vec![1.0; n + 1];
    let (mut k, mut l) = (1usize, n);
    // rows isolating an eigenvalue: push them to the bottom
    let mut noconv = true;
    while noconv {
        noconv = false;
        for i in (1..=l).rev() {
            let canswap = (1..=l).all(|j| i == j || a[(i, j)] == 0.0);
            if canswap {
                scale[l] = i as f64;
                if i != l {
                    a.swap_cols(i, l, 1..=l);
                    a.swap_rows(i, l, k..=n);
                }
                noconv = true;
                if l == 1 {
                    return (1, 1, scale);
                }
                l -= 1;
            }
        }
    }
    // columns isolating an eigenvalue: push them to the left
    noconv = true;
    while noconv {
        noconv = false;
        // the range is fixed when the loop starts, as Fortran's DO is, while k moves on
        let (k0, l0) = (k, l);
        for j in k0..=l0 {
            let canswap = (k..=l).all(|i| i == j || a[(i, j)] == 0.0);
            if canswap {
                scale[k] = j as f64;
                if j != k {
                    a.swap_cols(j, k, 1..=l);
                    a.swap_rows(j, k, k..=n);
                }
                noconv = true;
                k += 1;
            }
        }
    }
    for s in scale.iter_mut().take(l + 1).skip(k) {
        *s = 1.0;
    }
    let (sclfac, factor) = (2.0, 0.95);
    let sfmin1 = SAFMIN / ULP;
    let sfmax1 = 1.0 / sfmin1;
    let sfmin2 = sfmin1 * sclfac;
    let sfmax2 = 1.0 / sfmin2;
    noconv = true;
    while noconv {
        noconv = false;
        for i in k..=l {
            let mut c = dnrm2(&a.col(i, k..=l));
            let mut r = dnrm2(&a.row(i, k..=l));
            let mut ca = a[(idamax(&a.col(i, 1..=l)) + 1, i)].abs();
            let mut ra = a[(i, idamax(&a.row(i, k..=n)) + k)].abs();
            if c == 0.0 || r == 0.0 {
                continue;
            }
            if (c + ca + r + ra).is_nan() {
                return (k, l, scale);
            }
            let mut g = r / sclfac;
            let mut f: f64 = 1.0;
            let s = c + r;
            while c < g && f.max(c).max(ca) < sfmax2 && r.min(g).min(ra) > sfmin2 {
                f *= sclfac;
                c *= sclfac;
                ca *= sclfac;
                r /= sclfac;
                g /= sclfac;
                ra /= sclfac;
            }
            g = c / sclfac;
            while g >= r && r.max(ra) < sfmax2 && f.min(c).min(g).min(ca) > sfmin2 {
                f /= sclfac;
                c /= sclfac;
                g /= sclfac;
                ca /= sclfac;
                r *= sclfac;
                ra *= sclfac;
            }
            if c + r >= factor * s {
                continue;
            }
            if f < 1.0 && scale[i] < 1.0 && f * scale[i] <= sfmin1 {
                continue;
            }
            if f > 1.0 && scale[i] > 1.0 && scale[i] >= sfmax1 / f {
                continue;
            }
            g = 1.0 / f;
            scale[i] *= f;
            noconv = true;
            for j in k..=n {
                a[(i, j)] *= g;
            }
            for r in 1..=l {
                a[(r, i)] *= f;
            }
        }
    }
    (k, l, scale)
}

/// `dgehd2`: Hessenberg form of rows/columns `ilo..=ihi`; returns `tau` (1-based).
fn gehd2(a: &mut Mat, ilo: usize, ihi: usize) -> Vec<f64> {
    let n = a.n;
    let mut tau = vec![0.0; n + 1];
    for i in ilo..ihi {
        let alpha = a[(i + 1, i)];
        let (lo, hi) = (i + 1 + (i - 1) * n, ihi + (i - 1) * n);
        let (beta, t) = dlarfg(alpha, &mut a.d[lo.min(hi)..hi]);
        tau[i] = t;
        a[(i + 1, i)] = beta;
        let mut v = vec![1.0];
        v.extend((i + 2..=ihi).map(|r| a[(r, i)]));
        // H from the right on A(1:ihi, i+1:ihi): w = C v, C -= tau w v^T
        if t != 0.0 {
            let w: Vec<f64> = (1..=ihi)
                .map(|r| {
                    v.iter()
                        .enumerate()
                        .fold(0.0, |s, (q, &vq)| s + a[(r, i + 1 + q)] * vq)
                })
                .collect();
            for (q, &vq) in v.iter().enumerate() {
                let tv = -t * vq;
                for r in 1..=ihi {
                    a[(r, i + 1 + q)] += w[r - 1] * tv;
                }
            }
        }
        // and from the left on A(i+1:ihi, i+1:n)
        dlarf_left(&mut a.d, n, (i, i), (ihi - i, n - i), &v, t);
    }
    tau
}

/// `dorghr`: the orthogonal `Q` of `gehd2`'s reflectors.
fn orghr(a: &Mat, ilo: usize, ihi: usize, tau: &[f64]) -> Mat {
    let n = a.n;
    let mut q = Mat {
        n,
        d: vec![0.0; n * n],
    };
    for i in 1..=n {
        q[(i, i)] = 1.0;
    }
    let nh = ihi - ilo;
    if nh == 0 {
        return q;
    }
    // the reflectors shifted one column right, as an nh x nh matrix for dorg2r
    let mut sub = vec![0.0; nh * nh];
    for j in 0..nh {
        for i in j + 1..nh {
            sub[i + j * nh] = a[(ilo + 1 + i, ilo + j)];
        }
    }
    let g = orgqr(&sub, nh, nh, &tau[ilo..ihi], nh);
    for j in 0..nh {
        for i in 0..nh {
            q[(ilo + 1 + i, ilo + 1 + j)] = g[i + j * nh];
        }
    }
    q
}

/// `dgebak('B', 'R')`: undo `gebal`'s scaling, then its permutations.
fn gebak(v: &mut Mat, ilo: usize, ihi: usize, scale: &[f64]) {
    let n = v.n;
    if ilo != ihi {
        for i in ilo..=ihi {
            let s = scale[i];
            for j in 1..=n {
                v[(i, j)] *= s;
            }
        }
    }
    for ii in 1..=n {
        let mut i = ii;
        if i >= ilo && i <= ihi {
            continue;
        }
        if i < ilo {
            i = ilo - ii;
        }
        let k = scale[i] as usize;
        if k != i {
            v.swap_rows(i, k, 1..=n);
        }
    }
}

/// `dgeev`'s last step: unit 2-norm columns; for a complex pair, the rotation that makes the
/// largest component real.
fn normalize(v: &mut Mat, wi: &[f64]) {
    let n = v.n;
    let mut i = 1;
    while i <= n {
        if wi[i] == 0.0 {
            let scl = 1.0 / dnrm2(&v.col(i, 1..=n));
            for r in 1..=n {
                v[(r, i)] *= scl;
            }
        } else if wi[i] > 0.0 {
            let scl = 1.0 / dlapy2(dnrm2(&v.col(i, 1..=n)), dnrm2(&v.col(i + 1, 1..=n)));
            for r in 1..=n {
                v[(r, i)] *= scl;
                v[(r, i + 1)] *= scl;
            }
            let work: Vec<f64> = (1..=n)
                .map(|r| v[(r, i)].powi(2) + v[(r, i + 1)].powi(2))
                .collect();
            let k = idamax(&work) + 1;
            let (cs, sn, _) = dlartg(v[(k, i)], v[(k, i + 1)]);
            let x: Vec<_> = (1..=n).map(|r| (r, i)).collect();
            let y: Vec<_> = (1..=n).map(|r| (r, i + 1)).collect();
            drot(v, &x, &y, cs, sn);
            v[(k, i + 1)] = 0.0;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `A v = w v` for every pair (complex pairs through their real and imaginary columns).
    fn check(a: &[f64], n: usize) {
        let e = geev(a, n, true).unwrap();
        let col = |j: usize| &e.vr[j * n..(j + 1) * n];
        let mut j = 0;
        while j < n {
            let (wr, wi) = (e.wr[j], e.wi[j]);
            let (re, im) = if wi == 0.0 {
                (col(j).to_vec(), vec![0.0; n])
            } else {
                (col(j).to_vec(), col(j + 1).to_vec())
            };
            for i in 0..n {
                let (mut ar, mut ai) = (0.0, 0.0);
                for k in 0..n {
                    ar += a[i + k * n] * re[k];
                    ai += a[i + k * n] * im[k];
                }
                assert!((ar - (wr * re[i] - wi * im[i])).abs() < 1e-10, "{a:?}");
                assert!((ai - (wr * im[i] + wi * re[i])).abs() < 1e-10, "{a:?}");
            }
            j += if wi == 0.0 { 1 } else { 2 };
        }
        let vals = geev(a, n, false).unwrap();
        for (x, y) in vals.wr.iter().zip(&e.wr) {
            assert!((x - y).abs() < 1e-10);
        }
    }

    #[test]
    fn eigenpairs_satisfy_av_equals_wv() {
        // column-major; rows: a reason each
        check(&[1.0, 3.0, 2.0, 4.0], 2); // two real eigenvalues
        check(&[0.0, -1.0, 1.0, 0.0], 2); // a rotation: +-i
        check(&[2.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 1.0], 3); // diagonal: gebal isolates all
        check(&[1.0, 4.0, 7.0, 2.0, 5.0, 8.0, 3.0, 6.0, 10.0], 3); // dense 3 x 3
        check(
            &[
                0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, -1.0, 0.0, 0.0, 0.0,
            ],
            4,
        ); // a cyclic shift: two complex pairs
    }
}
