//! Right eigenvectors of a quasi-triangular Schur form as LAPACK's `dtrevc3` finds them (back
//! substitution through `dlaln2`'s scaled 1 x 1 and 2 x 2 solves, complex division by
//! `dladiv`), turned back by the Schur vectors; for `eig`.

use super::eig::{Mat, SAFMIN, ULP, idamax};

/// `dladiv`: `(a + ib) / (c + id)` robustly (Baudin and Smith).
fn dladiv(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let (mut aa, mut bb, mut cc, mut dd) = (a, b, c, d);
    let ab = a.abs().max(b.abs());
    let cd = c.abs().max(d.abs());
    let mut s = 1.0;
    let ov = f64::MAX;
    let un = SAFMIN;
    let eps = ULP / 2.0;
    let bs = 2.0;
    let be = bs / (eps * eps);
    if ab >= 0.5 * ov {
        aa *= 0.5;
        bb *= 0.5;
        s *= 2.0;
    }
    if cd >= 0.5 * ov {
        cc *= 0.5;
        dd *= 0.5;
        s *= 0.5;
    }
    if ab <= un * bs / eps {
        aa *= be;
        bb *= be;
        s /= be;
    }
    if cd <= un * bs / eps {
        cc *= be;
        dd *= be;
        s *= be;
    }
    let (p, q) = if d.abs() <= c.abs() {
        dladiv1(aa, bb, cc, dd)
    } else {
        let (p, q) = dladiv1(bb, aa, dd, cc);
        (p, -q)
    };
    (p * s, q * s)
}

fn dladiv1(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let r = d / c;
    let t = 1.0 / (c + d * r);
    let p = dladiv2(a, b, c, d, r, t);
    let q = dladiv2(b, -a, c, d, r, t);
    (p, q)
}

fn dladiv2(a: f64, b: f64, c: f64, d: f64, r: f64, t: f64) -> f64 {
    if r != 0.0 {
        let br = b * r;
        if br != 0.0 {
            (a + br) * t
        } else {
            a * t + (b * t) * r
        }
    } else {
        (a + d * (b / c)) * t
    }
}

