//! `open()`: a file object is an in-memory `Stream` read whole when opened and written back
//! when flushed, closed or dropped (as CPython writes its buffer when the last reference
//! goes), so it shares every method with `StringIO`/`BytesIO`. Text files decode UTF-8 and
//! read `\r\n` and `\r` as `\n` (universal newlines).

use std::path::PathBuf;

use super::stream::{Stream, Unit};
use super::{bytes_stream, text_stream};
use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{NativeSlots, Value};
use crate::eval::registry::{Bound, Row};

const TEXT: &str = "_io.TextIOWrapper";
const READER: &str = "_io.BufferedReader";
const WRITER: &str = "_io.BufferedWriter";
const RANDOM: &str = "_io.BufferedRandom";

pub const ROWS: &[Row] = &[
    Row::builtin(
        "open",
        "(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
        open,
    ),
    Row::alias("io.open", "open"),
    Row::attr("_io.TextIOWrapper.name", name),
    Row::attr("_io.TextIOWrapper.mode", name),
    Row::attr("_io.BufferedReader.name", name),
    Row::attr("_io.BufferedWriter.name", name),
];

/// How a file was opened.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mode {
    pub writes: bool,
    pub reads: bool,
    pub append: bool,
    pub binary: bool,
}

/// The file a stream stands for, and whether its contents changed since written.
#[derive(Debug)]
pub struct FileTie {
    pub path: PathBuf,
    /// As given to `open` (`'data.csv'`), for the repr and `name`.
    pub shown: String,
    pub mode_text: String,
    pub mode: Mode,
    pub dirty: bool,
}

impl<T: Unit> Stream<T> {
    /// Writes the contents back to the file, if this stream is a file's and changed.
    pub fn sync(&mut self) -> std::io::Result<()> {
        if let Some(tie) = &mut self.file
            && tie.dirty
        {
            std::fs::write(&tie.path, T::encode(&self.data))?;
            tie.dirty = false;
        }
        Ok(())
    }
}

/// A file object that goes away unclosed still writes its contents, as CPython's does when
/// its last reference goes (errors then are lost, as CPython only prints them).
impl<T: Unit> Drop for Stream<T> {
    fn drop(&mut self) {
        let _ = self.sync();
    }
}

static SLOTS: NativeSlots = NativeSlots {
    iter: Some(super::lines_of),
    repr: Some(repr),
    ..NativeSlots::NONE
};

/// The mode of a file object (`None` for an in-memory stream).
pub fn mode_of(v: &Value) -> Option<Mode> {
    if let Some(s) = text_stream(v) {
        return s.file.as_ref().map(|f| f.mode);
    }
    bytes_stream(v).and_then(|s| s.file.as_ref().map(|f| f.mode))
}

/// Writes a file object's contents to its file (`flush()`, `close()`).
pub fn flush_file(_: &mut Interp, v: &Value) -> PyResult<()> {
    let r = match (text_stream(v), bytes_stream(v)) {
        (Some(mut s), _) => s
            .sync()
            .map_err(|e| (e, s.file.as_ref().map(|f| f.shown.clone()))),
        (_, Some(mut s)) => s
            .sync()
            .map_err(|e| (e, s.file.as_ref().map(|f| f.shown.clone()))),
        _ => Ok(()),
    };
    r.map_err(|(e, name)| os_error(&e, &name.unwrap_or_default()))
}

/// CPython's `OSError` for a failed system call: `[Errno 2] No such file or directory: 'x'`.
pub fn os_error(e: &std::io::Error, name: &str) -> PyError {
    let (kind, errno, text) = match e.kind() {
        std::io::ErrorKind::NotFound => {
            (ErrorKind::FileNotFoundError, 2, "No such file or directory")
        }
        std::io::ErrorKind::PermissionDenied => {
            (ErrorKind::PermissionError, 13, "Permission denied")
        }
        std::io::ErrorKind::AlreadyExists => (ErrorKind::FileExistsError, 17, "File exists"),
        std::io::ErrorKind::IsADirectory => (ErrorKind::IsADirectoryError, 21, "Is a directory"),
        std::io::ErrorKind::NotADirectory => (ErrorKind::NotADirectoryError, 20, "Not a directory"),
        _ => (
            ErrorKind::OSError,
            e.raw_os_error().unwrap_or(5),
            "Input/output error",
        ),
    };
    PyError::os_error(kind, errno, text, name)
}

