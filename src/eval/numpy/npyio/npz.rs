//! `.npz` archives: `np.savez`/`np.savez_compressed` (NumPy's `_savez`: keyword arrays, then
//! `arr_0`, `arr_1`... for the positional ones, each a `.npy` member of a zip, stored or
//! deflated) and what `np.load` gives for one, an `NpzFile` (NumPy's Mapping: `files`,
//! `z['name']`, `in`, `keys()`/`values()`/`items()`, `get`, `f.name`, `close`, `with`).

use std::rc::Rc;

use super::zip::{self, DosTime};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.savez",
        "(file, *args, allow_pickle=True, **kwds)",
        savez,
    ),
    Row::np_py(
        "numpy.savez_compressed",
        "(file, *args, allow_pickle=True, **kwds)",
        savez_compressed,
    ),
    Row::attr("numpy.lib.npyio.NpzFile.files", files),
    Row::attr("numpy.lib.npyio.NpzFile.f", bag),
    Row::attr("numpy.lib.npyio.NpzFile.zip", zip_attr),
    Row::method("numpy.lib.npyio.NpzFile.close", "()", close),
    Row::method("numpy.lib.npyio.NpzFile.__enter__", "()", enter),
    Row::method(
        "numpy.lib.npyio.NpzFile.__exit__",
        "(exc_type, exc_value, traceback)",
        exit,
    ),
    Row::method("numpy.lib.npyio.NpzFile.__contains__", "(key)", contains),
    Row::method("numpy.lib.npyio.NpzFile.get", "(key, default=None, /)", get),
    Row::method("numpy.lib.npyio.NpzFile.keys", "()", keys),
    Row::method("numpy.lib.npyio.NpzFile.values", "()", values),
    Row::method("numpy.lib.npyio.NpzFile.items", "()", items),
];

const TYPE: &str = "numpy.lib.npyio.NpzFile";
const OWNERS: &[&str] = &[TYPE];

static NPZ_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(npz_getitem),
    iter: Some(npz_iter),
    len: Some(npz_len),
    repr: Some(npz_repr),
    ..NativeSlots::NONE
};

/// `NpzFile._MAX_REPR_ARRAY_COUNT`.
const MAX_REPR_ARRAY_COUNT: usize = 5;

struct Npz {
    /// The archive's bytes (read whole when loaded); `None` once closed.
    bytes: Option<Rc<Vec<u8>>>,
    members: Vec<zip::Member>,
    /// `self.files`: the member names without `.npy` (one list object, as NumPy's attribute).
    files: Value,
    names: Vec<String>,
    /// The file name it was opened from (`self.fid.name`), `None` for a stream.
    fid: Option<String>,
}

impl Npz {
    /// `self._files[key]`: a name with or without `.npy`.
    fn member(&self, key: &str) -> Option<&zip::Member> {
        self.members
            .iter()
            .zip(&self.names)
            .find(|(m, n)| *n == key || m.name == key)
            .map(|(m, _)| m)
    }
}

fn savez(it: &mut Interp, a: Bound) -> PyResult<Value> {
    write_archive(it, a, zip::STORED)
}

fn savez_compressed(it: &mut Interp, a: Bound) -> PyResult<Value> {
    write_archive(it, a, zip::DEFLATED)
}

/// Now as `time.localtime()` would give it on this machine's clock (UTC).
fn now() -> DosTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (y, m, d) = crate::runtime::datetime::civil_from_days(secs.div_euclid(86400));
    let t = secs.rem_euclid(86400);
    DosTime::new(y, m, d, t / 3600, t / 60 % 60, t % 60)
}

/// `_savez`: the name gets `.npz`, keyword arrays come first, then `arr_<i>`.
fn write_archive(it: &mut Interp, mut a: Bound, method: u16) -> PyResult<Value> {
    let file = a.req("file")?;
    a.take("allow_pickle");
    let args = std::mem::take(&mut a.star);
    let mut named: Vec<(String, Value)> = std::mem::take(&mut a.kwargs);
    for (i, v) in args.into_iter().enumerate() {
        let key = format!("arr_{i}");
        if named.iter().any(|(k, _)| *k == key) {
            return Err(PyError::value(format!(
                "Cannot use un-named variables and keyword {key}"
            )));
        }
        named.push((key, v));
    }
    let file = match &file {
        Value::Str(s) if !s.v.ends_with(".npz") => it.new_str(format!("{}.npz", s.v)),
        _ => file,
    };
    let mut members = Vec::with_capacity(named.len());
    for (key, v) in named {
        it.ctx.check_interrupt()?;
        let arr = it.to_array(&v, None)?;
        members.push((format!("{key}.npy"), super::npy::npy_bytes(it, &arr)?));
    }
    let data = zip::write(&members, method, now())?;
    let mut sink = it.open_sink(&file, "file must be a string or file handle")?;
    let r = it.sink_write_bytes(&mut sink, &data);
    it.sink_close(sink)?;
    r.map(|_| Value::None)
}

