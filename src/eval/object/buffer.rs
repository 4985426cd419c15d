//! The buffer protocol: which objects export their memory (arrays and bytes), and `memoryview`,
//! Python's own window on that memory — a format, a shape and strides over the exporter's bytes,
//! the same facts an ndarray shows. A memoryview holds a view array over the exporter's buffer,
//! so `a.data`, `memoryview(a)[::2]`, `np.asarray(m)` and `np.frombuffer(m)` never copy.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::{is_native, state_of};
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::layout::{Layout, Order, OrderArg};
use crate::runtime::{DType, Kind, NdArray};
use crate::syntax::ast::CmpOp;

const MEMORYVIEW: &str = "memoryview";

/// `memoryview` and its methods and properties (CPython 3.11's specs).
pub const ROWS: &[Row] = &[
    Row::c_class(MEMORYVIEW, "!(object)", memoryview_new),
    Row::method("memoryview.tolist", "()", tolist),
    Row::method("memoryview.tobytes", "(order='C')", tobytes),
    Row::method("memoryview.hex", "()", hex),
    Row::method("memoryview.release", "!()", release),
    Row::method("memoryview.toreadonly", "!()", toreadonly),
    Row::method("memoryview.cast", "(format, shape=<unrepresentable>)", cast),
    Row::attr("memoryview.obj", property),
    Row::attr("memoryview.nbytes", property),
    Row::attr("memoryview.readonly", property),
    Row::attr("memoryview.itemsize", property),
    Row::attr("memoryview.format", property),
    Row::attr("memoryview.ndim", property),
    Row::attr("memoryview.shape", property),
    Row::attr("memoryview.strides", property),
    Row::attr("memoryview.suboffsets", property),
    Row::attr("memoryview.c_contiguous", property),
    Row::attr("memoryview.f_contiguous", property),
    Row::attr("memoryview.contiguous", property),
];

/// A memoryview's state: the exporter, and a view array over the exporter's memory.
struct MemView {
    obj: Value,
    view: Rc<NdArray>,
    readonly: bool,
    released: bool,
}

static SLOTS: NativeSlots = NativeSlots {
    getitem: Some(getitem),
    setitem: Some(setitem),
    iter: Some(iter),
    len: Some(len),
    call: None,
    repr: Some(repr),
    getattr: None,
    compare: Some(compare),
    hash: Some(hash),
};

impl Interp {
    /// The memory `v` exports through the buffer protocol: a view array over it and whether it
    /// is read-only, or `None` when `v` is not bytes-like. A memoryview exports what it views.
    pub fn exported(&mut self, v: &Value) -> PyResult<Option<(Rc<NdArray>, bool)>> {
        Ok(match v {
            Value::Array(a) => {
                let view = a.view_with(&self.ctx, a.dtype(), a.layout().clone());
                Some((view, !a.is_writeable()))
            }
            Value::Bytes(b) => {
                let buffer =
                    crate::runtime::buffer::Buffer::from_bytes(&self.ctx.heap, &b.v, "memoryview")?;
                let layout = Layout::contiguous(&[b.v.len()], 1, Order::C);
                let holder: Rc<dyn std::any::Any> = b.clone();
                let view = NdArray::over_foreign(&self.ctx, buffer, DType::UINT8, layout, holder);
                Some((view, true))
            }
            Value::Scalar(s) => {
                let a = self.scalar_to_array(s.dtype, &s.v)?;
                Some((a.into_readonly(), true))
            }
            Value::Native(_) if let Some(view) = self.bytearray_export(v)? => Some((view, false)),
            Value::Native(_) if is_native::<MemView>(v) => {
                let m = live(v)?;
                Some((m.view.clone(), m.readonly))
            }
            _ => None,
        })
    }

    /// A new memoryview of `obj`'s memory (`memoryview(x)`, `a.data`).
    pub fn new_memoryview(&mut self, obj: &Value) -> PyResult<Value> {
        let Some((view, readonly)) = self.exported(obj)? else {
            return Err(PyError::bytes_like_required(
                "memoryview: ",
                &obj.type_name(),
            ));
        };
        buffer_format(&view)?;
        let exporter = match obj {
            Value::Native(_) if is_native::<MemView>(obj) => live(obj)?.obj.clone(),
            _ => obj.clone(),
        };
        Ok(self.memoryview_of(exporter, view, readonly))
    }

