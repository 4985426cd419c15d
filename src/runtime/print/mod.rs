//! NumPy-identical text for arrays and scalars: a port of numpy 2.4's `arrayprint.py` (`repr`,
//! `str`, print options) and of the scalar strings in `scalartypes.c.src`.
//!
//! Module map:
//! - `layout`: `_formatArray` (brackets, wrapping, `...`) and `_leading_trailing`;
//! - `format`: the per-dtype element formatters and Python's bytes/str quoting;
//! - `float`: `FloatingFormat`, `ComplexFloatingFormat`, float scalar strings, `repr(float)`;
//! - `format_float`: `format_float_positional` / `_scientific` (trim, pad, sign);
//! - `dragon4` (+ `bigint`): numpy's Dragon4 digit generation.
//!
//! Only printed elements are read: a summarised array's formats are sized over its edge items,
//! so printing costs O(edgeitems ** ndim) calls to [`Elements::get`], whatever the size.

mod bigint;
mod dragon4;
mod float;
mod format;
mod format_float;
mod layout;
mod record;
#[cfg(test)]
mod tests;

use crate::error::shape_str;
use crate::runtime::datetime;
use crate::runtime::dtype::{DType, Kind};
use crate::runtime::scalar::Scalar;
use float::ComplexText;
use format::ElementFormat;
use layout::Layout;

pub use float::python_float_repr;
pub use format::{bytes_repr, element_repr, str_repr};

/// What the printer needs from an array.
pub trait Elements {
    fn dtype(&self) -> DType;
    fn shape(&self) -> &[usize];
    /// The element at a C-order multi-index (each index in range).
    fn get(&self, index: &[usize]) -> Scalar;
}

/// `np.set_printoptions(floatmode=...)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatMode {
    /// `'fixed'`: always `precision` digits.
    Fixed,
    /// `'unique'`: as many digits as each value needs; `precision` is ignored.
    Unique,
    /// `'maxprec'`: at most `precision` digits, fewer when the value needs fewer.
    MaxPrec,
    /// `'maxprec_equal'`: at most `precision` digits, the same count for every element.
    MaxPrecEqual,
}

/// numpy's print options (`np.get_printoptions()`), without `formatter` and `override_repr`.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintOptions {
    pub precision: usize,
    /// Any number NumPy accepts (`float('inf')` prints everything, a negative number
    /// summarises every array); arrays with more elements are summarised.
    pub threshold: f64,
    pub edgeitems: usize,
    pub linewidth: usize,
    pub suppress: bool,
    /// `'-'`, `'+'` or `' '`.
    pub sign: char,
    pub floatmode: FloatMode,
    pub nanstr: String,
    pub infstr: String,
    /// `Some(125)` is `legacy='1.25'`, `Some(202)` is `'2.2'`; `None` is `legacy=False`.
    pub legacy: Option<u32>,
}

impl Default for PrintOptions {
    /// numpy 2.4's defaults (`legacy=False`: scalars print as `np.int64(1)`).
    fn default() -> Self {
        PrintOptions {
            precision: 8,
            threshold: 1000.0,
            edgeitems: 3,
            linewidth: 75,
            suppress: false,
            sign: '-',
            floatmode: FloatMode::MaxPrec,
            nanstr: "nan".into(),
            infstr: "inf".into(),
            legacy: None,
        }
    }
}

impl FloatMode {
    /// numpy's spelling of each mode, as `floatmode=` takes and `get_printoptions()` gives it.
    const NAMES: [(&'static str, FloatMode); 4] = [
        ("fixed", FloatMode::Fixed),
        ("unique", FloatMode::Unique),
        ("maxprec", FloatMode::MaxPrec),
        ("maxprec_equal", FloatMode::MaxPrecEqual),
    ];

    pub fn parse(s: &str) -> Option<FloatMode> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|&(_, m)| m)
    }

    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|&&(_, m)| m == self)
            .map_or("maxprec", |&(n, _)| n)
    }
}

impl PrintOptions {
    /// The `legacy=` spellings numpy accepts (besides `False`): `'1.25'` → `Some(125)`.
    pub fn parse_legacy(s: &str) -> Option<u32> {
        match s {
            "1.13" => Some(113),
            "1.21" => Some(121),
            "1.25" => Some(125),
            "2.1" => Some(201),
            "2.2" => Some(202),
            _ => None,
        }
    }

    /// The integer numpy compares against (`sys.maxsize` for `legacy=False`). Departure: the
    /// `legacy='1.13'` branches are not ported, so anything below 1.21 prints as 1.21 does.
    pub fn legacy_level(&self) -> u32 {
        self.legacy.map_or(u32::MAX, |l| l.max(121))
    }
}

