//! Calling things: Python's builtin functions and type constructors (`print`, `len`, `id`,
//! `range`, `int(...)`...), `sys`/`time`/`math`, lambdas; NumPy's functions are in `numpy`.

use std::rc::Rc;

use num_bigint::BigInt;

use super::Interp;
use super::args::Args;
use super::objects::{int_size, str_size};
use super::ops::{as_float, as_int};
use super::pyint::Int;
use super::value::*;
use crate::error::{ErrorKind, PyError, PyResult};
use crate::runtime::{DType, Kind, Scalar};

impl Interp {
    /// `f(*args, **kw)`.
    pub fn call(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        self.ctx.check_interrupt()?;
        match f {
            Value::Builtin(b) => {
                let name = b.name;
                if let Some(np) = name.strip_prefix("numpy.") {
                    let _ = np;
                    return self.call_numpy(name, args, kw);
                }
                self.call_builtin(name, args, kw)
            }
            Value::Method(m) => {
                let (obj, name) = (m.obj.clone(), m.name.clone());
                self.call_method(&obj, &name, args, kw)
            }
            Value::Type(t) => self.call_type(t.kind, args, kw),
            Value::Function(l) => {
                if let Some((k, _)) = kw.first() {
                    return Err(PyError::unexpected_keyword("<lambda>", k));
                }
                let l = l.clone();
                self.call_lambda(&l, args)
            }
            Value::DType(d) => {
                // np.dtype('int64')(5) is not valid numpy either; dtype.type(5) is
                Err(PyError::not_callable(&format!(
                    "numpy.dtypes.{}",
                    dtype_class_name(d.dtype)
                )))
            }
            other => Err(PyError::not_callable(&other.type_name())),
        }
    }

