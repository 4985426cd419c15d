//! The `io` module: `StringIO` and `BytesIO`, in-memory streams with CPython 3.11's methods,
//! messages and reprs (`<_io.StringIO object at 0x...>`). Their state is a `stream::Stream`;
//! `file` adds `open()`, whose file objects are the same streams tied to a path.

pub mod file;
pub mod stream;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::{NativeIter, is_native, state_of};
use crate::eval::object::value::{NativeSlots, Value};
use crate::eval::registry::{Bound, Origin, Row};
use stream::{Stream, Unit};

const STRINGIO: &str = "_io.StringIO";
const BYTESIO: &str = "_io.BytesIO";

/// The methods both in-memory streams have (and `open()`'s file objects share).
macro_rules! stream_rows {
    ($t:literal, $size:literal, $arg:literal) => {
        [
            Row::method(concat!($t, ".read"), "(size=-1, /)", read),
            Row::method(concat!($t, ".readline"), "(size=-1, /)", readline),
            Row::method(concat!($t, ".readlines"), $size, readlines),
            Row::method(concat!($t, ".write"), $arg, write),
            Row::method(concat!($t, ".writelines"), "(lines, /)", writelines),
            Row::method(concat!($t, ".seek"), "(pos, whence=0, /)", seek),
            Row::method(concat!($t, ".tell"), "()", tell),
            Row::method(concat!($t, ".close"), "()", close),
            Row::method(concat!($t, ".flush"), "()", flush),
            Row::method(concat!($t, ".readable"), "()", able),
            Row::method(concat!($t, ".writable"), "()", able),
            Row::method(concat!($t, ".seekable"), "()", able),
            Row::method(concat!($t, ".isatty"), "()", isatty),
            Row::method(concat!($t, ".__enter__"), "()", enter),
            Row::method(concat!($t, ".__exit__"), "(*args)", exit),
            Row::method(concat!($t, ".__next__"), "()", next_line),
            Row::attr(concat!($t, ".closed"), closed),
        ]
    };
}

/// StringIO's stream methods (`registry::TABLES` lists these beside `ROWS`).
pub const TEXT_ROWS: &[Row] = &stream_rows!("_io.StringIO", "(hint=-1, /)", "(s, /)");
/// BytesIO's stream methods.
pub const BYTES_ROWS: &[Row] = &stream_rows!("_io.BytesIO", "(size=None, /)", "(b, /)");

pub const ROWS: &[Row] = &[
    Row::module("io", Origin::Frozen),
    Row::alias("io.StringIO", STRINGIO),
    Row::alias("io.BytesIO", BYTESIO),
    Row::attr("io.SEEK_SET", seek_constant),
    Row::attr("io.SEEK_CUR", seek_constant),
    Row::attr("io.SEEK_END", seek_constant),
    Row::c_class(STRINGIO, "(initial_value='', newline='\\n')", stringio_new),
    Row::method("_io.StringIO.getvalue", "()", getvalue),
    Row::method("_io.StringIO.truncate", "(pos=None, /)", truncate),
    Row::c_class(BYTESIO, "(initial_bytes=b'')", bytesio_new),
    Row::method("_io.BytesIO.getvalue", "()", getvalue),
    Row::method("_io.BytesIO.truncate", "(size=None, /)", truncate),
];

static SLOTS: NativeSlots = NativeSlots {
    iter: Some(lines_of),
    ..NativeSlots::NONE
};

impl Interp {
    /// A new `io.StringIO` holding `text`, positioned at its start.
    pub fn new_stringio(&self, text: &str) -> Value {
        let s = Stream::new(text.chars().collect());
        self.native_obj(STRINGIO, &[STRINGIO], &SLOTS, 136, s)
    }

    /// A new `io.BytesIO` holding `bytes`.
    pub fn new_bytesio(&self, bytes: Vec<u8>) -> Value {
        self.native_obj(BYTESIO, &[BYTESIO], &SLOTS, 80, Stream::new(bytes))
    }

