//! One element as a value: decoding from and encoding into an element's bytes per dtype (byte
//! order included), and NumPy's unsafe casts between kinds (wrap-around, float truncation).

use super::dtype::{DType, Kind};
use crate::error::{PyError, PyResult};

/// An element's value, widened to the largest type of its kind. The dtype it came from travels
/// beside it (`NpScalar` in the evaluator), so `float32` values still print as `float32`.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Complex(f64, f64),
    Bytes(Vec<u8>),
    Str(String),
    /// A `V<n>` or structured element: its raw bytes (fields are read with the dtype).
    Void(Vec<u8>),
}

impl Scalar {
    /// Decodes the element stored in `bytes` (exactly `dtype.itemsize` long).
    pub fn decode(dtype: DType, bytes: &[u8]) -> Scalar {
        let mut buf = [0u8; 16];
        let n = dtype.itemsize.min(16);
        if dtype.is_numeric() {
            buf[..n].copy_from_slice(&bytes[..n]);
            if dtype.big_endian {
                if dtype.kind == Kind::Complex {
                    buf[..n / 2].reverse();
                    buf[n / 2..n].reverse();
                } else {
                    buf[..n].reverse();
                }
            }
        }
        match (dtype.kind, dtype.itemsize) {
            (Kind::Bool, _) => Scalar::Bool(buf[0] != 0),
            (Kind::Int, 1) => Scalar::Int(buf[0] as i8 as i64),
            (Kind::Int, 2) => Scalar::Int(i16::from_le_bytes([buf[0], buf[1]]) as i64),
            (Kind::Int, 4) => Scalar::Int(i32::from_le_bytes(le4(&buf)) as i64),
            (Kind::Int | Kind::Datetime | Kind::Timedelta, _) => {
                Scalar::Int(i64::from_le_bytes(le8(&buf)))
            }
            (Kind::UInt, 1) => Scalar::UInt(buf[0] as u64),
            (Kind::UInt, 2) => Scalar::UInt(u16::from_le_bytes([buf[0], buf[1]]) as u64),
            (Kind::UInt, 4) => Scalar::UInt(u32::from_le_bytes(le4(&buf)) as u64),
            (Kind::UInt, _) => Scalar::UInt(u64::from_le_bytes(le8(&buf))),
            (Kind::Float, 2) => Scalar::Float(f16_to_f64(u16::from_le_bytes([buf[0], buf[1]]))),
            (Kind::Float, 4) => Scalar::Float(f32::from_le_bytes(le4(&buf)) as f64),
            (Kind::Float, _) => Scalar::Float(f64::from_le_bytes(le8(&buf))),
            (Kind::Complex, 8) => Scalar::Complex(
                f32::from_le_bytes(le4(&buf)) as f64,
                f32::from_le_bytes(le4(&buf[4..])) as f64,
            ),
            (Kind::Complex, _) => Scalar::Complex(
                f64::from_le_bytes(le8(&buf)),
                f64::from_le_bytes(le8(&buf[8..])),
            ),
            (Kind::Void, _) => Scalar::Void(bytes[..dtype.itemsize].to_vec()),
            (Kind::Bytes, _) => {
                let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
                Scalar::Bytes(bytes[..end].to_vec())
            }
            (Kind::Str, _) => {
                let mut s = String::new();
                for cp in bytes.chunks_exact(4) {
                    let raw = [cp[0], cp[1], cp[2], cp[3]];
                    let v = if dtype.big_endian {
                        u32::from_be_bytes(raw)
                    } else {
                        u32::from_le_bytes(raw)
                    };
                    s.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                }
                Scalar::Str(s.trim_end_matches('\0').to_string())
            }
        }
    }

