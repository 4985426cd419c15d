//! Messages of Python arithmetic: division by zero, big-int limits, unsupported operands.

use super::{ErrorKind, PyError};

impl PyError {
    // ----- arithmetic
    pub fn division_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "division by zero")
    }
    pub fn integer_division_by_zero() -> PyError {
        PyError::new(
            ErrorKind::ZeroDivisionError,
            "integer division or modulo by zero",
        )
    }
    pub fn integer_modulo_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "integer modulo by zero")
    }
    pub fn float_modulo_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "float modulo")
    }
    pub fn float_floor_division_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "float floor division by zero")
    }
    pub fn zero_to_negative_power() -> PyError {
        PyError::new(
            ErrorKind::ZeroDivisionError,
            "0.0 cannot be raised to a negative power",
        )
    }
    pub fn int_too_large_to_convert_to_float() -> PyError {
        PyError::overflow("int too large to convert to float")
    }
    /// arrsh refuses big-int results that would take very long to compute (CPython would just hang).
    pub fn int_result_too_large(bits: u64, limit: u64) -> PyError {
        PyError::overflow(format!(
            "integer result would have about {bits} bits; arrsh refuses integers above {limit} bits \
(CPython would compute for a very long time)"
        ))
    }
    pub fn unsupported_operand(op: &str, left: &str, right: &str) -> PyError {
        PyError::type_error(format!(
            "unsupported operand type(s) for {op}: '{left}' and '{right}'"
        ))
    }
    pub fn bad_operand_unary(op: &str, ty: &str) -> PyError {
        PyError::type_error(format!("bad operand type for unary {op}: '{ty}'"))
    }
}
