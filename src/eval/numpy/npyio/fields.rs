//! The text reader's two halves, as NumPy's `textreading/` C code does them: cutting a line
//! into fields (`tokenize.cpp`: comments, one delimiter character or runs of whitespace,
//! quotes) and reading one field as an element of a dtype (`conversions.c`, `str_to_int.c`:
//! surrounding whitespace allowed, Python's float syntax without underscores).

use crate::runtime::scalar::parse_complex;
use crate::runtime::{DType, Kind, Scalar};

/// How lines are cut into fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Dialect {
    /// `None`: runs of whitespace separate fields, and edges are trimmed.
    pub delimiter: Option<char>,
    /// Text from the first of these to the end of the line is dropped.
    pub comments: Vec<String>,
    pub quote: Option<char>,
}

impl Dialect {
    /// The fields of one line (its line ending already gone), or `None` for a line that
    /// holds nothing once comments go (NumPy skips those and does not count them as rows).
    pub fn split(&self, line: &str) -> Option<Vec<String>> {
        let line = self.strip_comment(line);
        match self.delimiter {
            None => {
                let fields = self.split_quoted(line.trim_start(), None);
                (!fields.is_empty()).then_some(fields)
            }
            Some(d) => (!line.is_empty()).then(|| self.split_quoted(line, Some(d))),
        }
    }

    /// The line up to its first comment (outside quotes, when quotes are read).
    fn strip_comment<'a>(&self, line: &'a str) -> &'a str {
        let mut in_quote = false;
        for (i, c) in line.char_indices() {
            if Some(c) == self.quote {
                in_quote = !in_quote;
            }
            if !in_quote
                && self
                    .comments
                    .iter()
                    .any(|m| line[i..].starts_with(m.as_str()))
            {
                return &line[..i];
            }
        }
        line
    }

    /// Cuts at `delimiter` (whitespace runs when `None`); a quoted stretch keeps delimiters,
    /// and a doubled quote inside it is one quote character.
    fn split_quoted(&self, line: &str, delimiter: Option<char>) -> Vec<String> {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut chars = line.chars().peekable();
        let mut in_quote = false;
        let mut at_start = true;
        while let Some(c) = chars.next() {
            if in_quote {
                if Some(c) == self.quote {
                    if chars.peek() == Some(&c) {
                        field.push(c);
                        chars.next();
                    } else {
                        in_quote = false;
                    }
                } else {
                    field.push(c);
                }
                continue;
            }
            let is_delim = match delimiter {
                Some(d) => c == d,
                None => c.is_whitespace(),
            };
            if is_delim {
                fields.push(std::mem::take(&mut field));
                at_start = true;
                if delimiter.is_none() {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                }
                continue;
            }
            if at_start && Some(c) == self.quote {
                in_quote = true;
            } else {
                field.push(c);
            }
            at_start = false;
        }
        // whitespace at the end of the line ends no field
        if delimiter.is_some() || !at_start {
            fields.push(field);
        }
        fields
    }
}

/// Python's float syntax (`PyOS_string_to_double`), surrounded by optional whitespace:
/// `1.5`, `-.5e3`, `inf`, `-Infinity`, `nan`; no underscores, no hex.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let ok = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'));
    if !ok {
        return None;
    }
    let body = t.trim_start_matches(['+', '-']);
    if t.len() - body.len() > 1 {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    if lower.starts_with(|c: char| c.is_ascii_alphabetic())
        && !matches!(lower.as_str(), "inf" | "infinity" | "nan")
    {
        return None;
    }
    t.parse::<f64>().ok()
}

/// An integer: optional whitespace, an optional sign, decimal digits.
pub fn parse_int(text: &str) -> Option<i128> {
    let t = text.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<i128>().ok()
}