    fn memoryview_of(&mut self, obj: Value, view: Rc<NdArray>, readonly: bool) -> Value {
        // CPython's memoryview: 160 bytes plus shape, strides and suboffsets per dimension
        let size = 160 + 24 * view.ndim();
        self.native_obj(
            MEMORYVIEW,
            &[MEMORYVIEW],
            &SLOTS,
            size,
            MemView {
                obj,
                view,
                readonly,
                released: false,
            },
        )
    }

    /// `bytes(x)` for a bytes-like `x`: its memory in C order, or `None` when it exports none.
    pub fn exported_bytes(&mut self, v: &Value) -> PyResult<Option<Vec<u8>>> {
        let Some((view, _)) = self.exported(v)? else {
            return Ok(None);
        };
        self.array_bytes(&view, OrderArg::C).map(Some)
    }

    /// An array's memory laid out in `order` as one byte string (`bytes(a)`, `a.tobytes()`),
    /// its size asked of the budget first.
    pub fn array_bytes(&mut self, a: &Rc<NdArray>, order: OrderArg) -> PyResult<Vec<u8>> {
        self.gate(a.nbytes() as u128)?;
        let c = a.flatten(&self.ctx, order)?;
        Ok(c.buffer().bytes()?[..c.nbytes()].to_vec())
    }

    /// An ndarray over a memoryview's memory for `np.asarray(m)`/`np.array(m)`: a view whose base
    /// is a memoryview of the same memory, as NumPy makes one; `None` for other objects.
    pub fn memoryview_array(&mut self, v: &Value) -> PyResult<Option<Rc<NdArray>>> {
        if !is_native::<MemView>(v) {
            return Ok(None);
        }
        let (obj, view, readonly) = {
            let m = live(v)?;
            (m.obj.clone(), m.view.clone(), m.readonly)
        };
        buffer_format(&view)?;
        let base = self.memoryview_of(obj, view.clone(), readonly);
        let Value::Native(holder) = base else {
            unreachable!("memoryview_of makes a native object")
        };
        let holder: Rc<dyn std::any::Any> = holder;
        let a = view.view_with_foreign_base(&self.ctx, view.dtype(), view.layout().clone(), holder);
        Ok(Some(if readonly { a.into_readonly() } else { a }))
    }
}

/// The state of a memoryview that has not been released.
fn live(v: &Value) -> PyResult<std::cell::RefMut<'_, MemView>> {
    let m = state_of::<MemView>(v, MEMORYVIEW)?;
    if m.released {
        return Err(PyError::released_memoryview());
    }
    Ok(m)
}

/// NumPy's buffer format string for an array's dtype (`_buffer_format_string`): struct codes,
/// `Zd` for complex, `3s`/`2w` for strings, a byte-order prefix when not native.
fn buffer_format(a: &NdArray) -> PyResult<String> {
    let dt = a.dtype();
    let size = dt.itemsize;
    let code = match dt.kind {
        // the type character: `l` for C long, `q` for long long, `e` `f` `d` for floats
        Kind::Bool | Kind::Int | Kind::UInt | Kind::Float => dt.char().to_string(),
        Kind::Complex => match size {
            8 => "Zf",
            _ => "Zd",
        }
        .to_string(),
        Kind::Bytes => format!("{size}s"),
        Kind::Str => format!("{}w", size / 4),
        Kind::Void if dt.fields().is_some() => {
            return Err(PyError::not_implemented(
                "arrsh does not implement memoryview of structured arrays yet",
            ));
        }
        _ => return Err(PyError::buffer_dtype_unsupported(dt.kind_char())),
    };
    let prefix = if dt.is_native() { "" } else { ">" };
    Ok(format!("{prefix}{code}"))
}

/// Whether CPython's struct unpacking knows the format (`memoryview.tolist`, indexing).
fn unpack_check(a: &NdArray) -> PyResult<String> {
    let f = buffer_format(a)?;
    match f.as_str() {
        "?" | "b" | "B" | "h" | "H" | "i" | "I" | "l" | "L" | "q" | "Q" | "f" | "d" => Ok(f),
        "e" => Err(PyError::not_implemented(format!(
            "memoryview: format {f} not supported"
        ))),
        _ => Err(PyError::not_implemented(format!(
            "memoryview: unsupported format {f}"
        ))),
    }
}

