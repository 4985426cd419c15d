//! `str.encode`, `bytes.decode`, `str(b, encoding)` and `bytes(s, encoding)`: CPython 3.11's
//! standard codecs that a NumPy session meets (UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 with
//! their byte orders and BOMs, UTF-8 with a signature) under its error handlers (`strict`,
//! `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace`, `namereplace`), with the error
//! ranges CPython's decoders report. Other encodings are a `LookupError`, as for an unknown
//! name; a str here is always valid Unicode, so the surrogate handlers refuse to decode into
//! lone surrogates.

use crate::error::{PyError, PyResult};
use crate::eval::object::value::Value;

/// The `encoding` and `errors` arguments of `func` (defaults `utf-8` and `strict`).
pub fn codec_args(
    func: &str,
    encoding: Option<Value>,
    errors: Option<Value>,
) -> PyResult<(String, String)> {
    let text = |v: Option<Value>, arg: &str, default: &str| match v {
        None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.v.clone()),
        Some(other) => Err(PyError::codec_arg_not_str(func, arg, &other.type_name())),
    };
    Ok((
        text(encoding, "encoding", "utf-8")?,
        text(errors, "errors", "strict")?,
    ))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Little,
    Big,
    /// `utf-16`/`utf-32`: a BOM first when encoding; read from the data when decoding
    /// (little-endian, the native order, without one).
    Bom,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Utf16(Order),
    Utf32(Order),
}

/// `encodings.normalize_encoding` after `codecs.lookup`'s lowercasing: runs of punctuation
/// become one `_`.
fn normalize(name: &str) -> String {
    let mut out = String::new();
    let mut punct = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c);
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

impl Codec {
    /// The codec a name (or one of its aliases in `encodings.aliases`) stands for.
    pub fn lookup(name: &str) -> PyResult<Codec> {
        use Order::*;
        Ok(match normalize(name).replace('.', "_").as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
            "utf_8_sig" => Codec::Utf8Sig,
            "ascii" | "646" | "ansi_x3_4_1968" | "ansi_x3_4_1986" | "cp367" | "csascii"
            | "ibm367" | "iso646_us" | "iso_646_irv_1991" | "iso_ir_6" | "us" | "us_ascii" => {
                Codec::Ascii
            }
            "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819"
            | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => {
                Codec::Latin1
            }
            "utf_16" | "utf16" | "u16" => Codec::Utf16(Bom),
            "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(Little),
            "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16(Big),
            "utf_32" | "utf32" | "u32" => Codec::Utf32(Bom),
            "utf_32_le" | "utf_32le" => Codec::Utf32(Little),
            "utf_32_be" | "utf_32be" => Codec::Utf32(Big),
            _ => return Err(PyError::unknown_encoding(name)),
        })
    }
}

/// What an error handler does with a range that cannot be encoded or decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    /// `surrogateescape`/`surrogatepass`: fail as strict would when encoding (a valid str
    /// has no surrogates to pass); refused when decoding.
    Surrogate,
}

/// CPython looks the handler up only when an error happens: `'a'.encode('ascii', 'bogus')`
/// is `b'a'`.
fn handler(name: &str) -> PyResult<Handler> {
    Ok(match name {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" | "surrogatepass" => Handler::Surrogate,
        _ => return Err(PyError::unknown_error_handler(name)),
    })
}

