//! LU with partial pivoting and the solves on it, in the operation order NumPy's OpenBLAS uses for
//! small matrices: `getf2` (left-looking, Crout), `getrs` through `trsv` (one right-hand side) or
//! the `trsm` kernels (several), `det` through `slogdet` (`sign * exp(sum(log|u_ii|))`).
//!
//! Matrices are column-major `f64` slices (`a[i + j * n]`), as LAPACK sees them. Dot products
//! and AXPY updates round each product (OpenBLAS's C tails are not contracted); the GEMM
//! update inside `trsm` is a fused multiply-add chain (its assembly kernel). Measured
//! bit-identical to NumPy 2.4.6 (OpenBLAS 0.3.31, Haswell kernels) on 6000 random matrices of
//! sizes 1..=5 (det, inv, solve); from n = 6 OpenBLAS's 4-row blocked kernels sum in another
//! order and the last bit can differ.

/// `sum(x[k] * y[k])` in `k` order, each product rounded (DOT and GEMV tails).
pub fn dot(x: impl Iterator<Item = f64>, y: impl Iterator<Item = f64>) -> f64 {
    x.zip(y).fold(0.0, |s, (a, b)| s + a * b)
}

/// `sum(x[k] * y[k])` as a fused multiply-add chain from 0 (the GEMM kernel).
fn dot_fma(x: impl Iterator<Item = f64>, y: impl Iterator<Item = f64>) -> f64 {
    x.zip(y).fold(0.0, |s, (a, b)| a.mul_add(b, s))
}

/// `dgetrf` of the `n x n` column-major `a` in place: `L` (unit, below) and `U`. `piv[j]` is
/// the row swapped with `j`. Returns LAPACK's `info`: 0, or the 1-based column of the first
/// exactly zero pivot.
pub fn getrf(a: &mut [f64], n: usize, piv: &mut [usize]) -> usize {
    let mut info = 0;
    for j in 0..n {
        let col = j * n;
        // the earlier row swaps, applied to this column now (left-looking)
        for i in 0..j {
            if piv[i] != i {
                a.swap(col + i, col + piv[i]);
            }
        }
        // U's column: a unit lower triangular solve
        for i in 1..j {
            let s = dot((0..i).map(|k| a[i + k * n]), (0..i).map(|k| a[col + k]));
            a[col + i] -= s;
        }
        // the rest of the column less L times U's column (GEMV)
        for i in j..n {
            let s = dot((0..j).map(|k| a[i + k * n]), (0..j).map(|k| a[col + k]));
            a[col + i] -= s;
        }
        // the first largest magnitude is the pivot (IAMAX)
        let mut jp = j;
        for i in j + 1..n {
            if a[col + i].abs() > a[col + jp].abs() {
                jp = i;
            }
        }
        piv[j] = jp;
        let p = a[col + jp];
        if p == 0.0 {
            if info == 0 {
                info = j + 1;
            }
        } else if p.abs() >= f64::MIN_POSITIVE {
            // OpenBLAS skips the swap and the scaling for subnormal pivots
            let r = 1.0 / p;
            if jp != j {
                for k in 0..=j {
                    a.swap(j + k * n, jp + k * n);
                }
            }
            for i in j + 1..n {
                a[col + i] *= r;
            }
        }
    }
    info
}

/// `(sign, log|det|)` of an LU factorisation (NumPy's `slogdet_from_factored_diagonal`); a
/// singular factorisation (`info > 0`) gives `(0, -inf)`.
pub fn slogdet_of_lu(lu: &[f64], n: usize, piv: &[usize], info: usize) -> (f64, f64) {
    if info > 0 {
        return (0.0, f64::NEG_INFINITY);
    }
    let swaps = piv.iter().enumerate().filter(|&(i, &p)| p != i).count();
    let mut sign = if swaps % 2 == 1 { -1.0 } else { 1.0 };
    let mut logdet = 0.0;
    for i in 0..n {
        let mut d = lu[i + i * n];
        if d < 0.0 {
            sign = -sign;
            d = -d;
        }
        logdet += d.ln();
    }
    (sign, logdet)
}

/// `np.linalg.slogdet` of a column-major matrix.
pub fn slogdet(a: &[f64], n: usize) -> (f64, f64) {
    let mut lu = a.to_vec();
    let mut piv = vec![0; n];
    let info = getrf(&mut lu, n, &mut piv);
    slogdet_of_lu(&lu, n, &piv, info)
}

/// `np.linalg.det`: `sign * exp(logdet)`, as NumPy computes it.
pub fn det(a: &[f64], n: usize) -> f64 {
    let (sign, logdet) = slogdet(a, n);
    sign * logdet.exp()
}

/// An exactly zero pivot: the matrix is singular (LAPACK's `info > 0`).
#[derive(Debug, PartialEq)]
pub struct Singular;

/// `dgesv`: solves `a x = b` for the `n x nrhs` column-major `b` in place. `Err(())` when `a`
/// is singular (an exactly zero pivot).
pub fn gesv(a: &[f64], n: usize, b: &mut [f64], nrhs: usize) -> Result<(), Singular> {
    let mut lu = a.to_vec();
    let mut piv = vec![0; n];
    if getrf(&mut lu, n, &mut piv) > 0 {
        return Err(Singular);
    }
    for c in 0..nrhs {
        let col = &mut b[c * n..(c + 1) * n];
        for (i, &p) in piv.iter().enumerate() {
            col.swap(i, p);
        }
        if nrhs == 1 {
            trsv(&lu, n, col);
        } else {
            trsm_column(&lu, n, col);
        }
    }
    Ok(())
}