    /// Writes this value into `out` (exactly `dtype.itemsize` long) with NumPy's unsafe cast.
    pub fn encode(&self, dtype: DType, out: &mut [u8]) {
        let n = dtype.itemsize;
        let mut buf = [0u8; 16];
        match dtype.kind {
            Kind::Bool => buf[0] = self.is_truthy() as u8,
            Kind::Int | Kind::UInt | Kind::Datetime | Kind::Timedelta => {
                let v = match self {
                    Scalar::Float(f) | Scalar::Complex(f, _) => float_to_int(*f, dtype),
                    other => other.to_i64_wrapping(),
                };
                buf[..8].copy_from_slice(&v.to_le_bytes());
            }
            Kind::Float => match n {
                2 => buf[..2].copy_from_slice(&f64_to_f16(self.to_f64()).to_le_bytes()),
                4 => buf[..4].copy_from_slice(&(self.to_f64() as f32).to_le_bytes()),
                _ => buf[..8].copy_from_slice(&self.to_f64().to_le_bytes()),
            },
            Kind::Complex => {
                let (re, im) = self.to_complex();
                if n == 8 {
                    buf[..4].copy_from_slice(&(re as f32).to_le_bytes());
                    buf[4..8].copy_from_slice(&(im as f32).to_le_bytes());
                } else {
                    buf[..8].copy_from_slice(&re.to_le_bytes());
                    buf[8..16].copy_from_slice(&im.to_le_bytes());
                }
            }
            Kind::Void if !matches!(self, Scalar::Void(_)) && dtype.fields().is_some() => {
                // one value into a structure: every field (and subarray element) gets it
                for f in dtype.fields().map_or(&[][..], |f| &f.fields[..]) {
                    let isz = f.dtype.itemsize;
                    let count: usize = f.shape.iter().product();
                    for k in 0..count {
                        let at = f.offset + k * isz;
                        self.encode(f.dtype, &mut out[at..at + isz]);
                    }
                }
                return;
            }
            Kind::Void => {
                // raw bytes move as they are
                let src = self.to_bytes();
                let k = src.len().min(n);
                out[..k].copy_from_slice(&src[..k]);
                out[k..n].fill(0);
                return;
            }
            Kind::Bytes => {
                let src = self.to_bytes();
                let k = src.len().min(n);
                out[..k].copy_from_slice(&src[..k]);
                out[k..n].fill(0);
                return;
            }
            Kind::Str => {
                let text = self.to_text();
                let mut chars = text.chars();
                for cell in out[..n].chunks_exact_mut(4) {
                    let v = chars.next().map_or(0, |c| c as u32);
                    let bytes = if dtype.big_endian {
                        v.to_be_bytes()
                    } else {
                        v.to_le_bytes()
                    };
                    cell.copy_from_slice(&bytes);
                }
                return;
            }
        }
        if dtype.big_endian {
            if dtype.kind == Kind::Complex {
                buf[..n / 2].reverse();
                buf[n / 2..n].reverse();
            } else {
                buf[..n].reverse();
            }
        }
        out[..n].copy_from_slice(&buf[..n]);
    }

    pub fn is_truthy(&self) -> bool {
        match self {
            Scalar::Bool(b) => *b,
            Scalar::Int(v) => *v != 0,
            Scalar::UInt(v) => *v != 0,
            Scalar::Float(v) => *v != 0.0,
            Scalar::Complex(r, i) => *r != 0.0 || *i != 0.0,
            Scalar::Bytes(b) => !b.is_empty(),
            Scalar::Str(s) => !s.is_empty(),
            Scalar::Void(b) => b.iter().any(|&x| x != 0),
        }
    }

    /// Integer value with C-cast semantics for floats (x86: NaN and out-of-range give i64::MIN).
    pub fn to_i64_wrapping(&self) -> i64 {
        match self {
            Scalar::Bool(b) => *b as i64,
            Scalar::Int(v) => *v,
            Scalar::UInt(v) => *v as i64,
            Scalar::Float(f) | Scalar::Complex(f, _) => float_to_i64(*f),
            Scalar::Bytes(_) | Scalar::Str(_) => self.to_text().trim().parse().unwrap_or(0),
            Scalar::Void(_) => 0,
        }
    }

    pub fn to_f64(&self) -> f64 {
        match self {
            Scalar::Bool(b) => *b as u8 as f64,
            Scalar::Int(v) => *v as f64,
            Scalar::UInt(v) => *v as f64,
            Scalar::Float(f) | Scalar::Complex(f, _) => *f,
            Scalar::Bytes(_) | Scalar::Str(_) => self.to_text().trim().parse().unwrap_or(f64::NAN),
            Scalar::Void(_) => f64::NAN,
        }
    }