/// `NpzFile(fid)` over an archive's bytes (`name`: the file name it was opened by).
pub(super) fn open(it: &mut Interp, bytes: Vec<u8>, name: Option<String>) -> PyResult<Value> {
    let members = zip::members(&bytes)?;
    let names: Vec<String> = members
        .iter()
        .map(|m| m.name.strip_suffix(".npy").unwrap_or(&m.name).to_string())
        .collect();
    let items = names.iter().map(|n| it.new_str(n.clone())).collect();
    let files = it.new_list(items);
    let state = Npz {
        bytes: Some(Rc::new(bytes)),
        members,
        files,
        names,
        fid: name,
    };
    Ok(it.native_obj(TYPE, OWNERS, &NPZ_SLOTS, 48, state))
}

fn npz<'a>(v: &'a Value) -> PyResult<std::cell::RefMut<'a, Npz>> {
    state_of::<Npz>(v, "NpzFile")
}

/// `z[key]`: the member's array (or its bytes when it is not a `.npy` file).
fn npz_getitem(it: &mut Interp, v: &Value, key: &Value) -> PyResult<Value> {
    let (bytes, member) = {
        let z = npz(v)?;
        let k = match key {
            Value::Str(s) => z.member(&s.v).cloned(),
            _ => None,
        };
        let Some(m) = k else {
            drop(z);
            let shown = it.str(key)?;
            let msg =
                crate::runtime::print::str_repr(&format!("{shown} is not a file in the archive"));
            return Err(PyError::key_error(&msg));
        };
        let Some(b) = z.bytes.clone() else {
            // closed: `self.zip` is None
            return Err(PyError::no_attribute("NoneType", "open"));
        };
        (b, m)
    };
    it.gate(member.size as u128)?;
    let data = zip::read(&bytes, &member)?;
    if data.starts_with(b"\x93NUMPY") {
        return super::npy::npy_from_bytes(it, data);
    }
    Ok(it.new_bytes(data))
}

fn npz_iter(it: &mut Interp, v: &Value) -> PyResult<Value> {
    let names = npz(v)?.names.clone();
    let items = names.into_iter().map(|n| it.new_str(n)).collect();
    Ok(it.new_list(items))
}

fn npz_len(_: &mut Interp, v: &Value) -> PyResult<usize> {
    Ok(npz(v)?.names.len())
}

/// `NpzFile 'name' with keys: a, b...` (`'object'` for a stream or once closed).
fn npz_repr(_: &mut Interp, v: &Value) -> PyResult<String> {
    let z = npz(v)?;
    let filename = match (&z.fid, &z.bytes) {
        (Some(f), Some(_)) => f.clone(),
        _ => "object".to_string(),
    };
    let mut names = z
        .names
        .iter()
        .take(MAX_REPR_ARRAY_COUNT)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if z.names.len() > MAX_REPR_ARRAY_COUNT {
        names.push_str("...");
    }
    Ok(format!(
        "NpzFile {} with keys: {names}",
        crate::runtime::print::str_repr(&filename)
    ))
}

fn files(_: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(npz(&a.this)?.files.clone())
}

fn zip_attr(it: &mut Interp, a: Bound) -> PyResult<Value> {
    if npz(&a.this)?.bytes.is_none() {
        return Ok(Value::None);
    }
    Ok(it.native_obj("zipfile.ZipFile", &[], &NativeSlots::NONE, 48, ()))
}

fn close(_: &mut Interp, a: Bound) -> PyResult<Value> {
    npz(&a.this)?.bytes = None;
    Ok(Value::None)
}

fn enter(_: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(a.this.clone())
}

