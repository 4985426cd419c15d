//! String literals: prefixes, Python's escapes, bytes, and implicit concatenation; f-strings are
//! split in fstrings.rs.
//!
//! Literals arrive exactly as written (prefix and quotes included): the lexer has already checked
//! that they are terminated. Expressions inside f-strings are parsed by a callback into the
//! expression parser, on the field text wrapped in parentheses, as CPython 3.11 does.

use super::ast::{Expr, FPart};
use super::fstrings::FString;
use super::{messages, unicode_names};
use crate::error::PyResult;

/// One literal as written, and where it sits in the cell (character columns).
pub(super) struct Literal<'a> {
    pub text: &'a str,
    pub start_col: usize,
    pub end_col: usize,
}

/// Parses an f-string field's expression text that starts at a cell column; returns the
/// expression and the depth of its tree.
pub(super) type ParseField<'f> = dyn Fn(&str, usize) -> PyResult<(Expr, usize)> + 'f;

enum Piece {
    Str(String),
    Bytes(Vec<u8>),
    Parts(Vec<FPart>),
}

/// Decodes and joins adjacent literals (`'a' "b"`, `f'{x}' 'y'`); returns the expression and the
/// depth of its tree. `end_col` (the end of the last literal) is where CPython puts the caret for
/// errors in escapes and in mixing bytes with text.
pub(super) fn concat(lits: &[Literal], parse: &ParseField) -> PyResult<(Expr, usize)> {
    let end_col = lits.last().map_or(0, |l| l.end_col);
    let mut pieces = Vec::with_capacity(lits.len());
    let mut depth = 1;
    for lit in lits {
        let (piece, d) = decode(lit, end_col, parse)?;
        depth = depth.max(d);
        pieces.push(piece);
    }
    let is_bytes = |p: &Piece| matches!(p, Piece::Bytes(_));
    if pieces.iter().any(is_bytes) && !pieces.iter().all(is_bytes) {
        return Err(messages::mixed_bytes(end_col));
    }
    if pieces.iter().any(|p| matches!(p, Piece::Parts(_))) {
        let mut parts = Vec::new();
        for p in pieces {
            match p {
                Piece::Str(s) => push_lit(&mut parts, s),
                Piece::Parts(ps) => {
                    for part in ps {
                        match part {
                            FPart::Lit(s) => push_lit(&mut parts, s),
                            field => parts.push(field),
                        }
                    }
                }
                Piece::Bytes(_) => {}
            }
        }
        return Ok((Expr::FString(parts), depth));
    }
    if pieces.iter().all(is_bytes) && !pieces.is_empty() {
        let mut all = Vec::new();
        for p in pieces {
            if let Piece::Bytes(b) = p {
                all.extend(b);
            }
        }
        return Ok((Expr::Bytes(all), 1));
    }
    let mut all = String::new();
    for p in pieces {
        if let Piece::Str(s) = p {
            all.push_str(&s);
        }
    }
    Ok((Expr::Str(all), 1))
}

/// Appends literal text, merging it with a literal just before it.
pub(super) fn push_lit(parts: &mut Vec<FPart>, s: String) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Lit(prev)) = parts.last_mut() {
        prev.push_str(&s);
    } else {
        parts.push(FPart::Lit(s));
    }
}

fn decode(lit: &Literal, end_col: usize, parse: &ParseField) -> PyResult<(Piece, usize)> {
    let quote_at = lit.text.find(['\'', '"']).unwrap_or(0);
    let prefix = lit.text[..quote_at].to_ascii_lowercase();
    let quote_len =
        if lit.text[quote_at..].starts_with("'''") || lit.text[quote_at..].starts_with("\"\"\"") {
            3
        } else {
            1
        };
    let body = &lit.text[quote_at + quote_len..lit.text.len() - quote_len];
    let raw = prefix.contains('r');
    if prefix.contains('b') {
        if !body.is_ascii() {
            return Err(messages::bytes_not_ascii(lit.start_col));
        }
        let bytes = if raw {
            body.as_bytes().to_vec()
        } else {
            unescape_bytes(body, end_col)?
        };
        return Ok((Piece::Bytes(bytes), 1));
    }
    if prefix.contains('f') {
        let body_col = lit.start_col + quote_at + quote_len;
        let mut f = FString {
            body,
            raw,
            body_col,
            end_col: lit.end_col,
            parse,
            depth: 1,
        };
        let mut pos = 0;
        let parts = f.parts(&mut pos, 0)?;
        return Ok((Piece::Parts(parts), f.depth + 1));
    }
    let s = if raw {
        body.to_string()
    } else {
        unescape(body, end_col)?
    };
    Ok((Piece::Str(s), 1))
}

