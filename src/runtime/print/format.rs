//! Element formatters chosen by dtype (arrayprint's `_get_format_function`): bool, integer,
//! float and complex columns, and Python's `repr` of bytes and str elements.

use super::PrintOptions;
use super::dragon4::FloatWidth;
use super::float::{ComplexFloatingFormat, FloatingFormat};
use crate::runtime::datetime::{NAT, TimeUnit, format_datetime};
use crate::runtime::dtype::{DType, Kind};
use crate::runtime::scalar::Scalar;

/// How every element of one array is turned into text, fixed once from the printed elements.
#[derive(Clone, Debug)]
pub(super) enum ElementFormat {
    /// arrayprint's `BoolFormat`: `" True"` lines up with `"False"` except in 0-d arrays.
    Bool {
        true_str: &'static str,
    },
    /// arrayprint's `IntegerFormat`: `'{:{sign}{width}d}'`.
    Int {
        width: usize,
        sign: char,
    },
    Float(FloatingFormat),
    Complex(ComplexFloatingFormat),
    /// `repr(x.item())` for bytes and str elements.
    Repr,
    /// `str(x)` of a float (a void scalar's fields print with `float_kind=str`).
    FloatStr(FloatWidth),
    /// A structured element: one format per field.
    Struct(Vec<super::record::FieldFormat>),
    /// An unstructured `V<n>` element.
    RawVoid,
    /// arrayprint's `DatetimeFormat`/`TimedeltaFormat` (`_TimelikeFormat`): quoted ISO dates
    /// or plain counts, right-aligned, NaT as `'NaT'`.
    Time {
        width: usize,
        dtype: DType,
    },
}

/// The float format an array of this dtype prints at (complex: of each part).
pub(super) fn float_width(dtype: DType) -> FloatWidth {
    let part_size = if dtype.kind == Kind::Complex {
        dtype.itemsize / 2
    } else {
        dtype.itemsize
    };
    match part_size {
        2 => FloatWidth::Half,
        4 => FloatWidth::Single,
        _ => FloatWidth::Double,
    }
}

pub(super) fn int_value(v: &Scalar) -> i128 {
    match v {
        Scalar::Int(i) => *i as i128,
        Scalar::UInt(u) => *u as i128,
        other => other.to_i64_wrapping() as i128,
    }
}

impl ElementFormat {
    pub(super) fn for_data(
        dtype: DType,
        data: &[Scalar],
        is_0d: bool,
        opts: &PrintOptions,
    ) -> ElementFormat {
        match dtype.kind {
            Kind::Bool => ElementFormat::Bool {
                true_str: if is_0d { "True" } else { " True" },
            },
            Kind::Int | Kind::UInt => int_format(data.iter().map(int_value), opts.sign),
            Kind::Float => {
                let values: Vec<f64> = data.iter().map(Scalar::to_f64).collect();
                ElementFormat::Float(FloatingFormat::new(
                    &values,
                    float_width(dtype),
                    opts,
                    opts.sign,
                ))
            }
            Kind::Complex => {
                let values: Vec<(f64, f64)> = data.iter().map(Scalar::to_complex).collect();
                ElementFormat::Complex(ComplexFloatingFormat::new(
                    &values,
                    float_width(dtype),
                    opts,
                ))
            }
            Kind::Bytes | Kind::Str => ElementFormat::Repr,
            Kind::Void => super::record::struct_format(dtype, data, is_0d, false, opts),
            Kind::Datetime | Kind::Timedelta => {
                let text = |v: &Scalar| time_text(dtype, v);
                let values = data.iter().filter(|v| int_value(v) != NAT as i128);
                let mut width = values.map(|v| text(v).len()).max().unwrap_or(0);
                if data.iter().any(|v| int_value(v) == NAT as i128) {
                    width = width.max(5);
                }
                ElementFormat::Time { width, dtype }
            }
        }
    }

    pub(super) fn format(&self, v: &Scalar) -> String {
        match self {
            ElementFormat::Bool { true_str } => {
                if v.is_truthy() { true_str } else { "False" }.to_string()
            }
            ElementFormat::Int { width, sign } => format_int(int_value(v), *width, *sign),
            ElementFormat::Float(f) => f.format(v.to_f64()),
            ElementFormat::Complex(c) => {
                let (re, im) = v.to_complex();
                c.format(re, im)
            }
            ElementFormat::Repr => element_repr(v),
            ElementFormat::FloatStr(w) => super::float::float_scalar_str(v.to_f64(), *w, u32::MAX),
            ElementFormat::Struct(fields) => super::record::format_struct(fields, v),
            ElementFormat::RawVoid => super::record::raw_void(v),
            ElementFormat::Time { width, dtype } => {
                let t = if int_value(v) == NAT as i128 {
                    "'NaT'".to_string()
                } else {
                    time_text(*dtype, v)
                };
                format!("{t:>width$}")
            }
        }
    }
}

/// One non-NaT element as `_TimelikeFormat._format_non_nat` writes it.
fn time_text(dtype: DType, v: &Scalar) -> String {
    let unit = dtype.time_unit().unwrap_or(TimeUnit::GENERIC);
    match dtype.kind {
        Kind::Datetime => format!("'{}'", format_datetime(int_value(v) as i64, unit)),
        _ => int_value(v).to_string(),
    }
}