    fn call_builtin(
        &mut self,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let mut p = Args::new(name, args, kw);
        Ok(match name {
            "print" => {
                let sep = p.kw_only("sep");
                let end = p.kw_only("end");
                let _file = p.kw_only("file");
                let _flush = p.kw_only("flush");
                let items = p.rest(0);
                p.finish()?;
                let sep = match sep {
                    None | Some(Value::None) => " ".to_string(),
                    Some(Value::Str(s)) => s.v.clone(),
                    Some(o) => {
                        return Err(PyError::type_error(format!(
                            "sep must be None or a string, not {}",
                            o.type_name()
                        )));
                    }
                };
                let end = match end {
                    None | Some(Value::None) => "\n".to_string(),
                    Some(Value::Str(s)) => s.v.clone(),
                    Some(o) => {
                        return Err(PyError::type_error(format!(
                            "end must be None or a string, not {}",
                            o.type_name()
                        )));
                    }
                };
                let mut parts = Vec::with_capacity(items.len());
                for it in &items {
                    parts.push(self.str(it)?);
                }
                let line = parts.join(&sep) + &end;
                self.write_out(&line);
                Value::None
            }
            "len" => {
                let v = p.req(0, "obj")?;
                p.finish()?;
                let n = self.len_of(&v)?;
                self.new_i64(n as i64)
            }
            "id" => {
                let v = p.req(0, "obj")?;
                p.finish()?;
                let id = self.id_of(&v);
                self.new_int(Int::from_u64(id))
            }
            "repr" => {
                let v = p.req(0, "obj")?;
                p.finish()?;
                let r = self.repr(&v)?;
                self.new_str(r)
            }
            "format" => {
                let v = p.req(0, "value")?;
                let spec = p.opt(1, "format_spec")?;
                p.finish()?;
                let spec = match spec {
                    Some(Value::Str(s)) => s.v.clone(),
                    _ => String::new(),
                };
                let r = self.format_value(&v, &spec)?;
                self.new_str(r)
            }
            "hex" | "oct" | "bin" => {
                let v = p.req(0, "number")?;
                p.finish()?;
                let i = self.int_value(&v, "")?;
                let mag = i.abs().to_big();
                let (prefix, digits) = match name {
                    "hex" => ("0x", format!("{mag:x}")),
                    "oct" => ("0o", format!("{mag:o}")),
                    _ => ("0b", format!("{mag:b}")),
                };
                self.new_str(format!(
                    "{}{prefix}{digits}",
                    if i.is_negative() { "-" } else { "" }
                ))
            }
            "abs" => {
                let v = p.req(0, "x")?;
                p.finish()?;
                match &v {
                    Value::Int(_) | Value::Bool(_) => {
                        let i = as_int(&v).unwrap_or(Int::Small(0));
                        self.new_int(i.abs())
                    }
                    Value::Float(f) => self.new_float(f.v.abs()),
                    Value::Complex(c) => self.new_float(c.re.hypot(c.im)),
                    Value::Array(_) | Value::Scalar(_) => {
                        return self.call_numpy("numpy.abs", vec![v.clone()], vec![]);
                    }
                    other => return Err(PyError::bad_operand_unary("abs()", &other.type_name())),
                }
            }
            "zip" => {
                let items = p.rest(0);
                p.finish()?;
                let mut iters = Vec::with_capacity(items.len());
                for (i, it) in items.iter().enumerate() {
                    iters.push(self.make_iter(it).map_err(|_| {
                        PyError::type_error(format!(
                            "zip argument #{} must support iteration",
                            i + 1
                        ))
                    })?);
                }
                self.new_iter("zip", IterState::Zip(iters))
            }
            "enumerate" => {
                let it = p.req(0, "iterable")?;
                let start = p.opt(1, "start")?;
                p.finish()?;
                let start = match start {
                    Some(v) => self.int_value(&v, "")?.to_big(),
                    None => BigInt::from(0),
                };
                self.new_enumerate(&it, start)?
            }
            "map" => {
                let f = p.req(0, "function")?;
                let items = p.rest(1);
                p.finish()?;
                let mut iters = Vec::with_capacity(items.len());
                for it in &items {
                    iters.push(self.make_iter(it)?);
                }
                self.new_iter("map", IterState::Map { func: f, iters })
            }
            "filter" => {
                let f = p.req(0, "function")?;
                let it = p.req(1, "iterable")?;
                p.finish()?;
                let mut kept = std::collections::VecDeque::new();
                for x in self.collect(&it)? {
                    let keep = if f.is_none() {
                        x.clone()
                    } else {
                        self.call(&f, vec![x.clone()], vec![])?
                    };
                    if self.truthy(&keep)? {
                        kept.push_back(x);
                    }
                }
                self.new_iter("filter", IterState::Values(kept))
            }
            "iter" => {
                let v = p.req(0, "object")?;
                p.finish()?;
                self.make_iter(&v)?
            }
            "next" => {
                let v = p.req(0, "iterator")?;
                let default = p.opt(1, "default")?;
                p.finish()?;
                let Value::Iter(it) = &v else {
                    return Err(PyError::type_error(format!(
                        "'{}' object is not an iterator",
                        v.type_name()
                    )));
                };
                match self.iter_next(it)? {
                    Some(x) => x,
                    None => default.ok_or_else(|| PyError::new(ErrorKind::StopIteration, ""))?,
                }
            }
            "reversed" => {
                let v = p.req(0, "sequence")?;
                p.finish()?;
                if !matches!(
                    v,
                    Value::List(_)
                        | Value::Tuple(_)
                        | Value::Str(_)
                        | Value::Range(_)
                        | Value::Array(_)
                        | Value::Bytes(_)
                ) {
                    return Err(PyError::type_error(format!(
                        "'{}' object is not reversible",
                        v.type_name()
                    )));
                }
                let kind = match v {
                    Value::List(_) => "list_reverseiterator",
                    Value::Range(_) => "range_iterator",
                    _ => "reversed",
                };
                self.new_iter(
                    kind,
                    IterState::Seq {
                        seq: v,
                        pos: 0,
                        reversed: true,
                    },
                )
            }
            "sorted" => {
                let v = p.req(0, "iterable")?;
                let reverse = p.kw_only("reverse");
                let _key = p.kw_only("key");
                p.finish()?;
                let mut items = self.collect(&v)?;
                self.sort_values(&mut items)?;
                if let Some(r) = reverse
                    && self.truthy(&r)?
                {
                    items.reverse();
                }
                self.new_list(items)
            }
            "sum" => {
                let it = p.req(0, "iterable")?;
                let start = p.opt(1, "start")?;
                p.finish()?;
                let mut acc = start.unwrap_or_else(|| self.new_i64(0));
                let mut iter = self.iterate(&it)?;
                while let Some(x) = iter.next(self)? {
                    acc = self.binary_op(&acc, crate::syntax::ast::BinOp::Add, &x)?;
                }
                acc
            }
            "min" | "max" => {
                let _key = p.kw_only("key");
                let default = p.kw_only("default");
                let items = p.rest(0);
                p.finish()?;
                let values = if items.len() == 1 {
                    self.collect(&items[0])?
                } else {
                    items
                };
                let mut best: Option<Value> = None;
                for x in values {
                    best = Some(match best {
                        None => x,
                        Some(b) => {
                            let op = if name == "min" {
                                crate::syntax::ast::CmpOp::Lt
                            } else {
                                crate::syntax::ast::CmpOp::Gt
                            };
                            let r = self.compare(&x, op, &b)?;
                            if self.truthy(&r)? { x } else { b }
                        }
                    });
                }
                match (best, default) {
                    (Some(b), _) => b,
                    (None, Some(d)) => d,
                    (None, None) => {
                        return Err(PyError::value(format!("{name}() arg is an empty sequence")));
                    }
                }
            }
            "any" | "all" => {
                let it = p.req(0, "iterable")?;
                p.finish()?;
                let mut iter = self.iterate(&it)?;
                let want = name == "any";
                while let Some(x) = iter.next(self)? {
                    if self.truthy(&x)? == want {
                        return Ok(Value::Bool(want));
                    }
                }
                Value::Bool(!want)
            }
            "isinstance" => {
                let v = p.req(0, "obj")?;
                let t = p.req(1, "class_or_tuple")?;
                p.finish()?;
                let types = match &t {
                    Value::Tuple(tt) => tt.items.clone(),
                    other => vec![other.clone()],
                };
                let mut hit = false;
                for ty in &types {
                    let Value::Type(ty) = ty else {
                        return Err(PyError::type_error(
                            "isinstance() arg 2 must be a type, a tuple of types, or a union",
                        ));
                    };
                    hit |= self.is_instance(&v, ty.kind);
                }
                Value::Bool(hit)
            }
            "round" => {
                let v = p.req(0, "number")?;
                let nd = p.opt(1, "ndigits")?;
                p.finish()?;
                match (&v, nd) {
                    (Value::Int(_) | Value::Bool(_), _) => {
                        self.new_int(as_int(&v).unwrap_or(Int::Small(0)))
                    }
                    (Value::Float(f), None | Some(Value::None)) => {
                        let r = round_half_even(f.v);
                        if !r.is_finite() {
                            return Err(PyError::overflow(
                                "cannot convert float infinity to integer",
                            ));
                        }
                        self.new_int(Int::from_big(BigInt::from(r as i128)))
                    }
                    (Value::Float(f), Some(n)) => {
                        let n = self.int_value(&n, "")?.to_i64().unwrap_or(0) as i32;
                        let s = format!("{:.*}", n.max(0) as usize, f.v);
                        self.new_float(s.parse().unwrap_or(f.v))
                    }
                    (other, _) => {
                        return Err(PyError::type_error(format!(
                            "type {} doesn't define __round__ method",
                            other.type_name()
                        )));
                    }
                }
            }
            "divmod" => {
                let a = p.req(0, "x")?;
                let b = p.req(1, "y")?;
                p.finish()?;
                if let Some(t) = self.numpy_divmod(&a, &b)? {
                    return Ok(t);
                }
                let q = self.binary_op(&a, crate::syntax::ast::BinOp::FloorDiv, &b)?;
                let r = self.binary_op(&a, crate::syntax::ast::BinOp::Mod, &b)?;
                self.new_tuple(vec![q, r])
            }
            "pow" => {
                let a = p.req(0, "base")?;
                let b = p.req(1, "exp")?;
                p.finish()?;
                self.binary_op(&a, crate::syntax::ast::BinOp::Pow, &b)?
            }
            "ord" => {
                let v = p.req(0, "c")?;
                p.finish()?;
                match &v {
                    Value::Str(s) if s.v.chars().count() == 1 => {
                        self.new_i64(s.v.chars().next().map_or(0, |c| c as i64))
                    }
                    Value::Bytes(b) if b.v.len() == 1 => self.new_i64(b.v[0] as i64),
                    Value::Str(s) => {
                        return Err(PyError::type_error(format!(
                            "ord() expected a character, but string of length {} found",
                            s.v.chars().count()
                        )));
                    }
                    other => {
                        return Err(PyError::type_error(format!(
                            "ord() expected string of length 1, but {} found",
                            other.type_name()
                        )));
                    }
                }
            }
            "chr" => {
                let v = p.req(0, "i")?;
                p.finish()?;
                let i = self.int_value(&v, "")?.to_i64().unwrap_or(-1);
                let c = u32::try_from(i)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| PyError::value("chr() arg not in range(0x110000)"))?;
                self.new_str(c.to_string())
            }
            "getattr" | "hasattr" => {
                let o = p.req(0, "object")?;
                let n = p.req(1, "name")?;
                let default = p.opt(2, "default")?;
                p.finish()?;
                let Value::Str(n) = &n else {
                    return Err(PyError::type_error("attribute name must be string"));
                };
                match (self.getattr(&o, &n.v), name, default) {
                    (Ok(v), "getattr", _) => v,
                    (Ok(_), _, _) => Value::Bool(true),
                    (Err(e), "getattr", None) => return Err(e),
                    (Err(_), "getattr", Some(d)) => d,
                    (Err(_), _, _) => Value::Bool(false),
                }
            }
            "setattr" => {
                let o = p.req(0, "obj")?;
                let n = p.req(1, "name")?;
                let v = p.req(2, "value")?;
                p.finish()?;
                let Value::Str(n) = &n else {
                    return Err(PyError::type_error("attribute name must be string"));
                };
                self.setattr(&o, &n.v, v)?;
                Value::None
            }
            "callable" => {
                let v = p.req(0, "obj")?;
                p.finish()?;
                Value::Bool(matches!(
                    v,
                    Value::Builtin(_) | Value::Method(_) | Value::Type(_) | Value::Function(_)
                ))
            }
            "hash" => {
                let v = p.req(0, "obj")?;
                p.finish()?;
                self.hash_key(&v)?;
                match &v {
                    Value::Int(_) | Value::Bool(_) => {
                        self.new_int(as_int(&v).unwrap_or(Int::Small(0)))
                    }
                    _ => {
                        let id = self.id_of(&v);
                        self.new_i64((id >> 4) as i64)
                    }
                }
            }
            "dir" | "vars" | "globals" => {
                let _ = p.rest(0);
                p.finish()?;
                let mut names: Vec<String> = self
                    .globals
                    .keys()
                    .filter(|k| !k.starts_with('_'))
                    .cloned()
                    .collect();
                names.sort();
                let vals = names.into_iter().map(|n| self.new_str(n)).collect();
                self.new_list(vals)
            }
            "sys.getsizeof" => {
                let v = p.req(0, "object")?;
                let default = p.opt(1, "default")?;
                p.finish()?;
                let _ = default;
                let n = self.getsizeof(&v)?;
                self.new_i64(n as i64)
            }
            "sys.getrecursionlimit" => self.new_i64(3000),
            "sys.get_int_max_str_digits" => self.new_i64(super::pyint::MAX_STR_DIGITS as i64),
            "time.time" => {
                p.finish()?;
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs_f64())
                    .unwrap_or(0.0);
                self.new_float(t)
            }
            "time.perf_counter" | "time.monotonic" => {
                p.finish()?;
                let t = self.started.elapsed().as_secs_f64();
                self.new_float(t)
            }
            "time.sleep" => {
                let s = p.req(0, "secs")?;
                p.finish()?;
                let secs = as_float(&s)?
                    .ok_or_else(|| PyError::type_error("an integer or float is required"))?;
                let end = std::time::Instant::now()
                    + std::time::Duration::from_secs_f64(secs.clamp(0.0, 3600.0));
                while std::time::Instant::now() < end {
                    self.ctx.check_interrupt()?;
                    std::thread::sleep(
                        std::time::Duration::from_millis(10).min(end - std::time::Instant::now()),
                    );
                }
                Value::None
            }
            _ if name.starts_with("math.") => {
                let x = p.req(0, "x")?;
                p.finish()?;
                let f = as_float(&x)?.ok_or_else(|| {
                    PyError::type_error(format!("must be real number, not {}", x.type_name()))
                })?;
                match &name[5..] {
                    "sqrt" if f < 0.0 => return Err(PyError::value("math domain error")),
                    "sqrt" => self.new_float(f.sqrt()),
                    "floor" => self.new_int(Int::from_big(BigInt::from(f.floor() as i128))),
                    "ceil" => self.new_int(Int::from_big(BigInt::from(f.ceil() as i128))),
                    "log" if f <= 0.0 => return Err(PyError::value("math domain error")),
                    "log" => self.new_float(f.ln()),
                    "exp" => self.new_float(f.exp()),
                    "isnan" => Value::Bool(f.is_nan()),
                    "isinf" => Value::Bool(f.is_infinite()),
                    _ => return Err(PyError::module_no_attribute("math", &name[5..])),
                }
            }
            _ => return Err(PyError::not_callable(name)),
        })
    }

    fn is_instance(&self, v: &Value, kind: TypeKind) -> bool {
        match (kind, v) {
            (TypeKind::Object, _) => true,
            (TypeKind::Int, Value::Int(_) | Value::Bool(_)) => true,
            (TypeKind::Bool, Value::Bool(_)) => true,
            (TypeKind::Float, Value::Float(_)) => true,
            (TypeKind::Float, Value::Scalar(s)) => s.dtype == DType::FLOAT64,
            (TypeKind::Complex, Value::Complex(_)) => true,
            (TypeKind::Str, Value::Str(_)) => true,
            (TypeKind::Bytes, Value::Bytes(_)) => true,
            (TypeKind::List, Value::List(_)) => true,
            (TypeKind::Tuple, Value::Tuple(_)) => true,
            (TypeKind::Dict, Value::Dict(_)) => true,
            (TypeKind::Set, Value::Set(_)) => true,
            (TypeKind::Range, Value::Range(_)) => true,
            (TypeKind::Slice, Value::Slice(_)) => true,
            (TypeKind::Ndarray, Value::Array(_)) => true,
            (TypeKind::NpScalar(dt), Value::Scalar(s)) => s.dtype.to_native() == dt,
            (TypeKind::Type, Value::Type(_)) => true,
            _ => false,
        }
    }

    /// `sys.getsizeof` with CPython 3.11 / NumPy 2.x numbers.
    pub fn getsizeof(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::None => 16,
            Value::Bool(b) => {
                if *b {
                    28
                } else {
                    24
                }
            }
            Value::Int(i) => int_size(&i.v),
            Value::Float(_) => 24,
            Value::Complex(_) => 32,
            Value::Str(s) => str_size(&s.v),
            Value::Bytes(b) => 33 + b.v.len(),
            Value::Tuple(t) => 40 + 8 * t.items.len(),
            Value::List(l) => 56 + 8 * l.capacity.get(),
            Value::Dict(d) => dict_size(d.items.borrow().len()),
            Value::Set(s) => set_size(s.items.borrow().len()),
            Value::Range(_) => 48,
            Value::Slice(_) => 56,
            // NumPy: the object (96 bytes incl. GC header) + shape and strides + owned data
            Value::Array(a) => 96 + 16 * a.ndim() + if a.owns_data() { a.nbytes() } else { 0 },
            Value::Scalar(s) => match s.dtype.kind {
                Kind::Bytes => 33 + s.dtype.itemsize,
                Kind::Str => 80 + s.dtype.itemsize,
                Kind::Complex => 16 + s.dtype.itemsize * 2,
                _ => 24 + s.dtype.itemsize.max(1),
            },
            Value::Iter(it) => match it.kind {
                "zip" => 64,
                "enumerate" => 72,
                _ => 48,
            },
            _ => 72,
        })
    }

    /// `int(x)`, `float(x)`, `list(x)`, `np.int64(x)`... — calling a type.
    fn call_type(
        &mut self,
        kind: TypeKind,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let tname = super::pyrepr::type_qualname(kind);
        let mut p = Args::new(&tname, args, kw);
        Ok(match kind {
            TypeKind::Int => {
                let v = p.opt(0, "x")?;
                let base = p.opt(1, "base")?;
                p.finish()?;
                match v {
                    None => self.new_i64(0),
                    Some(v) => self.int_from(&v, base)?,
                }
            }
            TypeKind::Float => {
                let v = p.opt(0, "x")?;
                p.finish()?;
                match v {
                    None => self.new_float(0.0),
                    Some(v) => {
                        let f = self.to_float(&v)?;
                        self.new_float(f)
                    }
                }
            }
            TypeKind::Complex => {
                let re = p.opt(0, "real")?;
                let im = p.opt(1, "imag")?;
                p.finish()?;
                let r = match re {
                    Some(v) => self.to_float(&v)?,
                    None => 0.0,
                };
                let i = match im {
                    Some(v) => self.to_float(&v)?,
                    None => 0.0,
                };
                self.new_complex(r, i)
            }
            TypeKind::Bool => {
                let v = p.opt(0, "x")?;
                p.finish()?;
                match v {
                    None => Value::Bool(false),
                    Some(v) => Value::Bool(self.truthy(&v)?),
                }
            }
            TypeKind::Str => {
                let v = p.opt(0, "object")?;
                p.finish()?;
                match v {
                    None => self.new_str(String::new()),
                    Some(v) => {
                        let s = self.str(&v)?;
                        self.new_str(s)
                    }
                }
            }
            TypeKind::Bytes => {
                let v = p.opt(0, "source")?;
                let _enc = p.opt(1, "encoding")?;
                p.finish()?;
                match v {
                    None => self.new_bytes(vec![]),
                    Some(Value::Str(s)) => self.new_bytes(s.v.as_bytes().to_vec()),
                    Some(Value::Int(i)) => {
                        self.new_bytes(vec![0; i.v.to_i64().unwrap_or(0).max(0) as usize])
                    }
                    Some(other) => {
                        let items = self.collect(&other)?;
                        let mut out = Vec::with_capacity(items.len());
                        for x in items {
                            let b = self.int_value(&x, "")?.to_i64().unwrap_or(-1);
                            out.push(
                                u8::try_from(b).map_err(|_| {
                                    PyError::value("bytes must be in range(0, 256)")
                                })?,
                            );
                        }
                        self.new_bytes(out)
                    }
                }
            }
            TypeKind::List => {
                let v = p.opt(0, "iterable")?;
                p.finish()?;
                let items = match v {
                    None => vec![],
                    Some(v) => self.collect(&v)?,
                };
                self.new_list(items)
            }
            TypeKind::Tuple => {
                let v = p.opt(0, "iterable")?;
                p.finish()?;
                match v {
                    None => self.new_tuple(vec![]),
                    Some(t @ Value::Tuple(_)) => t,
                    Some(v) => {
                        let items = self.collect(&v)?;
                        self.new_tuple(items)
                    }
                }
            }
            TypeKind::Set => {
                let v = p.opt(0, "iterable")?;
                p.finish()?;
                let items = match v {
                    None => vec![],
                    Some(v) => self.collect(&v)?,
                };
                self.new_set(items)?
            }
            TypeKind::Dict => {
                let v = p.opt(0, "mapping")?;
                let extra = p.take_kw();
                p.finish()?;
                let mut items = Vec::new();
                if let Some(v) = v {
                    match &v {
                        Value::Dict(d) => items = d.items.borrow().clone(),
                        other => {
                            for pair in self.collect(other)? {
                                let kv = self.collect(&pair)?;
                                if kv.len() != 2 {
                                    return Err(PyError::value(format!(
                                        "dictionary update sequence element #0 has length {}; 2 is required",
                                        kv.len()
                                    )));
                                }
                                items.push((kv[0].clone(), kv[1].clone()));
                            }
                        }
                    }
                }
                for (k, v) in extra {
                    items.push((self.new_str(k), v));
                }
                self.new_dict(items)?
            }
            TypeKind::Range => {
                let a = p.req(0, "start")?;
                let b = p.opt(1, "stop")?;
                let c = p.opt(2, "step")?;
                p.finish()?;
                let int = |me: &Interp, v: &Value| -> PyResult<i64> {
                    let i = me.int_value(v, "")?;
                    i.to_i64().ok_or_else(|| {
                        PyError::overflow("Python int too large to convert to C ssize_t")
                    })
                };
                let (start, stop) = match &b {
                    None => (0, int(self, &a)?),
                    Some(b) => (int(self, &a)?, int(self, b)?),
                };
                let step = match &c {
                    None => 1,
                    Some(c) => int(self, c)?,
                };
                if step == 0 {
                    return Err(PyError::value("range() arg 3 must not be zero"));
                }
                self.new_range(start, stop, step)
            }
            TypeKind::Slice => {
                let a = p.req(0, "start")?;
                let b = p.opt(1, "stop")?;
                let c = p.opt(2, "step")?;
                p.finish()?;
                match b {
                    None => self.new_slice(Value::None, a, Value::None),
                    Some(b) => self.new_slice(a, b, c.unwrap_or(Value::None)),
                }
            }
            TypeKind::Type => {
                let v = p.req(0, "object")?;
                p.finish()?;
                self.type_of(&v)
            }
            TypeKind::Object => {
                p.finish()?;
                self.new_record(
                    "object",
                    format!("<object object at {:#x}>", self.ctx.heap.object(16).addr()),
                    vec![],
                )
            }
            TypeKind::NpScalar(dt) => {
                let v = p.opt(0, "value")?;
                p.finish()?;
                let v = v.unwrap_or(Value::Int(Rc::new(PyInt {
                    id: self.ctx.heap.object(28),
                    v: Int::Small(0),
                })));
                return self.make_np_scalar(dt, &v);
            }
            TypeKind::DTypeClass => {
                let v = p.req(0, "dtype")?;
                let _align = p.opt(1, "align")?;
                p.finish()?;
                let dt = self.to_dtype(&v)?;
                self.new_dtype(dt)
            }
            TypeKind::Ndarray => {
                let shape = p.req(0, "shape")?;
                let dtype = p.opt(1, "dtype")?;
                p.finish()?;
                return self.call_numpy(
                    "numpy.empty",
                    vec![shape, dtype.unwrap_or(Value::None)],
                    vec![],
                );
            }
            TypeKind::Exception(k) => {
                let msg = p.opt(0, "msg")?;
                p.finish()?;
                let m = match msg {
                    Some(v) => self.str(&v)?,
                    None => String::new(),
                };
                self.new_record(
                    k.name(),
                    format!(
                        "{}({})",
                        k.name(),
                        if m.is_empty() {
                            String::new()
                        } else {
                            super::pyrepr::str_repr(&m)
                        }
                    ),
                    vec![],
                )
            }
            other => {
                return Err(PyError::type_error(format!(
                    "cannot create '{}' instances",
                    super::pyrepr::type_qualname(other)
                )));
            }
        })
    }

    /// `np.int64(5)`, `np.float32('1.5')`, `np.uint8(300)` (NumPy 2: OverflowError).
    pub fn make_np_scalar(&mut self, dt: DType, v: &Value) -> PyResult<Value> {
        if let Value::Array(a) = v
            && a.ndim() > 0
        {
            let c =
                crate::runtime::kernels::cast_array(&self.ctx, a, dt, crate::runtime::Order::C)?;
            return Ok(Value::Array(c));
        }
        // np.str_('abc') and np.bytes_(b'ab') are sized by their value (U3, S2)
        if dt.is_flexible() && dt.itemsize == 0 {
            match (dt.kind, v) {
                (Kind::Bytes, Value::Bytes(b)) => {
                    return Ok(self.new_scalar(DType::bytes(b.v.len()), Scalar::Bytes(b.v.clone())));
                }
                (Kind::Str, _) => {
                    let text = self.str(v)?;
                    let dt = DType::unicode(text.chars().count());
                    return Ok(self.new_scalar(dt, Scalar::Str(text)));
                }
                _ => {}
            }
        }
        // np.int64([1, 2]) is np.array([1, 2], dtype=np.int64): sequences make arrays
        if matches!(v, Value::List(_) | Value::Tuple(_)) {
            let a = self.to_array(v, Some(dt))?;
            if a.ndim() > 0 {
                return Ok(Value::Array(a));
            }
        }
        let s = match v {
            // np.int8('300') parses as int('300') first, then range-checks like any Python int
            Value::Str(_) if dt.is_integer() => {
                let i = self.int_from(v, None)?;
                self.value_to_element(&i, dt)?
            }
            Value::Str(_) if dt.is_numeric() => Scalar::Float(self.to_float(v)?),
            _ => self.value_to_element(v, dt)?,
        };
        let a = self.scalar_to_array(dt, &s)?;
        let s = a.element_at(0)?;
        Ok(self.new_scalar(dt, s))
    }

    pub fn type_of(&mut self, v: &Value) -> Value {
        let kind = match v {
            Value::None => TypeKind::NoneType,
            Value::Bool(_) => TypeKind::Bool,
            Value::Ellipsis => TypeKind::Ellipsis,
            Value::NotImplemented => TypeKind::Object,
            Value::Int(_) => TypeKind::Int,
            Value::Float(_) => TypeKind::Float,
            Value::Complex(_) => TypeKind::Complex,
            Value::Str(_) => TypeKind::Str,
            Value::Bytes(_) => TypeKind::Bytes,
            Value::Tuple(_) => TypeKind::Tuple,
            Value::List(_) => TypeKind::List,
            Value::Dict(_) => TypeKind::Dict,
            Value::Set(_) => TypeKind::Set,
            Value::Range(_) => TypeKind::Range,
            Value::Slice(_) => TypeKind::Slice,
            Value::Array(_) => TypeKind::Ndarray,
            Value::Scalar(s) => TypeKind::NpScalar(s.dtype.to_native()),
            Value::DType(d) => TypeKind::Record(leak_dtype_class(d.dtype)),
            Value::Type(_) => TypeKind::Type,
            Value::Module(_) => TypeKind::Module,
            Value::Builtin(_) => TypeKind::BuiltinFunction,
            Value::Method(_) => TypeKind::BuiltinFunction,
            Value::Function(_) => TypeKind::Function,
            Value::Iter(it) => TypeKind::Iterator(it.kind),
            Value::Flags(_) => TypeKind::Flags,
            Value::Record(r) => TypeKind::Record(r.type_name),
            Value::Cell(_) => TypeKind::Object,
            Value::Dummy(_) => TypeKind::Record("numpy.lib._stride_tricks_impl.DummyArray"),
        };
        self.objects.type_object(kind)
    }

    fn int_from(&mut self, v: &Value, base: Option<Value>) -> PyResult<Value> {
        Ok(match v {
            Value::Int(_) | Value::Bool(_) => self.new_int(as_int(v).unwrap_or(Int::Small(0))),
            Value::Float(f) => {
                if f.v.is_nan() {
                    return Err(PyError::value("cannot convert float NaN to integer"));
                }
                if f.v.is_infinite() {
                    return Err(PyError::overflow(
                        "cannot convert float infinity to integer",
                    ));
                }
                self.new_int(float_to_int(f.v))
            }
            Value::Scalar(s) => match s.v {
                Scalar::Int(i) => self.new_i64(i),
                Scalar::UInt(u) => self.new_int(Int::from_u64(u)),
                Scalar::Bool(b) => self.new_i64(b as i64),
                Scalar::Float(f) => {
                    let fv = self.new_float(f);
                    return self.int_from(&fv, None);
                }
                _ => {
                    return Err(PyError::type_error(
                        "int() argument must be a string, a bytes-like object or a real number",
                    ));
                }
            },
            Value::Array(a) if a.size() == 1 => {
                let s = a.item().ok_or_else(PyError::unsized_object)??;
                let sv = self.new_scalar(a.dtype(), s);
                return self.int_from(&sv, None);
            }
            Value::Array(_) => {
                return Err(PyError::type_error(
                    "only length-1 arrays can be converted to Python scalars",
                ));
            }
            Value::Str(s) => {
                let radix = match base {
                    Some(b) => self.int_value(&b, "")?.to_i64().unwrap_or(10) as u32,
                    None => 10,
                };
                let t = s.v.trim().replace('_', "");
                let (neg, digits) = match t.strip_prefix('-') {
                    Some(d) => (true, d.to_string()),
                    None => (false, t.trim_start_matches('+').to_string()),
                };
                let digits = if radix == 16 {
                    digits.trim_start_matches("0x").to_string()
                } else {
                    digits
                };
                match BigInt::parse_bytes(digits.as_bytes(), radix.clamp(2, 36)) {
                    Some(b) if !digits.is_empty() => {
                        self.new_int(Int::from_big(if neg { -b } else { b }))
                    }
                    _ => {
                        return Err(PyError::value(format!(
                            "invalid literal for int() with base {radix}: {}",
                            super::pyrepr::str_repr(&s.v)
                        )));
                    }
                }
            }
            other => {
                return Err(PyError::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    other.type_name()
                )));
            }
        })
    }

    pub fn to_float(&mut self, v: &Value) -> PyResult<f64> {
        match v {
            Value::Str(s) => {
                let t = s.v.trim().to_lowercase().replace('_', "");
                match t.as_str() {
                    "inf" | "+inf" | "infinity" => Ok(f64::INFINITY),
                    "-inf" | "-infinity" => Ok(f64::NEG_INFINITY),
                    "nan" | "+nan" | "-nan" => Ok(f64::NAN),
                    _ => t.parse::<f64>().map_err(|_| {
                        PyError::value(format!(
                            "could not convert string to float: {}",
                            super::pyrepr::str_repr(&s.v)
                        ))
                    }),
                }
            }
            Value::Scalar(s) => Ok(s.v.to_f64()),
            Value::Array(a) if a.size() == 1 => {
                Ok(a.item().ok_or_else(PyError::unsized_object)??.to_f64())
            }
            Value::Array(_) => Err(PyError::type_error(
                "only length-1 arrays can be converted to Python scalars",
            )),
            other => as_float(other)?.ok_or_else(|| {
                PyError::type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    other.type_name()
                ))
            }),
        }
    }
}