    pub fn to_complex(&self) -> (f64, f64) {
        match self {
            Scalar::Complex(r, i) => (*r, *i),
            other => (other.to_f64(), 0.0),
        }
    }

    /// `str()` of the value as NumPy would write it into an `S`/`U` element.
    pub fn to_text(&self) -> String {
        match self {
            Scalar::Bool(b) => {
                if *b {
                    "True".into()
                } else {
                    "False".into()
                }
            }
            Scalar::Int(v) => v.to_string(),
            Scalar::UInt(v) => v.to_string(),
            Scalar::Float(f) => format!("{f:?}"),
            Scalar::Complex(r, i) => format!("({r:?}+{i:?}j)"),
            Scalar::Bytes(b) | Scalar::Void(b) => b.iter().map(|&c| c as char).collect(),
            Scalar::Str(s) => s.clone(),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Scalar::Bytes(b) | Scalar::Void(b) => b.clone(),
            other => other.to_text().into_bytes(),
        }
    }
}

impl Scalar {
    /// A bytes/str element read as a number the way NumPy's string-to-number casts do (Python's
    /// `int()` / `float()` rules), with their error when the text is not a number.
    pub fn parse_as(&self, target: DType) -> PyResult<Scalar> {
        let text = self.to_text();
        let t = text.trim();
        let shown = super::print::element_repr(self);
        match target.kind {
            Kind::Bool => Ok(Scalar::Bool(!text.is_empty())),
            Kind::Int | Kind::UInt => {
                let digits = t.replace('_', "");
                match digits.parse::<i128>() {
                    Ok(v) if !t.starts_with('_') && !t.ends_with('_') => Ok(if v < 0 {
                        Scalar::Int(v as i64)
                    } else {
                        Scalar::UInt(v as u64)
                    }),
                    _ => Err(PyError::value(format!(
                        "invalid literal for int() with base 10: {shown}"
                    ))),
                }
            }
            Kind::Complex => parse_complex(&text)
                .map(|(r, i)| Scalar::Complex(r, i))
                .ok_or_else(PyError::complex_malformed),
            _ => {
                let lower = t.to_ascii_lowercase();
                let v = match lower.as_str() {
                    "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
                    "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                    "nan" | "+nan" | "-nan" => Some(f64::NAN),
                    _ => lower.replace('_', "").parse::<f64>().ok(),
                };
                v.map(Scalar::Float).ok_or_else(|| {
                    PyError::value(format!("could not convert string to float: {shown}"))
                })
            }
        }
    }
}

/// The longest prefix of `s` that is a Python float (`PyOS_string_to_double` with an end
/// pointer): sign, digits with one point, exponent; or `inf`/`infinity`/`nan`, any case.
pub fn scan_float(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let lower = s[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if lower.starts_with(word) {
            let end = i + word.len();
            let v = if word == "nan" {
                f64::NAN
            } else {
                f64::INFINITY
            };
            return Some((if b[0] == b'-' { -v } else { v }, end));
        }
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return None;
    }
    if i < b.len() && matches!(b[i], b'e' | b'E') {
        let mut j = i + 1;
        if j < b.len() && matches!(b[j], b'+' | b'-') {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    s[..i].parse::<f64>().ok().map(|v| (v, i))
}

/// CPython's `complex(str)` (`complex_from_string`): `<float>`, `<float>j`,
/// `<float><signed-float>j`, `<float><sign>j`, `<sign>j`, `j`, optionally in parentheses,
/// surrounded by whitespace; underscores only between digits.
pub fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let b = text.as_bytes();
    // single underscores between digits go, as `_Py_string_to_number_with_underscores` does
    let mut clean = String::with_capacity(text.len());
    for (k, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok =
                k > 0 && b[k - 1].is_ascii_digit() && b.get(k + 1).is_some_and(u8::is_ascii_digit);
            if !ok {
                return None;
            }
        } else {
            clean.push(c as char);
        }
    }
    let mut s = clean.trim_start();
    let bracket = s.starts_with('(');
    if bracket {
        s = s[1..].trim_start();
    }
    let is_j = |s: &str| s.starts_with(['j', 'J']);
    let sign_of = |s: &str| if s.starts_with('-') { -1.0 } else { 1.0 };
    let (re, im, rest) = match scan_float(s) {
        Some((z, end)) => {
            let s = &s[end..];
            if s.starts_with(['+', '-']) {
                let (y, s) = match scan_float(s) {
                    Some((y, e)) => (y, &s[e..]),
                    None => (sign_of(s), &s[1..]),
                };
                if !is_j(s) {
                    return None;
                }
                (z, y, &s[1..])
            } else if is_j(s) {
                (0.0, z, &s[1..])
            } else {
                (z, 0.0, s)
            }
        }
        None => {
            let (y, s) = if s.starts_with(['+', '-']) {
                (sign_of(s), &s[1..])
            } else {
                (1.0, s)
            };
            if !is_j(s) {
                return None;
            }
            (0.0, y, &s[1..])
        }
    };
    let mut rest = rest.trim_start();
    if bracket {
        rest = rest.strip_prefix(')')?.trim_start();
    }
    rest.is_empty().then_some((re, im))
}

