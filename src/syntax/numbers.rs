//! Numeric literals as CPython 3.11's tokenizer reads them (`tok_get`), with its messages and
//! caret positions, so `1abc`, `0777` and `0o8` are refused the way Python refuses them.

use super::lexer::char_col;
use super::messages;
use crate::error::{PyError, PyResult};

/// Scans the numeric literal at byte `start` of `src`; returns the byte offset after it.
pub(super) fn scan(src: &str, start: usize) -> PyResult<usize> {
    Scanner {
        src,
        b: src.as_bytes(),
    }
    .number_end(start)
}

/// Whether a character may continue a number without a separating space (CPython's
/// `is_potential_identifier_char`).
fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

struct Scanner<'s> {
    src: &'s str,
    b: &'s [u8],
}

impl Scanner<'_> {
    fn col(&self, byte: usize) -> usize {
        char_col(self.src, byte)
    }

    fn byte(&self, at: usize) -> u8 {
        self.b.get(at).copied().unwrap_or(0)
    }

    /// An error whose caret CPython puts on the character before `cur`.
    fn number_error(&self, msg: String, cur: usize) -> PyError {
        PyError::syntax(msg, self.col(cur).saturating_sub(1))
    }

    /// CPython's `tok_decimal_tail`: digits with single underscores; returns the offset after them.
    fn decimal_tail(&self, mut at: usize) -> PyResult<usize> {
        loop {
            while self.byte(at).is_ascii_digit() {
                at += 1;
            }
            if self.byte(at) != b'_' {
                return Ok(at);
            }
            at += 1;
            if !self.byte(at).is_ascii_digit() {
                return Err(self.number_error(messages::INVALID_DECIMAL.into(), at));
            }
        }
    }

    /// CPython's `verify_end_of_number`: a number may be followed directly by a few keywords.
    fn end_of_number(&self, at: usize, kind: &str) -> PyResult<()> {
        let rest = &self.b[at.min(self.b.len())..];
        let keyword_follows = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|kw| rest.starts_with(kw.as_bytes()));
        if !keyword_follows && is_ident_char(self.byte(at)) {
            return Err(self.number_error(format!("invalid {kind} literal"), at));
        }
        Ok(())
    }

    fn number_end(&self, start: usize) -> PyResult<usize> {
        let mut at = start;
        if self.byte(at) == b'0' {
            let radix = match self.byte(at + 1) {
                b'x' | b'X' => Some((16, "hexadecimal")),
                b'o' | b'O' => Some((8, "octal")),
                b'b' | b'B' => Some((2, "binary")),
                _ => None,
            };
            if let Some((radix, kind)) = radix {
                return self.radix_end(at + 2, radix, kind);
            }
            // `0`, `00`, `0_0`, or the start of a float; other digits are old-style octal.
            at += 1;
            loop {
                if self.byte(at) == b'_' {
                    at += 1;
                    if !self.byte(at).is_ascii_digit() {
                        return Err(self.number_error(messages::INVALID_DECIMAL.into(), at));
                    }
                }
                if self.byte(at) != b'0' {
                    break;
                }
                at += 1;
            }
            let nonzero = self.byte(at).is_ascii_digit();
            if nonzero {
                at = self.decimal_tail(at)?;
            }
            match self.byte(at) {
                b'.' => return self.fraction(at + 1),
                b'e' | b'E' => return self.exponent(at),
                b'j' | b'J' => return self.imaginary(at + 1),
                _ if nonzero => return Err(messages::leading_zeros(self.col(start))),
                _ => {}
            }
            self.end_of_number(at, "decimal")?;
            return Ok(at);
        }
        if self.byte(at) == b'.' {
            return self.fraction(at + 1);
        }
        at = self.decimal_tail(at)?;
        match self.byte(at) {
            b'.' => self.fraction(at + 1),
            b'e' | b'E' => self.exponent(at),
            b'j' | b'J' => self.imaginary(at + 1),
            _ => {
                self.end_of_number(at, "decimal")?;
                Ok(at)
            }
        }
    }

    fn radix_end(&self, mut at: usize, radix: u32, kind: &str) -> PyResult<usize> {
        loop {
            if self.byte(at) == b'_' {
                at += 1;
            }
            let c = self.byte(at);
            if !(c as char).is_digit(radix) {
                if radix < 10 && c.is_ascii_digit() {
                    return Err(self.number_error(messages::invalid_digit(c as char, kind), at + 1));
                }
                return Err(self.number_error(format!("invalid {kind} literal"), at));
            }
            while (self.byte(at) as char).is_digit(radix) {
                at += 1;
            }
            if self.byte(at) != b'_' {
                break;
            }
        }
        if radix < 10 && self.byte(at).is_ascii_digit() {
            return Err(
                self.number_error(messages::invalid_digit(self.byte(at) as char, kind), at + 1)
            );
        }
        self.end_of_number(at, kind)?;
        Ok(at)
    }

    /// After the `.` of a float.
    fn fraction(&self, mut at: usize) -> PyResult<usize> {
        if self.byte(at).is_ascii_digit() {
            at = self.decimal_tail(at)?;
        }
        match self.byte(at) {
            b'e' | b'E' => self.exponent(at),
            b'j' | b'J' => self.imaginary(at + 1),
            _ => {
                self.end_of_number(at, "decimal")?;
                Ok(at)
            }
        }
    }

    /// At the `e` of an exponent.
    fn exponent(&self, e: usize) -> PyResult<usize> {
        let mut at = e + 1;
        if matches!(self.byte(at), b'+' | b'-') {
            at += 1;
            if !self.byte(at).is_ascii_digit() {
                return Err(self.number_error(messages::INVALID_DECIMAL.into(), at));
            }
        } else if !self.byte(at).is_ascii_digit() {
            // Not an exponent after all: `1else` is `1` then `else`.
            self.end_of_number(e, "decimal")?;
            return Ok(e);
        }
        at = self.decimal_tail(at)?;
        if matches!(self.byte(at), b'j' | b'J') {
            return self.imaginary(at + 1);
        }
        self.end_of_number(at, "decimal")?;
        Ok(at)
    }

    /// After the `j` of an imaginary literal.
    fn imaginary(&self, at: usize) -> PyResult<usize> {
        self.end_of_number(at, "imaginary")?;
        Ok(at)
    }
}
