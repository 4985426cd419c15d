//! The messages of CPython 3.11's codecs (`Objects/exceptions.c`: `UnicodeEncodeError_str`,
//! `UnicodeDecodeError_str`; `Python/codecs.c`: lookups).

use super::{ErrorKind, PyError};

/// `'\xfc'`, `'\u20ac'`, `'\U0001f600'`: how a `UnicodeEncodeError` names one character.
fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

impl PyError {
    /// Characters `start..end` (code point positions) of a str could not be encoded.
    pub fn unicode_encode(codec: &str, text: &str, start: usize, end: usize, why: &str) -> PyError {
        let msg = if end == start + 1 {
            let c = text.chars().nth(start).unwrap_or('\u{fffd}');
            format!(
                "'{codec}' codec can't encode character '{}' in position {start}: {why}",
                char_escape(c)
            )
        } else {
            format!(
                "'{codec}' codec can't encode characters in position {start}-{}: {why}",
                end - 1
            )
        };
        PyError::new(ErrorKind::UnicodeEncodeError, msg)
    }

    /// Bytes `start..end` could not be decoded.
    pub fn unicode_decode(
        codec: &str,
        data: &[u8],
        start: usize,
        end: usize,
        why: &str,
    ) -> PyError {
        let msg = if end == start + 1 {
            format!(
                "'{codec}' codec can't decode byte {:#04x} in position {start}: {why}",
                data[start]
            )
        } else {
            format!(
                "'{codec}' codec can't decode bytes in position {start}-{}: {why}",
                end - 1
            )
        };
        PyError::new(ErrorKind::UnicodeDecodeError, msg)
    }

    /// Argument Clinic's check of `encoding=`/`errors=` (`encode() argument 'errors' must be
    /// str, not int`).
    pub fn codec_arg_not_str(func: &str, arg: &str, type_name: &str) -> PyError {
        PyError::type_error(format!(
            "{func}() argument '{arg}' must be str, not {type_name}"
        ))
    }

    pub fn unknown_encoding(name: &str) -> PyError {
        PyError::new(ErrorKind::LookupError, format!("unknown encoding: {name}"))
    }

    pub fn unknown_error_handler(name: &str) -> PyError {
        PyError::new(
            ErrorKind::LookupError,
            format!("unknown error handler name '{name}'"),
        )
    }

    /// An encode-only handler (`xmlcharrefreplace`, `namereplace`) met a decoding error.
    pub fn handler_cannot_decode() -> PyError {
        PyError::type_error("don't know how to handle UnicodeDecodeError in error callback")
    }

    /// `surrogateescape`/`surrogatepass` would put lone surrogates in a str; arrsh's str is
    /// always valid Unicode.
    pub fn lone_surrogates(handler: &str) -> PyError {
        PyError::not_implemented(format!(
            "arrsh's str cannot hold lone surrogates (errors='{handler}')"
        ))
    }

    /// `bytes(s)` without an encoding, `bytes(1, 'ascii')` with one but no str.
    pub fn string_without_encoding() -> PyError {
        PyError::type_error("string argument without an encoding")
    }
    pub fn encoding_without_string() -> PyError {
        PyError::type_error("encoding without a string argument")
    }
    /// `str('a', 'ascii')`.
    pub fn decoding_str() -> PyError {
        PyError::type_error("decoding str is not supported")
    }
    /// `str(1, 'ascii')`.
    pub fn decoding_str_not_supported(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "decoding to str: need a bytes-like object, {type_name} found"
        ))
    }
}
