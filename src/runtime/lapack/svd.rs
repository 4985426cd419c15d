//! The singular value decomposition by one-sided Jacobi rotations (Hestenes): accurate
//! singular values (they print NumPy's digits); the vectors are unique only up to sign and
//! LAPACK's `gesdd` picks signs this method does not reproduce — see `sign_like_lapack`.

/// `(u, s, vt)` of the column-major `m x n` matrix `a`: `u` is `m x k`, `vt` is `k x n`
/// (column-major), `s` descending, `k = min(m, n)`. `None` when the sweeps do not converge.
pub fn svd(a: &[f64], m: usize, n: usize) -> Option<(Vec<f64>, Vec<f64>, Vec<f64>)> {
    if m < n {
        // the transpose's decomposition, turned round
        let at = transpose(a, m, n);
        let (u, s, vt) = svd(&at, n, m)?;
        // a = (at)^T = (u s vt)^T = vt^T s u^T
        return Some((transpose(&vt, m, m), s, transpose(&u, n, m)));
    }
    // m >= n: rotate the columns of w until they are orthogonal; v collects the rotations
    let mut w = a.to_vec();
    let mut v = vec![0.0; n * n];
    for i in 0..n {
        v[i + i * n] = 1.0;
    }
    let col = |w: &[f64], j: usize| w[j * m..(j + 1) * m].to_vec();
    let mut converged = false;
    for _sweep in 0..80 {
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let (wp, wq) = (col(&w, p), col(&w, q));
                let alpha: f64 = wp.iter().map(|x| x * x).sum();
                let beta: f64 = wq.iter().map(|x| x * x).sum();
                let gamma: f64 = wp.iter().zip(&wq).map(|(x, y)| x * y).sum();
                if gamma == 0.0 || gamma.abs() <= 1e-15 * (alpha * beta).sqrt() {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = c * t;
                for i in 0..m {
                    let (x, y) = (w[i + p * m], w[i + q * m]);
                    w[i + p * m] = c * x - s * y;
                    w[i + q * m] = s * x + c * y;
                }
                for i in 0..n {
                    let (x, y) = (v[i + p * n], v[i + q * n]);
                    v[i + p * n] = c * x - s * y;
                    v[i + q * n] = s * x + c * y;
                }
            }
        }
        if !rotated {
            converged = true;
            break;
        }
    }
    if !converged {
        return None;
    }
    let norms: Vec<f64> = (0..n)
        .map(|j| {
            w[j * m..(j + 1) * m]
                .iter()
                .map(|x| x * x)
                .sum::<f64>()
                .sqrt()
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| norms[j].total_cmp(&norms[i]));
    let s: Vec<f64> = order.iter().map(|&j| norms[j]).collect();
    let mut u = vec![0.0; m * n];
    let mut vt = vec![0.0; n * n];
    for (k, &j) in order.iter().enumerate() {
        for i in 0..m {
            u[i + k * m] = if norms[j] > 0.0 {
                w[i + j * m] / norms[j]
            } else {
                0.0
            };
        }
        for i in 0..n {
            vt[k + i * n] = v[i + j * n];
        }
    }
    complete_basis(&mut u, m, n);
    sign_like_lapack(&mut u, &mut vt, m, n);
    Some((u, s, vt))
}

/// Columns of `u` that are zero (a zero singular value) replaced by unit vectors orthogonal to
/// the others (Gram-Schmidt over the identity's columns).
fn complete_basis(u: &mut [f64], m: usize, k: usize) {
    for j in 0..k {
        if u[j * m..(j + 1) * m].iter().any(|&x| x != 0.0) {
            continue;
        }
        for e in 0..m {
            let mut c = vec![0.0; m];
            c[e] = 1.0;
            for o in 0..k {
                if o == j || u[o * m..(o + 1) * m].iter().all(|&x| x == 0.0) {
                    continue;
                }
                let d: f64 = (0..m).map(|i| u[i + o * m] * c[i]).sum();
                for i in 0..m {
                    c[i] -= d * u[i + o * m];
                }
            }
            let nrm = c.iter().map(|x| x * x).sum::<f64>().sqrt();
            if nrm > 1e-8 {
                for i in 0..m {
                    u[i + j * m] = c[i] / nrm;
                }
                break;
            }
        }
    }
}

/// The `m x m` orthonormal completion of the `m x k` `u` (for `full_matrices=True`).
pub fn full_u(u: &[f64], m: usize, k: usize) -> Vec<f64> {
    let mut out = vec![0.0; m * m];
    out[..m * k].copy_from_slice(&u[..m * k]);
    complete_basis(&mut out, m, m);
    out
}

/// Singular vectors are unique up to a sign per pair. LAPACK's Householder bidiagonalisation
/// (`beta = -sign(alpha) * norm`) leaves, for the matrices lessons use, each left vector's
/// largest component negative when the column it came from is positive; arrsh makes the
/// component of largest magnitude in each column of `u` negative and flips the matching row of
/// `vt` — a heuristic, not LAPACK's rule (the closing note of issue 12 says where it differs).
fn sign_like_lapack(u: &mut [f64], vt: &mut [f64], m: usize, k: usize) {
    let n = vt.len() / k.max(1);
    for j in 0..k {
        let c = &u[j * m..(j + 1) * m];
        let mut big = 0;
        for i in 0..m {
            if c[i].abs() > c[big].abs() + 1e-12 {
                big = i;
            }
        }
        if c[big] > 0.0 {
            for i in 0..m {
                u[i + j * m] = -u[i + j * m];
            }
            for i in 0..n {
                vt[j + i * k] = -vt[j + i * k];
            }
        }
    }
}

pub fn transpose(a: &[f64], m: usize, n: usize) -> Vec<f64> {
    let mut out = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            out[j + i * n] = a[i + j * m];
        }
    }
    out
}
