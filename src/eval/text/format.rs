//! `format(value, spec)`: CPython 3.11's format-spec mini-language
//! (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`) for str, int, float,
//! complex and NumPy scalars, with its exact error messages and its zero-padding-with-grouping
//! algorithm. `str.format` and `%` formatting, which call this, are in `strformat`.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::Scalar;
use crate::runtime::print;

/// A parsed format spec (`InternalFormatSpec`).
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// `parse_internal_render_format_spec`: `default_align` is `<` for strings, `>` for numbers;
/// `type_name` is for the "Invalid format specifier" message.
pub fn parse_spec(spec: &str, default_align: char, type_name: &str) -> PyResult<FormatSpec> {
    let cs: Vec<char> = spec.chars().collect();
    let mut fs = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    let mut i = 0;
    let mut fill_given = false;
    if cs.len() >= 2 && is_align(cs[1]) {
        fs.fill = cs[0];
        fs.align = Some(cs[1]);
        fill_given = true;
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        fs.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        fs.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == 'z' {
        fs.no_neg_zero = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        fs.alternate = true;
        i += 1;
    }
    // the special case for 0-padding (backwards compatible)
    if !fill_given && i < cs.len() && cs[i] == '0' {
        fs.fill = '0';
        if fs.align.is_none() && default_align == '>' {
            fs.align = Some('=');
        }
        i += 1;
    }
    // `get_integer`: a number past Py_ssize_t is refused, never wrapped or clamped
    let digits = |i: &mut usize| -> PyResult<Option<usize>> {
        let start = *i;
        while *i < cs.len() && cs[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == start {
            return Ok(None);
        }
        cs[start..*i]
            .iter()
            .collect::<String>()
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= isize::MAX as usize)
            .map(Some)
            .ok_or_else(|| PyError::value("Too many decimal digits in format string"))
    };
    fs.width = digits(&mut i)?;
    if i < cs.len() && (cs[i] == ',' || cs[i] == '_') {
        fs.grouping = Some(cs[i]);
        i += 1;
        if i < cs.len() && (cs[i] == ',' || cs[i] == '_') {
            return Err(if cs[i] == fs.grouping.unwrap_or(',') {
                PyError::value(format!("Cannot specify '{}' with '{}'.", cs[i], cs[i]))
            } else {
                PyError::value("Cannot specify both ',' and '_'.")
            });
        }
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        fs.precision = Some(
            digits(&mut i)?.ok_or_else(|| PyError::value("Format specifier missing precision"))?,
        );
    }
    if cs.len() - i > 1 {
        return Err(PyError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if i < cs.len() {
        fs.ty = Some(cs[i]);
    }
    if let Some(g) = fs.grouping {
        let ok = match fs.ty {
            None => true,
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            return Err(PyError::value(format!(
                "Cannot specify '{g}' with '{}'.",
                fs.ty.unwrap_or(' ')
            )));
        }
    }
    Ok(fs)
}

fn unknown_code(ty: char, type_name: &str) -> PyError {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        PyError::value(format!(
            "Unknown format code '{ty}' for object of type '{type_name}'"
        ))
    } else {
        PyError::value(format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            ty as u32
        ))
    }
}

/// Pads `body` to the spec's width with its fill, by its alignment (`default` when none).
fn pad(fs: &FormatSpec, body: &str, default: char) -> String {
    let n = body.chars().count();
    let width = fs.width.unwrap_or(0);
    if n >= width {
        return body.to_string();
    }
    let gap = width - n;
    let fill = |k: usize| std::iter::repeat_n(fs.fill, k).collect::<String>();
    match fs.align.unwrap_or(default) {
        '<' => format!("{body}{}", fill(gap)),
        '^' => format!("{}{body}{}", fill(gap / 2), fill(gap - gap / 2)),
        _ => format!("{}{body}", fill(gap)),
    }
}

/// `InsertThousandsGrouping` with a minimum width: groups of `group` digits from the right,
/// zero-filled on the left until `min_width` characters are written (so `format(1234, '08,')`
/// is `'0,001,234'`).
fn group_digits(digits: &str, sep: Option<char>, group: usize, min_width: usize) -> String {
    let ds: Vec<char> = digits.chars().collect();
    let Some(sep) = sep else {
        let zeros = min_width.saturating_sub(ds.len());
        return "0".repeat(zeros) + digits;
    };
    let mut remaining = ds.len() as isize;
    let mut min_width = min_width as isize;
    let mut end = ds.len();
    let mut pieces: Vec<String> = Vec::new();
    // each pass writes one group (zero-filled when the digits ran out); every pass shrinks
    // `remaining` or `min_width`, so the loop ends
    loop {
        let l = (group as isize).min(remaining.max(min_width).max(1));
        let n_chars = remaining.min(l).max(0) as usize;
        let n_zeros = (l - remaining).max(0) as usize;
        let start = end - n_chars;
        pieces.push("0".repeat(n_zeros) + &ds[start..end].iter().collect::<String>());
        end = start;
        remaining -= n_chars as isize;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    pieces.reverse();
    pieces.join(&sep.to_string())
}

/// Sign, prefix, digits and the rest (`.5e+10`, `%`) laid out as `fill_number` does: zero
/// padding goes between the sign/prefix and the digits (grouped), other fills outside.
fn layout_number(
    fs: &FormatSpec,
    negative: bool,
    prefix: &str,
    digits: &str,
    rest: &str,
    group: usize,
) -> String {
    let sign = if negative {
        "-"
    } else {
        match fs.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let width = fs.width.unwrap_or(0);
    let min_width = if fs.fill == '0' && fs.align == Some('=') {
        width.saturating_sub(sign.len() + prefix.len() + rest.chars().count())
    } else {
        0
    };
    let body = group_digits(digits, fs.grouping, group, min_width);
    let number = format!("{sign}{prefix}{body}{rest}");
    if fs.align == Some('=') {
        let n = number.chars().count();
        if n < width {
            let fill: String = std::iter::repeat_n(fs.fill, width - n).collect();
            return format!("{sign}{prefix}{fill}{body}{rest}");
        }
        return number;
    }
    pad(fs, &number, '>')
}

/// `format(s, spec)` for a str.
fn format_str(s: &str, spec: &str) -> PyResult<String> {
    let fs = parse_spec(spec, '<', "str")?;
    if let Some(t) = fs.ty
        && t != 's'
    {
        return Err(unknown_code(t, "str"));
    }
    if fs.sign.is_some() {
        return Err(PyError::value(
            "Sign not allowed in string format specifier",
        ));
    }
    if fs.no_neg_zero {
        return Err(PyError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if fs.alternate {
        return Err(PyError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if fs.align == Some('=') {
        return Err(PyError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match fs.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&fs, &body, '<'))
}

/// `format(i, spec)` for an int (`type_name` is `int` or `bool` for messages).
fn format_int(i: &Int, spec: &str, type_name: &str) -> PyResult<String> {
    let fs = parse_spec(spec, '>', type_name)?;
    match fs.ty {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_spec(i.to_f64()?, &fs, type_name);
        }
        None | Some('d' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if fs.precision.is_some() {
        return Err(PyError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if fs.no_neg_zero {
        return Err(PyError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if fs.ty == Some('c') {
        if fs.sign.is_some() {
            return Err(PyError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if fs.alternate {
            return Err(PyError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = i
            .to_i64()
            .and_then(|x| u32::try_from(x).ok())
            .and_then(char::from_u32)
            .ok_or_else(|| PyError::overflow("%c arg not in range(0x110000)"))?;
        return Ok(pad(&fs, &c.to_string(), '<'));
    }
    let mag = i.abs().to_big();
    let (prefix, digits, group) = match fs.ty {
        Some('x') => ("0x", format!("{mag:x}"), 4),
        Some('X') => ("0X", format!("{mag:X}"), 4),
        Some('o') => ("0o", format!("{mag:o}"), 4),
        Some('b') => ("0b", format!("{mag:b}"), 4),
        _ => ("", i.abs().to_string_checked()?, 3),
    };
    let prefix = if fs.alternate { prefix } else { "" };
    Ok(layout_number(
        &fs,
        i.is_negative(),
        prefix,
        &digits,
        "",
        group,
    ))
}

/// Rounds `x` to `ndigits` decimal places as CPython's `round(x, n)` does (correctly rounded,
/// half to even on the exact decimal value).
pub fn round_to_digits(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0 * x;
    }
    if ndigits >= 0 {
        format!("{x:.*}", ndigits as usize).parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-ndigits) as i32);
        let y = (x / p).round_ties_even() * p;
        if y.is_finite() { y } else { x }
    }
}

/// Past this many decimals a double's exact decimal expansion is all zeros (2**-1074 has 1074
/// of them), and Rust's formatter refuses precisions above 65535: longer ones are this many
/// digits, then zeros, exactly what CPython prints.
const EXACT_DECIMALS: usize = 1100;

/// `|x|` with `p` decimals (`'%.pf'`), for any `p`.
fn fixed_digits(a: f64, p: usize) -> String {
    if p <= EXACT_DECIMALS {
        return format!("{a:.p$}");
    }
    let mut s = format!("{a:.EXACT_DECIMALS$}");
    s.extend(std::iter::repeat_n('0', p - EXACT_DECIMALS));
    s
}

/// `|x|` in Rust's scientific form with `p` decimals (`1.5e10`), for any `p`.
fn sci_digits(a: f64, p: usize) -> String {
    if p <= EXACT_DECIMALS {
        return format!("{a:.p$e}");
    }
    let s = format!("{a:.EXACT_DECIMALS$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let zeros: String = std::iter::repeat_n('0', p - EXACT_DECIMALS).collect();
    format!("{m}{zeros}e{e}")
}

/// CPython refuses float precisions past a C int (`format_float_internal`).
fn check_float_precision(fs: &FormatSpec) -> PyResult<()> {
    match fs.precision {
        Some(p) if p > i32::MAX as usize => Err(PyError::value("precision too big")),
        _ => Ok(()),
    }
}

/// `'e'` digits for `|x|` with `p` decimals: `1.5e+10` style (at least two exponent digits).
fn exp_digits(a: f64, p: usize, alternate: bool) -> String {
    let s = sci_digits(a, p);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let m = if alternate && p == 0 {
        format!("{m}.")
    } else {
        m.to_string()
    };
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// `'g'` with precision `p` (0 counts as 1): fixed when `-4 <= exp < p`, else scientific;
/// trailing zeros dropped unless `#`.
fn general_digits(a: f64, p: usize, alternate: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        return if alternate {
            fixed_digits(0.0, p - 1)
        } else {
            "0".to_string()
        };
    }
    let sci = sci_digits(a, p - 1);
    let exp = sci
        .split_once('e')
        .map_or(0, |(_, e)| e.parse::<i32>().unwrap_or(0));
    if exp < -4 || exp >= p as i32 {
        let (m, _) = sci.split_once('e').unwrap_or((&sci, ""));
        let m = if alternate {
            if m.contains('.') {
                m.to_string()
            } else {
                format!("{m}.")
            }
        } else {
            trim_zeros(m)
        };
        format!("{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decimals = (p as i64 - 1 - exp as i64).max(0) as usize;
        let s = fixed_digits(a, decimals);
        if alternate {
            if s.contains('.') { s } else { format!("{s}.") }
        } else {
            trim_zeros(&s)
        }
    }
}

/// The digits of `|x|` for a float spec: (integer part, the rest after it).
fn float_body(x: f64, fs: &FormatSpec) -> (String, String) {
    let a = x.abs();
    let upper = matches!(fs.ty, Some('E' | 'F' | 'G'));
    let text = if a.is_nan() {
        "nan".to_string()
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        let p = fs.precision.unwrap_or(6);
        match fs.ty {
            Some('f' | 'F') => {
                let s = fixed_digits(a, p);
                if fs.alternate && p == 0 { s + "." } else { s }
            }
            Some('e' | 'E') => exp_digits(a, p, fs.alternate),
            Some('%') => {
                let s = fixed_digits(a * 100.0, p);
                let s = if fs.alternate && p == 0 { s + "." } else { s };
                s + "%"
            }
            Some('g' | 'G' | 'n') => general_digits(a, p, fs.alternate),
            _ => match fs.precision {
                // no type: repr, or 'g' that keeps a ".0" when it would look like an int
                None => print::python_float_repr(a),
                Some(p) => {
                    let s = general_digits(a, p, fs.alternate);
                    if s.contains(['.', 'e']) { s } else { s + ".0" }
                }
            },
        }
    };
    let text = if upper { text.to_uppercase() } else { text };
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        // inf and nan have no digits to group or zero-pad between
        return (String::new(), text);
    }
    (text[..split].to_string(), text[split..].to_string())
}

fn format_float_spec(x: f64, fs: &FormatSpec, type_name: &str) -> PyResult<String> {
    match fs.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    check_float_precision(fs)?;
    let (int_part, rest) = float_body(x, fs);
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if fs.no_neg_zero && negative {
        // 'z': a result that rounds to zero loses its sign
        let zero = format!("{int_part}{rest}")
            .chars()
            .all(|c| !c.is_ascii_digit() || c == '0');
        if zero {
            negative = false;
        }
    }
    Ok(layout_number(fs, negative, "", &int_part, &rest, 3))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    let fs = parse_spec(spec, '>', "float")?;
    format_float_spec(x, &fs, "float")
}

/// `format(z, spec)` for a complex: both parts with the spec's type and precision, `(..)` only
/// for the repr-like default.
fn format_complex(re: f64, im: f64, spec: &str) -> PyResult<String> {
    let fs = parse_spec(spec, '>', "complex")?;
    if fs.fill == '0' && fs.align == Some('=') {
        return Err(PyError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if fs.align == Some('=') {
        return Err(PyError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let inner = FormatSpec {
        fill: ' ',
        align: None,
        width: None,
        ..fs.clone()
    };
    let body = if fs.ty.is_none() && fs.precision.is_none() {
        let r = crate::eval::text::pyrepr::complex_repr(re, im);
        r.trim_start_matches('(').trim_end_matches(')').to_string()
    } else {
        let r = format_float_spec(re, &inner, "complex")?;
        let i_spec = FormatSpec {
            sign: Some('+'),
            ..inner
        };
        let i = format_float_spec(im, &i_spec, "complex")?;
        format!("{r}{i}j")
    };
    Ok(pad(&fs, &body, '>'))
}

/// `ascii(s)` from `repr(s)`: non-ASCII characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

impl Interp {
    /// `format(v, spec)` — `type(v).__format__(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if crate::eval::object::dunder::is_user(v) {
            return self.user_format(v, spec);
        }
        // the text's size first: a width or precision can ask for gigabytes
        // (after CPython's own refusals: a precision past a C int is "precision too big")
        if let Ok(fs) = parse_spec(spec, '>', "")
            && fs.precision.is_none_or(|p| p <= i32::MAX as usize)
        {
            let width = fs.width.unwrap_or(0) as u128;
            let body = match v {
                // a str's precision only cuts it
                Value::Str(s) => s.v.len() as u128,
                // digits: a float's 309 before the point plus the asked decimals; a big
                // int's own (already in memory)
                _ => fs.precision.unwrap_or(0) as u128 + 1100,
            };
            self.gate(width.max(body) * fs.fill.len_utf8() as u128)?;
        }
        match v {
            Value::Str(s) => format_str(&s.v, spec),
            Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.into()),
            Value::Bool(b) => format_int(&Int::Small(*b as i64), spec, "bool"),
            Value::Int(i) => format_int(&i.v, spec, "int"),
            Value::Float(f) if spec.is_empty() => Ok(print::python_float_repr(f.v)),
            Value::Float(f) => format_float(f.v, spec),
            Value::Complex(c) if spec.is_empty() => self
                .str(v)
                .map(|_| crate::eval::text::pyrepr::complex_repr(c.re, c.im)),
            Value::Complex(c) => format_complex(c.re, c.im, spec),
            // NumPy's gentype_format: the equivalent Python number formats itself
            Value::Scalar(s) => match &s.v {
                Scalar::Bool(b) => self.format_value(&Value::Bool(*b), spec),
                Scalar::Int(i) => format_int(&Int::Small(*i), spec, "int"),
                Scalar::UInt(u) => format_int(&Int::from_u64(*u), spec, "int"),
                Scalar::Float(f) if spec.is_empty() => Ok(print::python_float_repr(*f)),
                Scalar::Float(f) => format_float(*f, spec),
                Scalar::Complex(re, im) => {
                    let c = self.new_complex(*re, *im);
                    self.format_value(&c, spec)
                }
                Scalar::Bytes(_) | Scalar::Str(_) | Scalar::Void(_) => {
                    let t = self.str(v)?;
                    format_str(&t, spec)
                }
            },
            Value::Array(a) if a.ndim() == 0 => {
                let item = a.item().ok_or_else(PyError::unsized_object)??;
                let sv = self.new_scalar(a.dtype(), item);
                self.format_value(&sv, spec)
            }
            _ if spec.is_empty() => self.str(v),
            other => Err(PyError::type_error(format!(
                "unsupported format string passed to {}.__format__",
                other.type_name()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_format_like_cpython() {
        // (value, spec, CPython 3.11's result)
        let ints = [
            (1234, "08,", "0,001,234"),
            (-1234, "08,", "-001,234"),
            (5, "05,", "0,005"),
            (1234, "011_x", "0_0000_04d2"),
            (255, "#010x", "0x000000ff"),
            (42, "=+8", "+     42"),
            (42, "^9", "   42    "),
            (-42, "05d", "-0042"),
        ];
        for (v, spec, want) in ints {
            assert_eq!(
                format_int(&Int::Small(v), spec, "int").expect(spec),
                want,
                "{v} {spec}"
            );
        }
        let floats = [
            (1234.5, "012,.2f", "0,001,234.50"),
            (-2.5625, "08.3f", "-002.562"),
            (1.0, ".3", "1.0"),
            (1e20, ".3", "1e+20"),
            (123.0, ".2", "1.2e+02"),
            (f64::INFINITY, "010", "0000000inf"),
            (f64::INFINITY, "F", "INF"),
            (12.0, "#g", "12.0000"),
            (1.0, "#.0f", "1."),
            (-0.04, "z.1f", "0.0"),
            (0.25, ".2%", "25.00%"),
        ];
        for (v, spec, want) in floats {
            assert_eq!(format_float(v, spec).expect(spec), want, "{v} {spec}");
        }
    }

    #[test]
    fn bad_specs_are_refused_with_cpythons_words() {
        let cases = [
            (
                "x",
                "abc",
                "Unknown format code 'x' for object of type 'str'",
            ),
            (
                "=10",
                "s",
                "'=' alignment not allowed in string format specifier",
            ),
            (",s", "a", "Cannot specify ',' with 's'."),
        ];
        for (spec, s, want) in cases {
            let e = format_str(s, spec).expect_err(spec);
            assert_eq!(e.msg, want);
        }
        assert!(format_str("a", ">3").is_ok(), "control: a valid str spec");
        let e = format_int(&Int::Small(1), ".2", "int").expect_err(".2");
        assert_eq!(e.msg, "Precision not allowed in integer format specifier");
    }
}
