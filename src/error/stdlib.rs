//! Messages of the standard modules arrsh provides (CPython 3.11's `mathmodule.c`,
//! `itertoolsmodule.c`, `_functoolsmodule.c`, `_collectionsmodule.c`, `random.py`).

use super::{ErrorKind, PyError};

impl PyError {
    /// A `math` function outside its domain (`math.sqrt(-1)`).
    pub fn math_domain_error() -> PyError {
        PyError::value("math domain error")
    }
    /// A `math` result too large for a float (`math.exp(1000)`).
    pub fn math_range_error() -> PyError {
        PyError::overflow("math range error")
    }
    /// `math.log(x, 1)`: CPython divides the two logarithms as floats.
    pub fn float_division_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "float division by zero")
    }
    /// A `math` function given something that is not a real number.
    pub fn must_be_real_number(type_name: &str) -> PyError {
        PyError::type_error(format!("must be real number, not {type_name}"))
    }
    /// `math.floor(inf)`, `int(inf)`.
    pub fn cannot_convert_float_infinity() -> PyError {
        PyError::overflow("cannot convert float infinity to integer")
    }
    /// `math.floor(nan)`, `int(nan)`.
    pub fn cannot_convert_float_nan() -> PyError {
        PyError::value("cannot convert float NaN to integer")
    }
    /// `math.factorial(-1)`.
    pub fn factorial_negative() -> PyError {
        PyError::value("factorial() not defined for negative values")
    }
    /// `math.comb(-1, 2)`: `which` is `n` or `k`.
    pub fn must_be_non_negative_integer(which: &str) -> PyError {
        PyError::value(format!("{which} must be a non-negative integer"))
    }
    /// `math.isqrt(-1)`.
    pub fn isqrt_negative() -> PyError {
        PyError::value("isqrt() argument must be nonnegative")
    }
    /// `itertools.islice(it, -1)`.
    pub fn islice_stop() -> PyError {
        PyError::value(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )
    }
    /// `itertools.islice(it, -1, 5)`.
    pub fn islice_indices() -> PyError {
        PyError::value("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    }
    /// `itertools.islice(it, 0, 5, 0)`.
    pub fn islice_step() -> PyError {
        PyError::value("Step for islice() must be a positive integer or None.")
    }
    /// `itertools.permutations(x, -1)`, `combinations(x, -1)`, `repeat`-style counts.
    pub fn must_be_non_negative(what: &str) -> PyError {
        PyError::value(format!("{what} must be non-negative"))
    }
    /// `functools.reduce(f, [])`.
    pub fn reduce_empty() -> PyError {
        PyError::type_error("reduce() of empty iterable with no initial value")
    }
    /// `deque.pop()` of an empty deque; `which` is `pop` or `popleft`... CPython says
    /// `pop from an empty deque` for both.
    pub fn pop_from_empty_deque() -> PyError {
        PyError::index("pop from an empty deque")
    }
    pub fn deque_index_out_of_range() -> PyError {
        PyError::index("deque index out of range")
    }
    /// `random.choice([])`.
    pub fn choose_from_empty() -> PyError {
        PyError::index("Cannot choose from an empty sequence")
    }
    /// `random.randrange(0)`, `randint(5, 1)`.
    pub fn empty_range_for_randrange() -> PyError {
        PyError::value("empty range for randrange()")
    }
    /// `random.randrange(a, b)` with `b <= a` (3.11 shows the three numbers).
    pub fn empty_range_for_randrange_width(start: &str, stop: &str, width: &str) -> PyError {
        PyError::value(format!(
            "empty range for randrange() ({start}, {stop}, {width})"
        ))
    }
    pub fn zero_step_for_randrange() -> PyError {
        PyError::value("zero step for randrange()")
    }
    /// `random.sample(pop, k)` with `k` larger than the population.
    pub fn sample_larger_than_population() -> PyError {
        PyError::value("Sample larger than population or is negative")
    }
    /// `random.sample({1, 2}, 1)`.
    pub fn population_must_be_sequence() -> PyError {
        PyError::type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
    }
    /// `namedtuple('P', 'x x')` and friends.
    pub fn namedtuple_field(msg: String) -> PyError {
        PyError::value(msg)
    }
    /// `import random.foo`.
    pub fn not_a_package(full: &str, top: &str) -> PyError {
        PyError::new(
            ErrorKind::ModuleNotFoundError,
            format!("No module named '{full}'; '{top}' is not a package"),
        )
    }
}
