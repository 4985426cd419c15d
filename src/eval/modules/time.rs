//! The `time` module: wall-clock and monotonic time, and `sleep` (which answers Ctrl-C).

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Origin, Row};

pub const ROWS: &[Row] = &[
    Row::module("time", Origin::BuiltIn),
    Row::builtin("time.time", "()", clock),
    Row::builtin("time.time_ns", "()", clock),
    Row::builtin("time.perf_counter", "()", clock),
    Row::builtin("time.perf_counter_ns", "()", clock),
    Row::builtin("time.monotonic", "()", clock),
    Row::builtin("time.monotonic_ns", "()", clock),
    Row::builtin("time.process_time", "()", clock),
    Row::builtin("time.sleep", "(secs, /)", sleep),
];

fn clock(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let secs = match a.func {
        "time" | "time_ns" => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0),
        _ => it.started.elapsed().as_secs_f64(),
    };
    if a.func.ends_with("_ns") {
        return Ok(it.new_i128((secs * 1e9) as i128));
    }
    Ok(it.new_float(secs))
}

fn sleep(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = a.req("secs")?;
    let secs = match &s {
        Value::Float(_) | Value::Int(_) | Value::Bool(_) => {
            crate::eval::modules::math::real(it, &s)?
        }
        other => {
            return Err(PyError::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    if secs < 0.0 {
        return Err(PyError::value("sleep length must be non-negative"));
    }
    let end = std::time::Instant::now() + std::time::Duration::from_secs_f64(secs.min(3600.0));
    while std::time::Instant::now() < end {
        it.ctx.check_interrupt()?;
        std::thread::sleep(
            std::time::Duration::from_millis(10).min(end - std::time::Instant::now()),
        );
    }
    Ok(Value::None)
}
