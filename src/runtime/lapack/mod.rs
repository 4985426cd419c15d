//! Dense linear algebra in `f64` for `numpy.linalg`, written to repeat the operation order of
//! NumPy's bundled OpenBLAS/LAPACK where that is known (so small results print NumPy's digits):
//! `lu` (getrf, getrs, det), `qr` (geqrf, orgqr), `svd` (singular values and vectors), and `ddot`, OpenBLAS's
//! Haswell dot product (`x.dot(x)` inside `norm`).
//!
//! Matrices are column-major slices (`a[i + j * m]`), as LAPACK sees them; the bindings in
//! `eval/numpy/linalg.rs` transpose NumPy's C-order data on the way in and out.

// index loops read as the LAPACK routines they follow
#![allow(clippy::needless_range_loop)]

pub mod eig;
pub mod eigh;
pub mod lu;
pub mod qr;
pub mod schur;
pub mod svd;
pub mod trevc;

/// OpenBLAS's `ddot` for contiguous vectors on Haswell: 16 elements at a time into four
/// 4-lane fused accumulators, reduced pairwise, then the tail one product at a time.
pub fn ddot(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    let n1 = n & !15;
    let mut dot = 0.0;
    if n1 > 0 {
        let mut acc = [[0.0f64; 4]; 4];
        for i in (0..n1).step_by(16) {
            for (k, lanes) in acc.iter_mut().enumerate() {
                for (l, s) in lanes.iter_mut().enumerate() {
                    let j = i + 4 * k + l;
                    *s = x[j].mul_add(y[j], *s);
                }
            }
        }
        let h: Vec<[f64; 2]> = acc.iter().map(|a| [a[0] + a[2], a[1] + a[3]]).collect();
        let s01 = [h[0][0] + h[1][0], h[0][1] + h[1][1]];
        let s23 = [h[2][0] + h[3][0], h[2][1] + h[3][1]];
        dot = (s01[0] + s23[0]) + (s01[1] + s23[1]);
    }
    for i in n1..n {
        dot += y[i] * x[i];
    }
    dot
}

/// Row-major `m x n` data as column-major.
pub fn to_col_major(row: &[f64], m: usize, n: usize) -> Vec<f64> {
    let mut out = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            out[i + j * m] = row[i * n + j];
        }
    }
    out
}

/// Column-major `m x n` data as row-major.
pub fn to_row_major(col: &[f64], m: usize, n: usize) -> Vec<f64> {
    let mut out = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            out[i * n + j] = col[i + j * m];
        }
    }
    out
}
