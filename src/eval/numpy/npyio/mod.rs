//! NumPy's text and file I/O (`numpy/lib/_npyio_impl.py`, `textreading/`): `savetxt`
//! (`savetxt`), `loadtxt` (`loadtxt`, with the field parser in `fields`), `genfromtxt` (`genfromtxt`), `fromstring`, `fromfile`/`tofile` (`raw`), `.npy` files (`npy`) and `.npz` archives (`npz`, over the zip format in `zip`). This file holds
//! what they share: where text goes (`Sink`); `loadtxt` says where lines come from.

pub mod fields;
pub mod genfromtxt;
pub mod loadtxt;
pub mod npy;
pub mod npz;
pub mod raw;
pub mod savetxt;
pub mod zip;

use std::path::PathBuf;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::Row;

/// The rows of every function here.
pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.savetxt",
        "(fname, X, fmt='%.18e', delimiter=' ', newline='\\n', header='', footer='', comments='# ', encoding=None)",
        savetxt::savetxt,
    ),
    Row::np_py(
        "numpy.loadtxt",
        "(fname, dtype=<class 'float'>, comments='#', delimiter=None, converters=None, skiprows=0, usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *, quotechar=None, like=None)",
        loadtxt::loadtxt,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.genfromtxt",
        "(fname, dtype=<class 'float'>, comments='#', delimiter=None, skip_header=0, skip_footer=0, converters=None, missing_values=None, filling_values=None, usecols=None, names=None, excludelist=None, deletechars=\" !#$%&'()*+,-./:;<=>?@[\\\\]^{|}~\", replace_space='_', autostrip=False, case_sensitive=True, defaultfmt='f%i', unpack=None, usemask=False, loose=True, invalid_raise=True, max_rows=None, encoding=None, *, ndmin=0, like=None)",
        genfromtxt::genfromtxt,
    ).returns("ndarray"),
    Row::np_c(
        "numpy.fromstring",
        "(string, dtype=float, count=-1, *, sep, like=None)",
        raw::fromstring,
    ).returns("ndarray"),
    Row::np_c(
        "numpy.fromfile",
        "(file, dtype=float, count=-1, sep='', offset=0, *, like=None)",
        raw::fromfile,
    ).returns("ndarray"),
    Row::np_method("ndarray.tofile", "(fid, sep='', format='%s')", raw::tofile),
    Row::np_py("numpy.save", "(file, arr, allow_pickle=True)", npy::save),
    Row::np_py(
        "numpy.load",
        "(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding='ASCII', *, max_header_size=10000)",
        npy::load,
    ).returns("ndarray"),
];

/// Where `savetxt` and `tofile` write: a file they opened, one of `io`'s streams, or an
/// object with a `write` method (NumPy's `WriteWrap`: str first, bytes if that fails).
pub(crate) enum Sink {
    File { path: PathBuf, text: Vec<u8> },
    Stream(Value),
    Object { write: Value, bytes: Option<bool> },
}

impl Interp {
    /// Opens `fname` for writing as NumPy does: a name is created (emptied) at once.
    pub(crate) fn open_sink(&mut self, fname: &Value, what: &str) -> PyResult<Sink> {
        if let Value::Str(s) = fname {
            let path = PathBuf::from(&s.v);
            refuse_compressed(&s.v)?;
            std::fs::write(&path, b"").map_err(|e| file_error(&e, &s.v))?;
            return Ok(Sink::File {
                path,
                text: Vec::new(),
            });
        }
        if self.is_io_stream(fname) {
            return Ok(Sink::Stream(fname.clone()));
        }
        match self.getattr(fname, "write") {
            Ok(write) => Ok(Sink::Object { write, bytes: None }),
            Err(e) if e.kind == ErrorKind::AttributeError => Err(PyError::value(what.to_string())),
            Err(e) => Err(e),
        }
    }

    /// Writes `text` to a sink (latin-1 bytes into a byte stream, as `WriteWrap` encodes).
    pub(crate) fn sink_write(&mut self, sink: &mut Sink, text: &str) -> PyResult<()> {
        self.ctx.check_interrupt()?;
        match sink {
            Sink::File { text: buf, .. } => {
                self.gate((buf.len() + text.len()) as u128)?;
                buf.extend_from_slice(text.as_bytes());
                Ok(())
            }
            Sink::Stream(v) => {
                let v = v.clone();
                self.stream_write_str(&v, text).map(|_| ())
            }
            Sink::Object { write, bytes } => {
                let write = write.clone();
                if *bytes != Some(true) {
                    let s = self.new_str(text.to_string());
                    match self.call(&write, vec![s], vec![]) {
                        Ok(_) => {
                            *bytes = Some(false);
                            return Ok(());
                        }
                        Err(e) if e.kind == ErrorKind::TypeError && bytes.is_none() => {}
                        Err(e) => return Err(e),
                    }
                }
                *bytes = Some(true);
                let b = self.new_bytes(latin1(text)?);
                self.call(&write, vec![b], vec![]).map(|_| ())
            }
        }
    }

    /// Writes raw bytes to a sink (`tofile`, `save`).
    pub(crate) fn sink_write_bytes(&mut self, sink: &mut Sink, data: &[u8]) -> PyResult<()> {
        match sink {
            Sink::File { text, .. } => {
                self.gate((text.len() + data.len()) as u128)?;
                text.extend_from_slice(data);
                Ok(())
            }
            Sink::Stream(v) => {
                let v = v.clone();
                if self.stream_write_bytes(&v, data)? {
                    Ok(())
                } else {
                    Err(PyError::string_argument_expected("bytes"))
                }
            }
            Sink::Object { write, .. } => {
                let write = write.clone();
                let b = self.new_bytes(data.to_vec());
                self.call(&write, vec![b], vec![]).map(|_| ())
            }
        }
    }

    /// Finishes a sink: a file gets what was written (also after an error, as NumPy's
    /// `finally` closes it with what it wrote so far).
    pub(crate) fn sink_close(&mut self, sink: Sink) -> PyResult<()> {
        if let Sink::File { path, text } = sink {
            std::fs::write(&path, &text).map_err(|e| file_error(&e, &path.to_string_lossy()))?;
        }
        Ok(())
    }

    /// Whether `v` is one of the `io` module's streams or a file object of `open()`.
    pub(crate) fn is_io_stream(&self, v: &Value) -> bool {
        crate::eval::modules::is_native::<crate::eval::modules::io::stream::Stream<char>>(v)
            || crate::eval::modules::is_native::<crate::eval::modules::io::stream::Stream<u8>>(v)
    }
}

/// Text as latin-1 bytes (NumPy's default encoding for byte streams).
fn latin1(text: &str) -> PyResult<Vec<u8>> {
    crate::eval::text::codecs::encode(text, "latin-1", "strict")
}

/// `np.lib._datasource` opens `.gz`, `.bz2` and `.xz` names compressed; arrsh does not.
fn refuse_compressed(name: &str) -> PyResult<()> {
    if [".gz", ".bz2", ".xz"].iter().any(|x| name.ends_with(x)) {
        return Err(PyError::not_implemented(
            "arrsh does not read or write compressed files",
        ));
    }
    Ok(())
}

/// CPython's OSError for a file NumPy opened.
pub(crate) fn file_error(e: &std::io::Error, name: &str) -> PyError {
    crate::eval::modules::io::file::os_error(e, name)
}