fn int_format(values: impl Iterator<Item = i128>, sign: char) -> ElementFormat {
    let Some((min, max)) = values.fold(None, |acc: Option<(i128, i128)>, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    }) else {
        return ElementFormat::Int { width: 0, sign };
    };
    let mut sign = sign;
    let mut max_len = max.to_string().len();
    if sign == ' ' && min < 0 {
        sign = '-';
    }
    if max >= 0 && (sign == '+' || sign == ' ') {
        max_len += 1;
    }
    ElementFormat::Int {
        width: max_len.max(min.to_string().len()),
        sign,
    }
}

fn format_int(v: i128, width: usize, sign: char) -> String {
    let body = match sign {
        '+' if v >= 0 => format!("+{v}"),
        ' ' if v >= 0 => format!(" {v}"),
        _ => v.to_string(),
    };
    format!("{body:>width$}")
}

/// `repr()` of a bytes or str element, or of a `bytes_` / `str_` scalar under legacy printing.
pub fn element_repr(v: &Scalar) -> String {
    match v {
        Scalar::Str(s) => str_repr(s),
        other => bytes_repr(&other.to_bytes()),
    }
}

/// Python's quote choice: single quotes unless the text has `'` and no `"`.
fn quote_for(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// CPython's `bytes.__repr__`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = quote_for(b.contains(&b'\''), b.contains(&b'"'));
    let mut s = String::with_capacity(b.len() + 3);
    s.push('b');
    s.push(quote);
    for &c in b {
        match c {
            _ if c == quote as u8 || c == b'\\' => {
                s.push('\\');
                s.push(c as char);
            }
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

/// CPython's `str.__repr__`.
pub fn str_repr(text: &str) -> String {
    let quote = quote_for(text.contains('\''), text.contains('"'));
    let mut s = String::with_capacity(text.len() + 2);
    s.push(quote);
    for c in text.chars() {
        match c {
            _ if c == quote || c == '\\' => {
                s.push('\\');
                s.push(c);
            }
            '\t' => s.push_str("\\t"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            ' '..='~' => s.push(c),
            _ if is_printable(c) => s.push(c),
            _ if (c as u32) < 0x100 => s.push_str(&format!("\\x{:02x}", c as u32)),
            _ if (c as u32) < 0x10000 => s.push_str(&format!("\\u{:04x}", c as u32)),
            _ => s.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    s.push(quote);
    s
}

/// `str.isprintable()` for one character: false for categories Cc, Cf, Co, Zl, Zp, Zs (except
/// the space), the noncharacters and the large unassigned planes; this agrees with CPython 3.11
/// (Unicode 14) on every assigned character. Departure: the scattered unassigned code points
/// (Cn) inside planes 0-2 count as printable, since std has no Unicode category table.
fn is_printable(c: char) -> bool {
    const NOT_PRINTABLE: &[(u32, u32)] = &[
        (0x00, 0x1f),
        (0x7f, 0xa0),
        (0xad, 0xad),
        (0x600, 0x605),
        (0x61c, 0x61c),
        (0x6dd, 0x6dd),
        (0x70f, 0x70f),
        (0x890, 0x891),
        (0x8e2, 0x8e2),
        (0x1680, 0x1680),
        (0x180e, 0x180e),
        (0x2000, 0x200f),
        (0x2028, 0x202f),
        (0x205f, 0x2064),
        (0x2066, 0x206f),
        (0x3000, 0x3000),
        (0xe000, 0xf8ff),
        (0xfdd0, 0xfdef),
        (0xfeff, 0xfeff),
        (0xfff9, 0xfffb),
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x1343f),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        // unassigned from CJK extension G's end to the tags, and after the variation selectors
        (0x3134b, 0xe00ff),
        (0xe01f0, 0x10ffff),
    ];
    let u = c as u32;
    u & 0xfffe != 0xfffe && !NOT_PRINTABLE.iter().any(|&(lo, hi)| (lo..=hi).contains(&u))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_quotes_and_escapes() {
        // (ours, CPython 3.11's repr of the same bytes / str)
        let cases = [
            (bytes_repr(b"abc"), r"b'abc'"),
            (bytes_repr(b"\x00\xff"), r"b'\x00\xff'"),
            (bytes_repr(b"it's"), r#"b"it's""#),
            (bytes_repr(b"'\""), r#"b'\'"'"#),
            (bytes_repr(b"a\\b\t\n\r\x7f"), r"b'a\\b\t\n\r\x7f'"),
            (str_repr("abc"), "'abc'"),
            (str_repr("it's"), r#""it's""#),
            (
                str_repr("\u{e9}\u{4e2d}\u{1f600}"),
                "'\u{e9}\u{4e2d}\u{1f600}'",
            ),
            (str_repr("\x00\u{85}\u{a0}\u{ad}"), r"'\x00\x85\xa0\xad'"),
            (
                str_repr("\u{2028}\u{feff}\u{e000}\u{10ffff}"),
                r"'\u2028\ufeff\ue000\U0010ffff'",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn integer_columns_pad_to_the_widest_printed_value() {
        let f = int_format([-5i128, 120].into_iter(), '-');
        let ElementFormat::Int { width, sign } = f else {
            panic!("integer dtype gives IntegerFormat")
        };
        assert_eq!(
            (format_int(-5, width, sign), format_int(120, width, sign)),
            (" -5".into(), "120".into())
        );
        let ElementFormat::Int { width, sign } = int_format([0i128, 7].into_iter(), '+') else {
            panic!()
        };
        assert_eq!(format_int(7, width, sign), "+7");
        let ElementFormat::Int { width, sign } = int_format([-1i128, 7].into_iter(), ' ') else {
            panic!()
        };
        assert_eq!(
            (format_int(7, width, sign), sign),
            (" 7".into(), '-'),
            "a negative turns ' ' into '-'"
        );
    }
}
