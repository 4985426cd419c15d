//! The evaluator's side of the registry: calling a row, the value a name stands for, whose
//! attributes a value has, typed arguments with the spec's defaults, and the texts derived from
//! a row (repr, pretty form, the NotImplementedError for names arrsh lacks).

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::objects::Objects;
use crate::eval::object::value::{BoundMethod, TypeKind, Value};
use crate::eval::registry::{self, Bound, Entry, Identity, Kind, names};

/// The owners whose rows are `v`'s attributes, nearest first (`True` has `bool`'s and `int`'s).
pub fn owners_of(v: &Value) -> &'static [&'static str] {
    match v {
        Value::List(_) => &["list"],
        Value::Tuple(_) => &["tuple"],
        Value::Dict(d) => match &d.flavor {
            Some(f) => f.owners(),
            None => &["dict"],
        },
        Value::Set(s) if s.frozen => &["frozenset"],
        Value::Set(_) => &["set"],
        Value::Str(_) => &["str"],
        Value::Bytes(_) => &["bytes"],
        Value::Bool(_) => &["bool", "int"],
        Value::Int(_) => &["int"],
        Value::Float(_) => &["float"],
        Value::Complex(_) => &["complex"],
        Value::Range(_) => &["range"],
        Value::Slice(_) => &["slice"],
        Value::Array(_) => &["ndarray"],
        // NumPy's abstract scalar classes add a few methods (`np.integer.is_integer`)
        Value::Scalar(s) => match s.dtype.kind {
            crate::runtime::Kind::Int | crate::runtime::Kind::UInt => &["generic", "integer"],
            crate::runtime::Kind::Float => match s.dtype.itemsize {
                2 => &["generic", "float16"],
                4 => &["generic", "float32"],
                _ => &["generic", "float64"],
            },
            _ => &["generic"],
        },
        Value::DType(_) => &["dtype"],
        Value::Flags(_) => &["flagsobj"],
        Value::Builtin(b) => match registry::get(b.name).map(|e| e.type_name()) {
            Some("numpy.ufunc") => &["ufunc"],
            Some("function" | "numpy._ArrayFunctionDispatcher") => &["function"],
            _ => &["builtin_function_or_method"],
        },
        Value::Native(n) => n.owners,
        Value::Iter(i) if i.kind == "generator" => &["generator", "iterator"],
        Value::Iter(_) => &["iterator"],
        Value::Exception(x) if crate::eval::object::excgroup::is_group_kind(x.kind) => {
            &["BaseExceptionGroup", "BaseException", "object"]
        }
        Value::Exception(_) => &["BaseException", "object"],
        _ => &[],
    }
}

/// The object a row names when making it needs nothing but the session's objects (functions,
/// classes, types, modules and singletons); `None` for attributes and methods.
pub fn static_value(e: &'static Entry, objects: &Objects) -> Option<Value> {
    let e = registry::resolve(e);
    match e.row.kind {
        Kind::Attr | Kind::Method | Kind::ClassMethod | Kind::Wrapper | Kind::Alias(_) => None,
        Kind::Type(kind) | Kind::Constructor(kind) => Some(objects.type_object(kind)),
        Kind::Class => Some(objects.type_object(TypeKind::Record(e.row.name))),
        Kind::Module(_) => objects.module(e.row.name),
        Kind::Static => e.row.value.map(|make| make(objects)),
        _ => Some(objects.function(e.row.name)),
    }
}

/// The qualified name a user would write for `owner.name` (`numpy.foo`, `numpy.ndarray.foo`,
/// `list.foo`, `len`).
fn user_qualname(owner: &str, name: &str) -> String {
    match owner {
        "builtins" => name.to_string(),
        o if names::is_numpy_owner(o) => format!("numpy.{o}.{name}"),
        o => format!("{o}.{name}"),
    }
}