/// One field as an element of `dt` (a plain dtype), or `None` when NumPy's reader refuses
/// it ("could not convert string ... to ...").
pub fn convert(text: &str, dt: DType) -> Option<Scalar> {
    match dt.kind {
        Kind::Float => {
            let v = parse_float(text)?;
            Some(Scalar::Float(v))
        }
        Kind::Complex => {
            let t = text.trim();
            if t.contains('_') {
                return None;
            }
            parse_complex(t).map(|(re, im)| Scalar::Complex(re, im))
        }
        Kind::Int => {
            let v = parse_int(text)?;
            let bits = dt.itemsize * 8;
            let (lo, hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
            (lo..=hi).contains(&v).then_some(Scalar::Int(v as i64))
        }
        Kind::UInt => {
            let v = parse_int(text)?;
            let hi = if dt.itemsize >= 8 {
                u64::MAX as i128
            } else {
                (1i128 << (dt.itemsize * 8)) - 1
            };
            (0..=hi).contains(&v).then_some(Scalar::UInt(v as u64))
        }
        Kind::Bool => parse_int(text).map(|v| Scalar::Bool(v != 0)),
        Kind::Str => Some(Scalar::Str(text.chars().take(dt.itemsize / 4).collect())),
        Kind::Bytes => {
            let b: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(c as u32).ok()).collect();
            b.map(|mut b| {
                b.truncate(dt.itemsize);
                Scalar::Bytes(b)
            })
        }
        Kind::Void | Kind::Datetime | Kind::Timedelta => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dialect(delimiter: Option<char>, quote: Option<char>) -> Dialect {
        Dialect {
            delimiter,
            comments: vec!["#".into()],
            quote,
        }
    }

    type Case = (
        Option<char>,
        Option<char>,
        &'static str,
        Option<&'static [&'static str]>,
    );

    /// Each row: delimiter, quote, line, the fields NumPy 2.4's loadtxt cuts (None: skipped).
    #[test]
    fn lines_cut_as_numpy_cuts_them() {
        let cases: &[Case] = &[
            (None, None, "  1 2\t3  ", Some(&["1", "2", "3"])), // whitespace runs, edges trimmed
            (None, None, "   ", None),                          // blank: skipped
            (None, None, "1 2 # c", Some(&["1", "2"])),         // a comment ends the line
            (None, None, " # only", None),                      // a comment line: skipped
            (Some(','), None, " 1 , 2 ", Some(&[" 1 ", " 2 "])), // spaces stay in fields
            (Some(','), None, "   ", Some(&["   "])),           // not blank for a delimiter
            (Some(','), None, "", None),                        // empty: skipped
            (Some(','), None, "1,,3", Some(&["1", "", "3"])),   // an empty field
            (Some(','), None, "1,", Some(&["1", ""])),          // a trailing delimiter
            (Some(','), Some('"'), "\"1,5\",2", Some(&["1,5", "2"])), // quotes keep delimiters
            (None, Some('"'), "\"a b\" 2", Some(&["a b", "2"])),
            (
                Some(','),
                Some('"'),
                "\"say \"\"hi\"\"\",x",
                Some(&["say \"hi\"", "x"]),
            ),
        ];
        for (delimiter, quote, line, want) in cases {
            let got = dialect(*delimiter, *quote).split(line);
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(got, want, "{line:?}");
        }
    }

    /// Each row: text, dtype, NumPy's element (None: "could not convert").
    #[test]
    fn fields_convert_as_numpy_converts_them() {
        let cases: &[(&str, DType, Option<Scalar>)] = &[
            (" 1.5 ", DType::FLOAT64, Some(Scalar::Float(1.5))),
            (
                "-inf",
                DType::FLOAT64,
                Some(Scalar::Float(f64::NEG_INFINITY)),
            ),
            ("1_0", DType::FLOAT64, None),  // no underscores
            ("0x10", DType::FLOAT64, None), // no hex
            ("", DType::FLOAT64, None),
            ("12 ", DType::INT64, Some(Scalar::Int(12))),
            ("1.0", DType::INT64, None), // a float is no int
            ("300", DType::INT8, None),  // out of range
            ("127", DType::INT8, Some(Scalar::Int(127))),
            ("-1", DType::UINT8, None),
            ("2", DType::BOOL, Some(Scalar::Bool(true))),
            ("1.5", DType::BOOL, None),
            ("1+2j", DType::COMPLEX128, Some(Scalar::Complex(1.0, 2.0))),
            ("abc", DType::unicode(2), Some(Scalar::Str("ab".into()))),
        ];
        for (text, dt, want) in cases {
            assert_eq!(&convert(text, *dt), want, "{text:?} as {}", dt.name());
        }
    }
}