fn memoryview_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let obj = a.req("object")?;
    it.new_memoryview(&obj)
}

fn view_of(a: &Bound) -> PyResult<(Rc<NdArray>, bool)> {
    let m = live(&a.this)?;
    Ok((m.view.clone(), m.readonly))
}

fn tolist(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (view, _) = view_of(&a)?;
    unpack_check(&view)?;
    it.tolist(&view, &mut Vec::new())
}

fn tobytes(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let b = it.exported_bytes(&a.this)?.unwrap_or_default();
    Ok(it.new_bytes(b))
}

fn hex(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let b = it.exported_bytes(&a.this)?.unwrap_or_default();
    let s: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(it.new_str(s))
}

/// Releasing lets go of the exporter's memory (a bytearray may resize again).
fn release(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let mut m = state_of::<MemView>(&a.this, MEMORYVIEW)?;
    if !m.released {
        m.released = true;
        m.view = NdArray::zeros(&it.ctx, &[0], DType::UINT8, Order::C)?;
    }
    Ok(Value::None)
}

fn toreadonly(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (obj, view) = {
        let m = live(&a.this)?;
        (m.obj.clone(), m.view.clone())
    };
    Ok(it.memoryview_of(obj, view, true))
}

/// `m.cast(format[, shape])`: C-contiguous memory seen with another struct code, 1-D ↔ N-D.
fn cast(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (obj, view, readonly) = {
        let m = live(&a.this)?;
        (m.obj.clone(), m.view.clone(), m.readonly)
    };
    let format = a.req("format")?;
    let Value::Str(format) = format else {
        return Err(PyError::type_error(format!(
            "memoryview.cast() argument 'format' must be str, not {}",
            format.type_name()
        )));
    };
    let shape = match a.take("shape") {
        Some(s) => Some(it.collect(&s)?),
        None => None,
    };
    if !view.is_c_contiguous() {
        return Err(PyError::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let dtype = struct_dtype(&format.v).ok_or_else(|| {
        PyError::value("memoryview: destination format must be a native single character format prefixed with an optional '@'")
    })?;
    let target_nd = shape.as_ref().map_or(1, |s| s.len());
    if view.ndim() != 1 && target_nd != 1 {
        return Err(PyError::type_error(
            "memoryview: cast must be 1D -> ND or ND -> 1D",
        ));
    }
    let nbytes = view.nbytes();
    let dims: Vec<usize> = match shape {
        Some(s) => {
            let mut dims = Vec::with_capacity(s.len());
            for d in &s {
                let n = it.int_value(d, "")?.to_i64().unwrap_or(-1);
                if n <= 0 {
                    return Err(PyError::value(
                        "memoryview.cast(): elements of shape must be integers > 0",
                    ));
                }
                dims.push(n as usize);
            }
            dims
        }
        None => {
            if !nbytes.is_multiple_of(dtype.itemsize) {
                return Err(PyError::type_error(
                    "memoryview: length is not a multiple of itemsize",
                ));
            }
            vec![nbytes / dtype.itemsize]
        }
    };
    let total = dims
        .iter()
        .try_fold(dtype.itemsize, |acc, &d| acc.checked_mul(d));
    if total != Some(nbytes) {
        return Err(PyError::type_error(
            "memoryview: product(shape) * itemsize != buffer size",
        ));
    }
    let mut layout = Layout::contiguous(&dims, dtype.itemsize, Order::C);
    layout.offset_bytes = view.layout().offset_bytes;
    let v = view.view_with(&it.ctx, dtype, layout);
    Ok(it.memoryview_of(obj, v, readonly))
}

/// The dtype of a native single-character struct code (`memoryview.cast`).
fn struct_dtype(code: &str) -> Option<DType> {
    let code = code.strip_prefix('@').unwrap_or(code);
    Some(match code {
        "?" => DType::BOOL,
        "b" => DType::INT8,
        "B" | "c" => DType::UINT8,
        "h" => DType::INT16,
        "H" => DType::UINT16,
        "i" => DType::INT32,
        "I" => DType::UINT32,
        "l" | "q" | "n" => DType::INT64,
        "L" | "Q" | "N" => DType::UINT64,
        "f" => DType::FLOAT32,
        "d" => DType::FLOAT64,
        _ => return None,
    })
}

fn property(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (obj, view, readonly) = {
        let m = live(&a.this)?;
        (m.obj.clone(), m.view.clone(), m.readonly)
    };
    Ok(match a.func {
        "obj" => obj,
        "nbytes" => it.new_i64(view.nbytes() as i64),
        "readonly" => Value::Bool(readonly),
        "itemsize" => it.new_i64(view.itemsize() as i64),
        "format" => {
            let f = buffer_format(&view)?;
            it.new_str(f)
        }
        "ndim" => it.new_i64(view.ndim() as i64),
        "shape" => it.int_tuple(view.shape().iter().map(|&n| n as i128)),
        "strides" => it.int_tuple(view.strides().iter().map(|&s| s as i128)),
        "suboffsets" => it.new_tuple(vec![]),
        "c_contiguous" => Value::Bool(view.is_c_contiguous()),
        "f_contiguous" => Value::Bool(view.is_f_contiguous()),
        "contiguous" => Value::Bool(view.is_c_contiguous() || view.is_f_contiguous()),
        other => return Err(PyError::no_attribute(MEMORYVIEW, other)),
    })
}

/// An element or a 1-D slice: CPython's `memory_subscript`.
fn getitem(it: &mut Interp, me: &Value, idx: &Value) -> PyResult<Value> {
    let (obj, view, readonly) = {
        let m = live(me)?;
        (m.obj.clone(), m.view.clone(), m.readonly)
    };
    match idx {
        Value::Slice(_) => {
            if view.ndim() == 0 {
                return Err(PyError::type_error("invalid indexing of 0-dim memory"));
            }
            let arr = Value::Array(view.clone());
            let Value::Array(sub) = it.getitem(&arr, idx)? else {
                unreachable!("a slice of an array is an array")
            };
            Ok(it.memoryview_of(obj, sub, readonly))
        }
        Value::Ellipsis => Ok(me.clone()),
        Value::Tuple(t) if t.items.is_empty() && view.ndim() == 0 => element(it, &view, &[]),
        Value::Tuple(t) => {
            if t.items.iter().any(|x| matches!(x, Value::Slice(_))) {
                return Err(PyError::not_implemented(
                    "multi-dimensional slicing is not implemented",
                ));
            }
            if t.items.len() < view.ndim() {
                return Err(PyError::not_implemented("sub-views are not implemented"));
            }
            if t.items.len() > view.ndim() {
                return Err(PyError::type_error(format!(
                    "cannot index {}-dimension view with {}-element tuple",
                    view.ndim(),
                    t.items.len()
                )));
            }
            let at = index_of(it, &view, &t.items)?;
            element(it, &view, &at)
        }
        _ => {
            if view.ndim() == 0 {
                return Err(PyError::type_error("invalid indexing of 0-dim memory"));
            }
            if view.ndim() > 1 {
                return Err(PyError::not_implemented(
                    "multi-dimensional sub-views are not implemented",
                ));
            }
            let at = index_of(it, &view, std::slice::from_ref(idx))?;
            element(it, &view, &at)
        }
    }
}

/// The element at `at`, as CPython's struct unpacking gives it.
fn element(it: &mut Interp, view: &NdArray, at: &[usize]) -> PyResult<Value> {
    unpack_check(view)?;
    let s = view.get(at)?;
    Ok(it.to_python(&s))
}

/// Integer indices, bounds-checked per dimension as `memoryview` does.
fn index_of(it: &mut Interp, view: &NdArray, items: &[Value]) -> PyResult<Vec<usize>> {
    let mut at = Vec::with_capacity(items.len());
    for (dim, x) in items.iter().enumerate() {
        if !matches!(x, Value::Int(_) | Value::Bool(_) | Value::Scalar(_)) {
            return Err(PyError::type_error("memoryview: invalid slice key"));
        }
        let n = view.shape()[dim] as i64;
        let i = it.int_value(x, "")?.to_i64().unwrap_or(i64::MAX);
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyError::index(format!(
                "index out of bounds on dimension {}",
                dim + 1
            )));
        }
        at.push(j as usize);
    }
    Ok(at)
}

