//! The `sys` module: `getsizeof` (its numbers are the object model's, in
//! `builtins::sysmods`), the exception being handled, the recursion limit and the
//! interpreter's facts.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Origin, Row};

pub const ROWS: &[Row] = &[
    Row::module("sys", Origin::BuiltIn),
    Row::builtin("sys.getsizeof", "!(object, default?)", getsizeof).bare(),
    Row::builtin("sys.getrecursionlimit", "()", recursion_limit),
    Row::builtin("sys.get_int_max_str_digits", "()", int_max_str_digits),
    Row::builtin(
        "sys.set_int_max_str_digits",
        "(maxdigits)",
        set_int_max_str_digits,
    ),
    Row::builtin("sys.exc_info", "()", exc_info),
    Row::builtin("sys.exception", "()", exception),
    Row::attr("sys.maxsize", fact),
    Row::attr("sys.version", fact),
    Row::attr("sys.byteorder", fact),
    Row::attr("sys.platform", fact),
    Row::attr("sys.float_info", fact),
    Row::attr("sys.version_info", fact),
    Row::attr("sys.argv", fact),
];

fn getsizeof(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("object")?;
    let n = it.getsizeof(&v)?;
    Ok(it.new_i64(n as i64))
}

/// `(type, value, traceback)` of the exception being handled (arrsh keeps no traceback
/// objects: `None`, as `e.__traceback__` is).
fn exc_info(it: &mut Interp, _: Bound) -> PyResult<Value> {
    let items = match it.exc_info.last().cloned() {
        Some(e) if !e.is_none() => vec![it.type_of_value(&e), e, Value::None],
        _ => vec![Value::None, Value::None, Value::None],
    };
    Ok(it.new_tuple(items))
}

/// The exception being handled, or `None` (new in 3.11).
fn exception(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.exc_info.last().cloned().unwrap_or(Value::None))
}

fn recursion_limit(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_i64(3000))
}

fn int_max_str_digits(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_i64(crate::syntax::int_max_str_digits().unwrap_or(0) as i64))
}

/// `sys.set_int_max_str_digits(n)`: 0 (no limit) or at least 640, as a C int.
fn set_int_max_str_digits(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let n = a.req("maxdigits")?;
    let n = it.int_value(&n, "")?;
    let threshold = crate::syntax::INT_MAX_STR_DIGITS_THRESHOLD;
    match n.to_i64() {
        Some(0) => crate::syntax::set_int_max_str_digits(0),
        Some(k) if k >= threshold as i64 && k <= i32::MAX as i64 => {
            crate::syntax::set_int_max_str_digits(k as usize)
        }
        Some(k) if i32::try_from(k).is_ok() => {
            return Err(PyError::max_str_digits_too_small(threshold));
        }
        _ => return Err(PyError::too_large_for_c_int()),
    }
    Ok(Value::None)
}

fn fact(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(match a.func {
        "maxsize" => it.new_i64(i64::MAX),
        "version" => it.new_str("3.11.7 (arrsh)".into()),
        "byteorder" => it.new_str("little".into()),
        "platform" => it.new_str("linux".into()),
        "argv" => {
            let s = it.new_str(String::new());
            it.new_list(vec![s])
        }
        "float_info" => {
            let fields: [(&'static str, Value); 4] = [
                ("max", it.new_float(f64::MAX)),
                ("min", it.new_float(f64::MIN_POSITIVE)),
                ("epsilon", it.new_float(f64::EPSILON)),
                ("dig", it.new_i64(15)),
            ];
            let mut fields = fields.to_vec();
            fields.push(("mant_dig", it.new_i64(53)));
            fields.push(("max_exp", it.new_i64(1024)));
            fields.push(("min_exp", it.new_i64(-1021)));
            fields.push(("radix", it.new_i64(2)));
            it.new_record(
                "sys.float_info",
                "sys.float_info(max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308, min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307, dig=15, mant_dig=53, epsilon=2.220446049250313e-16, radix=2, rounds=1)".into(),
                fields,
            )
        }
        _ => {
            let fields = vec![
                ("major", it.new_i64(3)),
                ("minor", it.new_i64(11)),
                ("micro", it.new_i64(7)),
            ];
            it.new_record(
                "sys.version_info",
                "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)"
                    .into(),
                fields,
            )
        }
    })
}
