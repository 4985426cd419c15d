//! Attribute access and method calls: the dispatch by receiver type, and the methods of Python's
//! own types (`list.append`, `str.format`, `dict.items`...). Arrays are in `arraymethods`.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::builtins::args::Args;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::text::codecs;

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
    "popitem",
    "update",
    "setdefault",
    "copy",
    "clear",
];
const SET_METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "copy",
    "update",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
];

impl Interp {
    /// `obj.name`: a row of the registry, else the receiver's own attributes; a name CPython or
    /// NumPy have that arrsh lacks is a NotImplementedError.
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.user_getattr(obj, name)? {
            return Ok(v);
        }
        if let Some(r) = self.registry_attr(obj, name) {
            return r;
        }
        match self.own_attr(obj, name) {
            Err(e) => {
                let owner = match obj {
                    Value::Module(m) => m.name,
                    other => crate::eval::registry::call::owners_of(other)
                        .first()
                        .copied()
                        .unwrap_or(""),
                };
                Err(self.missing_attribute(owner, name, e))
            }
            ok => ok,
        }
    }

    fn own_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
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
                "fromkeys" if t.kind == TypeKind::Dict => Ok(self.new_method(obj.clone(), name)),
                // `str.lower`, `list.append`: methods looked up on the type, called with the
                // receiver first
                _ if unbound_method(t.kind, name) => Ok(self.new_method(obj.clone(), name)),
                "__name__" => {
                    let q = crate::eval::text::pyrepr::type_qualname(t.kind);
                    Ok(self.new_str(q.rsplit('.').next().unwrap_or(&q).to_string()))
                }
                "__qualname__" => {
                    let q = crate::eval::text::pyrepr::type_qualname(t.kind);
                    Ok(self.new_str(q.rsplit('.').next().unwrap_or(&q).to_string()))
                }
                _ => Err(PyError::attribute(format!(
                    "type object '{}' has no attribute '{name}'",
                    crate::eval::text::pyrepr::type_qualname(t.kind)
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
            Value::Set(_) if SET_METHODS.contains(&name) => Ok(self.new_method(obj.clone(), name)),
            Value::Str(_) if crate::eval::builtins::strmethods::STR_METHODS.contains(&name) => {
                Ok(self.new_method(obj.clone(), name))
            }
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
                "start" => Ok(self.new_i128(r.start)),
                "stop" => Ok(self.new_i128(r.stop)),
                "step" => Ok(self.new_i128(r.step)),
                _ => Err(PyError::no_attribute("range", name)),
            },
            Value::Slice(s) => match name {
                "start" => Ok(s.start.clone()),
                "stop" => Ok(s.stop.clone()),
                "step" => Ok(s.step.clone()),
                _ => Err(PyError::no_attribute("slice", name)),
            },
            // functions name their type in full (`'numpy.ufunc' object has no attribute`)
            Value::Builtin(_) => Err(PyError::no_attribute(&obj.type_name(), name)),
            other => Err(PyError::no_attribute(&other.short_type_name(), name)),
        }
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        let v = match self.user_setattr_or_back(obj, name, v)? {
            Some(v) => v,
            None => return Ok(()),
        };
        match obj {
            Value::Array(a) => match name {
                "shape" => {
                    let shape = self.to_shape(&v)?;
                    a.set_shape(&self.ctx, &shape)
                }
                // `a.flat = v`: every element, v's values repeated (NumPy's flatiter assign)
                "flat" => {
                    let f = self.getattr(obj, "flat")?;
                    let all = Value::Ellipsis;
                    self.setitem(&f, &all, v)
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
        if let Some(r) = self.call_language_method(obj, name, &args) {
            return r;
        }
        if let Some(e) = Self::method_entry(obj, name) {
            return self.call_entry(e, obj.clone(), args, kw);
        }
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
                self.dict_method(&d, name, args, kw)
            }
            Value::Set(st) => {
                let st = st.clone();
                self.set_method(&st, name, args, kw)
            }
            Value::Type(t) if unbound_method(t.kind, name) => {
                let kind = t.kind;
                let mut args = args;
                if args.is_empty() {
                    return Err(PyError::type_error(format!(
                        "unbound method {}.{name}() needs an argument",
                        crate::eval::text::pyrepr::type_qualname(kind)
                    )));
                }
                let receiver = args.remove(0);
                if !self.is_instance(&receiver, kind) {
                    return Err(PyError::type_error(format!(
                        "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                        crate::eval::text::pyrepr::type_qualname(kind),
                        receiver.type_name()
                    )));
                }
                self.call_method(&receiver, name, args, kw)
            }
            Value::Type(t) if t.kind == TypeKind::Dict && name == "fromkeys" => {
                let a = Args::new("fromkeys", args, kw).positional("fromkeys", 1, 2)?;
                let value = a.get(1).cloned().unwrap_or(Value::None);
                self.dict_fromkeys(&a[0], value)
            }
            Value::Str(s) => {
                let s = s.v.clone();
                self.str_method(&s, name, args, kw)
            }
            Value::Bytes(b) => {
                let p = Args::new(name, args, kw);
                let r = match name {
                    "decode" => {
                        let mut p = p;
                        if p.pos_count() > 2 {
                            let n = p.pos_count();
                            return Err(PyError::takes_at_most_arguments_kw("decode", 2, false, n));
                        }
                        let (enc, errors) = (p.opt(0, "encoding")?, p.opt(1, "errors")?);
                        p.finish()?;
                        let (enc, errors) = codecs::codec_args("decode", enc, errors)?;
                        self.gate(b.v.len() as u128 * 4)?;
                        let text = codecs::decode(&b.v, &enc, &errors)?;
                        self.new_str(text)
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
                let i = crate::eval::object::ops::as_int(obj).unwrap_or(Int::Small(0));
                match name {
                    "bit_length" => Ok(self.new_i64(i.bits() as i64)),
                    "bit_count" => {
                        let ones = i
                            .abs()
                            .to_big()
                            .to_u64_digits()
                            .1
                            .iter()
                            .map(|d| d.count_ones() as i64)
                            .sum();
                        Ok(self.new_i64(ones))
                    }
                    "to_bytes" => {
                        let mut p = Args::new("to_bytes", args, kw);
                        let length = p.opt(0, "length")?;
                        let order = p.opt(1, "byteorder")?;
                        let signed = p.kw_only("signed");
                        p.finish()?;
                        let length = match length {
                            Some(l) => {
                                self.int_value(&l, "")?.to_i64().unwrap_or(1).max(0) as usize
                            }
                            None => 1,
                        };
                        let big = match order {
                            None => true,
                            Some(Value::Str(o)) if o.v == "big" => true,
                            Some(Value::Str(o)) if o.v == "little" => false,
                            Some(_) => {
                                return Err(PyError::value(
                                    "byteorder must be either 'little' or 'big'",
                                ));
                            }
                        };
                        let signed = match signed {
                            Some(s) => self.truthy(&s)?,
                            None => false,
                        };
                        if i.is_negative() && !signed {
                            return Err(PyError::overflow(
                                "can't convert negative int to unsigned",
                            ));
                        }
                        let mut bytes = i.to_big().to_signed_bytes_le();
                        if !signed && bytes.last() == Some(&0) && bytes.len() > 1 {
                            bytes.pop();
                        }
                        if i.is_zero() {
                            bytes.clear();
                        }
                        let fits = bytes.len() <= length
                            && (!signed || bytes.len() < length || length == 0 || {
                                let top = bytes.last().copied().unwrap_or(0);
                                (top & 0x80 != 0) == i.is_negative()
                            });
                        if !fits {
                            return Err(PyError::overflow("int too big to convert"));
                        }
                        let fill = if i.is_negative() { 0xff } else { 0 };
                        bytes.resize(length, fill);
                        if big {
                            bytes.reverse();
                        }
                        Ok(self.new_bytes(bytes))
                    }
                    "conjugate" => Ok(obj.clone()),
                    _ => Err(PyError::no_attribute("int", name)),
                }
            }
            Value::Float(f) => match name {
                "is_integer" => Ok(Value::Bool(f.v.fract() == 0.0)),
                "as_integer_ratio" => {
                    if !f.v.is_finite() {
                        return Err(if f.v.is_nan() {
                            PyError::value("cannot convert NaN to integer ratio")
                        } else {
                            PyError::overflow("cannot convert Infinity to integer ratio")
                        });
                    }
                    // x = m * 2**e exactly; reduce by the common power of two
                    let bits = f.v.to_bits();
                    let exp = ((bits >> 52) & 0x7ff) as i64;
                    let mut mant = (bits & ((1u64 << 52) - 1)) as i64;
                    let mut e = if exp == 0 {
                        -1074
                    } else {
                        mant |= 1 << 52;
                        exp - 1075
                    };
                    if mant == 0 {
                        let z = self.new_i64(0);
                        let one = self.new_i64(1);
                        return Ok(self.new_tuple(vec![z, one]));
                    }
                    while mant % 2 == 0 && e < 0 {
                        mant /= 2;
                        e += 1;
                    }
                    let sign = if f.v < 0.0 { -1 } else { 1 };
                    let (num, den) = if e >= 0 {
                        (
                            Int::Small(sign * mant).mul(&Int::Small(2).pow(&Int::Small(e))?)?,
                            Int::Small(1),
                        )
                    } else {
                        (Int::Small(sign * mant), Int::Small(2).pow(&Int::Small(-e))?)
                    };
                    let n = self.new_int(num);
                    let d = self.new_int(den);
                    Ok(self.new_tuple(vec![n, d]))
                }
                "conjugate" => Ok(obj.clone()),
                _ => Err(PyError::no_attribute("float", name)),
            },
            Value::Complex(c) => match name {
                "conjugate" => Ok(self.new_complex(c.re, -c.im)),
                _ => Err(PyError::no_attribute("complex", name)),
            },
            Value::DType(d) if name == "newbyteorder" => self.dtype_newbyteorder(d.dtype, args, kw),
            other => {
                let f = self.getattr(other, name)?;
                self.call(&f, args, kw)
            }
        }
    }
}

impl Args {
    /// Remaining keyword arguments (for `**kwargs` parameters).
    pub fn kw_rest(&mut self) -> Vec<(String, Value)> {
        self.take_kw()
    }
}

/// Whether `T.name` is a method of the builtin type `T` (`str.lower`, `list.append`).
fn unbound_method(kind: TypeKind, name: &str) -> bool {
    match kind {
        TypeKind::Str => crate::eval::builtins::strmethods::STR_METHODS.contains(&name),
        TypeKind::List => LIST_METHODS.contains(&name),
        TypeKind::Dict => DICT_METHODS.contains(&name),
        TypeKind::Set => SET_METHODS.contains(&name),
        _ => false,
    }
}