fn exit(_: &mut Interp, a: Bound) -> PyResult<Value> {
    npz(&a.this)?.bytes = None;
    Ok(Value::None)
}

fn contains(_: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let key = a.req("key")?;
    let z = npz(&a.this)?;
    Ok(Value::Bool(match &key {
        Value::Str(s) => z.member(&s.v).is_some(),
        _ => false,
    }))
}

/// `Mapping.get`: the member, or `default` for a KeyError.
fn get(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let key = a.req("key")?;
    let default = a.take("default").unwrap_or(Value::None);
    match npz_getitem(it, &a.this, &key) {
        Err(e) if e.kind == crate::ErrorKind::KeyError => Ok(default),
        r => r,
    }
}

// ------------------------------------------------------------ views and the bag

/// What a view of the mapping yields.
#[derive(Clone, Copy)]
enum ViewKind {
    Keys,
    Values,
    Items,
}

struct View {
    npz: Value,
    kind: ViewKind,
}

static VIEW_SLOTS: NativeSlots = NativeSlots {
    iter: Some(view_iter),
    len: Some(view_len),
    repr: Some(view_repr),
    ..NativeSlots::NONE
};

fn view(it: &mut Interp, a: &Bound, kind: ViewKind) -> Value {
    let name = match kind {
        ViewKind::Keys => "collections.abc.KeysView",
        ViewKind::Values => "collections.abc.ValuesView",
        ViewKind::Items => "collections.abc.ItemsView",
    };
    let state = View {
        npz: a.this.clone(),
        kind,
    };
    it.native_obj(name, &[], &VIEW_SLOTS, 48, state)
}

fn keys(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(view(it, &a, ViewKind::Keys))
}

fn values(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(view(it, &a, ViewKind::Values))
}

fn items(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(view(it, &a, ViewKind::Items))
}

fn view_parts(v: &Value) -> PyResult<(Value, ViewKind)> {
    let s = state_of::<View>(v, "view")?;
    Ok((s.npz.clone(), s.kind))
}

/// A view's items, read as NumPy's Mapping mixins read them (`self[key]` for each name).
fn view_iter(it: &mut Interp, v: &Value) -> PyResult<Value> {
    let (z, kind) = view_parts(v)?;
    let names = npz(&z)?.names.clone();
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        let key = it.new_str(n);
        out.push(match kind {
            ViewKind::Keys => key,
            ViewKind::Values => npz_getitem(it, &z, &key)?,
            ViewKind::Items => {
                let val = npz_getitem(it, &z, &key)?;
                it.new_tuple(vec![key, val])
            }
        });
    }
    Ok(it.new_list(out))
}

fn view_len(_: &mut Interp, v: &Value) -> PyResult<usize> {
    let (z, _) = view_parts(v)?;
    Ok(npz(&z)?.names.len())
}

fn view_repr(it: &mut Interp, v: &Value) -> PyResult<String> {
    let (z, kind) = view_parts(v)?;
    let inner = npz_repr(it, &z)?;
    let name = match kind {
        ViewKind::Keys => "KeysView",
        ViewKind::Values => "ValuesView",
        ViewKind::Items => "ItemsView",
    };
    Ok(format!("{name}({inner})"))
}

/// `z.f`: NumPy's `BagObj`, whose attributes are the members (`z.f.x` is `z['x']`).
struct Bag {
    npz: Value,
}

static BAG_SLOTS: NativeSlots = NativeSlots {
    getattr: Some(bag_attr),
    ..NativeSlots::NONE
};

fn bag(it: &mut Interp, a: Bound) -> PyResult<Value> {
    if npz(&a.this)?.bytes.is_none() {
        return Ok(Value::None);
    }
    let state = Bag {
        npz: a.this.clone(),
    };
    Ok(it.native_obj("numpy.lib._npyio_impl.BagObj", &[], &BAG_SLOTS, 48, state))
}

fn bag_attr(it: &mut Interp, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let z = state_of::<Bag>(v, "BagObj")?.npz.clone();
    let key = it.new_str(name.to_string());
    match npz_getitem(it, &z, &key) {
        Err(e) if e.kind == crate::ErrorKind::KeyError => {
            Err(PyError::new(crate::ErrorKind::AttributeError, name))
        }
        r => r.map(Some),
    }
}
