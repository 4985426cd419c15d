//! `%time` and `%timeit`, with IPython's output lines and its auto-ranging loop count. Both time
//! running the statement (its value is made, never formatted or printed).

use std::time::{Duration, Instant};

use super::{Call, option, options};
use crate::error::{PyError, PyResult};
use crate::eval::Value;
use crate::shell::session::Session;
use crate::syntax::ast::Cell;

/// IPython's `_format_time`: three significant digits in s, ms, µs or ns; `1min 5s` past a
/// minute.
pub fn format_time(seconds: f64, precision: usize) -> String {
    if seconds >= 60.0 {
        let mut parts = Vec::new();
        let mut left = seconds;
        for (suffix, length) in [("d", 86_400.0), ("h", 3_600.0), ("min", 60.0), ("s", 1.0)] {
            let value = (left / length).trunc();
            if value > 0.0 {
                left %= length;
                parts.push(format!("{value}{suffix}"));
            }
            if left < 1.0 {
                break;
            }
        }
        return parts.join(" ");
    }
    const UNITS: [&str; 4] = ["s", "ms", "µs", "ns"];
    const SCALE: [f64; 4] = [1.0, 1e3, 1e6, 1e9];
    // `min(-int(math.floor(math.log10(timespan)) // 3), 3)`
    let order = if seconds > 0.0 {
        (-(seconds.log10().floor() as i64).div_euclid(3)).clamp(0, 3) as usize
    } else {
        3
    };
    format!(
        "{} {}",
        python_g(seconds * SCALE[order], precision),
        UNITS[order]
    )
}

/// `'%.*g' % (precision, x)`.
fn python_g(x: f64, precision: usize) -> String {
    crate::eval::text::format::format_float(x, &format!(".{precision}g"))
        .unwrap_or_else(|_| x.to_string())
}

/// Process CPU time (user, system), as `resource.getrusage(RUSAGE_SELF)` reports it.
#[cfg(unix)]
pub fn cpu_times() -> (f64, f64) {
    use nix::sys::resource::{UsageWho, getrusage};
    match getrusage(UsageWho::RUSAGE_SELF) {
        Ok(u) => {
            let secs = |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 * 1e-6;
            (secs(u.user_time()), secs(u.system_time()))
        }
        Err(_) => (0.0, 0.0),
    }
}

#[cfg(not(unix))]
pub fn cpu_times() -> (f64, f64) {
    (0.0, 0.0)
}

/// `%time STATEMENT` / `%%time`: runs once, prints IPython's two lines, returns the value.
pub fn time(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let code = match call.body {
        Some(body) => body,
        None => call.args,
    };
    let cell = s.parse(code)?;
    let wall = Instant::now();
    let (user0, sys0) = cpu_times();
    let value = s.run_parsed(&cell)?;
    let (user1, sys1) = cpu_times();
    let wall = wall.elapsed().as_secs_f64();
    let (user, sys) = (user1 - user0, sys1 - sys0);
    s.write(&format!(
        "CPU times: user {}, sys: {}, total: {}\nWall time: {}\n",
        format_time(user, 3),
        format_time(sys, 3),
        format_time(user + sys, 3),
        format_time(wall, 3)
    ));
    Ok(value)
}

/// What `%timeit` measured (IPython's `TimeitResult`).
#[derive(Clone, Debug, PartialEq)]
pub struct Timings {
    pub loops: u64,
    /// Seconds per loop, one entry per run.
    pub per_loop: Vec<f64>,
    pub precision: usize,
}

impl Timings {
    pub fn mean(&self) -> f64 {
        self.per_loop.iter().sum::<f64>() / self.per_loop.len() as f64
    }
    /// The population standard deviation, as IPython computes it.
    pub fn stdev(&self) -> f64 {
        let m = self.mean();
        (self.per_loop.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / self.per_loop.len() as f64)
            .sqrt()
    }
    pub fn best(&self) -> f64 {
        self.per_loop.iter().copied().fold(f64::INFINITY, f64::min)
    }
    pub fn worst(&self) -> f64 {
        self.per_loop.iter().copied().fold(0.0, f64::max)
    }
}

/// `12.3 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)`.
impl std::fmt::Display for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let runs = self.per_loop.len();
        write!(
            f,
            "{} ± {} per loop (mean ± std. dev. of {runs} run{}, {} loop{} each)",
            format_time(self.mean(), self.precision),
            format_time(self.stdev(), self.precision),
            if runs == 1 { "" } else { "s" },
            thousands(self.loops),
            if self.loops == 1 { "" } else { "s" },
        )
    }
}

/// Python's `{:,}`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Runs `setup` once and then `stmt` `number` times; returns the seconds the loop took. Only
/// the first call's printed output is kept (IPython prints every loop's; a million loops of
/// `print` would flood the cell).
fn time_loops(s: &mut Session, setup: &Cell, stmt: &Cell, number: u64) -> PyResult<Duration> {
    s.run_parsed(setup)?;
    let t0 = Instant::now();
    for _ in 0..number {
        s.interp_mut().run_cell(stmt)?;
        // a statement that is one expression is never interrupted inside the evaluator
        s.interp_mut().ctx.check_interrupt()?;
    }
    Ok(t0.elapsed())
}

