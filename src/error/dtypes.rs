//! Messages of dtypes and memory questions (issue 12's dtype part): `shares_memory`'s solver,
//! structured dtypes, datetimes (NumPy 2.4's `multiarraymodule.c`, `descriptor.c`,
//! `datetime.c`).

use super::{ErrorKind, PyError};

impl PyError {
    /// `np.shares_memory(a, b, max_work=1.5)`.
    pub fn max_work_not_integer() -> PyError {
        PyError::value("max_work must be an integer")
    }
    /// `max_work` below -2 (NumPy's internal values are -1 and -2).
    pub fn max_work_invalid() -> PyError {
        PyError::value("Invalid value for max_work")
    }
    /// `numpy.exceptions.TooHardError` (a RuntimeError): the solver needed more than
    /// `max_work` candidates.
    pub fn too_hard() -> PyError {
        let mut e = PyError::new(ErrorKind::RuntimeError, "Exceeded max_work");
        e.type_name = Some("TooHardError".into());
        e
    }
    /// `complex('abc')`, `np.complex128('x')`, `astype(complex)` of such text.
    pub fn complex_malformed() -> PyError {
        PyError::value("complex() arg is a malformed string")
    }
    /// `complex('1+2j', 1)`.
    pub fn complex_second_arg_after_string() -> PyError {
        PyError::type_error("complex() can't take second arg if first is a string")
    }
    /// `complex(b'1')`: neither text nor a number.
    pub fn complex_first_arg_type(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "complex() first argument must be a string or a number, not '{type_name}'"
        ))
    }
    /// `complex(1, '2')`.
    pub fn complex_second_arg_string() -> PyError {
        PyError::type_error("complex() second arg can't be a string")
    }
    /// An intermediate of the overlap solver past 64 bits.
    pub fn overlap_overflow() -> PyError {
        PyError::overflow("Integer overflow in computing overlap")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_numpy_2_4s() {
        let cases = [
            (PyError::too_hard(), "TooHardError: Exceeded max_work"),
            (
                PyError::max_work_not_integer(),
                "ValueError: max_work must be an integer",
            ),
            (
                PyError::max_work_invalid(),
                "ValueError: Invalid value for max_work",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.to_string(), want);
        }
    }
}