/// Python's `len()` of a str: code points, which is what numpy measures line widths in.
fn py_len(s: &str) -> usize {
    s.chars().count()
}

fn size_of(shape: &[usize]) -> usize {
    shape
        .iter()
        .try_fold(1usize, |acc, &n| acc.checked_mul(n))
        .unwrap_or(usize::MAX)
}

/// `array2string(a, separator=..., prefix=..., suffix=...)` with the options' line width.
fn array2string(
    a: &dyn Elements,
    opts: &PrintOptions,
    separator: &str,
    prefix: &str,
    suffix: &str,
) -> String {
    let shape = a.shape();
    let size = size_of(shape);
    if size == 0 {
        return "[]".into();
    }
    let summarise = size as f64 > opts.threshold;
    let kept = layout::printed_indices(shape, opts.edgeitems, summarise);
    let data = layout::printed_elements(a, &kept);
    let format = ElementFormat::for_data(a.dtype(), &data, shape.is_empty(), opts);
    let layout = Layout {
        array: a,
        format: &format,
        separator,
        edge_items: opts.edgeitems,
        summarise,
    };
    // the first line is indented as if under `prefix` and its '['
    let next_line_prefix = " ".repeat(1 + py_len(prefix));
    let line_width = i64::try_from(opts.linewidth).unwrap_or(i64::MAX);
    layout.render(line_width - py_len(suffix) as i64, &next_line_prefix)
}

/// `repr(arr)`: `array([0, 1, 2])`, with `shape=` / `dtype=` where the values do not imply them
/// (`_array_repr_implementation`).
pub fn array_repr(a: &dyn Elements, opts: &PrintOptions) -> String {
    let prefix = "array(";
    let body = array2string(a, opts, ", ", prefix, ")");
    let (shape, dtype) = (a.shape(), a.dtype());
    let size = size_of(shape);
    let mut extras = Vec::new();
    if (size == 0 && shape != [0]) || (opts.legacy_level() > 210 && size as f64 > opts.threshold) {
        extras.push(format!("shape={}", shape_str(shape)));
    }
    if !dtype.is_default_repr() || size == 0 {
        extras.push(format!("dtype={}", dtype.short_repr()));
    }
    if extras.is_empty() {
        return format!("{prefix}{body})");
    }
    let arr_str = format!("{prefix}{body},");
    let extra_str = extras.join(", ") + ")";
    // the extras move to their own line when they would push the last line past the width
    let last_line_len = arr_str.rsplit('\n').next().map_or(0, py_len);
    let spacer = if last_line_len + py_len(&extra_str) + 1 > opts.linewidth {
        format!("\n{}", " ".repeat(prefix.len()))
    } else {
        " ".to_string()
    };
    arr_str + &spacer + &extra_str
}

/// `repr(recarray)` (`recarray.__repr__`): `rec.array(` and the values, the dtype on a line of
/// its own as `str(dtype)` (a record dtype shown as its plain structure); a recarray of
/// unstructured void shows as `array(...).view(numpy.recarray)`.
pub fn recarray_repr(a: &dyn Elements, opts: &PrintOptions) -> String {
    let dtype = a.dtype();
    let (prefix, tail) = if dtype.fields().is_some() || !dtype.is_void() {
        ("rec.array(", ")")
    } else {
        ("array(", ").view(numpy.recarray)")
    };
    let shape = a.shape();
    let body = if size_of(shape) > 0 || shape == [0] {
        array2string(a, opts, ", ", prefix, ",")
    } else {
        format!("[], shape={}", shape_str(shape))
    };
    // NumPy 1.13's printing left a space before the line break
    let space = if opts.legacy_level() <= 113 { " " } else { "" };
    let indent = " ".repeat(prefix.len());
    let dt = dtype.with_record(false).str_form();
    format!("{prefix}{body},{space}\n{indent}dtype={dt}{tail}")
}

/// `str(arr)` / `print(arr)`: `[0 1 2]`; a 0-d array prints as its scalar's `str`.
pub fn array_str(a: &dyn Elements, opts: &PrintOptions) -> String {
    if a.shape().is_empty() {
        return scalar_str(a.dtype(), &a.get(&[]), opts);
    }
    array2string(a, opts, " ", "", "")
}

fn complex_text(dtype: DType, v: &Scalar, legacy: u32) -> ComplexText {
    let (re, im) = v.to_complex();
    float::complex_scalar_parts(re, im, format::float_width(dtype), legacy)
}

