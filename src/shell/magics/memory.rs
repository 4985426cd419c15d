//! arrsh's memory magics: `%mem NAME...` (the byte map of the buffers behind arrays) and
//! `%buffers` (each buffer and the names using it). Both hand the session a picture as plain
//! data; the renderer draws it at the terminal's width.

use super::Call;
use crate::error::{PyError, PyResult};
use crate::eval::Value;
use crate::shell::session::Session;

/// `%mem x [y ...]`: one byte map per buffer the names use (each name's own when several
/// are given; every name on the buffer when one is).
pub fn mem(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let names: Vec<String> = call
        .args
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    if names.is_empty() {
        return Err(PyError::mem_needs_a_name());
    }
    for p in s.memory_pictures(&names)? {
        s.show(p);
    }
    Ok(None)
}

/// `%buffers`: every buffer your arrays use, with the names on it and their byte ranges.
pub fn buffers(s: &mut Session, _: &Call) -> PyResult<Option<Value>> {
    let p = s.buffers_picture();
    s.show(p);
    Ok(None)
}
