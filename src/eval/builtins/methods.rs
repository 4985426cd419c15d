//! Attribute access and method calls: the dispatch by receiver type, and the methods of Python's
//! own types (`list.append`, `str.format`, `dict.items`...). Arrays are in `arraymethods`.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;

/// Whether NumPy's `owner` type has a property `name` (a getset descriptor, in NumPy 2.4's
/// names); one with no setter refuses assignment as "not writable".
fn is_property(owner: &str, name: &str) -> bool {
    crate::eval::registry::names::what(owner, name) == Some("attribute")
}

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
        // np.str_ and np.bytes_ subclass str and bytes: their methods (`s.upper()`) are the
        // Python value's, and give Python values back
        if let Value::Scalar(s) = obj {
            let py = match &s.v {
                crate::runtime::Scalar::Str(t)
                    if crate::eval::registry::names::knows("str", name) =>
                {
                    Some(self.new_str(t.clone()))
                }
                crate::runtime::Scalar::Bytes(b)
                    if s.dtype.kind == crate::runtime::Kind::Bytes
                        && crate::eval::registry::names::knows("bytes", name) =>
                {
                    Some(self.new_bytes(b.clone()))
                }
                _ => None,
            };
            if let Some(py) = py
                && !crate::eval::registry::names::knows("generic", name)
            {
                return self.getattr(&py, name);
            }
        }
        if let Value::Native(n) = obj
            && let Some(f) = n.slots.getattr
            && let Some(v) = f(self, obj, name)?
        {
            return Ok(v);
        }
        // `itertools.chain.from_iterable`: attributes of a type the registry makes
        if let Value::Type(t) = obj
            && let TypeKind::Record(owner) = t.kind
            && let Some(e) = crate::eval::registry::lookup(owner, name)
        {
            return self.entry_value(e, obj);
        }
        match self.own_attr(obj, name) {
            Err(e) => {
                let owner = match obj {
                    Value::Module(m) => m.name,
                    Value::Function(_) => "function",
                    other => crate::eval::registry::call::owners_of(other)
                        .first()
                        .copied()
                        .unwrap_or(""),
                };
                // what every object inherits from `object` (`__class__`), and its methods
                // where the type does not define its own (`[].__format__` is `object`'s,
                // `[].__init__` is `list`'s)
                if let Some(entry) = crate::eval::registry::lookup("object", name).filter(|e| {
                    !e.is_method()
                        || crate::eval::registry::names::inherited_from_object(owner, name)
                }) {
                    // a method bound by its row's name, which its calls and repr read
                    if entry.is_method() {
                        return Ok(self.new_method(obj.clone(), entry.row.name));
                    }
                    return self.entry_value(entry, obj);
                }
                Err(self.missing_attribute(owner, name, e))
            }
            ok => ok,
        }
    }

    fn own_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Array(a) => {
                let a = a.clone();
                match self.array_attr(&a, obj, name) {
                    // a recarray's fields are attributes where no ndarray attribute is
                    Err(e) if a.is_recarray() && e.kind == crate::ErrorKind::AttributeError => {
                        self.recarray_field(&a, name)
                    }
                    r => r,
                }
            }
            Value::Scalar(s) => {
                let s = s.clone();
                match self.scalar_attr(&s, obj, name) {
                    Err(e) if s.dtype.record && e.kind == crate::ErrorKind::AttributeError => {
                        self.record_field(&s, name)
                    }
                    r => r,
                }
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
                // `str.lower`, `list.append`: methods looked up on the type, called with the
                // receiver first
                _ if type_method(t.kind, name).is_some() => Ok(self.new_method(obj.clone(), name)),
                "__name__" | "__qualname__" => {
                    let q = crate::eval::text::pyrepr::type_qualname(t.kind);
                    Ok(self.new_str(q.rsplit('.').next().unwrap_or(&q).to_string()))
                }
                "__mro__" | "__bases__" => {
                    use crate::eval::object::typebases;
                    let kinds = match name {
                        "__mro__" => typebases::mro(t.kind),
                        _ => typebases::bases(t.kind),
                    };
                    let items = kinds
                        .into_iter()
                        .map(|k| self.objects.type_object(k))
                        .collect();
                    Ok(self.new_tuple(items))
                }
                "__base__" => Ok(crate::eval::object::typebases::bases(t.kind)
                    .first()
                    .map_or(Value::None, |&k| self.objects.type_object(k))),
                _ => Err(PyError::attribute(format!(
                    "type object '{}' has no attribute '{name}'",
                    crate::eval::text::pyrepr::type_qualname(t.kind)
                        .rsplit('.')
                        .next()
                        .unwrap_or("type")
                ))),
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
                // `a.real = v` / `a.imag = v`: every element's part (NumPy's `array_real_set`)
                "real" | "imag" => {
                    if name == "imag" && a.dtype().kind != crate::runtime::Kind::Complex {
                        return Err(PyError::no_imaginary_part_to_set());
                    }
                    let part = self.getattr(obj, name)?;
                    self.setitem(&part, &Value::Ellipsis, v)
                }
                "strides" | "dtype" | "data" => Err(PyError::attribute(format!(
                    "arrsh does not set '{name}' in place: make a new view with np.lib.stride_tricks.as_strided() or .view()"
                ))),
                _ if is_property("ndarray", name) => {
                    Err(PyError::attribute_not_writable(name, "numpy.ndarray"))
                }
                _ if self.recarray_setattr(a, name, &v)? => Ok(()),
                _ => Err(PyError::no_attribute("numpy.ndarray", name)),
            },
            // `rec.x = 5` writes the field of a np.record (into its array when it is a view)
            Value::Scalar(s) if s.dtype.record && s.dtype.has_field(name) => {
                let key = self.new_str(name.into());
                let s = s.clone();
                self.void_setitem(&s, &key, &v).map(|_| ())
            }
            Value::Flags(f) => match name {
                "writeable" => {
                    let flag = self.truthy(&v)?;
                    f.array.set_writeable(flag)
                }
                // arrsh's buffers are always aligned; setting True changes nothing
                "aligned" if self.truthy(&v)? => Ok(()),
                "writebackifcopy" if self.truthy(&v)? => Err(PyError::cannot_set_writebackifcopy()),
                "aligned" | "writebackifcopy" => Err(PyError::not_implemented(format!(
                    "arrsh does not clear the {} flag",
                    name.to_uppercase()
                ))),
                _ if is_property("flagsobj", name) => Err(PyError::attribute_not_writable(
                    name,
                    crate::eval::numpy::arrayattrs::FLAGS_TYPE,
                )),
                _ => Err(PyError::no_attribute(
                    crate::eval::numpy::arrayattrs::FLAGS_TYPE,
                    name,
                )),
            },
            Value::Scalar(_) if is_property("generic", name) => {
                Err(PyError::attribute_not_writable(name, "numpy.generic"))
            }
            Value::Scalar(_) => Err(PyError::no_attribute(&obj.type_name(), name)),
            Value::DType(_) if is_property("dtype", name) => {
                Err(PyError::attribute_not_writable(name, "numpy.dtype"))
            }
            Value::DType(_) => Err(PyError::no_attribute(&obj.type_name(), name)),
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
        // a method bound past the receiver's own classes (`super().__init__`) names its row
        if name.contains('.')
            && let Some(e) = crate::eval::registry::get(name).filter(|e| e.is_method())
        {
            return self.call_entry(e, obj.clone(), args, kw);
        }
        if let Some(r) = self.call_language_method(obj, name, &args) {
            return r;
        }
        if let Some(e) = Self::method_entry(obj, name) {
            return self.call_entry(e, obj.clone(), args, kw);
        }
        if let Value::Type(t) = obj
            && let Some(e) = type_method(t.kind, name)
            && e.row.kind == crate::eval::registry::Kind::ClassMethod
        {
            return self.call_entry(e, obj.clone(), args, kw);
        }
        match obj {
            Value::Type(t) if type_method(t.kind, name).is_some() => {
                // a builtin base's own method (`object.__repr__`, `ValueError.__str__`) is its
                // base's descriptor: that base is what it names and checks
                let base = crate::eval::object::basemethods::base_row(t.kind, name);
                let inherited = type_method(t.kind, name).filter(|e| e.owner == "object");
                let kind = match (base, inherited) {
                    (Some((k, _)), _) => k,
                    // `list.__format__` is `object`'s: any receiver will do
                    (None, Some(_)) => TypeKind::Object,
                    (None, None) => t.kind,
                };
                let base = base.map(|(_, e)| e).or(inherited);
                let mut args = args;
                if args.is_empty() {
                    return Err(match base {
                        Some(e) if e.row.kind == crate::eval::registry::Kind::Wrapper => {
                            PyError::descriptor_needs_argument(name, e.owner)
                        }
                        _ => PyError::unbound_needs_argument(
                            &crate::eval::text::pyrepr::type_qualname(kind),
                            name,
                        ),
                    });
                }
                let receiver = args.remove(0);
                if !self.is_instance(&receiver, kind) {
                    let owner = crate::eval::text::pyrepr::type_qualname(kind);
                    let got = receiver.type_name();
                    return Err(match base {
                        Some(e) if e.row.kind == crate::eval::registry::Kind::Wrapper => {
                            PyError::slot_wrapper_mismatch(name, &owner, &got)
                        }
                        _ => PyError::descriptor_mismatch(name, &owner, &got),
                    });
                }
                // run it whatever the receiver's class overrides (`object.__repr__(p)`)
                if let Some(e) = base {
                    return self.call_entry(e, receiver, args, kw);
                }
                self.call_method(&receiver, name, args, kw)
            }
            other => {
                let f = self.getattr(other, name)?;
                // a method looked up on a registry class (`collections.deque.append`) is
                // unbound: the receiver comes first and must be an instance of that class
                let class = crate::eval::registry::call::registry_class(other);
                if let (Some(class), Value::Method(m)) = (class, &f)
                    && &*m.name == name
                    && self.is_same(&m.obj, other)
                {
                    return self.call_unbound(class, name, args, kw);
                }
                self.call(&f, args, kw)
            }
        }
    }

    /// `Class.name(receiver, *args)` for a class the registry makes (`io.StringIO.write`).
    fn call_unbound(
        &mut self,
        class: &'static str,
        name: &str,
        mut args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let short = class.rsplit('.').next().unwrap_or(class);
        if args.is_empty() {
            return Err(PyError::unbound_needs_argument(short, name));
        }
        let receiver = args.remove(0);
        let ours = matches!(&receiver, Value::Native(n) if n.owners.contains(&class));
        if !ours {
            return Err(PyError::descriptor_mismatch(
                name,
                class,
                &receiver.type_name(),
            ));
        }
        self.call_method(&receiver, name, args, kw)
    }
}

/// The row of `T.name` when it is a method of the builtin type `T` (`str.lower`,
/// `list.append`).
pub(crate) fn type_method(
    kind: TypeKind,
    name: &str,
) -> Option<&'static crate::eval::registry::Entry> {
    use crate::eval::registry::{self, names};
    let owner = crate::eval::builtins::introspect::type_owner(kind);
    crate::eval::object::basemethods::base_row(kind, name)
        .map(|(_, e)| e)
        .or_else(|| registry::lookup(owner, name))
        // what the type inherits from `object` (`list.__format__`)
        .or_else(|| {
            names::inherited_from_object(owner, name)
                .then(|| registry::lookup("object", name))
                .flatten()
        })
        .filter(|e| e.is_method())
}