/// C's `(npy_int64)double` on x86-64: truncation, and the "integer indefinite" value for NaN or
/// out-of-range inputs.
pub fn float_to_i64(f: f64) -> i64 {
    float_to_int(f, DType::INT64)
}

/// C's cast of a double to the integer dtype `target` as NumPy's (GCC-built, x86-64) loops do
/// it, as the target's bits in an i64 (callers truncate with `as`):
/// - int8/int16/uint8/uint16/int32 go through `cvttsd2si` to 32 bits (NaN and out-of-range
///   give `i32::MIN`, whose low bits are 0 for the narrow types);
/// - int64 and uint32 go through the 64-bit instruction (`i64::MIN` when out of range);
/// - uint64 subtracts 2**63 first when the value is at least 2**63, as GCC's sequence does.
pub fn float_to_int(f: f64, target: DType) -> i64 {
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    let cvt64 = |x: f64| -> i64 {
        if x.is_nan() || !(-TWO63..TWO63).contains(&x) {
            i64::MIN
        } else {
            x as i64
        }
    };
    let cvt32 = |x: f64| -> i64 {
        if x.is_nan() || x <= -2_147_483_649.0 || x >= 2_147_483_648.0 {
            i32::MIN as i64
        } else {
            x as i64
        }
    };
    match (target.kind, target.itemsize) {
        (Kind::Int, 8) => cvt64(f),
        (Kind::UInt, 8) => {
            if f >= TWO63 {
                cvt64(f - TWO63) ^ i64::MIN
            } else {
                cvt64(f)
            }
        }
        (Kind::UInt, 4) => cvt64(f),
        _ => cvt32(f),
    }
}

fn le4(b: &[u8]) -> [u8; 4] {
    [b[0], b[1], b[2], b[3]]
}
fn le8(b: &[u8]) -> [u8; 8] {
    [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]
}