/// The value of `n` hex digits at `at`, if they are all there.
fn hex_digits(body: &str, at: usize, n: usize) -> Result<u32, usize> {
    let digits = body.as_bytes().get(at..).unwrap_or(&[]);
    let good = digits
        .iter()
        .take(n)
        .take_while(|c| c.is_ascii_hexdigit())
        .count();
    if good < n {
        return Err(good);
    }
    Ok(u32::from_str_radix(&body[at..at + n], 16).unwrap_or(0))
}

/// Up to three octal digits at `at`: their value and how many there were.
fn octal_digits(body: &[u8], at: usize) -> (u32, usize) {
    let n = body[at..]
        .iter()
        .take(3)
        .take_while(|c| (b'0'..=b'7').contains(c))
        .count();
    let v = body[at..at + n]
        .iter()
        .fold(0, |v, &c| v * 8 + u32::from(c - b'0'));
    (v, n)
}

/// The escapes common to text and bytes; `None` for ones that are not (kept with their backslash).
fn simple_escape(c: u8) -> Option<u8> {
    Some(match c {
        b'\\' => b'\\',
        b'\'' => b'\'',
        b'"' => b'"',
        b'a' => 0x07,
        b'b' => 0x08,
        b'f' => 0x0C,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 0x0B,
        _ => return None,
    })
}

/// Python's escapes in a text literal: `\n \t \\ \' \x41 \u00e9 \U0001F600 \N{DEGREE SIGN} \0`.
/// Unknown escapes such as `\d` keep their backslash, as Python does (with a warning).
pub(super) fn unescape(body: &str, err_col: usize) -> PyResult<String> {
    let b = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < b.len() {
        let Some(k) = body[i..].find('\\') else {
            out.push_str(&body[i..]);
            break;
        };
        out.push_str(&body[i..i + k]);
        let at = i + k;
        let Some(&c) = b.get(at + 1) else {
            out.push('\\');
            break;
        };
        i = at + 2;
        if let Some(e) = simple_escape(c) {
            out.push(e as char);
            continue;
        }
        let truncated = |what: &str, got: usize, i_after: usize| {
            messages::unicode_error(at, i_after + got - 1, what, err_col)
        };
        match c {
            b'\n' => {}
            b'\r' => i += usize::from(b.get(i) == Some(&b'\n')),
            b'0'..=b'7' => {
                let (v, n) = octal_digits(b, at + 1);
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
                i = at + 1 + n;
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let v = hex_digits(body, i, n).map_err(|got| truncated(what, got, i))?;
                // Python strings may hold lone surrogates; Rust's cannot, so they become U+FFFD.
                let ch = char::from_u32(v);
                if ch.is_none() && v > 0x10FFFF {
                    return Err(messages::unicode_error(
                        at,
                        i + n - 1,
                        "illegal Unicode character",
                        err_col,
                    ));
                }
                out.push(ch.unwrap_or('\u{FFFD}'));
                i += n;
            }
            b'N' => {
                let close = (b.get(i) == Some(&b'{'))
                    .then(|| body[i..].find('}'))
                    .flatten();
                let Some(close) = close.map(|c| i + c) else {
                    let last = if b.get(i) == Some(&b'{') {
                        b.len() - 1
                    } else {
                        at + 1
                    };
                    return Err(messages::unicode_error(
                        at,
                        last,
                        "malformed \\N character escape",
                        err_col,
                    ));
                };
                let name = &body[i + 1..close];
                let ch = unicode_names::lookup(name).ok_or_else(|| {
                    messages::unicode_error(at, close, "unknown Unicode character name", err_col)
                })?;
                out.push(ch);
                i = close + 1;
            }
            _ => {
                out.push('\\');
                i = at + 1;
            }
        }
    }
    Ok(out)
}

/// Escapes in a bytes literal: as in text, but `\x` makes one byte and `\u`, `\N` are not escapes.
fn unescape_bytes(body: &str, err_col: usize) -> PyResult<Vec<u8>> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let at = i;
        let c = b[i + 1];
        i += 2;
        if let Some(e) = simple_escape(c) {
            out.push(e);
            continue;
        }
        match c {
            b'\n' => {}
            b'\r' => i += usize::from(b.get(i) == Some(&b'\n')),
            b'0'..=b'7' => {
                let (v, n) = octal_digits(b, at + 1);
                out.push((v & 0xFF) as u8);
                i = at + 1 + n;
            }
            b'x' => {
                let v = hex_digits(body, i, 2)
                    .map_err(|_| messages::bytes_escape_error('x', at, err_col))?;
                out.push(v as u8);
                i += 2;
            }
            _ => {
                out.push(b'\\');
                i = at + 1;
            }
        }
    }
    Ok(out)
}
