//! Docstrings for `?` and `help()`: NumPy's and CPython's own text for the names arrsh
//! implements, generated once by `gen_docstrings.py` into `docstrings.txt` (NumPy's are
//! BSD-licensed and CPython's PSF-licensed: see `LICENSES.md` beside it), looked up by the
//! qualified names the pretty printer uses (`numpy.arange`, `ndarray.reshape`, `len`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::eval::Value;
use crate::eval::object::value::TypeKind;
use crate::eval::text::pyrepr::type_qualname;

/// Which NumPy and CPython arrsh follows (their messages, printing and docstrings).
pub const NUMPY_VERSION: &str = "2.4.6";
pub const PYTHON_VERSION: &str = "3.11";

const DATA: &str = include_str!("docstrings.txt");

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| parse(DATA))
}

/// `@@ name` lines start entries; lines before the first are the file's header.
fn parse(data: &'static str) -> HashMap<&'static str, &'static str> {
    let mut out = HashMap::new();
    let mut current: Option<(&'static str, usize)> = None;
    let mut offset = 0;
    for line in data.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("@@ ") {
            if let Some((n, start)) = current {
                out.insert(n, data[start..offset].trim_end_matches('\n'));
            }
            current = Some((name.trim(), offset + line.len()));
        }
        offset += line.len();
    }
    if let Some((n, start)) = current {
        out.insert(n, data[start..].trim_end_matches('\n'));
    }
    out
}

/// The docstring stored for a qualified name.
pub fn docstring(key: &str) -> Option<&'static str> {
    table().get(key).copied()
}

/// The qualified name of a callable or type (`numpy.arange`, `ndarray.sum`, `list.append`,
/// `int`), as the pretty printer and the signature table name it.
pub fn key_of(v: &Value) -> String {
    match v {
        Value::Builtin(b) => b.name.to_string(),
        Value::Method(m) => {
            let class = match &m.obj {
                Value::Array(_) => "ndarray".to_string(),
                Value::Scalar(_) => "int64".to_string(),
                Value::DType(_) => "dtype".to_string(),
                Value::Type(t) => type_qualname(t.kind),
                other => other.short_type_name(),
            };
            format!("{class}.{}", m.name)
        }
        Value::Type(t) => type_qualname(t.kind),
        _ => class_key(v),
    }
}

/// The qualified name of a value's type, for its class docstring (`numpy.ndarray`, `int`).
pub fn class_key(v: &Value) -> String {
    match v {
        Value::Module(m) => m.name.to_string(),
        Value::Array(_) => type_qualname(TypeKind::Ndarray),
        Value::DType(_) => type_qualname(TypeKind::DTypeClass),
        _ => v.type_name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_split_at_their_headers() {
        let t = parse("# header\n@@ a\nfirst\n\nsecond\n@@ b.c\nthird\n");
        assert_eq!(t.get("a"), Some(&"first\n\nsecond"));
        assert_eq!(t.get("b.c"), Some(&"third"));
        assert_eq!(t.len(), 2);
    }
}
