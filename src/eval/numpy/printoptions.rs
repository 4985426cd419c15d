//! NumPy's print options: `np.set_printoptions` and `np.get_printoptions`.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::print::PrintOptions;

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.set_printoptions",
        "(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None, nanstr=None, infstr=None, formatter=None, sign=None, floatmode=None, *, legacy=None, override_repr=None)",
        set_printoptions,
    ),
    Row::np_py("numpy.get_printoptions", "()", get_printoptions).returns("dict"),
];

/// The options `set_printoptions` sets, in its parameters' order.
const OPTIONS: [&str; 11] = [
    "precision",
    "threshold",
    "edgeitems",
    "linewidth",
    "suppress",
    "nanstr",
    "infstr",
    "formatter",
    "sign",
    "floatmode",
    "legacy",
];

fn set_printoptions(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut args, &["formatter", "override_repr"])?;
    let vals = OPTIONS.iter().map(|n| (*n, args.take(n))).collect();
    it.set_printoptions(vals)?;
    Ok(Value::None)
}

fn get_printoptions(it: &mut Interp, _: Bound) -> PyResult<Value> {
    let o = it.print_opts.clone();
    let items = vec![
        (
            it.new_str("edgeitems".into()),
            it.new_i64(o.edgeitems as i64),
        ),
        (
            it.new_str("threshold".into()),
            // shown as given, as far as a number tells: 1000, 5.5, inf
            if o.threshold.fract() == 0.0 && o.threshold.abs() < 9.0e15 {
                it.new_i64(o.threshold as i64)
            } else {
                it.new_float(o.threshold)
            },
        ),
        (
            it.new_str("floatmode".into()),
            it.new_str(o.floatmode.name().into()),
        ),
        (
            it.new_str("precision".into()),
            it.new_i64(o.precision as i64),
        ),
        (it.new_str("suppress".into()), Value::Bool(o.suppress)),
        (
            it.new_str("linewidth".into()),
            it.new_i64(o.linewidth as i64),
        ),
        (it.new_str("nanstr".into()), it.new_str(o.nanstr.clone())),
        (it.new_str("infstr".into()), it.new_str(o.infstr.clone())),
        (it.new_str("sign".into()), it.new_str(o.sign.to_string())),
        (it.new_str("formatter".into()), Value::None),
        (
            it.new_str("legacy".into()),
            match o.legacy {
                Some(v) => it.new_str(format!("{}.{}", v / 100, v % 100)),
                None => Value::Bool(false),
            },
        ),
        (it.new_str("override_repr".into()), Value::None),
    ];
    it.new_dict(items)
}

impl Interp {
    /// Applies the given options (`None` leaves one as it is), with NumPy's checks.
    fn set_printoptions(&mut self, vals: Vec<(&str, Option<Value>)>) -> PyResult<()> {
        use crate::runtime::print::FloatMode;
        let mut o = self.print_opts.clone();
        for (name, v) in vals {
            let Some(v) = v else { continue };
            if v.is_none() {
                continue;
            }
            let int = |me: &Interp, v: &Value| -> PyResult<usize> {
                let i = me.int_value(v, "")?;
                usize::try_from(i.to_i64().unwrap_or(-1))
                    .map_err(|_| PyError::value(format!("{name} must be a non-negative integer")))
            };
            match name {
                "precision" => o.precision = int(self, &v)?,
                "threshold" => {
                    let t = match &v {
                        Value::Int(_) | Value::Bool(_) | Value::Float(_) => self.to_float(&v)?,
                        Value::Scalar(s) if s.dtype.is_numeric() => self.to_float(&v)?,
                        _ => return Err(PyError::type_error("threshold must be numeric")),
                    };
                    if t.is_nan() {
                        return Err(PyError::value(
                            "threshold must be non-NAN, try sys.maxsize for untruncated representation",
                        ));
                    }
                    o.threshold = t;
                }
                "edgeitems" => o.edgeitems = int(self, &v)?,
                "linewidth" => o.linewidth = int(self, &v)?,
                "suppress" => o.suppress = self.truthy(&v)?,
                "nanstr" => o.nanstr = self.str(&v)?,
                "infstr" => o.infstr = self.str(&v)?,
                "sign" => {
                    let s = self.str(&v)?;
                    o.sign = match s.as_str() {
                        "-" | "+" | " " => s.chars().next().unwrap_or('-'),
                        _ => {
                            return Err(PyError::value(
                                "sign option must be one of ' ', '+', or '-'",
                            ));
                        }
                    };
                }
                "floatmode" => {
                    let s = self.str(&v)?;
                    o.floatmode = FloatMode::parse(&s).ok_or_else(|| {
                        PyError::value(
                            "floatmode option must be one of 'fixed', 'unique', 'maxprec', or 'maxprec_equal'",
                        )
                    })?;
                }
                "legacy" => {
                    o.legacy = match &v {
                        Value::Bool(false) => None,
                        Value::Str(s) => match PrintOptions::parse_legacy(&s.v) {
                            Some(level) => Some(level),
                            None => {
                                return Err(PyError::value(
                                    "legacy printing option can currently only be '1.13', '1.21', '1.25', '2.1', '2.2' or `False`",
                                ));
                            }
                        },
                        _ => {
                            return Err(PyError::value(
                                "legacy printing option can currently only be '1.13', '1.21', '1.25', '2.1', '2.2' or `False`",
                            ));
                        }
                    };
                }
                _ => {}
            }
        }
        self.print_opts = o;
        Ok(())
    }
}
