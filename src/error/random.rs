//! Messages of `np.random` (NumPy 2.4's `mtrand.pyx`, `_generator.pyx`,
//! `_bounded_integers.pyx.in`, `_common.pyx`).

use super::{ErrorKind, PyError};

impl PyError {
    /// `randint(..., dtype=float)`: `method` is `randint` or `integers`.
    pub fn unsupported_random_dtype(dtype_repr: &str, method: &str) -> PyError {
        PyError::type_error(format!("Unsupported dtype {dtype_repr} for {method}"))
    }
    /// `which` is `low` or `high`; `dtype_name` e.g. `int8`.
    pub fn random_bound_out_of_range(which: &str, dtype_name: &str) -> PyError {
        PyError::value(format!("{which} is out of bounds for {dtype_name}"))
    }
    /// NumPy's `format_bounds_error`: a zero `low` gets the message about `high` alone.
    pub fn random_empty_interval(closed: bool, low_is_zero: bool) -> PyError {
        PyError::value(match (low_is_zero, closed) {
            (true, true) => "high < 0",
            (true, false) => "high <= 0",
            (false, true) => "low > high",
            (false, false) => "low >= high",
        })
    }
    /// `shuffle` of a read-only array.
    pub fn shuffle_read_only() -> PyError {
        PyError::value("array is read-only")
    }
    /// A seed outside `[0, 2**32)` for the legacy seeding.
    pub fn legacy_seed_out_of_range() -> PyError {
        PyError::value("Seed must be between 0 and 2**32 - 1")
    }
    /// `uniform` with an infinite range; `generator` picks `Generator`'s wording.
    pub fn random_range_overflow(generator: bool) -> PyError {
        PyError::new(
            ErrorKind::OverflowError,
            if generator {
                "high - low range exceeds valid bounds"
            } else {
                "Range exceeds valid bounds"
            },
        )
    }
    /// A distribution parameter that must not be negative (`scale < 0`).
    pub fn random_param_negative(name: &str) -> PyError {
        PyError::value(format!("{name} < 0"))
    }
}