impl Interp {
    /// Calls a row with a call's arguments, bound by its spec (`this` is the receiver of a
    /// method).
    pub fn call_entry(
        &mut self,
        e: &'static Entry,
        this: Value,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let e = registry::resolve(e);
        // a NumPy scalar's methods run `ndarray`'s on it as a 0-d array and give 0-d results
        // back as scalars (NumPy's `gentype_generic_method`)
        let (this, on_scalar) = match this {
            Value::Scalar(s) if e.owner == "generic" => {
                (Value::Array(self.scalar_to_array(s.dtype, &s.v)?), true)
            }
            this => (this, false),
        };
        let b = registry::bind::bind(e.conv, &e.spec, e.qualname(), e.short, this, args, kw)?;
        match (e.row.run)(self, b)? {
            Value::Array(r) if on_scalar && r.ndim() == 0 => self.wrap_result(r),
            r => Ok(r),
        }
    }

    /// The value `owner.name` stands for: the function object, a bound method of `this`, or
    /// the attribute's value.
    pub fn entry_value(&mut self, e: &'static Entry, this: &Value) -> PyResult<Value> {
        let e = registry::resolve(e);
        match e.row.kind {
            Kind::Attr => (e.row.run)(self, Bound::receiver(e.short, this.clone(), &e.spec)),
            Kind::Method | Kind::ClassMethod | Kind::Wrapper => {
                Ok(self.new_method(this.clone(), e.short))
            }
            _ => Ok(static_value(e, &self.objects).unwrap_or(Value::None)),
        }
    }

    /// `v.name` from the registry: `None` when no row has it (the caller's own attributes
    /// come next).
    pub fn registry_attr(&mut self, v: &Value, name: &str) -> Option<PyResult<Value>> {
        for owner in owners_of(v) {
            if let Some(e) = registry::lookup(owner, name) {
                return Some(self.entry_value(e, v));
            }
        }
        None
    }

    /// `module.name` from the registry.
    pub fn registry_module_attr(&mut self, module: &str, name: &str) -> Option<PyResult<Value>> {
        let e = registry::lookup(module, name)?;
        Some(self.entry_value(e, &Value::None))
    }

