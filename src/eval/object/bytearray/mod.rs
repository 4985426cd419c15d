//! `bytearray`: CPython's mutable bytes, kept in a buffer the buffer protocol exports, so
//! `np.frombuffer(ba)` and `memoryview(ba)` are views that write through to it, and CPython's
//! rule that exported memory cannot move is visible: resizing an exported bytearray is a
//! `BufferError`. Its allocation follows `PyByteArray_Resize` (`sys.getsizeof` = 56 + the
//! allocated bytes), including the logical start `del ba[:n]` advances instead of moving bytes.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::{is_native, state_of};
use crate::eval::object::ops::as_int;
use crate::eval::object::sequences::adjust_slice;
use crate::eval::object::value::*;
use crate::runtime::buffer::Buffer;
use crate::runtime::layout::{Layout, Order};
use crate::runtime::{DType, NdArray};
use crate::syntax::ast::{BinOp, CmpOp};

mod methods;

pub use methods::ROWS;

const BYTEARRAY: &str = "bytearray";

/// A bytearray's state: CPython's `ob_bytes` (`alloc` bytes), `ob_start - ob_bytes` and
/// `Py_SIZE`. The buffer is shared with every view exported from it; while one lives
/// (`Rc` count > 1) the bytes must not move.
pub(crate) struct ByteArray {
    buf: Rc<Buffer>,
    start: usize,
    len: usize,
    alloc: usize,
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

/// CPython's `PyByteArrayObject` without its allocation.
const BASIC_SIZE: usize = 56;

fn state(v: &Value) -> PyResult<std::cell::RefMut<'_, ByteArray>> {
    state_of::<ByteArray>(v, BYTEARRAY)
}

/// Whether `v` is a bytearray.
pub(crate) fn is_bytearray(v: &Value) -> bool {
    is_native::<ByteArray>(v)
}

impl ByteArray {
    fn bytes(&self) -> PyResult<Vec<u8>> {
        Ok(self.buf.bytes()?[self.start..self.start + self.len].to_vec())
    }

    fn exported(&self) -> bool {
        Rc::strong_count(&self.buf) > 1
    }