/// `dlaln2` with `ltrans = false`, `ca = d1 = d2 = 1`: solves `(A - (wr + i wi)) X = s B` for
/// an `na x na` `A` (1 or 2) and a real (`nw = 1`) or complex (`nw = 2`, columns re/im) `B`.
/// Returns `(X, scale, xnorm)`.
#[allow(clippy::type_complexity)]
fn dlaln2(
    na: usize,
    nw: usize,
    smin: f64,
    a: [[f64; 2]; 2],
    b: [[f64; 2]; 2],
    wr: f64,
    wi: f64,
) -> ([[f64; 2]; 2], f64, f64) {
    const ZSWAP: [bool; 4] = [false, false, true, true];
    const RSWAP: [bool; 4] = [false, true, false, true];
    const IPIVOT: [[usize; 4]; 4] = [[0, 1, 2, 3], [1, 0, 3, 2], [2, 3, 0, 1], [3, 2, 1, 0]];
    let smlnum = 2.0 * SAFMIN;
    let bignum = 1.0 / smlnum;
    let smini = smin.max(smlnum);
    let mut scale = 1.0;
    let mut x = [[0.0; 2]; 2];
    if na == 1 {
        if nw == 1 {
            let mut csr = a[0][0] - wr;
            let mut cnorm = csr.abs();
            if cnorm < smini {
                csr = smini;
                cnorm = smini;
            }
            let bnorm = b[0][0].abs();
            if cnorm < 1.0 && bnorm > 1.0 && bnorm > bignum * cnorm {
                scale = 1.0 / bnorm;
            }
            x[0][0] = (b[0][0] * scale) / csr;
            return (x, scale, x[0][0].abs());
        }
        let mut csr = a[0][0] - wr;
        let mut csi = -wi;
        let mut cnorm = csr.abs() + csi.abs();
        if cnorm < smini {
            csr = smini;
            csi = 0.0;
            cnorm = smini;
        }
        let bnorm = b[0][0].abs() + b[0][1].abs();
        if cnorm < 1.0 && bnorm > 1.0 && bnorm > bignum * cnorm {
            scale = 1.0 / bnorm;
        }
        let (p, q) = dladiv(scale * b[0][0], scale * b[0][1], csr, csi);
        x[0] = [p, q];
        return (x, scale, p.abs() + q.abs());
    }
    // 2 x 2: crv in column-major order (11, 21, 12, 22)
    let crv = [a[0][0] - wr, a[1][0], a[0][1], a[1][1] - wr];
    if nw == 1 {
        let mut cmax = 0.0;
        let mut icmax = usize::MAX;
        for (j, c) in crv.iter().enumerate() {
            if c.abs() > cmax {
                cmax = c.abs();
                icmax = j;
            }
        }
        if cmax < smini {
            let bnorm = b[0][0].abs().max(b[1][0].abs());
            if smini < 1.0 && bnorm > 1.0 && bnorm > bignum * smini {
                scale = 1.0 / bnorm;
            }
            let temp = scale / smini;
            x[0][0] = temp * b[0][0];
            x[1][0] = temp * b[1][0];
            return (x, scale, temp * bnorm);
        }
        let ur11 = crv[icmax];
        let cr21 = crv[IPIVOT[icmax][1]];
        let ur12 = crv[IPIVOT[icmax][2]];
        let cr22 = crv[IPIVOT[icmax][3]];
        let ur11r = 1.0 / ur11;
        let lr21 = ur11r * cr21;
        let mut ur22 = cr22 - ur12 * lr21;
        if ur22.abs() < smini {
            ur22 = smini;
        }
        let (br1, mut br2) = if RSWAP[icmax] {
            (b[1][0], b[0][0])
        } else {
            (b[0][0], b[1][0])
        };
        br2 -= lr21 * br1;
        let bbnd = (br1 * (ur22 * ur11r)).abs().max(br2.abs());
        if bbnd > 1.0 && ur22.abs() < 1.0 && bbnd >= bignum * ur22.abs() {
            scale = 1.0 / bbnd;
        }
        let xr2 = (br2 * scale) / ur22;
        let xr1 = (scale * br1) * ur11r - xr2 * (ur11r * ur12);
        if ZSWAP[icmax] {
            x[0][0] = xr2;
            x[1][0] = xr1;
        } else {
            x[0][0] = xr1;
            x[1][0] = xr2;
        }
        let mut xnorm = xr1.abs().max(xr2.abs());
        if xnorm > 1.0 && cmax > 1.0 && xnorm > bignum / cmax {
            let temp = cmax / bignum;
            x[0][0] *= temp;
            x[1][0] *= temp;
            xnorm *= temp;
            scale *= temp;
        }
        return (x, scale, xnorm);
    }
    let civ = [-wi, 0.0, 0.0, -wi];
    let mut cmax = 0.0;
    let mut icmax = usize::MAX;
    for j in 0..4 {
        if crv[j].abs() + civ[j].abs() > cmax {
            cmax = crv[j].abs() + civ[j].abs();
            icmax = j;
        }
    }
    if cmax < smini {
        let bnorm = (b[0][0].abs() + b[0][1].abs()).max(b[1][0].abs() + b[1][1].abs());
        if smini < 1.0 && bnorm > 1.0 && bnorm > bignum * smini {
            scale = 1.0 / bnorm;
        }
        let temp = scale / smini;
        for r in 0..2 {
            for c in 0..2 {
                x[r][c] = temp * b[r][c];
            }
        }
        return (x, scale, temp * bnorm);
    }
    let ur11 = crv[icmax];
    let ui11 = civ[icmax];
    let cr21 = crv[IPIVOT[icmax][1]];
    let ci21 = civ[IPIVOT[icmax][1]];
    let ur12 = crv[IPIVOT[icmax][2]];
    let ui12 = civ[IPIVOT[icmax][2]];
    let cr22 = crv[IPIVOT[icmax][3]];
    let ci22 = civ[IPIVOT[icmax][3]];
    let (ur11r, ui11r, lr21, li21, ur12s, ui12s, mut ur22, mut ui22);
    if icmax == 0 || icmax == 3 {
        if ur11.abs() > ui11.abs() {
            let temp = ui11 / ur11;
            ur11r = 1.0 / (ur11 * (1.0 + temp * temp));
            ui11r = -temp * ur11r;
        } else {
            let temp = ur11 / ui11;
            ui11r = -1.0 / (ui11 * (1.0 + temp * temp));
            ur11r = -temp * ui11r;
        }
        lr21 = cr21 * ur11r;
        li21 = cr21 * ui11r;
        ur12s = ur12 * ur11r;
        ui12s = ur12 * ui11r;
        ur22 = cr22 - ur12 * lr21;
        ui22 = ci22 - ur12 * li21;
    } else {
        ur11r = 1.0 / ur11;
        ui11r = 0.0;
        lr21 = cr21 * ur11r;
        li21 = ci21 * ur11r;
        ur12s = ur12 * ur11r;
        ui12s = ui12 * ur11r;
        ur22 = cr22 - ur12 * lr21 + ui12 * li21;
        ui22 = -ur12 * li21 - ui12 * lr21;
    }
    let u22abs = ur22.abs() + ui22.abs();
    if u22abs < smini {
        ur22 = smini;
        ui22 = 0.0;
    }
    let (mut br1, mut br2, mut bi1, mut bi2) = if RSWAP[icmax] {
        (b[1][0], b[0][0], b[1][1], b[0][1])
    } else {
        (b[0][0], b[1][0], b[0][1], b[1][1])
    };
    br2 = br2 - lr21 * br1 + li21 * bi1;
    bi2 = bi2 - li21 * br1 - lr21 * bi1;
    let bbnd = ((br1.abs() + bi1.abs()) * (u22abs * (ur11r.abs() + ui11r.abs())))
        .max(br2.abs() + bi2.abs());
    if bbnd > 1.0 && u22abs < 1.0 && bbnd >= bignum * u22abs {
        scale = 1.0 / bbnd;
        br1 *= scale;
        bi1 *= scale;
        br2 *= scale;
        bi2 *= scale;
    }
    let (xr2, xi2) = dladiv(br2, bi2, ur22, ui22);
    let xr1 = ur11r * br1 - ui11r * bi1 - ur12s * xr2 + ui12s * xi2;
    let xi1 = ui11r * br1 + ur11r * bi1 - ui12s * xr2 - ur12s * xi2;
    if ZSWAP[icmax] {
        x = [[xr2, xi2], [xr1, xi1]];
    } else {
        x = [[xr1, xi1], [xr2, xi2]];
    }
    let mut xnorm = (xr1.abs() + xi1.abs()).max(xr2.abs() + xi2.abs());
    if xnorm > 1.0 && cmax > 1.0 && xnorm > bignum / cmax {
        let temp = cmax / bignum;
        for row in x.iter_mut() {
            for v in row.iter_mut() {
                *v *= temp;
            }
        }
        xnorm *= temp;
        scale *= temp;
    }
    (x, scale, xnorm)
}

