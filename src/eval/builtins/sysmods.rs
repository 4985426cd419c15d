//! `sys.getsizeof` with CPython 3.11's and NumPy 2.x's numbers for every object arrsh makes
//! (the `sys` module's row is in `modules::sys`).

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::objects::{int_size, str_size};
use crate::eval::object::value::*;
use crate::runtime::Scalar;

impl Interp {
    /// `sys.getsizeof(v)`: what CPython 3.11 and NumPy 2.x report — the object itself, never
    /// what it refers to.
    pub fn getsizeof(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::None => 16,
            // bool is an int with one digit (False too, since 3.11 counts at least one)
            Value::Bool(_) => 28,
            Value::Int(i) => int_size(&i.v),
            Value::Float(_) => 24,
            Value::Complex(_) => 32,
            Value::Str(s) => str_size(&s.v),
            Value::Bytes(b) => 33 + b.v.len(),
            // the containers count their GC header (16 bytes)
            Value::Tuple(t) => 40 + 8 * t.items.len(),
            Value::List(l) => 56 + 8 * l.capacity.get(),
            Value::Dict(d) => crate::eval::object::dictobj::dict_sizeof(d),
            Value::Set(s) => s.table.borrow().sizeof(),
            Value::Range(_) => 48,
            Value::Slice(_) => 56,
            // NumPy: the object (96 bytes incl. GC header) + shape and strides + owned data
            Value::Array(a) => 96 + 16 * a.ndim() + if a.owns_data() { a.nbytes() } else { 0 },
            Value::Scalar(s) => scalar_sizeof(s),
            Value::Iter(it) => match it.kind {
                "zip" => 64,
                "enumerate" => 72,
                "generator" => it.id.size(),
                _ => 48,
            },
            Value::DType(_) => 120,
            Value::Type(_) => 424,
            Value::Builtin(_) | Value::Method(_) => 72,
            Value::Function(_) => 152,
            Value::BoundMethod(x) => x.id.size(),
            Value::Class(x) => x.id.size(),
            Value::Instance(x) => x.id.size(),
            Value::Exception(x) => x.id.size(),
            Value::Descr(x) => x.id.size(),
            Value::Cell(x) => x.id.size(),
            Value::Native(x) => self.bytearray_sizeof(v).unwrap_or(x.id.size()),
            Value::Module(_) => 72,
            _ => 72,
        })
    }
}

/// NumPy's `gentype_sizeof`: the scalar object (16 bytes of header plus the value, at least 8)
/// plus its itemsize; `bytes_` and `str_` are sized as the Python objects they subclass.
fn scalar_sizeof(s: &NpScalar) -> usize {
    match &s.v {
        Scalar::Bytes(b) => 40 + 2 * b.len(),
        Scalar::Str(t) => {
            // a non-compact str: 80 bytes, then (n + 1) characters of its kind
            let kind = match t.chars().map(|c| c as u32).max().unwrap_or(0) {
                0..=0xff => 1,
                0x100..=0xffff => 2,
                _ => 4,
            };
            80 + (t.chars().count() + 1) * kind
        }
        _ => {
            let n = s.dtype.itemsize;
            n + 16 + n.max(8)
        }
    }
}