    /// The row that is `v`'s method `name`, if one is.
    pub fn method_entry(v: &Value, name: &str) -> Option<&'static Entry> {
        // a user's exception class may override its builtin base's method (`derive`)
        if let Value::Exception(x) = v
            && x.class.as_ref().is_some_and(|c| c.lookup(name).is_some())
        {
            return None;
        }
        owners_of(v)
            .iter()
            .filter_map(|owner| registry::lookup(owner, name))
            .find(|e| e.is_method())
    }

    /// An AttributeError for `owner.name` becomes NotImplementedError when CPython or NumPy
    /// have the name: arrsh lacks it, the student should not conclude NumPy does.
    pub fn missing_attribute(&self, owner: &str, name: &str, err: PyError) -> PyError {
        if err.kind == crate::error::ErrorKind::AttributeError && names::knows(owner, name) {
            return PyError::not_implemented_name(&user_qualname(owner, name));
        }
        err
    }

    /// A parameter as an int: the value given, else the spec's default.
    pub fn arg_i64(&mut self, a: &mut Bound, name: &str) -> PyResult<i64> {
        match a.take_some(name) {
            Some(v) => self
                .int_value(&v, "")?
                .to_i64()
                .ok_or_else(PyError::too_large_for_c_long),
            None => Ok(a
                .default_text(name)
                .and_then(|d| d.parse().ok())
                .unwrap_or(0)),
        }
    }

    /// A C `int` parameter as NumPy reads it (`decimals=`): a `long` first, then its range.
    pub fn arg_c_int(&mut self, a: &mut Bound, name: &str) -> PyResult<i32> {
        let v = self.arg_i64(a, name)?;
        i32::try_from(v).map_err(|_| PyError::c_int_out_of_range(v < 0))
    }

    /// A C `long` argument of NumPy (an axis, an offset, a count): past 64 bits is CPython's
    /// OverflowError, never a saturated value.
    pub fn c_long(&mut self, v: &Value) -> PyResult<i64> {
        self.int_value(v, "")?
            .to_i64()
            .ok_or_else(PyError::too_large_for_c_long)
    }

    /// `arg_c_int` for a value already taken.
    pub fn c_int_value(&mut self, v: &Value) -> PyResult<i32> {
        let v = self.c_long(v)?;
        i32::try_from(v).map_err(|_| PyError::c_int_out_of_range(v < 0))
    }

    /// A parameter as a truth value: the value given, else the spec's default.
    pub fn arg_bool(&mut self, a: &mut Bound, name: &str) -> PyResult<bool> {
        match a.take(name) {
            Some(v) => self.truthy(&v),
            None => Ok(a.default_text(name) == Some("True")),
        }
    }

    /// A `dtype=` parameter: `None` when absent or `None`.
    pub fn arg_dtype(
        &mut self,
        a: &mut Bound,
        name: &str,
    ) -> PyResult<Option<crate::runtime::DType>> {
        match a.take_some(name) {
            Some(v) => Ok(Some(self.to_dtype(&v)?)),
            None => Ok(None),
        }
    }

    /// Keywords arrsh binds but does not honour: refused when given anything but the spec's
    /// default, never silently ignored.
    pub fn refuse_unsupported(&mut self, a: &mut Bound, names: &[&str]) -> PyResult<()> {
        for &n in names {
            let Some(v) = a.take(n) else { continue };
            let default = a.default_text(n).unwrap_or("None");
            let same = match (&v, default) {
                (Value::None, "None") => true,
                (Value::Bool(b), "True") => *b,
                (Value::Bool(b), "False") => !*b,
                (Value::Str(s), d) => {
                    d.strip_prefix('\'').and_then(|d| d.strip_suffix('\'')) == Some(&s.v)
                }
                _ => false,
            };
            if !same {
                let func = a.func;
                return Err(PyError::not_implemented(format!(
                    "arrsh's {func} does not support {n}="
                )));
            }
        }
        Ok(())
    }

    /// `repr()` of a registry function object.
    pub fn function_repr(&self, e: &Entry, id: u64) -> String {
        match e.row.kind {
            Kind::Ufunc { .. } => format!("<ufunc '{}'>", e.short),
            Kind::NpFunction => format!("<function {} at {id:#x}>", e.short),
            _ => format!("<built-in function {}>", e.short),
        }
    }

    /// IPython's pretty form of a registry callable: `<function len(obj, /)>`, `<function
    /// max>`, `<ufunc 'exp'>`, `<function sum at 0x...>`; `owner` replaces the row's owner
    /// (a scalar's methods show its own type).
    pub fn function_pretty(&self, e: &Entry, id: u64, owner: Option<&str>) -> String {
        let qual = match owner {
            Some(o) => format!("{o}.{}", e.short),
            None => e.qualname().to_string(),
        };
        match e.row.kind {
            Kind::Ufunc { .. } => format!("<ufunc '{}'>", e.short),
            // IPython prints Python functions with their signature, but NumPy's dispatched
            // ones are not Python functions to it: they show their repr
            Kind::NpFunction if e.type_name() != "function" => {
                format!("<function {} at {id:#x}>", e.short)
            }
            _ => match e.signature() {
                Some(sig) => format!("<function {qual}{sig}>"),
                None => format!("<function {qual}>"),
            },
        }
    }

    /// The row a bound method runs: its receiver's method, or the type's own when it was
    /// looked up on a type (`str.upper`, `dict.fromkeys`).
    fn bound_entry(m: &BoundMethod) -> Option<&'static Entry> {
        // bound past the receiver's own classes (`super().__init__`): the row's name
        if m.name.contains('.') {
            return registry::get(&m.name).filter(|e| e.is_method());
        }
        if let Value::Type(t) = &m.obj
            && registry_class(&m.obj).is_none()
        {
            return crate::eval::builtins::methods::type_method(t.kind, &m.name);
        }
        if let Some(class) = registry_class(&m.obj) {
            return registry::lookup(class, &m.name).filter(|e| e.is_method());
        }
        Self::method_entry(&m.obj, &m.name)
    }

    /// `repr()` of a bound method: `<built-in method append of list object at 0x...>`, a slot's
    /// `<method-wrapper '__len__' of numpy.ndarray object at 0x...>`, a method taken from its
    /// type `<method 'upper' of 'str' objects>`.
    pub fn method_repr(&self, m: &BoundMethod) -> String {
        let id = self.id_of(&m.obj);
        let e = Self::bound_entry(m);
        let name = e.map_or(&*m.name, |e| e.short);
        match (&m.obj, e.map(|e| e.row.kind)) {
            (Value::Type(_), Some(Kind::ClassMethod)) => {
                format!("<built-in method {name} of type object at {id:#x}>")
            }
            (obj, Some(kind)) if matches!(obj, Value::Type(_)) || registry_class(obj).is_some() => {
                let owner = e.map(|e| e.owner).unwrap_or("object");
                let what = if kind == Kind::Wrapper {
                    "slot wrapper"
                } else {
                    "method"
                };
                format!("<{what} '{name}' of '{owner}' objects>")
            }
            (obj, Some(Kind::Wrapper)) => format!(
                "<method-wrapper '{name}' of {} object at {id:#x}>",
                obj.type_name()
            ),
            (obj, _) => format!(
                "<built-in method {name} of {} object at {id:#x}>",
                obj.type_name()
            ),
        }
    }

    /// IPython's pretty form of a bound method: the function with its receiver's type
    /// (`<function list.append(object, /)>`, `<function int64.item(*args)>`, `<function
    /// Int64DType.newbyteorder(new_order='S', /)>`); slots and methods taken from their type
    /// show their repr.
    pub fn method_pretty(&self, m: &BoundMethod) -> String {
        let Some(e) = Self::bound_entry(m) else {
            return format!("<function {}.{}>", m.obj.short_type_name(), m.name);
        };
        let shown = match &m.obj {
            Value::Type(_) if e.row.kind != Kind::ClassMethod => return self.method_repr(m),
            obj if registry_class(obj).is_some() => return self.method_repr(m),
            _ if e.row.kind == Kind::Wrapper => return self.method_repr(m),
            Value::Scalar(s) => s.dtype.scalar_type_name().to_string(),
            Value::DType(d) => crate::eval::object::value::dtype_class_name(d.dtype).to_string(),
            // a native object's type shows its `__qualname__` (`StringIO`, `deque`)
            Value::Native(_) => e.owner.rsplit('.').next().unwrap_or(e.owner).to_string(),
            // a builtin method's `__qualname__` names its receiver's class
            Value::Exception(x) => x.class_name(),
            Value::Instance(i) => i.class.qualname.to_string(),
            _ => e.owner.to_string(),
        };
        self.function_pretty(e, self.id_of(&m.obj), Some(&shown))
    }

    /// A ufunc's `nin`, `nout`, `nargs`, `identity`.
    pub fn ufunc_attr(&mut self, e: &Entry, name: &str) -> Option<Value> {
        let Kind::Ufunc {
            nin,
            nout,
            identity,
        } = e.row.kind
        else {
            return None;
        };
        Some(match name {
            "nin" => self.new_i64(nin as i64),
            "nout" => self.new_i64(nout as i64),
            "nargs" => self.new_i64((nin + nout) as i64),
            "identity" => match identity {
                Identity::None => Value::None,
                Identity::Int(i) => self.new_i64(i),
                Identity::Bool(b) => Value::Bool(b),
                Identity::NegInf => self.new_float(f64::NEG_INFINITY),
            },
            _ => return None,
        })
    }

    /// `type(f)` of a registry function object.
    pub fn function_type(&self, e: &Entry) -> Value {
        self.objects.type_object(match e.type_name() {
            "function" => TypeKind::Function,
            "builtin_function_or_method" => TypeKind::BuiltinFunction,
            other => TypeKind::Record(other),
        })
    }
}

/// The registry owner of a class the registry makes (`collections.deque`, `_io.StringIO`,
/// `bytearray`), when `v` is one; `None` for everything else.
pub(crate) fn registry_class(v: &Value) -> Option<&'static str> {
    match v {
        Value::Type(t) => match t.kind {
            crate::eval::object::value::TypeKind::Record(owner) => Some(owner),
            _ => None,
        },
        Value::Builtin(b) => registry::get(b.name)
            .filter(|e| e.row.kind == Kind::Class)
            .map(|e| e.row.name),
        _ => None,
    }
}