fn backslash_char(out: &mut Vec<u8>, c: char) {
    let n = c as u32;
    let s = if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

/// `str.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(encoding)?;
    let (limit, name, why) = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Utf8Sig => {
            let mut out = vec![0xef, 0xbb, 0xbf];
            out.extend_from_slice(text.as_bytes());
            return Ok(out);
        }
        Codec::Utf16(order) => {
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            let big = order == Order::Big;
            if order == Order::Bom {
                out.extend_from_slice(&0xfeffu16.to_le_bytes());
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            return Ok(out);
        }
        Codec::Utf32(order) => {
            let mut out = Vec::with_capacity(text.len() * 4 + 4);
            let big = order == Order::Big;
            if order == Order::Bom {
                out.extend_from_slice(&0xfeffu32.to_le_bytes());
            }
            for c in text.chars() {
                let u = c as u32;
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            return Ok(out);
        }
        Codec::Ascii => (0x80, "ascii", "ordinal not in range(128)"),
        Codec::Latin1 => (0x100, "latin-1", "ordinal not in range(256)"),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        // CPython hands the handler the whole run of unencodable characters
        let start = i;
        while i < chars.len() && chars[i] as u32 >= limit {
            i += 1;
        }
        let run = &chars[start..i];
        match handler(errors)? {
            Handler::Strict | Handler::Surrogate => {
                return Err(PyError::unicode_encode(name, text, start, i, why));
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', run.len())),
            Handler::BackslashReplace => run.iter().for_each(|&c| backslash_char(&mut out, c)),
            Handler::XmlCharRefReplace => {
                for &c in run {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            Handler::NameReplace => {
                for &c in run {
                    match crate::syntax::char_name(c) {
                        Some(n) => out.extend_from_slice(format!("\\N{{{n}}}").as_bytes()),
                        None => backslash_char(&mut out, c),
                    }
                }
            }
        }
    }
    Ok(out)
}

/// One step of a decoder: a character and the bytes it took, or an error range and reason.
enum Step {
    Char(char, usize),
    Bad(usize, &'static str),
}

fn utf8_step(rest: &[u8]) -> Step {
    // at most 4 bytes decide the first character
    let head = &rest[..rest.len().min(4)];
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) if e.valid_up_to() > 0 => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(e) => {
            return match e.error_len() {
                None => Step::Bad(rest.len(), "unexpected end of data"),
                Some(1) if matches!(rest[0], 0x80..=0xc1 | 0xf5..=0xff) => {
                    Step::Bad(1, "invalid start byte")
                }
                Some(n) => Step::Bad(n, "invalid continuation byte"),
            };
        }
    };
    match valid.chars().next() {
        Some(c) => Step::Char(c, c.len_utf8()),
        None => Step::Bad(1, "invalid start byte"),
    }
}

fn utf16_step(rest: &[u8], big: bool) -> Step {
    let unit = |b: &[u8]| {
        let pair = [b[0], b[1]];
        if big {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    };
    if rest.len() < 2 {
        return Step::Bad(rest.len(), "truncated data");
    }
    let u = unit(rest);
    match u {
        0xdc00..=0xdfff => Step::Bad(2, "illegal encoding"),
        0xd800..=0xdbff => {
            if rest.len() < 4 {
                return Step::Bad(rest.len(), "unexpected end of data");
            }
            let low = unit(&rest[2..]);
            if !(0xdc00..=0xdfff).contains(&low) {
                return Step::Bad(2, "illegal UTF-16 surrogate");
            }
            let n = 0x10000 + (((u as u32) - 0xd800) << 10) + (low as u32 - 0xdc00);
            Step::Char(char::from_u32(n).unwrap_or('\u{fffd}'), 4)
        }
        _ => Step::Char(char::from_u32(u as u32).unwrap_or('\u{fffd}'), 2),
    }
}

fn utf32_step(rest: &[u8], big: bool) -> Step {
    if rest.len() < 4 {
        return Step::Bad(rest.len(), "truncated data");
    }
    let quad = [rest[0], rest[1], rest[2], rest[3]];
    let n = if big {
        u32::from_be_bytes(quad)
    } else {
        u32::from_le_bytes(quad)
    };
    match char::from_u32(n) {
        Some(c) => Step::Char(c, 4),
        None if (0xd800..0xe000).contains(&n) => Step::Bad(
            4,
            "code point in surrogate code point range(0xd800, 0xe000)",
        ),
        None => Step::Bad(4, "code point not in range(0x110000)"),
    }
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = Codec::lookup(encoding)?;
    // the fast path: valid UTF-8 needs no stepping
    if matches!(codec, Codec::Utf8 | Codec::Utf8Sig) {
        let body = match codec {
            Codec::Utf8Sig => data.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(data),
            _ => data,
        };
        if let Ok(s) = std::str::from_utf8(body) {
            return Ok(s.to_string());
        }
    }
    let mut pos = 0;
    let (name, step): (&str, fn(&[u8]) -> Step) = match codec {
        Codec::Utf8 => ("utf-8", utf8_step),
        Codec::Utf8Sig => {
            if data.starts_with(&[0xef, 0xbb, 0xbf]) {
                pos = 3;
            }
            ("utf-8", utf8_step)
        }
        Codec::Ascii => ("ascii", |r| match r[0] {
            b @ 0..0x80 => Step::Char(b as char, 1),
            _ => Step::Bad(1, "ordinal not in range(128)"),
        }),
        Codec::Latin1 => ("latin-1", |r| Step::Char(r[0] as char, 1)),
        Codec::Utf16(order) => {
            let big = match order {
                Order::Bom if data.starts_with(&[0xff, 0xfe]) => {
                    pos = 2;
                    false
                }
                Order::Bom if data.starts_with(&[0xfe, 0xff]) => {
                    pos = 2;
                    true
                }
                o => o == Order::Big,
            };
            if big {
                ("utf-16-be", |r| utf16_step(r, true))
            } else {
                ("utf-16-le", |r| utf16_step(r, false))
            }
        }
        Codec::Utf32(order) => {
            let big = match order {
                Order::Bom if data.starts_with(&[0xff, 0xfe, 0, 0]) => {
                    pos = 4;
                    false
                }
                Order::Bom if data.starts_with(&[0, 0, 0xfe, 0xff]) => {
                    pos = 4;
                    true
                }
                o => o == Order::Big,
            };
            if big {
                ("utf-32-be", |r| utf32_step(r, true))
            } else {
                ("utf-32-le", |r| utf32_step(r, false))
            }
        }
    };
    let mut out = String::with_capacity(data.len());
    while pos < data.len() {
        match step(&data[pos..]) {
            Step::Char(c, n) => {
                out.push(c);
                pos += n;
            }
            Step::Bad(n, why) => {
                let end = pos + n;
                match handler(errors)? {
                    Handler::Strict => {
                        return Err(PyError::unicode_decode(name, data, pos, end, why));
                    }
                    Handler::Ignore => {}
                    Handler::Replace => out.push('\u{fffd}'),
                    Handler::BackslashReplace => {
                        for b in &data[pos..end] {
                            out.push_str(&format!("\\x{b:02x}"));
                        }
                    }
                    Handler::XmlCharRefReplace | Handler::NameReplace => {
                        return Err(PyError::handler_cannot_decode());
                    }
                    Handler::Surrogate => return Err(PyError::lone_surrogates(errors)),
                }
                pos = end;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_are_found_as_python_finds_them() {
        let cases: [(&str, Option<Codec>); 9] = [
            ("UTF-8", Some(Codec::Utf8)),
            ("utf8", Some(Codec::Utf8)),
            ("Latin-1", Some(Codec::Latin1)),
            ("ISO-8859-1", Some(Codec::Latin1)),
            ("us-ascii", Some(Codec::Ascii)),
            ("utf_16_le", Some(Codec::Utf16(Order::Little))),
            ("UTF-32BE", Some(Codec::Utf32(Order::Big))),
            ("utf-8-sig", Some(Codec::Utf8Sig)),
            ("cp1252", None),
        ];
        for (name, want) in cases {
            assert_eq!(Codec::lookup(name).ok(), want, "{name}");
        }
    }

    #[test]
    fn round_trips_through_every_codec() {
        let text = "aü€😀";
        for enc in [
            "utf-8",
            "utf-8-sig",
            "utf-16",
            "utf-16-be",
            "utf-32",
            "utf-32-le",
        ] {
            let bytes = encode(text, enc, "strict").unwrap();
            assert_eq!(decode(&bytes, enc, "strict").unwrap(), text, "{enc}");
        }
    }

    #[test]
    fn utf8_error_ranges_follow_the_maximal_subpart() {
        // (bytes, error start, end, reason) as CPython 3.11 reports them
        let cases: [(&[u8], usize, usize, &str); 5] = [
            (b"a\xffb", 1, 2, "invalid start byte"),
            (b"a\xe2\x82b", 1, 3, "invalid continuation byte"),
            (b"a\xe2b", 1, 2, "invalid continuation byte"),
            (b"a\xe2\x82", 1, 3, "unexpected end of data"),
            (b"\xf0\x80\x80\x80", 0, 1, "invalid continuation byte"),
        ];
        for (data, start, end, why) in cases {
            let want = PyError::unicode_decode("utf-8", data, start, end, why);
            let got = decode(data, "utf-8", "strict").unwrap_err();
            assert_eq!(got.to_string(), want.to_string());
        }
    }
}