fn parse_mode(text: &str) -> PyResult<Mode> {
    let mut mode = Mode {
        writes: false,
        reads: false,
        append: false,
        binary: false,
    };
    let (mut create, mut text_flag, mut plus) = (0, false, false);
    for c in text.chars() {
        let seen = match c {
            'r' => std::mem::replace(&mut mode.reads, true) || create > 0,
            'w' | 'x' => {
                create += 1;
                mode.writes = true;
                create > 1 || mode.reads
            }
            'a' => {
                create += 1;
                mode.writes = true;
                mode.append = true;
                create > 1 || mode.reads
            }
            'b' => std::mem::replace(&mut mode.binary, true) || text_flag,
            't' => std::mem::replace(&mut text_flag, true) || mode.binary,
            '+' => std::mem::replace(&mut plus, true),
            _ => return Err(PyError::value(format!("invalid mode: '{text}'"))),
        };
        if seen {
            return Err(PyError::value(format!("invalid mode: '{text}'")));
        }
    }
    if !mode.reads && create == 0 {
        return Err(PyError::value(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if plus {
        mode.reads = true;
        mode.writes = true;
    }
    Ok(mode)
}

fn open(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let file = a.req("file")?;
    let Value::Str(name) = &file else {
        return Err(PyError::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.type_name()
        )));
    };
    let mode_text = match a.take("mode") {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.v.clone(),
        Some(v) => {
            return Err(PyError::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                v.type_name()
            )));
        }
    };
    let mode = parse_mode(&mode_text)?;
    if let Some(Value::Str(e)) = a.take("encoding") {
        let e = e.v.to_ascii_lowercase().replace(['-', '_'], "");
        if !matches!(e.as_str(), "utf8" | "ascii") {
            return Err(PyError::not_implemented(
                "arrsh's open() reads and writes UTF-8 only",
            ));
        }
    }
    it.refuse_unsupported(&mut a, &["errors", "newline", "opener"])?;
    let path = PathBuf::from(&name.v);
    let exclusive = mode_text.contains('x');
    if exclusive && path.exists() {
        let e = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
        return Err(os_error(&e, &name.v));
    }
    let truncate = mode.writes && !mode.append && !(mode.reads && mode_text.contains('r'));
    let bytes = if truncate {
        std::fs::write(&path, b"").map_err(|e| os_error(&e, &name.v))?;
        Vec::new()
    } else {
        match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if mode.append && e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::write(&path, b"").map_err(|e| os_error(&e, &name.v))?;
                Vec::new()
            }
            Err(e) => return Err(os_error(&e, &name.v)),
        }
    };
    it.gate(bytes.len() as u128 * 4)?;
    let tie = FileTie {
        path,
        shown: name.v.clone(),
        mode_text: mode_text.clone(),
        mode,
        dirty: false,
    };
    if mode.binary {
        let mut s = Stream::new(bytes);
        if mode.append {
            s.pos = s.data.len();
        }
        s.file = Some(tie);
        let (ty, owners): (_, &'static [&'static str]) = match (mode.reads, mode.writes) {
            (true, true) => (RANDOM, &[RANDOM, super::BYTESIO]),
            (true, false) => (READER, &[READER, super::BYTESIO]),
            _ => (WRITER, &[WRITER, super::BYTESIO]),
        };
        return Ok(it.native_obj(ty, owners, &SLOTS, 184, s));
    }
    let text = crate::eval::text::codecs::decode(&bytes, "utf-8", "strict")?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut s = Stream::new(text.chars().collect());
    if mode.append {
        s.pos = s.data.len();
    }
    s.file = Some(tie);
    Ok(it.native_obj(TEXT, &[TEXT, super::STRINGIO], &SLOTS, 216, s))
}

fn name(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let tie = |s: &Option<FileTie>| s.as_ref().map(|f| (f.shown.clone(), f.mode_text.clone()));
    let got = match (text_stream(&a.this), bytes_stream(&a.this)) {
        (Some(s), _) => tie(&s.file),
        (_, Some(s)) => tie(&s.file),
        _ => None,
    };
    let (name, mode) = got.unwrap_or_default();
    Ok(it.new_str(if a.func == "mode" { mode } else { name }))
}

/// `<_io.TextIOWrapper name='data.csv' mode='r' encoding='UTF-8'>`,
/// `<_io.BufferedReader name='a.npy'>`.
fn repr(_: &mut Interp, v: &Value) -> PyResult<String> {
    let Value::Native(n) = v else {
        return Ok(String::new());
    };
    let tie = |s: &Option<FileTie>| s.as_ref().map(|f| (f.shown.clone(), f.mode_text.clone()));
    let got = match (text_stream(v), bytes_stream(v)) {
        (Some(s), _) => tie(&s.file),
        (_, Some(s)) => tie(&s.file),
        _ => None,
    };
    let (name, mode) = got.unwrap_or_default();
    let name = crate::eval::text::pyrepr::str_repr(&name);
    Ok(if n.type_name == TEXT {
        format!("<{TEXT} name={name} mode='{mode}' encoding='UTF-8'>")
    } else {
        format!("<{} name={name}>", n.type_name)
    })
}
