//! Attribute access and method calls: the dispatch by receiver type, and the methods of Python's
//! own types (`list.append`, `str.format`, `dict.items`...). Arrays are in `arraymethods`.

use std::rc::Rc;

use super::Interp;
use super::args::Args;
use super::pyint::Int;
use super::value::*;
use crate::error::{PyError, PyResult};

const LIST_METHODS: &[&str] = &[
    "append", "pop", "insert", "extend", "index", "count", "remove", "reverse", "sort", "copy",
    "clear",
];
const DICT_METHODS: &[&str] = &[
    "keys",
    "values",
    "items",
    "get",
    "pop",
    "update",
    "setdefault",
    "copy",
    "clear",
];
const STR_METHODS: &[&str] = &[
    "format",
    "join",
    "split",
    "upper",
    "lower",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "startswith",
    "endswith",
    "find",
    "count",
    "ljust",
    "rjust",
    "center",
    "zfill",
    "encode",
    "isdigit",
    "isalpha",
    "title",
    "splitlines",
];

impl Interp {
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Array(a) => {
                let a = a.clone();
                self.array_attr(&a, obj, name)
            }
            Value::Scalar(s) => {
                let s = s.clone();
                self.scalar_attr(&s, obj, name)
            }
            Value::DType(d) => self.dtype_attr(obj, d.dtype, name),
            Value::Flags(f) => {
                let f = f.clone();
                self.flags_attr(&f, name)
            }
            Value::Module(m) => self.module_attr(m.name, name),
            Value::Dummy(d) => match name {
                "base" => Ok(Value::Array(d.base.clone())),
                _ => Err(PyError::no_attribute("DummyArray", name)),
            },
            Value::Record(r) => r
                .fields
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyError::no_attribute(r.type_name, name)),
            Value::Type(t) => match name {
                "__name__" => {
                    let q = super::pyrepr::type_qualname(t.kind);
                    Ok(self.new_str(q.rsplit('.').next().unwrap_or(&q).to_string()))
                }
                "__qualname__" => {
                    let q = super::pyrepr::type_qualname(t.kind);
                    Ok(self.new_str(q.rsplit('.').next().unwrap_or(&q).to_string()))
                }
                _ => Err(PyError::attribute(format!(
                    "type object '{}' has no attribute '{name}'",
                    super::pyrepr::type_qualname(t.kind)
                        .rsplit('.')
                        .next()
                        .unwrap_or("type")
                ))),
            },
            Value::List(_) if LIST_METHODS.contains(&name) => {
                Ok(self.new_method(obj.clone(), name))
            }
            Value::Dict(_) if DICT_METHODS.contains(&name) => {
                Ok(self.new_method(obj.clone(), name))
            }
            Value::Str(_) if STR_METHODS.contains(&name) => Ok(self.new_method(obj.clone(), name)),
            Value::Bytes(_) if ["decode", "hex", "count", "find"].contains(&name) => {
                Ok(self.new_method(obj.clone(), name))
            }
            Value::Int(_) | Value::Bool(_) => match name {
                "real" | "numerator" => Ok(obj.clone()),
                "imag" => Ok(self.new_i64(0)),
                "denominator" => Ok(self.new_i64(1)),
                "bit_length" | "to_bytes" | "conjugate" | "bit_count" => {
                    Ok(self.new_method(obj.clone(), name))
                }
                _ => Err(PyError::no_attribute(&obj.type_name(), name)),
            },
            Value::Float(f) => match name {
                "real" => Ok(obj.clone()),
                "imag" => Ok(self.new_float(0.0)),
                "is_integer" | "hex" | "conjugate" | "as_integer_ratio" => {
                    Ok(self.new_method(obj.clone(), name))
                }
                _ => {
                    let _ = f;
                    Err(PyError::no_attribute("float", name))
                }
            },
            Value::Complex(c) => match name {
                "real" => Ok(self.new_float(c.re)),
                "imag" => Ok(self.new_float(c.im)),
                "conjugate" => Ok(self.new_method(obj.clone(), name)),
                _ => Err(PyError::no_attribute("complex", name)),
            },
            Value::Range(r) => match name {
                "start" => Ok(self.new_i64(r.start)),
                "stop" => Ok(self.new_i64(r.stop)),
                "step" => Ok(self.new_i64(r.step)),
                _ => Err(PyError::no_attribute("range", name)),
            },
            Value::Slice(s) => match name {
                "start" => Ok(s.start.clone()),
                "stop" => Ok(s.stop.clone()),
                "step" => Ok(s.step.clone()),
                _ => Err(PyError::no_attribute("slice", name)),
            },
            other => Err(PyError::no_attribute(&other.short_type_name(), name)),
        }
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Array(a) => match name {
                "shape" => {
                    let shape = self.to_shape(&v)?;
                    a.set_shape(&self.ctx, &shape)
                }
                "strides" | "dtype" | "data" => Err(PyError::attribute(format!(
                    "arrsh does not set '{name}' in place: make a new view with np.lib.stride_tricks.as_strided() or .view()"
                ))),
                "ndim"
                | "size"
                | "itemsize"
                | "nbytes"
                | "base"
                | "T"
                | "flags"
                | "__array_interface__" => Err(PyError::attribute(format!(
                    "attribute '{name}' of 'numpy.ndarray' objects is not writable"
                ))),
                _ => Err(PyError::no_attribute("numpy.ndarray", name)),
            },
            Value::Flags(f) => match name {
                "writeable" => {
                    let flag = self.truthy(&v)?;
                    f.array.set_writeable(flag)
                }
                "c_contiguous" | "f_contiguous" | "owndata" | "aligned" | "writebackifcopy"
                | "contiguous" | "fortran" => Err(PyError::attribute(format!(
                    "attribute '{name}' of 'numpy._core.multiarray.flagsobj' objects is not writable"
                ))),
                _ => Err(PyError::no_attribute("numpy.flagsobj", name)),
            },
            other => Err(PyError::attribute(format!(
                "'{}' object attribute '{name}' is read-only",
                other.short_type_name()
            ))),
        }
    }

    /// `obj.name(*args, **kw)`.
    pub fn call_method(
        &mut self,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        match obj {
            Value::Array(a) => {
                let a = a.clone();
                self.call_array_method(obj, &a, name, args, kw)
            }
            Value::Scalar(s) => {
                let s = s.clone();
                self.call_scalar_method(obj, &s, name, args, kw)
            }
            Value::List(l) => {
                let l = l.clone();
                self.list_method(&l, name, args, kw)
            }
            Value::Dict(d) => {
                let d = d.clone();
                self.dict_method(obj, &d, name, args, kw)
            }
            Value::Str(s) => {
                let s = s.v.clone();
                self.str_method(&s, name, args, kw)
            }
            Value::Bytes(b) => {
                let p = Args::new(name, args, kw);
                let r = match name {
                    "decode" => {
                        p.finish()?;
                        match String::from_utf8(b.v.clone()) {
                            Ok(s) => self.new_str(s),
                            Err(e) => {
                                let pos = e.utf8_error().valid_up_to();
                                return Err(PyError::new(
                                    crate::error::ErrorKind::ValueError,
                                    format!(
                                        "'utf-8' codec can't decode byte {:#04x} in position {pos}: invalid start byte",
                                        b.v[pos]
                                    ),
                                ));
                            }
                        }
                    }
                    "hex" => {
                        p.finish()?;
                        self.new_str(b.v.iter().map(|x| format!("{x:02x}")).collect())
                    }
                    _ => return Err(PyError::no_attribute("bytes", name)),
                };
                Ok(r)
            }
            Value::Int(_) | Value::Bool(_) => {
                let i = super::ops::as_int(obj).unwrap_or(Int::Small(0));
                match name {
                    "bit_length" => Ok(self.new_i64(i.bits() as i64)),
                    "conjugate" => Ok(obj.clone()),
                    _ => Err(PyError::no_attribute("int", name)),
                }
            }
            Value::Float(f) => match name {
                "is_integer" => Ok(Value::Bool(f.v.fract() == 0.0)),
                "conjugate" => Ok(obj.clone()),
                _ => Err(PyError::no_attribute("float", name)),
            },
            Value::Complex(c) => match name {
                "conjugate" => Ok(self.new_complex(c.re, -c.im)),
                _ => Err(PyError::no_attribute("complex", name)),
            },
            Value::DType(d) if name == "newbyteorder" => {
                let mut p = Args::new(name, args, kw);
                let order = p.opt(0, "new_order")?;
                p.finish()?;
                let big = match order {
                    Some(Value::Str(s)) => match s.v.as_str() {
                        ">" | "B" | "b" | "big" => true,
                        "<" | "L" | "l" | "little" | "=" | "native" | "N" | "n" | "|" | "I"
                        | "i" => false,
                        _ => !d.dtype.big_endian,
                    },
                    _ => !d.dtype.big_endian,
                };
                Ok(self.new_dtype(d.dtype.with_big_endian(big)))
            }
            other => {
                let f = self.getattr(other, name)?;
                self.call(&f, args, kw)
            }
        }
    }

    fn list_method(
        &mut self,
        l: &Rc<PyList>,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let mut p = Args::new(name, args, kw);
        Ok(match name {
            "append" => {
                let v = p.req(0, "object")?;
                p.finish()?;
                let old = l.items.borrow().len();
                l.items.borrow_mut().push(v);
                self.grow_list_capacity(l, old, old + 1);
                Value::None
            }
            "extend" => {
                let v = p.req(0, "iterable")?;
                p.finish()?;
                let items = self.collect(&v)?;
                let old = l.items.borrow().len();
                let n = items.len();
                l.items.borrow_mut().extend(items);
                self.grow_list_capacity(l, old, old + n);
                Value::None
            }
            "insert" => {
                let i = p.req(0, "index")?;
                let v = p.req(1, "object")?;
                p.finish()?;
                let n = l.items.borrow().len() as i128;
                let i = self.int_value(&i, "")?.to_i128_saturating();
                let k = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
                l.items.borrow_mut().insert(k, v);
                self.grow_list_capacity(l, n as usize, n as usize + 1);
                Value::None
            }
            "pop" => {
                let i = p.opt(0, "index")?;
                p.finish()?;
                let n = l.items.borrow().len() as i128;
                if n == 0 {
                    return Err(PyError::index("pop from empty list"));
                }
                let i = match i {
                    Some(v) => self.int_value(&v, "")?.to_i128_saturating(),
                    None => -1,
                };
                let k = if i < 0 { i + n } else { i };
                if k < 0 || k >= n {
                    return Err(PyError::index("pop index out of range"));
                }
                let v = l.items.borrow_mut().remove(k as usize);
                self.grow_list_capacity(l, n as usize, n as usize - 1);
                v
            }
            "index" | "count" | "remove" => {
                let x = p.req(0, "value")?;
                p.finish()?;
                let items = l.items.borrow().clone();
                let mut hits = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    if self.is_same(it, &x) || self.py_eq(it, &x)? {
                        hits.push(i);
                    }
                }
                match name {
                    "count" => self.new_i64(hits.len() as i64),
                    "index" => match hits.first() {
                        Some(&i) => self.new_i64(i as i64),
                        None => {
                            let r = self.repr(&x)?;
                            return Err(PyError::value(format!("{r} is not in list")));
                        }
                    },
                    _ => match hits.first() {
                        Some(&i) => {
                            l.items.borrow_mut().remove(i);
                            Value::None
                        }
                        None => return Err(PyError::value("list.remove(x): x not in list")),
                    },
                }
            }
            "reverse" => {
                p.finish()?;
                l.items.borrow_mut().reverse();
                Value::None
            }
            "sort" => {
                let reverse = p.kw_only("reverse");
                p.finish()?;
                let mut items = l.items.borrow().clone();
                self.sort_values(&mut items)?;
                if let Some(r) = reverse
                    && self.truthy(&r)?
                {
                    items.reverse();
                }
                *l.items.borrow_mut() = items;
                Value::None
            }
            "copy" => {
                p.finish()?;
                let items = l.items.borrow().clone();
                self.new_list(items)
            }
            "clear" => {
                p.finish()?;
                l.items.borrow_mut().clear();
                l.capacity.set(0);
                Value::None
            }
            _ => return Err(PyError::no_attribute("list", name)),
        })
    }

    /// Sorts values with Python's `<` (see `sort.rs`).
    pub fn sort_values(&mut self, items: &mut Vec<Value>) -> PyResult<()> {
        self.merge_sort(items)
    }

    fn dict_method(
        &mut self,
        obj: &Value,
        d: &Rc<PyDict>,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let mut p = Args::new(name, args, kw);
        let items = d.items.borrow().clone();
        Ok(match name {
            "keys" | "values" | "items" => {
                p.finish()?;
                let vals: Vec<Value> = match name {
                    "keys" => items.iter().map(|(k, _)| k.clone()).collect(),
                    "values" => items.iter().map(|(_, v)| v.clone()).collect(),
                    _ => items
                        .iter()
                        .map(|(k, v)| self.new_tuple(vec![k.clone(), v.clone()]))
                        .collect(),
                };
                let kind = match name {
                    "keys" => "dict_keys",
                    "values" => "dict_values",
                    _ => "dict_items",
                };
                let repr_items = {
                    let l = self.new_list(vals.clone());
                    self.repr(&l)?
                };
                let _ = obj;
                self.new_iter_view(kind, vals, repr_items)
            }
            "get" => {
                let k = p.req(0, "key")?;
                let default = p.opt(1, "default")?.unwrap_or(Value::None);
                p.finish()?;
                self.dict_get_items(&items, &k)?.unwrap_or(default)
            }
            "pop" => {
                let k = p.req(0, "key")?;
                let default = p.opt(1, "default")?;
                p.finish()?;
                match self.dict_get_items(&items, &k)? {
                    Some(v) => {
                        self.delitem(&Value::Dict(d.clone()), &k)?;
                        v
                    }
                    None => match default {
                        Some(dv) => dv,
                        None => {
                            let r = self.repr(&k)?;
                            return Err(PyError::key_error(&r));
                        }
                    },
                }
            }
            "setdefault" => {
                let k = p.req(0, "key")?;
                let default = p.opt(1, "default")?.unwrap_or(Value::None);
                p.finish()?;
                match self.dict_get_items(&items, &k)? {
                    Some(v) => v,
                    None => {
                        self.dict_set(d, k, default.clone())?;
                        default
                    }
                }
            }
            "update" => {
                let other = p.opt(0, "other")?;
                let rest: Vec<(String, Value)> = std::mem::take(&mut p.kw_rest());
                p.finish()?;
                if let Some(Value::Dict(o)) = other {
                    for (k, v) in o.items.borrow().clone() {
                        self.dict_set(d, k, v)?;
                    }
                }
                for (k, v) in rest {
                    let k = self.new_str(k);
                    self.dict_set(d, k, v)?;
                }
                Value::None
            }
            "copy" => {
                p.finish()?;
                self.new_dict(items)?
            }
            "clear" => {
                p.finish()?;
                d.items.borrow_mut().clear();
                Value::None
            }
            _ => return Err(PyError::no_attribute("dict", name)),
        })
    }

    /// `dict.keys()` and friends: iterable, printable views.
    fn new_iter_view(&mut self, kind: &'static str, vals: Vec<Value>, repr_items: String) -> Value {
        let t = self.new_tuple(vals);
        self.new_record(
            kind,
            format!("{kind}({repr_items})"),
            vec![("__items__", t)],
        )
    }

    fn str_method(
        &mut self,
        s: &str,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if name == "format" {
            return self.str_format(s, args, kw);
        }
        let mut p = Args::new(name, args, kw);
        let text_arg = |_: &mut Interp, v: Option<Value>| -> PyResult<Option<String>> {
            match v {
                None | Some(Value::None) => Ok(None),
                Some(Value::Str(x)) => Ok(Some(x.v.clone())),
                Some(other) => Err(PyError::type_error(format!(
                    "must be str or None, not {}",
                    other.type_name()
                ))),
            }
        };
        let r = match name {
            "join" => {
                let it = p.req(0, "iterable")?;
                p.finish()?;
                let items = self.collect(&it)?;
                let mut parts = Vec::with_capacity(items.len());
                for (i, x) in items.iter().enumerate() {
                    match x {
                        Value::Str(t) => parts.push(t.v.clone()),
                        other => {
                            return Err(PyError::type_error(format!(
                                "sequence item {i}: expected str instance, {} found",
                                other.type_name()
                            )));
                        }
                    }
                }
                self.new_str(parts.join(s))
            }
            "split" => {
                let sep = p.opt(0, "sep")?;
                p.finish()?;
                let sep = text_arg(self, sep)?;
                let parts: Vec<String> = match sep {
                    None => s.split_whitespace().map(String::from).collect(),
                    Some(sep) => s.split(sep.as_str()).map(String::from).collect(),
                };
                let vals = parts.into_iter().map(|x| self.new_str(x)).collect();
                self.new_list(vals)
            }
            "splitlines" => {
                p.finish()?;
                let vals = s.lines().map(|x| self.new_str(x.to_string())).collect();
                self.new_list(vals)
            }
            "upper" => self.new_str(s.to_uppercase()),
            "lower" => self.new_str(s.to_lowercase()),
            "title" => self.new_str(
                s.split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| {
                                f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase()
                            })
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            "strip" | "lstrip" | "rstrip" => {
                let chars = p.opt(0, "chars")?;
                p.finish()?;
                let chars = text_arg(self, chars)?;
                let pat = |c: char| match &chars {
                    Some(cs) => cs.contains(c),
                    None => c.is_whitespace(),
                };
                let t = match name {
                    "strip" => s.trim_matches(pat),
                    "lstrip" => s.trim_start_matches(pat),
                    _ => s.trim_end_matches(pat),
                };
                self.new_str(t.to_string())
            }
            "replace" => {
                let a = p.req(0, "old")?;
                let b = p.req(1, "new")?;
                p.finish()?;
                let (Value::Str(a), Value::Str(b)) = (&a, &b) else {
                    return Err(PyError::type_error("replace() argument must be str"));
                };
                self.new_str(s.replace(a.v.as_str(), &b.v))
            }
            "startswith" | "endswith" | "find" | "count" => {
                let x = p.req(0, "sub")?;
                p.finish()?;
                let Value::Str(x) = &x else {
                    return Err(PyError::type_error(format!(
                        "must be str, not {}",
                        x.type_name()
                    )));
                };
                match name {
                    "startswith" => Value::Bool(s.starts_with(x.v.as_str())),
                    "endswith" => Value::Bool(s.ends_with(x.v.as_str())),
                    "find" => self.new_i64(
                        s.find(x.v.as_str())
                            .map_or(-1, |b| s[..b].chars().count() as i64),
                    ),
                    _ => self.new_i64(s.matches(x.v.as_str()).count() as i64),
                }
            }
            "ljust" | "rjust" | "center" | "zfill" => {
                let w = p.req(0, "width")?;
                let fill = p.opt(1, "fillchar")?;
                p.finish()?;
                let w = self.int_value(&w, "")?.to_i64().unwrap_or(0).max(0) as usize;
                let fill = match fill {
                    Some(Value::Str(f)) => f.v.chars().next().unwrap_or(' '),
                    _ => {
                        if name == "zfill" {
                            '0'
                        } else {
                            ' '
                        }
                    }
                };
                let n = s.chars().count();
                let gap = w.saturating_sub(n);
                let pad = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
                self.new_str(match name {
                    "ljust" => format!("{s}{}", pad(gap)),
                    "rjust" | "zfill" => {
                        if name == "zfill" && (s.starts_with('-') || s.starts_with('+')) {
                            format!("{}{}{}", &s[..1], pad(gap), &s[1..])
                        } else {
                            format!("{}{s}", pad(gap))
                        }
                    }
                    _ => {
                        let left = gap / 2 + (gap & n & 1);
                        format!("{}{s}{}", pad(left), pad(gap - left))
                    }
                })
            }
            "encode" => self.new_bytes(s.as_bytes().to_vec()),
            "isdigit" => Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())),
            "isalpha" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
            _ => return Err(PyError::no_attribute("str", name)),
        };
        Ok(r)
    }

    /// `str.format`: `{}`, `{0}`, `{name}`, `{:>10}`, `{0.attr}`, `{x[0]}`, `{!r}`.
    fn str_format(
        &mut self,
        fmt: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let mut out = String::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let mut auto = 0usize;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' && chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            if c == '}' && chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            if c == '}' {
                return Err(PyError::value("Single '}' encountered in format string"));
            }
            if c != '{' {
                out.push(c);
                i += 1;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 {
                return Err(PyError::value("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            i = j;
            let (head, spec) = match field.find(':') {
                Some(p) => (&field[..p], &field[p + 1..]),
                None => (field.as_str(), ""),
            };
            let (head, conv) = match head.find('!') {
                Some(p) => (&head[..p], head[p + 1..].chars().next()),
                None => (head, None),
            };
            let key_end = head.find(['.', '[']).unwrap_or(head.len());
            let key = &head[..key_end];
            let mut v = if key.is_empty() {
                let v = args.get(auto).cloned().ok_or_else(|| {
                    PyError::index(format!(
                        "Replacement index {auto} out of range for positional args tuple"
                    ))
                })?;
                auto += 1;
                v
            } else if let Ok(n) = key.parse::<usize>() {
                args.get(n).cloned().ok_or_else(|| {
                    PyError::index(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?
            } else {
                kw.iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| PyError::key_error(&format!("'{key}'")))?
            };
            let mut rest = &head[key_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    v = self.getattr(&v, &r[..end])?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r
                        .find(']')
                        .ok_or_else(|| PyError::value("Missing ']' in format string"))?;
                    let k = &r[..end];
                    let idx = match k.parse::<i64>() {
                        Ok(n) => self.new_i64(n),
                        Err(_) => self.new_str(k.to_string()),
                    };
                    v = self.getitem(&v, &idx)?;
                    rest = &r[end + 1..];
                } else {
                    break;
                }
            }
            let v = match conv {
                Some('r') => {
                    let r = self.repr(&v)?;
                    self.new_str(r)
                }
                Some('s') => {
                    let r = self.str(&v)?;
                    self.new_str(r)
                }
                _ => v,
            };
            out.push_str(&self.format_value(&v, spec)?);
        }
        Ok(self.new_str(out))
    }
}

impl Args {
    /// Remaining keyword arguments (for `**kwargs` parameters).
    pub fn kw_rest(&mut self) -> Vec<(String, Value)> {
        self.take_kw()
    }
}
