//! The real Schur form of a Hessenberg matrix as LAPACK's `dlahqr` computes it (double-shift
//! QR, `dlanv2` standardising each 2 x 2 block), for `eig`; 1-based over [`Mat`] like the Fortran.

use super::eig::{Mat, SAFMIN, ULP};
use super::qr::{dlapy2, dlarfg};

/// BLAS `drot` on two equal-length walks through `m`.
pub(super) fn drot(m: &mut Mat, x: &[(usize, usize)], y: &[(usize, usize)], c: f64, s: f64) {
    for (&p, &q) in x.iter().zip(y) {
        let temp = c * m[p] + s * m[q];
        m[q] = c * m[q] - s * m[p];
        m[p] = temp;
    }
}

/// `dlanv2`: the Schur factorisation of a real 2 x 2 block: `([a, b, c, d], (rt1r, rt1i),
/// (rt2r, rt2i), cs, sn)`.
#[allow(clippy::type_complexity)]
fn dlanv2(
    mut a: f64,
    mut b: f64,
    mut c: f64,
    mut d: f64,
) -> ([f64; 4], (f64, f64), (f64, f64), f64, f64) {
    let multpl = 4.0;
    let eps = ULP;
    let safmn2 = 2f64.powi(((SAFMIN / eps).ln() / 2f64.ln() / 2.0) as i32);
    let safmx2 = 1.0 / safmn2;
    let (mut cs, mut sn);
    if c == 0.0 {
        cs = 1.0;
        sn = 0.0;
    } else if b == 0.0 {
        cs = 0.0;
        sn = 1.0;
        std::mem::swap(&mut a, &mut d);
        b = -c;
        c = 0.0;
    } else if a - d == 0.0 && b.signum() != c.signum() {
        cs = 1.0;
        sn = 0.0;
    } else {
        let mut temp = a - d;
        let mut p = 0.5 * temp;
        let bcmax = b.abs().max(c.abs());
        let bcmis = b.abs().min(c.abs()) * b.signum() * c.signum();
        let mut scale = p.abs().max(bcmax);
        let mut z = (p / scale) * p + (bcmax / scale) * bcmis;
        if z >= multpl * eps {
            z = p + (scale.sqrt() * z.sqrt()).copysign(p);
            a = d + z;
            d -= (bcmax / z) * bcmis;
            let tau = dlapy2(c, z);
            cs = z / tau;
            sn = c / tau;
            b -= c;
            c = 0.0;
        } else {
            let mut count = 0;
            let mut sigma = b + c;
            loop {
                count += 1;
                scale = temp.abs().max(sigma.abs());
                if scale >= safmx2 {
                    sigma *= safmn2;
                    temp *= safmn2;
                    if count <= 20 {
                        continue;
                    }
                }
                if scale <= safmn2 {
                    sigma *= safmx2;
                    temp *= safmx2;
                    if count <= 20 {
                        continue;
                    }
                }
                break;
            }
            p = 0.5 * temp;
            let mut tau = dlapy2(sigma, temp);
            cs = (0.5 * (1.0 + sigma.abs() / tau)).sqrt();
            sn = -(p / (tau * cs)) * 1f64.copysign(sigma);
            let aa = a * cs + b * sn;
            let bb = -a * sn + b * cs;
            let cc = c * cs + d * sn;
            let dd = -c * sn + d * cs;
            a = aa * cs + cc * sn;
            b = (bb * cs) + (dd * sn);
            c = -(aa * sn) + (cc * cs);
            d = -bb * sn + dd * cs;
            temp = 0.5 * (a + d);
            a = temp;
            d = temp;
            if c != 0.0 {
                if b != 0.0 {
                    if b.signum() == c.signum() {
                        let sab = b.abs().sqrt();
                        let sac = c.abs().sqrt();
                        p = (sab * sac).copysign(c);
                        tau = 1.0 / (b + c).abs().sqrt();
                        a = temp + p;
                        d = temp - p;
                        b -= c;
                        c = 0.0;
                        let cs1 = sab * tau;
                        let sn1 = sac * tau;
                        let t = cs * cs1 - sn * sn1;
                        sn = cs * sn1 + sn * cs1;
                        cs = t;
                    }
                } else {
                    b = -c;
                    c = 0.0;
                    let t = cs;
                    cs = -sn;
                    sn = t;
                }
            }
        }
    }
    let (rt1i, rt2i) = if c == 0.0 {
        (0.0, 0.0)
    } else {
        let r = b.abs().sqrt() * c.abs().sqrt();
        (r, -r)
    };
    ([a, b, c, d], (a, rt1i), (d, rt2i), cs, sn)
}