/// `_void_scalar_to_string`: a record's fields formatted as a 0-d array's (floats with `str`
/// from NumPy 2 on); raw void bytes escaped.
fn void_scalar_text(dtype: DType, v: &Scalar, opts: &PrintOptions) -> String {
    let float_str = opts.legacy_level() > 125;
    let data = std::slice::from_ref(v);
    record::struct_format(dtype, data, true, float_str, opts).format(v)
}

/// `str()` of a numpy scalar of this dtype.
pub fn scalar_str(dtype: DType, v: &Scalar, opts: &PrintOptions) -> String {
    let legacy = opts.legacy_level();
    match dtype.kind {
        Kind::Bool => if v.is_truthy() { "True" } else { "False" }.into(),
        Kind::Int | Kind::UInt => format::int_value(v).to_string(),
        Kind::Float => float::float_scalar_str(v.to_f64(), format::float_width(dtype), legacy),
        Kind::Complex => complex_text(dtype, v, legacy).join(true),
        // str(bytes) is its repr in Python 3
        Kind::Bytes => format::bytes_repr(&v.to_bytes()),
        Kind::Str => v.to_text(),
        Kind::Void => void_scalar_text(dtype, v, opts),
        Kind::Datetime => datetime::format_datetime(format::int_value(v) as i64, time_unit(dtype)),
        Kind::Timedelta => {
            datetime::format_timedelta(format::int_value(v) as i64, time_unit(dtype))
        }
    }
}

fn time_unit(dtype: DType) -> datetime::TimeUnit {
    dtype.time_unit().unwrap_or(datetime::TimeUnit::GENERIC)
}

/// `datetimetype_repr`/`timedeltatype_repr`: the unit is spelled out unless the text implies
/// it (always for hours, which read like a day's number, for a multiplied unit, and for NaT).
fn time_scalar_repr(dtype: DType, v: &Scalar, legacy: u32) -> String {
    use datetime::Unit;
    let prefix = if legacy <= 125 { "numpy" } else { "np" };
    let (x, unit) = (format::int_value(v) as i64, time_unit(dtype));
    let name = dtype.scalar_type_name();
    let implied = unit.is_generic() || (unit.num == 1 && unit.base != Unit::H);
    let body = match (dtype.kind, x == datetime::NAT, unit.is_generic()) {
        (Kind::Datetime, true, _) => format!("'NaT','{}'", unit.code()),
        (Kind::Datetime, false, _) if implied => format!("'{}'", scalar_str_time(dtype, x)),
        (Kind::Datetime, false, _) => format!("'{}','{}'", scalar_str_time(dtype, x), unit.code()),
        (_, true, true) => "'NaT'".into(),
        (_, true, false) => format!("'NaT','{}'", unit.code()),
        (_, false, true) => x.to_string(),
        (_, false, false) => format!("{x},'{}'", unit.code()),
    };
    format!("{prefix}.{name}({body})")
}

fn scalar_str_time(dtype: DType, x: i64) -> String {
    datetime::format_datetime(x, time_unit(dtype))
}

/// `repr()` of a numpy scalar of this dtype: `1`, `1.0`, `b'abc'` under `legacy='1.25'`, and
/// `np.int64(1)`, `np.float64(1.0)`, `np.bytes_(b'abc')` from numpy 2's default on.
pub fn scalar_repr(dtype: DType, v: &Scalar, opts: &PrintOptions) -> String {
    let legacy = opts.legacy_level();
    if dtype.kind == Kind::Void && legacy > 125 {
        let body = void_scalar_text(dtype, v, opts);
        return match dtype.fields() {
            // `np.record(...)` names the plain structure, as `recarray.__repr__` does
            Some(_) if dtype.record => format!(
                "np.record({body}, dtype={})",
                dtype.with_record(false).str_form()
            ),
            Some(_) => format!("np.void({body}, dtype={})", dtype.str_form()),
            None => format!("np.void({body})"),
        };
    }
    if dtype.is_time() {
        return time_scalar_repr(dtype, v, legacy);
    }
    let plain = match dtype.kind {
        Kind::Bytes | Kind::Str => format::element_repr(v),
        Kind::Complex if legacy > 125 => complex_text(dtype, v, legacy).join(false),
        _ => scalar_str(dtype, v, opts),
    };
    if legacy <= 125 {
        return plain;
    }
    match dtype.kind {
        Kind::Bool => format!("np.{plain}_"),
        // a long long prints by its size, `np.int64(1)` (NumPy's `genint_type_repr`)
        _ => format!("np.{}({plain})", dtype.sized().scalar_type_name()),
    }
}