/// `dtrevc3('R', 'B')`: the right eigenvectors of the quasi-triangular `t`, turned back by
/// the Schur vectors `q` and scaled to largest component 1 (`|re| + |im|` for a pair).
pub(super) fn trevc_right(t: &Mat, q: &Mat) -> Mat {
    let n = t.n;
    let smlnum = SAFMIN * (n as f64 / ULP);
    let bignum = (1.0 - ULP) / smlnum;
    // the 1-norms of the strictly upper columns
    let mut cnorm = vec![0.0; n + 1];
    for j in 2..=n {
        cnorm[j] = (1..j).fold(0.0, |s, i| s + t[(i, j)].abs());
    }
    let mut out = Mat {
        n,
        d: vec![0.0; n * n],
    };
    let back = |x: &[f64], ki: usize| -> Vec<f64> {
        // q[:, 1..=ki] x[1..=ki], one fused chain per row as dgemm's kernel
        (1..=n)
            .map(|r| (1..=ki).fold(0.0, |s: f64, k| q[(r, k)].mul_add(x[k], s)))
            .collect()
    };
    let mut ip = 0i32;
    for ki in (1..=n).rev() {
        if ip == -1 {
            ip = 1;
            continue;
        }
        ip = if ki == 1 || t[(ki, ki - 1)] == 0.0 {
            0
        } else {
            -1
        };
        let wr = t[(ki, ki)];
        let wi = if ip != 0 {
            t[(ki, ki - 1)].abs().sqrt() * t[(ki - 1, ki)].abs().sqrt()
        } else {
            0.0
        };
        let smin = (ULP * (wr.abs() + wi.abs())).max(smlnum);
        if ip == 0 {
            let mut x = vec![0.0; n + 1];
            x[ki] = 1.0;
            for k in 1..ki {
                x[k] = -t[(k, ki)];
            }
            let mut jnxt = ki as isize - 1;
            for j in (1..ki).rev() {
                if j as isize > jnxt {
                    continue;
                }
                let mut j1 = j;
                jnxt = j as isize - 1;
                if j > 1 && t[(j, j - 1)] != 0.0 {
                    j1 = j - 1;
                    jnxt = j as isize - 2;
                }
                if j1 == j {
                    let a = [[t[(j, j)], 0.0], [0.0, 0.0]];
                    let (mut xs, mut scale, xnorm) =
                        dlaln2(1, 1, smin, a, [[x[j], 0.0], [0.0, 0.0]], wr, 0.0);
                    if xnorm > 1.0 && cnorm[j] > bignum / xnorm {
                        xs[0][0] /= xnorm;
                        scale /= xnorm;
                    }
                    if scale != 1.0 {
                        x[1..=ki].iter_mut().for_each(|v| *v *= scale);
                    }
                    x[j] = xs[0][0];
                    for k in 1..j {
                        x[k] += -xs[0][0] * t[(k, j)];
                    }
                } else {
                    let a = [
                        [t[(j - 1, j - 1)], t[(j - 1, j)]],
                        [t[(j, j - 1)], t[(j, j)]],
                    ];
                    let b = [[x[j - 1], 0.0], [x[j], 0.0]];
                    let (mut xs, mut scale, xnorm) = dlaln2(2, 1, smin, a, b, wr, 0.0);
                    if xnorm > 1.0 {
                        let beta = cnorm[j - 1].max(cnorm[j]);
                        if beta > bignum / xnorm {
                            xs[0][0] /= xnorm;
                            xs[1][0] /= xnorm;
                            scale /= xnorm;
                        }
                    }
                    if scale != 1.0 {
                        x[1..=ki].iter_mut().for_each(|v| *v *= scale);
                    }
                    x[j - 1] = xs[0][0];
                    x[j] = xs[1][0];
                    for k in 1..j - 1 {
                        x[k] += -xs[0][0] * t[(k, j - 1)];
                    }
                    for k in 1..j - 1 {
                        x[k] += -xs[1][0] * t[(k, j)];
                    }
                }
            }
            let v = back(&x, ki);
            let remax = 1.0 / v[idamax(&v)].abs();
            for r in 1..=n {
                out[(r, ki)] = v[r - 1] * remax;
            }
        } else {
            let (mut xr, mut xi) = (vec![0.0; n + 1], vec![0.0; n + 1]);
            if t[(ki - 1, ki)].abs() >= t[(ki, ki - 1)].abs() {
                xr[ki - 1] = 1.0;
                xi[ki] = wi / t[(ki - 1, ki)];
            } else {
                xr[ki - 1] = -wi / t[(ki, ki - 1)];
                xi[ki] = 1.0;
            }
            for k in 1..ki - 1 {
                xr[k] = -xr[ki - 1] * t[(k, ki - 1)];
                xi[k] = -xi[ki] * t[(k, ki)];
            }
            let mut jnxt = ki as isize - 2;
            for j in (1..ki - 1).rev() {
                if j as isize > jnxt {
                    continue;
                }
                let mut j1 = j;
                jnxt = j as isize - 1;
                if j > 1 && t[(j, j - 1)] != 0.0 {
                    j1 = j - 1;
                    jnxt = j as isize - 2;
                }
                if j1 == j {
                    let a = [[t[(j, j)], 0.0], [0.0, 0.0]];
                    let b = [[xr[j], xi[j]], [0.0, 0.0]];
                    let (mut xs, mut scale, xnorm) = dlaln2(1, 2, smin, a, b, wr, wi);
                    if xnorm > 1.0 && cnorm[j] > bignum / xnorm {
                        xs[0][0] /= xnorm;
                        xs[0][1] /= xnorm;
                        scale /= xnorm;
                    }
                    if scale != 1.0 {
                        xr[1..=ki].iter_mut().for_each(|v| *v *= scale);
                        xi[1..=ki].iter_mut().for_each(|v| *v *= scale);
                    }
                    xr[j] = xs[0][0];
                    xi[j] = xs[0][1];
                    for k in 1..j {
                        xr[k] += -xs[0][0] * t[(k, j)];
                    }
                    for k in 1..j {
                        xi[k] += -xs[0][1] * t[(k, j)];
                    }
                } else {
                    let a = [
                        [t[(j - 1, j - 1)], t[(j - 1, j)]],
                        [t[(j, j - 1)], t[(j, j)]],
                    ];
                    let b = [[xr[j - 1], xi[j - 1]], [xr[j], xi[j]]];
                    let (mut xs, mut scale, xnorm) = dlaln2(2, 2, smin, a, b, wr, wi);
                    if xnorm > 1.0 {
                        let beta = cnorm[j - 1].max(cnorm[j]);
                        if beta > bignum / xnorm {
                            let rec = 1.0 / xnorm;
                            for row in xs.iter_mut() {
                                for v in row.iter_mut() {
                                    *v *= rec;
                                }
                            }
                            scale *= rec;
                        }
                    }
                    if scale != 1.0 {
                        xr[1..=ki].iter_mut().for_each(|v| *v *= scale);
                        xi[1..=ki].iter_mut().for_each(|v| *v *= scale);
                    }
                    xr[j - 1] = xs[0][0];
                    xr[j] = xs[1][0];
                    xi[j - 1] = xs[0][1];
                    xi[j] = xs[1][1];
                    for k in 1..j - 1 {
                        xr[k] += -xs[0][0] * t[(k, j - 1)];
                    }
                    for k in 1..j - 1 {
                        xr[k] += -xs[1][0] * t[(k, j)];
                    }
                    for k in 1..j - 1 {
                        xi[k] += -xs[0][1] * t[(k, j - 1)];
                    }
                    for k in 1..j - 1 {
                        xi[k] += -xs[1][1] * t[(k, j)];
                    }
                }
            }
            let vre = back(&xr, ki);
            let vim = back(&xi, ki);
            let emax = vre
                .iter()
                .zip(&vim)
                .fold(0.0f64, |m, (a, b)| m.max(a.abs() + b.abs()));
            let remax = 1.0 / emax;
            for r in 1..=n {
                out[(r, ki - 1)] = vre[r - 1] * remax;
                out[(r, ki)] = vim[r - 1] * remax;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complex_division() {
        // (1 + 2i) / (3 + 4i) = 0.44 + 0.08i
        let (p, q) = dladiv(1.0, 2.0, 3.0, 4.0);
        assert!((p - 0.44).abs() < 1e-16 && (q - 0.08).abs() < 1e-16);
    }
}