/// `dlahqr`: the eigenvalues of the Hessenberg block `ilo..=ihi`; with `z`, the full Schur
/// form (`wantt`) and its vectors accumulated into `z`.
pub(super) fn lahqr(
    h: &mut Mat,
    ilo: usize,
    ihi: usize,
    wr: &mut [f64],
    wi: &mut [f64],
    mut z: Option<&mut Mat>,
) -> Option<()> {
    let n = h.n;
    let wantt = z.is_some();
    if ilo == ihi {
        wr[ilo] = h[(ilo, ilo)];
        wi[ilo] = 0.0;
        return Some(());
    }
    for j in ilo..ihi.saturating_sub(2) {
        h[(j + 2, j)] = 0.0;
        h[(j + 3, j)] = 0.0;
    }
    if ilo + 2 <= ihi {
        h[(ihi, ihi - 2)] = 0.0;
    }
    let nh = ihi - ilo + 1;
    let smlnum = SAFMIN * (nh as f64 / ULP);
    let (mut i1, mut i2) = (1usize, n);
    let itmax = 30 * nh.max(10);
    let (dat1, dat2, kexsh) = (0.75, -0.4375, 10);
    let mut kdefl = 0;
    let mut i = ihi as isize;
    while i >= ilo as isize {
        let iu = i as usize;
        let mut l = ilo;
        let mut converged = false;
        for _its in 0..=itmax {
            // a small subdiagonal element
            let mut k = iu;
            while k > l {
                if h[(k, k - 1)].abs() <= smlnum {
                    break;
                }
                let mut tst = h[(k - 1, k - 1)].abs() + h[(k, k)].abs();
                if tst == 0.0 {
                    if k >= ilo + 2 {
                        tst += h[(k - 1, k - 2)].abs();
                    }
                    if k < ihi {
                        tst += h[(k + 1, k)].abs();
                    }
                }
                if h[(k, k - 1)].abs() <= ULP * tst {
                    let ab = h[(k, k - 1)].abs().max(h[(k - 1, k)].abs());
                    let ba = h[(k, k - 1)].abs().min(h[(k - 1, k)].abs());
                    let aa = h[(k, k)].abs().max((h[(k - 1, k - 1)] - h[(k, k)]).abs());
                    let bb = h[(k, k)].abs().min((h[(k - 1, k - 1)] - h[(k, k)]).abs());
                    let s = aa + ab;
                    if ba * (ab / s) <= smlnum.max(ULP * (bb * (aa / s))) {
                        break;
                    }
                }
                k -= 1;
            }
            l = k;
            if l > ilo {
                h[(l, l - 1)] = 0.0;
            }
            if l + 1 >= iu {
                converged = true;
                break;
            }
            kdefl += 1;
            if !wantt {
                i1 = l;
                i2 = iu;
            }
            let (mut h11, mut h12, mut h21, mut h22);
            if kdefl % (2 * kexsh) == 0 {
                let s = h[(iu, iu - 1)].abs() + h[(iu - 1, iu - 2)].abs();
                h11 = dat1 * s + h[(iu, iu)];
                h12 = dat2 * s;
                h21 = s;
                h22 = h11;
            } else if kdefl % kexsh == 0 {
                let s = h[(l + 1, l)].abs() + h[(l + 2, l + 1)].abs();
                h11 = dat1 * s + h[(l, l)];
                h12 = dat2 * s;
                h21 = s;
                h22 = h11;
            } else {
                h11 = h[(iu - 1, iu - 1)];
                h21 = h[(iu, iu - 1)];
                h12 = h[(iu - 1, iu)];
                h22 = h[(iu, iu)];
            }
            let s = h11.abs() + h12.abs() + h21.abs() + h22.abs();
            let (rt1r, rt1i, rt2r, rt2i);
            if s == 0.0 {
                (rt1r, rt1i, rt2r, rt2i) = (0.0, 0.0, 0.0, 0.0);
            } else {
                h11 /= s;
                h21 /= s;
                h12 /= s;
                h22 /= s;
                let tr = (h11 + h22) / 2.0;
                let det = (h11 - tr) * (h22 - tr) - h12 * h21;
                let rtdisc = det.abs().sqrt();
                if det >= 0.0 {
                    rt1r = tr * s;
                    rt2r = rt1r;
                    rt1i = rtdisc * s;
                    rt2i = -rt1i;
                } else {
                    let a = tr + rtdisc;
                    let b = tr - rtdisc;
                    let r = if (a - h22).abs() <= (b - h22).abs() {
                        a * s
                    } else {
                        b * s
                    };
                    rt1r = r;
                    rt2r = r;
                    rt1i = 0.0;
                    rt2i = 0.0;
                }
            }
            // two consecutive small subdiagonal elements
            let mut v = [0.0f64; 3];
            let mut m = iu - 2;
            loop {
                let h21s = h[(m + 1, m)];
                let s = (h[(m, m)] - rt2r).abs() + rt2i.abs() + h21s.abs();
                let h21s = h[(m + 1, m)] / s;
                v[0] = h21s * h[(m, m + 1)] + (h[(m, m)] - rt1r) * ((h[(m, m)] - rt2r) / s)
                    - rt1i * (rt2i / s);
                v[1] = h21s * (h[(m, m)] + h[(m + 1, m + 1)] - rt1r - rt2r);
                v[2] = h21s * h[(m + 2, m + 1)];
                let s = v[0].abs() + v[1].abs() + v[2].abs();
                v[0] /= s;
                v[1] /= s;
                v[2] /= s;
                if m == l {
                    break;
                }
                let h00 = h[(m - 1, m - 1)].abs();
                if h[(m, m - 1)].abs() * (v[1].abs() + v[2].abs())
                    <= ULP * v[0].abs() * (h00 + h[(m, m)].abs() + h[(m + 1, m + 1)].abs())
                {
                    break;
                }
                m -= 1;
            }
            // the double-shift QR step
            for k in m..iu {
                let nr = 3.min(iu - k + 1);
                if k > m {
                    for q in 0..nr {
                        v[q] = h[(k + q, k - 1)];
                    }
                }
                let (beta, t1) = dlarfg(v[0], &mut v[1..nr]);
                v[0] = beta;
                if k > m {
                    h[(k, k - 1)] = v[0];
                    h[(k + 1, k - 1)] = 0.0;
                    if k + 1 < iu {
                        h[(k + 2, k - 1)] = 0.0;
                    }
                } else if m > l {
                    h[(k, k - 1)] *= 1.0 - t1;
                }
                let v2 = v[1];
                let t2 = t1 * v2;
                if nr == 3 {
                    let v3 = v[2];
                    let t3 = t1 * v3;
                    for j in k..=i2 {
                        let sum = h[(k, j)] + v2 * h[(k + 1, j)] + v3 * h[(k + 2, j)];
                        h[(k, j)] -= sum * t1;
                        h[(k + 1, j)] -= sum * t2;
                        h[(k + 2, j)] -= sum * t3;
                    }
                    for j in i1..=(k + 3).min(iu) {
                        let sum = h[(j, k)] + v2 * h[(j, k + 1)] + v3 * h[(j, k + 2)];
                        h[(j, k)] -= sum * t1;
                        h[(j, k + 1)] -= sum * t2;
                        h[(j, k + 2)] -= sum * t3;
                    }
                    if let Some(z) = z.as_deref_mut() {
                        for j in 1..=n {
                            let sum = z[(j, k)] + v2 * z[(j, k + 1)] + v3 * z[(j, k + 2)];
                            z[(j, k)] -= sum * t1;
                            z[(j, k + 1)] -= sum * t2;
                            z[(j, k + 2)] -= sum * t3;
                        }
                    }
                } else if nr == 2 {
                    for j in k..=i2 {
                        let sum = h[(k, j)] + v2 * h[(k + 1, j)];
                        h[(k, j)] -= sum * t1;
                        h[(k + 1, j)] -= sum * t2;
                    }
                    for j in i1..=iu {
                        let sum = h[(j, k)] + v2 * h[(j, k + 1)];
                        h[(j, k)] -= sum * t1;
                        h[(j, k + 1)] -= sum * t2;
                    }
                    if let Some(z) = z.as_deref_mut() {
                        for j in 1..=n {
                            let sum = z[(j, k)] + v2 * z[(j, k + 1)];
                            z[(j, k)] -= sum * t1;
                            z[(j, k + 1)] -= sum * t2;
                        }
                    }
                }
            }
        }
        if !converged {
            return None;
        }
        if l == iu {
            wr[iu] = h[(iu, iu)];
            wi[iu] = 0.0;
        } else if l + 1 == iu {
            let (abcd, (r1, i1v), (r2, i2v), cs, sn) = dlanv2(
                h[(iu - 1, iu - 1)],
                h[(iu - 1, iu)],
                h[(iu, iu - 1)],
                h[(iu, iu)],
            );
            h[(iu - 1, iu - 1)] = abcd[0];
            h[(iu - 1, iu)] = abcd[1];
            h[(iu, iu - 1)] = abcd[2];
            h[(iu, iu)] = abcd[3];
            (wr[iu - 1], wi[iu - 1], wr[iu], wi[iu]) = (r1, i1v, r2, i2v);
            if wantt {
                if i2 > iu {
                    let x: Vec<_> = (iu + 1..=i2).map(|j| (iu - 1, j)).collect();
                    let y: Vec<_> = (iu + 1..=i2).map(|j| (iu, j)).collect();
                    drot(h, &x, &y, cs, sn);
                }
                let x: Vec<_> = (i1..iu - 1).map(|r| (r, iu - 1)).collect();
                let y: Vec<_> = (i1..iu - 1).map(|r| (r, iu)).collect();
                drot(h, &x, &y, cs, sn);
            }
            if let Some(z) = z.as_deref_mut() {
                let x: Vec<_> = (1..=n).map(|r| (r, iu - 1)).collect();
                let y: Vec<_> = (1..=n).map(|r| (r, iu)).collect();
                drot(z, &x, &y, cs, sn);
            }
        }
        kdefl = 0;
        i = l as isize - 1;
    }
    Some(())
}