    /// Writes `text` into a text or bytes stream (a BytesIO takes it as latin-1, as NumPy's
    /// `savetxt` encodes for byte streams): `Ok(false)` when `v` is no stream of this module.
    pub fn stream_write_str(&mut self, v: &Value, text: &str) -> PyResult<bool> {
        if let Some(mut s) = text_stream(v) {
            check_open(&s.closed, false)?;
            let units: Vec<char> = text.chars().collect();
            gate_write(self, &s, units.len())?;
            s.write(&units);
            return Ok(true);
        }
        if let Some(mut s) = bytes_stream(v) {
            check_open(&s.closed, true)?;
            let units = crate::eval::text::codecs::encode(text, "latin-1", "strict")?;
            gate_write(self, &s, units.len())?;
            s.write(&units);
            return Ok(true);
        }
        Ok(false)
    }

    /// Writes `bytes` into a bytes stream: `Ok(false)` when `v` is not one.
    pub fn stream_write_bytes(&mut self, v: &Value, bytes: &[u8]) -> PyResult<bool> {
        match bytes_stream(v) {
            Some(mut s) => {
                check_open(&s.closed, true)?;
                gate_write(self, &s, bytes.len())?;
                s.write(bytes);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// What a bytes stream holds from its position on, read (`np.load`, `np.fromfile`).
    pub fn stream_read_bytes(
        &mut self,
        v: &Value,
        size: Option<usize>,
    ) -> PyResult<Option<Vec<u8>>> {
        match bytes_stream(v) {
            Some(mut s) => {
                check_open(&s.closed, true)?;
                Ok(Some(s.read(size).to_vec()))
            }
            None => Ok(None),
        }
    }
}

/// Asks the budget for what a write of `n` units makes the stream hold: a position past the
/// end pads with zeros first (`f.seek(10**15); f.write('x')` is CPython's MemoryError).
fn gate_write<T: Unit>(it: &Interp, s: &Stream<T>, n: usize) -> PyResult<()> {
    let end = s.pos.max(s.data.len()) as u128 + n as u128;
    it.gate(end * std::mem::size_of::<T>() as u128)
}

fn text_stream(v: &Value) -> Option<std::cell::RefMut<'_, Stream<char>>> {
    is_native::<Stream<char>>(v)
        .then(|| state_of::<Stream<char>>(v, STRINGIO).ok())
        .flatten()
}

fn bytes_stream(v: &Value) -> Option<std::cell::RefMut<'_, Stream<u8>>> {
    is_native::<Stream<u8>>(v)
        .then(|| state_of::<Stream<u8>>(v, BYTESIO).ok())
        .flatten()
}

/// CPython's closed-stream check; the C methods of StringIO say it without the period that
/// IOBase's and BytesIO's checks end with.
fn check_open(closed: &bool, period: bool) -> PyResult<()> {
    if *closed {
        return Err(PyError::io_on_closed_file(period));
    }
    Ok(())
}

/// A `size` argument: an int (negative: no limit) or None.
fn size_arg(it: &Interp, a: &mut Bound, name: &str) -> PyResult<Option<usize>> {
    match a.take(name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = it
                .index_int(&v)
                .ok_or_else(|| PyError::io_size_argument(&v.type_name()))?
                .to_i64()
                .ok_or_else(PyError::too_large_for_ssize_t)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

/// Runs `body` on the stream `this` is, text (`bytes` false) or bytes.
macro_rules! on_stream {
    ($this:expr, |$s:ident, $bytes:ident| $body:expr) => {{
        let this: Value = $this.clone();
        if let Some(got) = text_stream(&this) {
            #[allow(unused_mut)]
            let mut $s = got;
            let $bytes = false;
            $body
        } else if let Some(got) = bytes_stream(&this) {
            #[allow(unused_mut)]
            let mut $s = got;
            let $bytes = true;
            $body
        } else {
            Err(PyError::type_error(format!(
                "descriptor requires a '_io._IOBase' object but received a '{}'",
                this.type_name()
            )))
        }
    }};
}

/// Units as a Python value: chars as `str`, bytes as `bytes`.
trait ToValue: Unit {
    fn value(it: &Interp, units: &[Self]) -> Value;
}

impl ToValue for char {
    fn value(it: &Interp, units: &[char]) -> Value {
        it.new_str(units.iter().collect())
    }
}

impl ToValue for u8 {
    fn value(it: &Interp, units: &[u8]) -> Value {
        it.new_bytes(units.to_vec())
    }
}

fn stringio_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    if let Some(nl) = a.take("newline")
        && !matches!(&nl, Value::Str(s) if s.v == "\n")
    {
        return Err(PyError::not_implemented(
            "arrsh's StringIO supports only newline='\\n'",
        ));
    }
    let text = match a.take("initial_value") {
        None | Some(Value::None) => String::new(),
        Some(Value::Str(s)) => s.v.clone(),
        Some(v) => return Err(PyError::stringio_initial_value(&v.type_name())),
    };
    it.gate((text.len() * 4) as u128)?;
    Ok(it.new_stringio(&text))
}

fn bytesio_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let bytes = match a.take("initial_bytes") {
        None | Some(Value::None) => Vec::new(),
        Some(v) => it
            .exported_bytes(&v)?
            .ok_or_else(|| PyError::bytes_like_required("", &v.type_name()))?,
    };
    Ok(it.new_bytesio(bytes))
}

fn read(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let size = size_arg(it, &mut a, "size")?;
    on_stream!(a.this, |s, bytes| {
        check_open(&s.closed, bytes)?;
        Ok(ToValue::value(it, s.read(size)))
    })
}

fn readline(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let size = size_arg(it, &mut a, "size")?;
    on_stream!(a.this, |s, bytes| {
        check_open(&s.closed, bytes)?;
        Ok(ToValue::value(it, s.readline(size)))
    })
}

/// `readlines(hint)`: lines until their total length reaches `hint` (IOBase's rule).
fn readlines(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let name = if a.given("hint") { "hint" } else { "size" };
    let hint = size_arg(it, &mut a, name)?.filter(|&h| h > 0);
    let lines = on_stream!(a.this, |s, _bytes| {
        check_open(&s.closed, true)?;
        let mut out = Vec::new();
        let mut total = 0;
        loop {
            let line = s.readline(None);
            if line.is_empty() {
                break;
            }
            total += line.len();
            out.push(ToValue::value(it, line));
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(out)
    })?;
    Ok(it.new_list(lines))
}

fn write(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let arg = a.take("s").or_else(|| a.take("b")).unwrap_or(Value::None);
    let n = write_one(it, &a.this, &arg, false)?;
    Ok(it.new_i64(n as i64))
}

/// One `write`: a str into a text stream, a bytes-like object into a bytes stream.
fn write_one(it: &mut Interp, this: &Value, arg: &Value, period: bool) -> PyResult<usize> {
    if let Some(s) = text_stream(this) {
        check_open(&s.closed, period)?;
        drop(s);
        let Value::Str(text) = arg else {
            return Err(PyError::string_argument_expected(&arg.type_name()));
        };
        let units: Vec<char> = text.v.chars().collect();
        if let Some(s) = text_stream(this) {
            gate_write(it, &s, units.len())?;
        }
        return Ok(text_stream(this).map_or(0, |mut s| s.write(&units)));
    }
    if let Some(s) = bytes_stream(this) {
        check_open(&s.closed, true)?;
        drop(s);
        let bytes = it
            .exported_bytes(arg)?
            .ok_or_else(|| PyError::bytes_like_required("", &arg.type_name()))?;
        if let Some(s) = bytes_stream(this) {
            gate_write(it, &s, bytes.len())?;
        }
        return Ok(bytes_stream(this).map_or(0, |mut s| s.write(&bytes)));
    }
    Err(PyError::type_error("not a stream"))
}

fn writelines(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let lines = a.req("lines")?;
    on_stream!(a.this, |s, _bytes| {
        check_open(&s.closed, true)?;
        Ok(())
    })?;
    let mut src = it.iterate(&lines)?;
    while let Some(line) = src.next(it)? {
        write_one(it, &a.this, &line, true)?;
    }
    Ok(Value::None)
}

fn seek(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let pos = a.req("pos")?;
    let pos = it.ssize_arg(&pos)?;
    let whence = match a.take("whence") {
        Some(w) => it.c_int_arg(&w)?,
        None => 0,
    };
    let to = on_stream!(a.this, |s, bytes| {
        check_open(&s.closed, bytes)?;
        if !(0..=2).contains(&whence) {
            return Err(PyError::invalid_whence(whence, bytes));
        }
        if !bytes && whence != 0 && pos != 0 {
            return Err(PyError::nonzero_relative_seek());
        }
        if whence == 0 && pos < 0 {
            return Err(PyError::negative_seek(pos, bytes));
        }
        let base = match whence {
            0 => 0,
            1 => s.pos as i64,
            _ => s.data.len() as i64,
        };
        s.pos = base.saturating_add(pos).max(0) as usize;
        Ok(s.pos)
    })?;
    Ok(it.new_i64(to as i64))
}

fn tell(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let pos = on_stream!(a.this, |s, bytes| {
        check_open(&s.closed, bytes)?;
        Ok(s.pos)
    })?;
    Ok(it.new_i64(pos as i64))
}

fn truncate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let name = if a.given("pos") { "pos" } else { "size" };
    let size = match a.take(name) {
        None | Some(Value::None) => None,
        Some(v) => Some(it.ssize_arg(&v)?),
    };
    let n = on_stream!(a.this, |s, bytes| {
        check_open(&s.closed, bytes)?;
        if let Some(n) = size.filter(|&n| n < 0) {
            return Err(PyError::negative_size(n, bytes));
        }
        Ok(s.truncate(size.map(|n| n as usize)))
    })?;
    Ok(it.new_i64(n as i64))
}

fn getvalue(it: &mut Interp, a: Bound) -> PyResult<Value> {
    on_stream!(a.this, |s, bytes| {
        if s.file.is_some() {
            return Err(PyError::no_attribute(&a.this.type_name(), "getvalue"));
        }
        check_open(&s.closed, bytes)?;
        Ok(ToValue::value(it, &s.data))
    })
}

fn close(it: &mut Interp, a: Bound) -> PyResult<Value> {
    file::flush_file(it, &a.this)?;
    on_stream!(a.this, |s, _bytes| {
        s.closed = true;
        Ok(Value::None)
    })
}

fn flush(it: &mut Interp, a: Bound) -> PyResult<Value> {
    on_stream!(a.this, |s, bytes| {
        // StringIO's flush is IOBase's no-op, even once closed
        if bytes {
            check_open(&s.closed, true)?;
        }
        Ok(())
    })?;
    file::flush_file(it, &a.this)?;
    Ok(Value::None)
}

/// `readable()`, `writable()`, `seekable()`: an open in-memory stream is all three.
fn able(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let func = a.func;
    let mode = file::mode_of(&a.this);
    on_stream!(a.this, |s, bytes| {
        check_open(&s.closed, bytes)?;
        Ok(Value::Bool(match (func, mode) {
            ("readable", Some(m)) => !m.writes,
            ("writable", Some(m)) => m.writes,
            _ => true,
        }))
    })
}

fn isatty(_: &mut Interp, a: Bound) -> PyResult<Value> {
    on_stream!(a.this, |s, _bytes| {
        check_open(&s.closed, true)?;
        Ok(Value::Bool(false))
    })
}

fn enter(_: &mut Interp, a: Bound) -> PyResult<Value> {
    on_stream!(a.this, |s, _bytes| check_open(&s.closed, true))?;
    Ok(a.this)
}

fn exit(it: &mut Interp, a: Bound) -> PyResult<Value> {
    close(it, a)
}

/// The next line of a stream (`None` at its end), for `next(f)` and `for line in f`.
fn line_of(it: &mut Interp, this: &Value) -> PyResult<Option<Value>> {
    on_stream!(this, |s, bytes| {
        check_open(&s.closed, bytes)?;
        let line = s.readline(None);
        Ok((!line.is_empty()).then(|| ToValue::value(it, line)))
    })
}

/// `next(f)`: the next line, or StopIteration at the end.
fn next_line(it: &mut Interp, a: Bound) -> PyResult<Value> {
    line_of(it, &a.this)?.ok_or_else(|| PyError::new(crate::error::ErrorKind::StopIteration, ""))
}

fn closed(_: &mut Interp, a: Bound) -> PyResult<Value> {
    on_stream!(a.this, |s, _bytes| Ok(Value::Bool(s.closed)))
}

fn seek_constant(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(it.new_i64(match a.func {
        "SEEK_SET" => 0,
        "SEEK_CUR" => 1,
        _ => 2,
    }))
}

/// `for line in f`: the lines from the position on, read one at a time.
fn lines_of(it: &mut Interp, me: &Value) -> PyResult<Value> {
    on_stream!(me, |s, _bytes| check_open(&s.closed, true))?;
    Ok(it.native_iter("_io._IOBase", Lines(me.clone())))
}

struct Lines(Value);

impl NativeIter for Lines {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        line_of(it, &self.0)
    }
}