/// `trsv` lower-unit then upper-non-unit, right-looking (AXPY), dividing by the diagonal.
fn trsv(lu: &[f64], n: usize, b: &mut [f64]) {
    for i in 0..n {
        let bi = b[i];
        for k in i + 1..n {
            b[k] -= bi * lu[k + i * n];
        }
    }
    for i in (0..n).rev() {
        b[i] /= lu[i + i * n];
        let bi = b[i];
        for k in 0..i {
            b[k] -= bi * lu[k + i * n];
        }
    }
}

/// The row blocks OpenBLAS's generic `trsm` kernels solve, in order: forward (`LT`) takes full
/// blocks of 4 from the top, then a 2 and a 1; backward (`LN`) takes the 1 and the 2 at the
/// bottom first, then blocks of 4 upwards.
fn trsm_blocks(n: usize, forward: bool) -> Vec<(usize, usize)> {
    let full = n & !3;
    let mut out = Vec::new();
    if forward {
        out.extend((0..full).step_by(4).map(|s| (s, s + 4)));
        let mut s = full;
        for i in [2, 1] {
            if n & i != 0 {
                out.push((s, s + i));
                s += i;
            }
        }
    } else {
        for i in [1, 2] {
            if n & i != 0 {
                let start = (n & !(i - 1)) - i;
                out.push((start, start + i));
            }
        }
        out.extend((0..full).step_by(4).rev().map(|s| (s, s + 4)));
    }
    out
}

/// One right-hand side of `trsm` (`LNLU` then `LNUN`): a GEMM update from the rows already
/// solved, then the block's own solve, multiplying by the diagonal's reciprocal.
fn trsm_column(lu: &[f64], n: usize, c: &mut [f64]) {
    for (s, e) in trsm_blocks(n, true) {
        for r in s..e {
            let acc = dot_fma((0..s).map(|k| lu[r + k * n]), (0..s).map(|k| c[k]));
            c[r] -= acc;
        }
        for i in s..e {
            let bb = c[i];
            for k in i + 1..e {
                c[k] -= bb * lu[k + i * n];
            }
        }
    }
    for (s, e) in trsm_blocks(n, false) {
        for r in s..e {
            let acc = dot_fma((e..n).map(|k| lu[r + k * n]), (e..n).map(|k| c[k]));
            c[r] -= acc;
        }
        for i in (s..e).rev() {
            let bb = c[i] * (1.0 / lu[i + i * n]);
            c[i] = bb;
            for k in s..i {
                c[k] -= bb * lu[k + i * n];
            }
        }
    }
}

/// `np.linalg.inv` of a column-major matrix: `gesv` against the identity.
pub fn inv(a: &[f64], n: usize) -> Result<Vec<f64>, Singular> {
    let mut b = vec![0.0; n * n];
    for i in 0..n {
        b[i + i * n] = 1.0;
    }
    gesv(a, n, &mut b, n)?;
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lu_results_have_numpys_bits() {
        // (row-major matrix, NumPy 2.4.6's det) — the last bit is the point
        let cases: &[(&[f64], f64)] = &[
            (&[1.0, 2.0, 3.0, 4.0], -2.0000000000000004),
            (&[2.0, -1.0, 0.0, -1.0, 2.0, -1.0, 0.0, -1.0, 2.0], 4.0),
            (
                &[
                    4., 3., 2., 1., 1., 3., 5., 7., 2., 7., 1., 8., 2., 8., 1., 8.,
                ],
                134.99999999999991,
            ),
            // a zero pivot: det is exactly 0, and inv refuses
            (&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], 0.0),
        ];
        for (rows, want) in cases {
            let n = (rows.len() as f64).sqrt() as usize;
            let a = crate::runtime::lapack::to_col_major(rows, n, n);
            assert_eq!(det(&a, n).to_bits(), want.to_bits(), "{rows:?}");
        }
    }

    #[test]
    fn singular_matrix_is_refused_and_its_neighbour_solved() {
        let singular = [1.0, 2.0, 2.0, 4.0];
        let regular = [1.0, 2.0, 2.0, 4.5];
        assert!(inv(&singular, 2).is_err());
        let iv = inv(&regular, 2).unwrap();
        // [[1, 2], [2, 4.5]]^-1 = [[9, -4], [-4, 2]] (column-major, symmetric)
        assert_eq!(iv, vec![9.0, -4.0, -4.0, 2.0]);
    }

    #[test]
    fn trsm_blocks_follow_openblas_kernels() {
        assert_eq!(trsm_blocks(3, true), vec![(0, 2), (2, 3)]);
        assert_eq!(trsm_blocks(3, false), vec![(2, 3), (0, 2)]);
        assert_eq!(trsm_blocks(7, true), vec![(0, 4), (4, 6), (6, 7)]);
        assert_eq!(trsm_blocks(7, false), vec![(6, 7), (4, 6), (0, 4)]);
    }
}