/// `m[i] = v`: one element of a writable 1-D view, checked as struct packing checks it.
fn setitem(it: &mut Interp, me: &Value, idx: &Value, v: Value) -> PyResult<()> {
    let (view, readonly) = {
        let m = live(me)?;
        (m.view.clone(), m.readonly)
    };
    if readonly {
        return Err(PyError::type_error("cannot modify read-only memory"));
    }
    let f = unpack_check(&view)?;
    let at = match idx {
        Value::Tuple(t) => index_of(it, &view, &t.items)?,
        Value::Slice(_) => {
            return Err(PyError::not_implemented(
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        _ if view.ndim() != 1 => {
            return Err(PyError::not_implemented("sub-views are not implemented"));
        }
        _ => index_of(it, &view, std::slice::from_ref(idx))?,
    };
    let kind = view.dtype().kind;
    let fits = matches!(
        (&v, kind),
        (Value::Bool(_), _)
            | (Value::Int(_), Kind::Int | Kind::UInt | Kind::Bool)
            | (Value::Int(_) | Value::Float(_), Kind::Float)
    );
    if !fits {
        return Err(PyError::type_error(format!(
            "memoryview: invalid type for format '{f}'"
        )));
    }
    if matches!(kind, Kind::Int | Kind::UInt) {
        let x = it.int_value(&v, "")?;
        let bits = view.itemsize() as u32 * 8;
        let ok = if kind == Kind::Int {
            x.to_i64()
                .is_some_and(|x| bits == 64 || (x >> (bits - 1)) == 0 || (x >> (bits - 1)) == -1)
        } else {
            x.to_i128().is_some_and(|x| x >= 0 && (x >> bits) == 0)
        };
        if !ok {
            return Err(PyError::value(format!(
                "memoryview: invalid value for format '{f}'"
            )));
        }
    }
    let arr = Value::Array(view.clone());
    let key = it.int_tuple(at.iter().map(|&i| i as i128));
    it.setitem(&arr, &key, v)
}

fn iter(it: &mut Interp, me: &Value) -> PyResult<Value> {
    let view = live(me)?.view.clone();
    if view.ndim() == 0 {
        return Err(PyError::type_error("invalid indexing of 0-dim memory"));
    }
    if view.ndim() > 1 {
        return Err(PyError::not_implemented(
            "multi-dimensional sub-views are not implemented",
        ));
    }
    unpack_check(&view)?;
    let items = (0..view.shape()[0])
        .map(|i| element(it, &view, &[i]))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(it.new_tuple(items))
}

fn len(_: &mut Interp, me: &Value) -> PyResult<usize> {
    let view = live(me)?.view.clone();
    Ok(view.shape().first().copied().unwrap_or(1))
}

fn repr(it: &mut Interp, me: &Value) -> PyResult<String> {
    let released = state_of::<MemView>(me, MEMORYVIEW)?.released;
    let addr = it.id_of(me);
    Ok(if released {
        format!("<released memory at {addr:#x}>")
    } else {
        format!("<memory at {addr:#x}>")
    })
}

/// `==`/`!=` compare shapes and element values (formats may differ); any bytes-like object
/// takes part. Order comparisons are not defined.
fn compare(it: &mut Interp, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
    if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return Ok(None);
    }
    let same = match (it.exported(a)?, it.exported(b)?) {
        (Some((x, _)), Some((y, _))) => {
            *x.shape() == *y.shape() && unpack_check(&x).is_ok() && unpack_check(&y).is_ok() && {
                let l = it.tolist(&x, &mut Vec::new())?;
                let r = it.tolist(&y, &mut Vec::new())?;
                let eq = it.compare(&l, CmpOp::Eq, &r)?;
                it.truthy(&eq)?
            }
        }
        _ => false,
    };
    Ok(Some(same == (op == CmpOp::Eq)))
}

/// Read-only byte views hash as their bytes; writable memory cannot be hashed.
fn hash(it: &mut Interp, me: &Value) -> PyResult<i64> {
    let (view, readonly) = {
        let m = live(me)?;
        (m.view.clone(), m.readonly)
    };
    if !readonly {
        return Err(PyError::value("cannot hash writable memoryview object"));
    }
    let f = buffer_format(&view)?;
    if !matches!(f.as_str(), "B" | "b" | "c") {
        return Err(PyError::value(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    let b = it.exported_bytes(me)?.unwrap_or_default();
    let b = it.new_bytes(b);
    it.py_hash(&b)
}