/// IPython's loop: with no `-n`, the first power of ten whose loop takes at least 0.2 s; then
/// `repeat` runs of that many loops. Returns the loop count and the seconds per loop of each run.
fn measure(
    s: &mut Session,
    setup: &Cell,
    body: &Cell,
    mut number: u64,
    repeat: u64,
    first_output: &mut Option<String>,
) -> PyResult<(u64, Vec<f64>)> {
    let mut timed = |s: &mut Session, number: u64| {
        let took = time_loops(s, setup, body, number);
        let out = s.interp_mut().take_output();
        first_output.get_or_insert(out);
        took
    };
    if number == 0 {
        for index in 0..10 {
            number = 10u64.pow(index);
            if timed(s, number)?.as_secs_f64() >= 0.2 {
                break;
            }
        }
    }
    let mut per_loop = Vec::with_capacity(repeat as usize);
    for _ in 0..repeat {
        per_loop.push(timed(s, number)?.as_secs_f64() / number as f64);
    }
    Ok((number, per_loop))
}

/// `%timeit [-n N] [-r R] [-p P] [-q] [-o] STATEMENT` and `%%timeit [SETUP]` + body.
pub fn timeit(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    const SPEC: &str = "n:r:tcp:qo";
    let (opts, stmt) = options(call.args, SPEC)?;
    if stmt.trim().is_empty() && call.body.is_none() {
        return Ok(None);
    }
    let int_opt = |c: char, default: u64| -> PyResult<u64> {
        match option(&opts, c) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| PyError::magic_option_invalid_int(&format!("-{c}"), v)),
        }
    };
    let number = int_opt('n', 0)?;
    let repeat = int_opt('r', 7)?.max(1);
    let precision = int_opt('p', 3)? as usize;
    let (setup, body) = match call.body {
        None => ("pass", stmt),
        Some(body) => (if stmt.trim().is_empty() { "pass" } else { stmt }, body),
    };
    let setup = s.parse(setup)?;
    let body = s.parse(body)?;
    let printed_before = s.interp_mut().take_output();
    let mut first_output: Option<String> = None;
    let measured = measure(s, &setup, &body, number, repeat, &mut first_output);
    let mut text = printed_before + &first_output.unwrap_or_default();
    let t = match measured {
        Ok((loops, per_loop)) => Timings {
            loops,
            per_loop,
            precision,
        },
        Err(e) => {
            s.write(&text);
            return Err(e);
        }
    };
    if option(&opts, 'q').is_none() {
        let (best, worst) = (t.best(), t.worst());
        if worst > 4.0 * best && best > 0.0 && worst > 1e-6 {
            text.push_str(&format!(
                "The slowest run took {:.2} times longer than the fastest. This could mean that an intermediate result is being cached.\n",
                worst / best
            ));
        }
        text.push_str(&format!("{t}\n"));
    }
    s.write(&text);
    if option(&opts, 'o').is_some() {
        return Ok(Some(timeit_result(s, &t)));
    }
    Ok(None)
}

/// `%timeit -o`: an object with IPython's `TimeitResult` attributes.
fn timeit_result(s: &mut Session, t: &Timings) -> Value {
    let it = s.interp_mut();
    let floats = |it: &mut crate::eval::Interp, xs: Vec<f64>| {
        let items = xs.into_iter().map(|x| it.new_float(x)).collect();
        it.new_list(items)
    };
    let all_runs = floats(it, t.per_loop.iter().map(|x| x * t.loops as f64).collect());
    let timings = floats(it, t.per_loop.clone());
    let fields = vec![
        ("loops", it.new_i64(t.loops as i64)),
        ("repeat", it.new_i64(t.per_loop.len() as i64)),
        ("best", it.new_float(t.best())),
        ("worst", it.new_float(t.worst())),
        ("average", it.new_float(t.mean())),
        ("stdev", it.new_float(t.stdev())),
        ("all_runs", all_runs),
        ("timings", timings),
    ];
    it.new_record("TimeitResult", format!("<TimeitResult : {t}>"), fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_ipython_prints_them() {
        let cases = [
            (0.0123456, "12.3 ms"),
            (1.5e-6, "1.5 µs"),
            (4.56e-5, "45.6 µs"),
            (2.0, "2 s"),
            (0.0, "0 ns"),
            (1e-10, "0.1 ns"),
            (59.9, "59.9 s"),
            (65.3, "1min 5s"),
            (3_725.0, "1h 2min 5s"),
        ];
        for (t, want) in cases {
            assert_eq!(format_time(t, 3), want, "{t}");
        }
    }

    #[test]
    fn the_timeit_line_has_ipythons_words() {
        let t = Timings {
            loops: 100,
            per_loop: vec![0.0123, 0.0124, 0.0122],
            precision: 3,
        };
        assert_eq!(
            t.to_string(),
            "12.3 ms ± 81.6 µs per loop (mean ± std. dev. of 3 runs, 100 loops each)"
        );
        let one = Timings {
            loops: 1,
            per_loop: vec![2.0],
            precision: 3,
        };
        assert_eq!(
            one.to_string(),
            "2 s ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)"
        );
        assert_eq!(thousands(10_000_000), "10,000,000");
        assert_eq!(thousands(100), "100");
    }
}