    fn can_resize(&self) -> PyResult<()> {
        if self.exported() {
            return Err(PyError::new(
                ErrorKind::BufferError,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }

    /// `PyByteArray_Resize`: keep the bytes where they are when they fit and the size does
    /// not fall under half the allocation, else move them to a new allocation (over-allocated
    /// by an eighth on moderate growth).
    fn resize(&mut self, it: &Interp, size: usize) -> PyResult<()> {
        if size == self.len {
            return Ok(());
        }
        self.can_resize()?;
        let mut alloc = self.alloc;
        if size + self.start < alloc {
            if size < alloc / 2 {
                alloc = size + 1;
            } else {
                self.len = size;
                return Ok(());
            }
        } else if size as f64 <= alloc as f64 * 1.125 {
            alloc = size + (size >> 3) + if size < 9 { 3 } else { 6 };
        } else {
            alloc = size + 1;
        }
        let buf = new_buffer(it, alloc)?;
        let keep = size.min(self.len);
        buf.bytes_mut()?[..keep].copy_from_slice(&self.buf.bytes()?[self.start..self.start + keep]);
        self.buf = buf;
        self.start = 0;
        self.alloc = alloc;
        self.len = size;
        Ok(())
    }

    /// `pop`/`remove`: the tail moves down one byte, then the size shrinks (no logical start).
    fn delete_at(&mut self, it: &Interp, j: usize) -> PyResult<()> {
        self.can_resize()?;
        let (s, n) = (self.start, self.len);
        self.buf.bytes_mut()?.copy_within(s + j + 1..s + n, s + j);
        self.resize(it, n - 1)
    }

    /// Extended-slice deletion: the kept bytes are compacted in place, then the size shrinks.
    fn replace_all(&mut self, it: &Interp, kept: &[u8]) -> PyResult<()> {
        self.can_resize()?;
        let s = self.start;
        self.buf.bytes_mut()?[s..s + kept.len()].copy_from_slice(kept);
        self.resize(it, kept.len())
    }

    /// `bytearray_setslice_linear`: replace `[lo, hi)` with `bytes`, growing or shrinking.
    fn set_slice(&mut self, it: &Interp, lo: usize, hi: usize, bytes: &[u8]) -> PyResult<()> {
        let avail = hi - lo;
        let old = self.len;
        if bytes.len() < avail {
            self.can_resize()?;
            let shrink = avail - bytes.len();
            if lo == 0 {
                // shrink by advancing the logical start (Py_SIZE is still the old size)
                self.start += shrink;
                if let Err(e) = self.resize(it, old - shrink) {
                    self.start -= shrink;
                    return Err(e);
                }
            } else {
                let s = self.start;
                self.buf
                    .bytes_mut()?
                    .copy_within(s + hi..s + old, s + lo + bytes.len());
                self.resize(it, old - shrink)?;
            }
        } else if bytes.len() > avail {
            let grow = bytes.len() - avail;
            self.resize(it, old + grow)?;
            let s = self.start;
            self.buf
                .bytes_mut()?
                .copy_within(s + hi..s + old, s + lo + bytes.len());
        }
        let s = self.start;
        self.buf.bytes_mut()?[s + lo..s + lo + bytes.len()].copy_from_slice(bytes);
        Ok(())
    }
}

/// A zeroed allocation of `alloc` bytes, counted against the budget.
fn new_buffer(it: &Interp, alloc: usize) -> PyResult<Rc<Buffer>> {
    it.gate(alloc as u128)?;
    Buffer::zeroed(&it.ctx.heap, alloc, &[alloc], BYTEARRAY)
}

impl Interp {
    /// A new bytearray holding `bytes` (`PyByteArray_FromStringAndSize`: exact allocation plus
    /// the trailing NUL, none for an empty one).
    pub(crate) fn new_bytearray(&mut self, bytes: &[u8]) -> PyResult<Value> {
        let alloc = if bytes.is_empty() { 0 } else { bytes.len() + 1 };
        let buf = new_buffer(self, alloc)?;
        buf.bytes_mut()?[..bytes.len()].copy_from_slice(bytes);
        Ok(self.native_obj(
            BYTEARRAY,
            &[BYTEARRAY],
            &SLOTS,
            BASIC_SIZE,
            ByteArray {
                buf,
                start: 0,
                len: bytes.len(),
                alloc,
            },
        ))
    }

    /// The memory a bytearray exports: a writable uint8 view of its bytes.
    pub(crate) fn bytearray_export(&self, v: &Value) -> PyResult<Option<Rc<NdArray>>> {
        if !is_bytearray(v) {
            return Ok(None);
        }
        let ba = state(v)?;
        let mut layout = Layout::contiguous(&[ba.len], 1, Order::C);
        layout.offset_bytes = ba.start as isize;
        let Value::Native(holder) = v else {
            unreachable!("is_bytearray saw a native object")
        };
        let holder: Rc<dyn std::any::Any> = holder.clone();
        let view = NdArray::over_foreign(&self.ctx, ba.buf.clone(), DType::UINT8, layout, holder);
        Ok(Some(view.into_writable_export()))
    }

    /// `sys.getsizeof(ba)`: the object and its allocation.
    pub(crate) fn bytearray_sizeof(&self, v: &Value) -> Option<usize> {
        is_bytearray(v)
            .then(|| state(v).ok().map(|b| BASIC_SIZE + b.alloc))
            .flatten()
    }

    /// The bytes of any bytes-like object (bytes, bytearray, an exporter), or `None`.
    fn bytes_like(&mut self, v: &Value) -> PyResult<Option<Vec<u8>>> {
        match v {
            Value::Bytes(b) => Ok(Some(b.v.clone())),
            _ if is_bytearray(v) => Ok(Some(state(v)?.bytes()?)),
            _ => self.exported_bytes(v),
        }
    }

    /// `+`, `*` and `in`-free operators with a bytearray on either side (`None`: not ours).
    pub(crate) fn bytearray_binary(
        &mut self,
        a: &Value,
        op: BinOp,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        let (left, right) = (is_bytearray(a), is_bytearray(b));
        if !left && !right {
            return Ok(None);
        }
        match op {
            BinOp::Add if left => {
                let x = state(a)?.bytes()?;
                let Some(y) = self.bytes_like(b)? else {
                    return Err(PyError::type_error(format!(
                        "can't concat {} to bytearray",
                        b.type_name()
                    )));
                };
                self.gate((x.len() + y.len()) as u128)?;
                Ok(Some(self.new_bytearray(&[x, y].concat())?))
            }
            // bytes + bytearray is bytes (bytes' own concat takes any buffer)
            BinOp::Add if matches!(a, Value::Bytes(_)) => {
                let (Value::Bytes(x), y) = (a, state(b)?.bytes()?) else {
                    unreachable!("matched above")
                };
                self.gate((x.v.len() + y.len()) as u128)?;
                Ok(Some(self.new_bytes([x.v.clone(), y].concat())))
            }
            BinOp::Mul => {
                let (ba, n) = if left { (a, b) } else { (b, a) };
                let Some(n) = self.index_int(n) else {
                    return Ok(None);
                };
                let x = state(ba)?.bytes()?;
                let n = n
                    .to_i64()
                    .ok_or_else(PyError::cannot_fit_index_sized)?
                    .max(0) as u128;
                self.gate(x.len() as u128 * n)?;
                Ok(Some(self.new_bytearray(&x.repeat(n as usize))?))
            }
            _ => Ok(None),
        }
    }

    /// `ba += x`, `ba *= n`: in place (`bytearray_iconcat`, `bytearray_irepeat`).
    pub(crate) fn bytearray_inplace(
        &mut self,
        cur: &Value,
        op: BinOp,
        rhs: &Value,
    ) -> PyResult<Option<Value>> {
        if !is_bytearray(cur) {
            return Ok(None);
        }
        match op {
            BinOp::Add => {
                let Some(y) = self.bytes_like(rhs)? else {
                    return Err(PyError::type_error(format!(
                        "can't concat {} to bytearray",
                        rhs.type_name()
                    )));
                };
                let mut ba = state(cur)?;
                let n = ba.len;
                ba.set_slice(self, n, n, &y)?;
            }
            BinOp::Mul => {
                let Some(n) = self.index_int(rhs) else {
                    return Ok(None);
                };
                let n = n
                    .to_i64()
                    .ok_or_else(PyError::cannot_fit_index_sized)?
                    .max(0) as usize;
                let mut ba = state(cur)?;
                if n != 1 {
                    let x = ba.bytes()?;
                    self.gate(x.len() as u128 * n as u128)?;
                    ba.resize(self, x.len() * n)?;
                    let s = ba.start;
                    ba.buf.bytes_mut()?[s..s + x.len() * n].copy_from_slice(&x.repeat(n));
                }
            }
            _ => return Ok(None),
        }
        Ok(Some(cur.clone()))
    }

    /// `x in ba` and `x in b'...'`: a byte value, or a bytes-like subsequence.
    pub(crate) fn bytes_contains(&mut self, container: &[u8], x: &Value) -> PyResult<bool> {
        if let Some(i) = self.index_int(x) {
            let b = byte_value(i.to_i64())?;
            return Ok(container.contains(&b));
        }
        match self.bytes_like(x)? {
            Some(sub) => Ok(find_sub(container, &sub, 0, container.len()).is_some()),
            None => Err(PyError::bytes_like_required("", &x.type_name())),
        }
    }

    /// The bytes of a bytearray container, for `in` (`None`: not a bytearray).
    pub(crate) fn bytearray_bytes(&self, v: &Value) -> PyResult<Option<Vec<u8>>> {
        if is_bytearray(v) {
            Ok(Some(state(v)?.bytes()?))
        } else {
            Ok(None)
        }
    }

    /// `del ba[i]`, `del ba[i:j:k]`.
    pub(crate) fn bytearray_delitem(&mut self, me: &Value, idx: &Value) -> PyResult<()> {
        let n = state(me)?.len;
        if let Value::Slice(s) = idx {
            let [a, b, c] = self.slice_bounds(s)?;
            let r = adjust_slice(a, b, c, n)?;
            let mut ba = state(me)?;
            if r.step == 1 || r.len == 0 {
                let lo = r.start.clamp(0, n as i128) as usize;
                return ba.set_slice(self, lo, lo + r.len, &[]);
            }
            let drop: Vec<usize> = r.positions().collect();
            let kept: Vec<u8> = ba
                .bytes()?
                .into_iter()
                .enumerate()
                .filter(|(i, _)| !drop.contains(i))
                .map(|(_, b)| b)
                .collect();
            return ba.replace_all(self, &kept);
        }
        let i = self.item_index(idx, n)?;
        state(me)?.set_slice(self, i, i + 1, &[])
    }

    /// An integer subscript of a bytearray of `n` bytes, counted from the end when negative.
    fn item_index(&mut self, idx: &Value, n: usize) -> PyResult<usize> {
        let Some(i) = self.index_int(idx) else {
            return Err(PyError::sequence_index_type("bytearray", &idx.type_name()));
        };
        let i = i.to_i64().ok_or_else(PyError::cannot_fit_index_sized)? as i128;
        let j = if i < 0 { i + n as i128 } else { i };
        if j < 0 || j >= n as i128 {
            return Err(PyError::index("bytearray index out of range"));
        }
        Ok(j as usize)
    }

    /// The bytes `bytearray(...)`/`bytes(...)` make of their source: `what` names the type in
    /// CPython's messages.
    pub(crate) fn bytes_from_ints(&mut self, source: &Value, what: &str) -> PyResult<Vec<u8>> {
        let Ok(mut items) = self.iterate(source) else {
            return Err(PyError::type_error(format!(
                "cannot convert '{}' object to {what}",
                source.type_name()
            )));
        };
        let mut out = Vec::new();
        while let Some(x) = items.next(self)? {
            self.check_items(out.len())?;
            let b = self.int_value(&x, "")?.to_i64().unwrap_or(-1);
            out.push(u8::try_from(b).map_err(|_| {
                PyError::value(if what == "bytes" {
                    "bytes must be in range(0, 256)"
                } else {
                    "byte must be in range(0, 256)"
                })
            })?);
        }
        Ok(out)
    }
}

/// `_getbytevalue`: an int in range(0, 256).
fn byte_value(i: Option<i64>) -> PyResult<u8> {
    i.and_then(|i| u8::try_from(i).ok())
        .ok_or_else(|| PyError::value("byte must be in range(0, 256)"))
}

fn item_byte(it: &mut Interp, v: &Value) -> PyResult<u8> {
    let i = it.int_value(v, "")?;
    byte_value(i.to_i64())
}

fn find_sub(hay: &[u8], sub: &[u8], lo: usize, hi: usize) -> Option<usize> {
    if lo > hi || hi > hay.len() {
        return None;
    }
    if sub.is_empty() {
        return Some(lo);
    }
    hay[lo..hi]
        .windows(sub.len())
        .position(|w| w == sub)
        .map(|p| p + lo)
}

fn getitem(it: &mut Interp, me: &Value, idx: &Value) -> PyResult<Value> {
    let bytes = state(me)?.bytes()?;
    if let Value::Slice(s) = idx {
        let [a, b, c] = it.slice_bounds(s)?;
        let r = adjust_slice(a, b, c, bytes.len())?;
        let picked: Vec<u8> = r.positions().map(|i| bytes[i]).collect();
        return it.new_bytearray(&picked);
    }
    let i = it.item_index(idx, bytes.len())?;
    Ok(it.new_i64(bytes[i] as i64))
}

fn setitem(it: &mut Interp, me: &Value, idx: &Value, v: Value) -> PyResult<()> {
    let n = state(me)?.len;
    let Value::Slice(s) = idx else {
        let b = item_byte(it, &v)?;
        let i = it.item_index(idx, n)?;
        let ba = state(me)?;
        let s = ba.start;
        ba.buf.bytes_mut()?[s + i] = b;
        return Ok(());
    };
    if as_int(&v).is_some()
        || matches!(
            v,
            Value::Float(_) | Value::Complex(_) | Value::Str(_) | Value::Scalar(_)
        )
    {
        return Err(PyError::type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    let values = match it.bytes_like(&v)? {
        Some(b) => b,
        None => it.bytes_from_ints(&v, BYTEARRAY)?,
    };
    let [a, b, c] = it.slice_bounds(s)?;
    let r = adjust_slice(a, b, c, n)?;
    let mut ba = state(me)?;
    if r.step == 1 {
        let lo = r.start.clamp(0, n as i128) as usize;
        return ba.set_slice(it, lo, lo + r.len, &values);
    }
    if values.len() != r.len {
        return Err(PyError::value(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            values.len(),
            r.len
        )));
    }
    let st = ba.start;
    let mut mem = ba.buf.bytes_mut()?;
    for (k, p) in r.positions().enumerate() {
        mem[st + p] = values[k];
    }
    Ok(())
}

fn iter(it: &mut Interp, me: &Value) -> PyResult<Value> {
    let bytes = state(me)?.bytes()?;
    let items = bytes.iter().map(|&b| it.new_i64(b as i64)).collect();
    Ok(it.new_tuple(items))
}

fn len(_: &mut Interp, me: &Value) -> PyResult<usize> {
    Ok(state(me)?.len)
}

fn repr(_: &mut Interp, me: &Value) -> PyResult<String> {
    let b = state(me)?.bytes()?;
    Ok(format!(
        "bytearray({})",
        crate::runtime::print::bytes_repr(&b)
    ))
}

/// Byte-wise comparison with any bytes-like object; `==` with anything else is False.
fn compare(it: &mut Interp, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
    let (x, y) = match (it.bytes_like(a)?, it.bytes_like(b)?) {
        (Some(x), Some(y)) if !matches!(a, Value::Array(_)) && !matches!(b, Value::Array(_)) => {
            (x, y)
        }
        _ => {
            return Ok(match op {
                CmpOp::Eq => Some(false),
                CmpOp::NotEq => Some(true),
                _ => None,
            });
        }
    };
    Ok(Some(match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => return Ok(None),
    }))
}

fn hash(_: &mut Interp, _: &Value) -> PyResult<i64> {
    Err(PyError::type_error("unhashable type: 'bytearray'"))
}
