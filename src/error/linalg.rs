//! Messages of `numpy.linalg` (NumPy 2.4's `linalg/_linalg.py` and its gufuncs).

use super::{ErrorKind, PyError};

impl PyError {
    /// `numpy.linalg.LinAlgError("Singular matrix")`: an exactly zero pivot in `getrf`.
    pub fn singular_matrix() -> PyError {
        PyError::new(ErrorKind::LinAlgError, "Singular matrix")
    }
    /// `_assert_stacked_2d`.
    pub fn linalg_not_2d(ndim: usize) -> PyError {
        PyError::new(
            ErrorKind::LinAlgError,
            format!("{ndim}-dimensional array given. Array must be at least two-dimensional"),
        )
    }
    /// `_assert_stacked_square`.
    pub fn linalg_not_square() -> PyError {
        PyError::new(
            ErrorKind::LinAlgError,
            "Last 2 dimensions of the array must be square",
        )
    }
    /// `_commonType` of an inexact dtype LAPACK has no routine for (float16).
    pub fn linalg_unsupported_type(dtype: &str) -> PyError {
        PyError::type_error(format!("array type {dtype} is unsupported in linalg"))
    }
    /// A gufunc's core-dimension mismatch (`solve1: Input operand 1 has a mismatch ...`).
    pub fn gufunc_core_mismatch(
        name: &str,
        operand: usize,
        dim: usize,
        sig: &str,
        got: usize,
        want: usize,
    ) -> PyError {
        PyError::value(format!(
            "{name}: Input operand {operand} has a mismatch in its core dimension {dim}, with gufunc signature {sig} (size {got} is different from {want})"
        ))
    }
    /// `norm(v, ord='fro')` of a vector.
    pub fn norm_invalid_vector_order(ord: &str) -> PyError {
        PyError::value(format!("Invalid norm order '{ord}' for vectors"))
    }
    pub fn norm_invalid_matrix_order() -> PyError {
        PyError::value("Invalid norm order for matrices.")
    }
    pub fn norm_duplicate_axes() -> PyError {
        PyError::value("Duplicate axes given.")
    }
    pub fn norm_improper_dims() -> PyError {
        PyError::value("Improper number of dimensions to norm.")
    }
    pub fn norm_bad_axis() -> PyError {
        PyError::type_error("'axis' must be None, an integer or a tuple of integers")
    }
    /// `matrix_rank(A, tol=..., rtol=...)`.
    pub fn rank_tol_and_rtol() -> PyError {
        PyError::value("`tol` and `rtol` can't be both set.")
    }
    /// `svd`/`eig` whose iteration did not converge.
    pub fn linalg_no_convergence(what: &str) -> PyError {
        PyError::new(ErrorKind::LinAlgError, format!("{what} did not converge"))
    }
    /// `eigh`/`eigvalsh` with a `UPLO` other than `'L'`/`'U'`.
    pub fn linalg_bad_uplo() -> PyError {
        PyError::value("UPLO argument must be 'L' or 'U'")
    }
    /// `_assert_finite` (`eig`, `eigvals`).
    pub fn linalg_not_finite() -> PyError {
        PyError::new(
            ErrorKind::LinAlgError,
            "Array must not contain infs or NaNs",
        )
    }
    /// `_assert_2d` (`lstsq`): exactly two dimensions.
    pub fn linalg_not_exactly_2d(ndim: usize) -> PyError {
        PyError::new(
            ErrorKind::LinAlgError,
            format!("{ndim}-dimensional array given. Array must be two-dimensional"),
        )
    }
    /// `lstsq` whose `a` and `b` have different row counts.
    pub fn lstsq_incompatible() -> PyError {
        PyError::new(ErrorKind::LinAlgError, "Incompatible dimensions")
    }
    /// `pinv(a, rcond=..., rtol=...)`.
    pub fn pinv_rtol_and_rcond() -> PyError {
        PyError::value("`rtol` and `rcond` can't be both set.")
    }
}
