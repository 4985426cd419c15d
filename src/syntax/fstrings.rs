//! f-strings, split into literal text and replacement fields by CPython 3.11's rules
//! (`fstring_find_literal`, `fstring_find_expr`): `{{` and `}}`, `{expr!r:spec}`, `{expr=}`,
//! format specs with nested fields one level deep, and its "f-string: ..." messages.

use super::ast::FPart;
use super::messages;
use super::strings::{ParseField, push_lit, unescape};
use crate::error::{PyError, PyResult};

/// An f-string body being split into parts.
pub(super) struct FString<'a, 'f> {
    pub body: &'a str,
    pub raw: bool,
    /// Cell column of the body's first character.
    pub body_col: usize,
    /// Cell column just after the literal: CPython 3.11 reports f-string errors there.
    pub end_col: usize,
    pub parse: &'a ParseField<'f>,
    /// Depth of the deepest field expression.
    pub depth: usize,
}

impl FString<'_, '_> {
    fn err(&self, msg: &str) -> PyError {
        messages::fstring(msg, self.end_col)
    }

    fn col(&self, byte: usize) -> usize {
        self.body_col + self.body[..byte].chars().count()
    }

    /// Literal text and fields from `pos` to the end of the body (`level` 0), or to the `}` that
    /// ends a format spec (`level` 1, leaving `pos` on it).
    pub fn parts(&mut self, pos: &mut usize, level: usize) -> PyResult<Vec<FPart>> {
        let b = self.body.as_bytes();
        let mut parts = Vec::new();
        let mut lit_start = *pos;
        let mut lit = String::new();
        while *pos < b.len() {
            match b[*pos] {
                b'\\' if !self.raw => {
                    // `\N{...}` braces belong to the escape, not to a field.
                    let skip = if b.get(*pos + 1) == Some(&b'N') && b.get(*pos + 2) == Some(&b'{') {
                        self.body[*pos..].find('}').map_or(2, |k| k + 1)
                    } else {
                        2
                    };
                    *pos = (*pos + skip).min(b.len());
                }
                c @ (b'{' | b'}') => {
                    lit.push_str(&self.decode_lit(&self.body[lit_start..*pos])?);
                    if level == 0 && b.get(*pos + 1) == Some(&c) {
                        lit.push(c as char);
                        *pos += 2;
                    } else if c == b'}' {
                        if level == 0 {
                            return Err(self.err("single '}' is not allowed"));
                        }
                        push_lit(&mut parts, std::mem::take(&mut lit));
                        return Ok(parts);
                    } else {
                        push_lit(&mut parts, std::mem::take(&mut lit));
                        parts.push(self.field(pos, level)?);
                    }
                    lit_start = *pos;
                }
                _ => *pos += 1,
            }
        }
        lit.push_str(&self.decode_lit(&self.body[lit_start..])?);
        push_lit(&mut parts, lit);
        if level > 0 {
            return Err(self.err("expecting '}'"));
        }
        Ok(parts)
    }

    fn decode_lit(&self, text: &str) -> PyResult<String> {
        if self.raw {
            Ok(text.to_string())
        } else {
            unescape(text, self.end_col)
        }
    }

    /// A replacement field `{expr=!r:spec}` with `pos` on its `{`; leaves `pos` after its `}`.
    fn field(&mut self, pos: &mut usize, level: usize) -> PyResult<FPart> {
        if level >= 2 {
            return Err(self.err("expressions nested too deeply"));
        }
        let b = self.body.as_bytes();
        let start = *pos + 1;
        let mut i = start;
        let mut stack: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, usize)> = None;
        while i < b.len() {
            let c = b[i];
            if c == b'\\' {
                return Err(messages::fstring_backslash(self.end_col));
            }
            if let Some((q, n)) = quote {
                if c == q && (n == 1 || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q))) {
                    quote = None;
                    i += n;
                } else {
                    i += 1;
                }
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let n = if b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c) {
                        3
                    } else {
                        1
                    };
                    quote = Some((c, n));
                    i += n;
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if stack.len() >= super::lexer::MAX_BRACKET_DEPTH {
                        return Err(self.err("too many nested parenthesis"));
                    }
                    stack.push(c);
                }
                b'#' => return Err(messages::fstring_hash(self.end_col)),
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if stack.is_empty() => {
                    if b.get(i + 1) == Some(&b'=') && c != b':' && c != b'}' {
                        i += 2;
                        continue;
                    }
                    if c != b'<' && c != b'>' {
                        break;
                    }
                }
                b')' | b']' | b'}' => {
                    let Some(open) = stack.pop() else {
                        return Err(self.err(&format!("unmatched '{}'", c as char)));
                    };
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != want {
                        return Err(self.err(&format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        )));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if quote.is_some() {
            return Err(self.err("unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(self.err(&format!("unmatched '{}'", open as char)));
        }
        if i >= b.len() {
            return Err(self.err("expecting '}'"));
        }
        let text = &self.body[start..i];
        if text.trim().is_empty() {
            return Err(self.err("empty expression not allowed"));
        }
        let (expr, depth) = (self.parse)(text, self.col(start))?;
        self.depth = self.depth.max(depth);

        let mut echo = None;
        if b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            echo = Some(self.body[start..i].to_string());
        }
        let mut conversion = None;
        if i < b.len() && b[i] == b'!' {
            let c = self.body[i + 1..].chars().next();
            match c {
                None => return Err(self.err("expecting '}'")),
                Some(c @ ('s' | 'r' | 'a')) => conversion = Some(c),
                Some(_) => {
                    return Err(self.err("invalid conversion character: expected 's', 'r', or 'a'"));
                }
            }
            i += 2;
        }
        let mut spec = None;
        if i < b.len() && b[i] == b':' {
            i += 1;
            spec = Some(self.parts(&mut i, level + 1)?);
        }
        if i >= b.len() || b[i] != b'}' {
            return Err(self.err("expecting '}'"));
        }
        *pos = i + 1;
        // CPython: `{x=}` without a conversion or spec shows the repr.
        if echo.is_some() && spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        Ok(FPart::Expr {
            expr: Box::new(expr),
            conversion,
            spec,
            echo,
        })
    }
}