/// IEEE 754 binary16 → f64 (exact).
pub fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 => {
            if frac == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// f64 → IEEE 754 binary16 with round-half-to-even, as NumPy's `npy_double_to_half`.
pub fn f64_to_f16(x: f64) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let mant = bits & 0x000f_ffff_ffff_ffff;
    if exp == 0x7ff {
        return sign | 0x7c00 | if mant != 0 { 0x200 } else { 0 };
    }
    let e = exp - 1023 + 15;
    if e >= 31 {
        return sign | 0x7c00; // overflow to inf
    }
    if e <= 0 {
        // subnormal half or zero
        if e < -10 {
            return sign;
        }
        let m = mant | (1u64 << 52);
        let shift = (53 - 11 + 1 - e) as u32; // bits to drop
        let half = m >> shift;
        let rem = m & ((1u64 << shift) - 1);
        let halfway = 1u64 << (shift - 1);
        let rounded = if rem > halfway || (rem == halfway && half & 1 == 1) {
            half + 1
        } else {
            half
        };
        return sign | rounded as u16;
    }
    let half_mant = mant >> 42;
    let rem = mant & ((1u64 << 42) - 1);
    let halfway = 1u64 << 41;
    let mut out = ((e as u64) << 10) | half_mant;
    if rem > halfway || (rem == halfway && out & 1 == 1) {
        out += 1; // may carry into the exponent, which is still correct (up to inf)
    }
    sign | out as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complex_strings_parse_as_cpython() {
        // (text, CPython 3.11's complex(text), or None for "malformed string")
        let cases: [(&str, Option<(f64, f64)>); 14] = [
            ("1+2j", Some((1.0, 2.0))),
            (" (3-4j) ", Some((3.0, -4.0))),
            ("2j", Some((0.0, 2.0))),
            ("1e3+.5j", Some((1000.0, 0.5))),
            ("j", Some((0.0, 1.0))),
            ("-j", Some((0.0, -1.0))),
            ("1-j", Some((1.0, -1.0))),
            ("1_0+2j", Some((10.0, 2.0))),
            ("-inf+infj", Some((f64::NEG_INFINITY, f64::INFINITY))),
            ("3", Some((3.0, 0.0))),
            ("", None),
            ("(1+2j", None),
            ("1+2", None),
            ("1__0", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_complex(text), want, "{text:?}");
        }
    }

    #[test]
    fn round_trips_through_bytes_per_dtype() {
        let cases = [
            (DType::INT8, Scalar::Int(-3)),
            (DType::UINT16, Scalar::UInt(65535)),
            (DType::INT32.with_big_endian(true), Scalar::Int(1)),
            (DType::FLOAT32, Scalar::Float(0.5)),
            (DType::FLOAT16, Scalar::Float(-2.5)),
            (DType::COMPLEX128, Scalar::Complex(1.0, -2.0)),
            (DType::bytes(3), Scalar::Bytes(b"ab".to_vec())),
            (DType::unicode(2), Scalar::Str("hé".into())),
            (DType::BOOL, Scalar::Bool(true)),
        ];
        for (dt, v) in cases {
            let mut buf = vec![0u8; dt.itemsize];
            v.encode(dt, &mut buf);
            assert_eq!(Scalar::decode(dt, &buf), v, "{}", dt.str());
        }
    }

    #[test]
    fn big_endian_bytes_are_swapped() {
        let mut buf = [0u8; 4];
        Scalar::Int(1).encode(DType::INT32.with_big_endian(true), &mut buf);
        assert_eq!(buf, [0, 0, 0, 1]);
        assert_eq!(
            Scalar::decode(DType::INT32, &buf),
            Scalar::Int(16777216),
            "read back as little-endian"
        );
    }

    #[test]
    fn casts_wrap_like_c() {
        let mut b = [0u8; 1];
        Scalar::Int(300).encode(DType::UINT8, &mut b);
        assert_eq!(b[0], 44);
        assert_eq!(float_to_i64(f64::NAN), i64::MIN);
        assert_eq!(float_to_i64(-2.7), -2);
        // numpy 2.4 on x86-64: np.array([nan, 3e9]).astype(int32) is [-2147483648] * 2
        assert_eq!(float_to_int(f64::NAN, DType::INT32) as i32, i32::MIN);
        assert_eq!(float_to_int(3e9, DType::INT32) as i32, i32::MIN);
        assert_eq!(
            float_to_int(-3e9, DType::UINT32) as u32,
            1_294_967_296,
            "wraps via 64 bits"
        );
        assert_eq!(
            float_to_int(300.7, DType::UINT8) as u8,
            44,
            "control: truncates, wraps"
        );
    }

    #[test]
    fn half_precision_rounds_to_even() {
        assert_eq!(f64_to_f16(1.0), 0x3c00);
        assert_eq!(f64_to_f16(65504.0), 0x7bff);
        assert_eq!(f64_to_f16(65520.0), 0x7c00, "rounds up to inf");
        assert_eq!(f16_to_f64(0x0001), 2f64.powi(-24));
        assert_eq!(f64_to_f16(2f64.powi(-24)), 0x0001);
        assert_eq!(f64_to_f16(0.1), 0x2e66);
    }
}