fn float_to_int(f: f64) -> Int {
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        Int::Small(t as i64)
    } else {
        // exact conversion of a large float: mantissa × 2^exp
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
        let mut b = BigInt::from(mant);
        b = if exp >= 0 {
            b << exp as u64
        } else {
            b >> (-exp) as u64
        };
        Int::from_big(if t < 0.0 { -b } else { b })
    }
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// CPython 3.11 dict sizes for small dicts built by insertion.
fn dict_size(n: usize) -> usize {
    match n {
        0 => 64,
        1..=5 => 184,
        6..=10 => 352,
        11..=21 => 640,
        22..=42 => 1168,
        _ => 1168 + (n - 42) * 40,
    }
}

fn set_size(n: usize) -> usize {
    match n {
        0..=4 => 216,
        5..=18 => 728,
        _ => 2264,
    }
}

fn leak_dtype_class(dt: DType) -> &'static str {
    // the handful of dtype class names, interned once
    match (dt.kind, dt.itemsize) {
        (Kind::Bool, _) => "numpy.dtypes.BoolDType",
        (Kind::Int, 1) => "numpy.dtypes.Int8DType",
        (Kind::Int, 2) => "numpy.dtypes.Int16DType",
        (Kind::Int, 4) => "numpy.dtypes.Int32DType",
        (Kind::Int, _) => "numpy.dtypes.Int64DType",
        (Kind::UInt, 1) => "numpy.dtypes.UInt8DType",
        (Kind::UInt, 2) => "numpy.dtypes.UInt16DType",
        (Kind::UInt, 4) => "numpy.dtypes.UInt32DType",
        (Kind::UInt, _) => "numpy.dtypes.UInt64DType",
        (Kind::Float, 2) => "numpy.dtypes.Float16DType",
        (Kind::Float, 4) => "numpy.dtypes.Float32DType",
        (Kind::Float, _) => "numpy.dtypes.Float64DType",
        (Kind::Complex, 8) => "numpy.dtypes.Complex64DType",
        (Kind::Complex, _) => "numpy.dtypes.Complex128DType",
        (Kind::Bytes, _) => "numpy.dtypes.BytesDType",
        (Kind::Str, _) => "numpy.dtypes.StrDType",
    }
}
