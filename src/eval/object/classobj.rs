//! Classes made by `class`, their instances, and `property`/`staticmethod`/`classmethod`:
//! the method resolution order (C3), attribute lookup as `object.__getattribute__` does it
//! (data descriptors, the instance dict, then the class), binding methods, and making
//! instances (`__init__`). Operators on instances are in `dunder`, exceptions in `excobj`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::basemethods;
use crate::eval::object::value::*;
use crate::runtime::ObjId;

/// A class made by a `class` statement.
pub struct PyClass {
    pub id: ObjId,
    pub name: String,
    pub qualname: String,
    /// The bases as written: classes or builtin types.
    pub bases: Vec<Value>,
    /// The method resolution order after the class itself (C3), ending with `object`.
    pub mro: Vec<Value>,
    /// The class namespace, in definition order.
    pub dict: RefCell<Vec<(Rc<str>, Value)>>,
    /// The builtin exception class it derives from, if any (its instances are exceptions).
    pub exc_kind: Option<ErrorKind>,
    /// What its instances hold: `__slots__`, a `__dict__`, a `__weakref__`.
    pub layout: InstanceLayout,
}

/// The shape of a class's instances as `__slots__` decides it (CPython's `type_new` slots).
#[derive(Clone, Default)]
pub struct InstanceLayout {
    /// Every slot along the MRO, the class's own last.
    pub slots: Rc<[Rc<str>]>,
    /// Whether instances have a `__dict__` (a class without `__slots__`, or with `'__dict__'`
    /// in them, or a base's).
    pub dict: bool,
    pub weakref: bool,
}

impl InstanceLayout {
    /// `sys.getsizeof` of an instance: the GC header, the object header, the slots and the
    /// weakref pointer, and 3.11's managed-dict pre-header.
    pub fn instance_size(&self) -> usize {
        16 + 16 + 8 * self.slots.len() + 8 * self.weakref as usize + 16 * self.dict as usize
    }
    /// Whether `name` is a slot (its value is not in the instance's `__dict__`).
    pub fn is_slot(&self, name: &str) -> bool {
        self.slots.iter().any(|s| &**s == name)
    }
}

/// An instance of a class made by `class`.
pub struct PyInstance {
    pub id: ObjId,
    pub class: Rc<PyClass>,
    pub dict: RefCell<Vec<(Rc<str>, Value)>>,
}

/// `property`, `staticmethod`, `classmethod`.
pub struct PyDescr {
    pub id: ObjId,
    pub kind: DescrKind,
}

pub enum DescrKind {
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
}

impl DescrKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            DescrKind::Property { .. } => "property",
            DescrKind::StaticMethod(_) => "staticmethod",
            DescrKind::ClassMethod(_) => "classmethod",
        }
    }
}

fn dict_get(d: &RefCell<Vec<(Rc<str>, Value)>>, name: &str) -> Option<Value> {
    d.borrow()
        .iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

fn dict_set(d: &RefCell<Vec<(Rc<str>, Value)>>, name: &str, v: Value) {
    let old = {
        let mut d = d.borrow_mut();
        match d.iter_mut().find(|(k, _)| &**k == name) {
            Some((_, slot)) => Some(std::mem::replace(slot, v)),
            None => {
                d.push((Rc::from(name), v));
                None
            }
        }
    };
    drop(old);
}

fn dict_del(d: &RefCell<Vec<(Rc<str>, Value)>>, name: &str) -> bool {
    let removed = {
        let mut d = d.borrow_mut();
        d.iter()
            .position(|(k, _)| &**k == name)
            .map(|p| d.remove(p))
    };
    removed.is_some()
}

impl PyClass {
    /// Looks a name up in the class and its bases (user classes only; builtin bases hold no
    /// Python-level attributes arrsh models).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = dict_get(&self.dict, name) {
            return Some(v);
        }
        for c in &self.mro {
            if let Value::Class(c) = c
                && let Some(v) = dict_get(&c.dict, name)
            {
                return Some(v);
            }
        }
        None
    }

    /// Whether `other` is this class or one of its bases.
    pub fn is_subclass_of(self: &Rc<Self>, other: &Value) -> bool {
        match other {
            Value::Class(o) => Rc::ptr_eq(self, o) || self.mro.iter().any(|c| same_class(c, other)),
            Value::Type(t) => match t.kind {
                TypeKind::Object => true,
                TypeKind::Exception(k) => self.exc_kind.is_some_and(|e| e.is_subclass_of(k)),
                _ => false,
            },
            _ => false,
        }
    }
}

/// Identity of classes and builtin types in an MRO.
fn same_class(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
        (Value::Type(x), Value::Type(y)) => x.kind == y.kind,
        _ => false,
    }
}

impl Interp {
    /// The MRO of a base (itself first), as C3 needs it.
    fn mro_of(&mut self, base: &Value) -> PyResult<Vec<Value>> {
        Ok(match base {
            Value::Class(c) => {
                let mut v = vec![base.clone()];
                v.extend(c.mro.iter().cloned());
                v
            }
            Value::Type(t) => match t.kind {
                TypeKind::Object => vec![base.clone()],
                TypeKind::Exception(k) => {
                    let mut v: Vec<Value> = k
                        .mro()
                        .into_iter()
                        .map(|k| self.objects.type_object(TypeKind::Exception(k)))
                        .collect();
                    v.push(self.objects.type_object(TypeKind::Object));
                    v
                }
                _ => {
                    return Err(PyError::not_implemented(format!(
                        "arrsh does not support subclassing '{}'",
                        crate::eval::text::pyrepr::type_qualname(t.kind)
                    )));
                }
            },
            other => {
                return Err(PyError::type_error(format!(
                    "bases must be types, not {}",
                    other.type_name()
                )));
            }
        })
    }

    /// C3 linearisation of the bases (the MRO after the class itself).
    fn c3(&mut self, name: &str, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut seqs: Vec<Vec<Value>> = Vec::new();
        for b in bases {
            seqs.push(self.mro_of(b)?);
        }
        seqs.push(bases.to_vec());
        let mut out: Vec<Value> = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                break;
            }
            let head = seqs
                .iter()
                .map(|s| s[0].clone())
                .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|x| same_class(x, h))));
            let Some(h) = head else {
                let names: Vec<String> = bases.iter().map(class_name).collect();
                return Err(PyError::type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            for s in &mut seqs {
                if same_class(&s[0], &h) {
                    s.remove(0);
                }
            }
            out.push(h);
        }
        let _ = name;
        let object = self.objects.type_object(TypeKind::Object);
        if !out.iter().any(|c| same_class(c, &object)) {
            out.push(object);
        }
        Ok(out)
    }

    /// `class name(bases): body` — runs the body function for its namespace, then makes the
    /// class (CPython's `__build_class__`).
    pub(crate) fn build_class(
        &mut self,
        body: &Value,
        name: &Value,
        bases: Vec<Value>,
    ) -> PyResult<Value> {
        let Value::Function(func) = body else {
            unreachable!("BuildClass gets the body function")
        };
        let Value::Str(name) = name else {
            unreachable!("BuildClass gets the name")
        };
        for b in &bases {
            if let Value::Class(_) | Value::Type(_) = b {
                continue;
            }
            return Err(PyError::type_error(format!(
                "bases must be types, not {}",
                b.type_name()
            )));
        }
        let bases = if bases.is_empty() {
            vec![self.objects.type_object(TypeKind::Object)]
        } else {
            bases
        };
        let mro = self.c3(&name.v, &bases)?;
        let exc_kind = mro.iter().find_map(|c| match c {
            Value::Type(t) => match t.kind {
                TypeKind::Exception(k) => Some(k),
                _ => None,
            },
            Value::Class(c) => c.exc_kind,
            _ => None,
        });
        // the body runs like a function whose locals are the namespace
        let mut frame = crate::eval::vm::frame::Frame::new(func.code.clone());
        frame.ns = Some(Default::default());
        self.attach_closure(&mut frame, func.closure.as_ref());
        let class_cell = match self.run_nested(&mut frame)? {
            crate::eval::vm::frame::Exit::Return(v) => v,
            crate::eval::vm::frame::Exit::Yield(_) => Value::None,
        };
        let mut ns = frame.ns.take().unwrap_or_default().items;
        let qualname = func.code.qualname.to_string();
        if !ns.iter().any(|(k, _)| &**k == "__module__") {
            let m = self.new_const_str("__main__");
            ns.insert(0, (Rc::from("__module__"), m));
        }
        if !ns.iter().any(|(k, _)| &**k == "__qualname__") {
            let q = self.new_str(qualname.clone());
            ns.insert(1.min(ns.len()), (Rc::from("__qualname__"), q));
        }
        let layout = self.instance_layout(&mro, &ns)?;
        let class = Rc::new(PyClass {
            id: self.ctx.heap.object(1688),
            name: name.v.clone(),
            qualname,
            bases,
            mro,
            dict: RefCell::new(ns),
            exc_kind,
            layout,
        });
        let v = Value::Class(class);
        if let Value::Cell(c) = class_cell {
            *c.value.borrow_mut() = Some(v.clone());
        }
        Ok(v)
    }

    /// The instance layout `__slots__` gives (CPython's `type_new_slots`): the bases' slots and
    /// dict/weakref, then the class's own, checked as CPython checks them.
    fn instance_layout(
        &mut self,
        mro: &[Value],
        ns: &[(Rc<str>, Value)],
    ) -> PyResult<InstanceLayout> {
        let mut base = InstanceLayout::default();
        // the nearest user class's layout is the base's (it already holds its own bases');
        // a builtin base (object, an exception) gives a plain object's
        match mro.iter().find_map(|c| match c {
            Value::Class(c) => Some(c.layout.clone()),
            _ => None,
        }) {
            Some(l) => base = l,
            None => {
                if mro.iter().any(
                    |c| matches!(c, Value::Type(t) if matches!(t.kind, TypeKind::Exception(_))),
                ) {
                    base.dict = true;
                }
            }
        }
        let Some((_, spec)) = ns.iter().find(|(k, _)| &**k == "__slots__") else {
            // no __slots__: a dict and a weakref slot unless a base has them
            return Ok(InstanceLayout {
                dict: true,
                weakref: true,
                ..base
            });
        };
        let names = match spec {
            Value::Str(_) => vec![spec.clone()],
            other => self.collect(other)?,
        };
        let mut own: Vec<Rc<str>> = Vec::with_capacity(names.len());
        let (mut dict, mut weakref) = (base.dict, base.weakref);
        for n in &names {
            let Value::Str(n) = n else {
                return Err(PyError::type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    n.type_name()
                )));
            };
            if !crate::syntax::is_identifier(&n.v) {
                return Err(PyError::type_error("__slots__ must be identifiers"));
            }
            match n.v.as_str() {
                "__dict__" => dict = true,
                "__weakref__" => weakref = true,
                v => {
                    if ns.iter().any(|(k, _)| &**k == v) {
                        return Err(PyError::value(format!(
                            "'{v}' in __slots__ conflicts with class variable"
                        )));
                    }
                    own.push(Rc::from(v));
                }
            }
        }
        let slots: Vec<Rc<str>> = base.slots.iter().cloned().chain(own).collect();
        Ok(InstanceLayout {
            slots: slots.into(),
            dict,
            weakref,
        })
    }

    /// `C(*args, **kw)`: a new instance, initialised by `__init__`.
    pub(crate) fn instantiate(
        &mut self,
        class: &Rc<PyClass>,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let obj = match class.exc_kind {
            Some(kind) if super::excgroup::is_group_kind(kind) => {
                self.new_exception_group(kind, Some(class.clone()), args.clone(), kw.clone())?
            }
            Some(kind) => {
                let a = self.new_tuple(args.clone());
                self.new_exception_object(kind, Some(class.clone()), a, None)
            }
            None => Value::Instance(Rc::new(PyInstance {
                id: self.ctx.heap.object(class.layout.instance_size()),
                class: class.clone(),
                dict: RefCell::new(Vec::new()),
            })),
        };
        match class.lookup("__init__") {
            Some(init) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(obj.clone());
                a.extend(args);
                let r = self.call(&init, a, kw)?;
                if !r.is_none() {
                    return Err(PyError::type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            None if class.exc_kind.is_none() && (!args.is_empty() || !kw.is_empty()) => {
                return Err(PyError::type_error(format!(
                    "{}() takes no arguments",
                    class.name
                )));
            }
            None => {}
        }
        Ok(obj)
    }

    /// The function `obj.name(...)` would call with `obj` first, when that is a plain Python
    /// function found on the class (so no bound method object is made).
    pub(crate) fn method_of(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let class = match obj {
            Value::Instance(i) => {
                if dict_get(&i.dict, name).is_some() {
                    return Ok(None);
                }
                i.class.clone()
            }
            Value::Exception(e) => match &e.class {
                Some(c) if dict_get(&e.dict, name).is_none() => c.clone(),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        Ok(match class.lookup(name) {
            Some(f @ Value::Function(_)) => Some(f),
            _ => None,
        })
    }

    /// `obj.name` for instances, classes, functions and descriptors (`None` for other
    /// values: the caller asks the builtin types).
    pub(crate) fn user_getattr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match obj {
            Value::Instance(i) => {
                let class = i.class.clone();
                let found = class.lookup(name);
                if let Some(Value::Descr(d)) = &found
                    && let DescrKind::Property { fget, .. } = &d.kind
                {
                    if fget.is_none() {
                        return Err(PyError::attribute(format!(
                            "property '{name}' of '{}' object has no getter",
                            class.name
                        )));
                    }
                    let fget = fget.clone();
                    return Ok(Some(self.call(&fget, vec![obj.clone()], vec![])?));
                }
                if let Some(v) = dict_get(&i.dict, name) {
                    return Ok(Some(v));
                }
                match name {
                    "__class__" => return Ok(Some(Value::Class(class))),
                    "__dict__" if class.layout.dict => {
                        return Ok(Some(self.attrs_dict(&i.dict, &class.layout.slots)?));
                    }
                    _ => {}
                }
                // what the class inherits from its builtin bases (`p.__repr__`)
                let base = match &found {
                    None => basemethods::inherited(&class.mro, name),
                    Some(_) => None,
                };
                match found {
                    Some(v) => self.bind_found(v, obj, &class)?,
                    None if base.is_some() => {
                        let e = base.expect("the guard saw Some");
                        self.new_method(obj.clone(), e.row.name)
                    }
                    None => {
                        if let Some(ga) = class.lookup("__getattr__") {
                            let n = self.new_str(name.to_string());
                            return Ok(Some(self.call(&ga, vec![obj.clone(), n], vec![])?));
                        }
                        return Err(PyError::attribute(format!(
                            "'{}' object has no attribute '{name}'",
                            class.name
                        )));
                    }
                }
            }
            Value::Class(c) => match c.lookup(name) {
                Some(Value::Descr(d)) => match &d.kind {
                    DescrKind::StaticMethod(f) => f.clone(),
                    DescrKind::ClassMethod(f) => self.new_bound_method(f.clone(), obj.clone()),
                    DescrKind::Property { .. } => Value::Descr(d),
                },
                Some(v) => v,
                None => match name {
                    "__name__" => self.new_str(c.name.clone()),
                    "__qualname__" => self.new_str(c.qualname.clone()),
                    "__module__" => self.new_const_str("__main__"),
                    "__bases__" => {
                        let b = c.bases.clone();
                        self.new_tuple(b)
                    }
                    "__mro__" => {
                        let mut m = vec![obj.clone()];
                        m.extend(c.mro.iter().cloned());
                        self.new_tuple(m)
                    }
                    "__class__" => self.objects.type_object(TypeKind::Type),
                    "__doc__" => Value::None,
                    "__dict__" => self.attrs_dict(&c.dict, &[])?,
                    _ => {
                        // a builtin base's method, unbound (`P.__repr__`: `object`'s slot
                        // wrapper)
                        if let Some((base, e)) = basemethods::inherited_from(&c.mro, name) {
                            return Ok(Some(self.new_method(base.clone(), e.short)));
                        }
                        return Err(PyError::attribute(format!(
                            "type object '{}' has no attribute '{name}'",
                            c.name
                        )));
                    }
                },
            },
            Value::Function(f) => match name {
                "__name__" => {
                    let n = f.name.borrow().to_string();
                    self.new_str(n)
                }
                "__qualname__" => {
                    let n = f.qualname.borrow().to_string();
                    self.new_str(n)
                }
                "__module__" => self.new_const_str("__main__"),
                "__defaults__" => f.defaults.borrow().clone().unwrap_or(Value::None),
                "__kwdefaults__" => f.kwdefaults.borrow().clone().unwrap_or(Value::None),
                "__closure__" => f.closure.clone().unwrap_or(Value::None),
                "__doc__" => dict_get(&f.dict, "__doc__").unwrap_or(Value::None),
                "__class__" => self.objects.type_object(TypeKind::Function),
                "__dict__" => self.attrs_dict(&f.dict, &[])?,
                _ => match dict_get(&f.dict, name) {
                    Some(v) => v,
                    // what the function type has (`object`'s methods) comes next
                    None => return Ok(None),
                },
            },
            Value::BoundMethod(m) => match name {
                "__self__" => m.obj.clone(),
                "__func__" => m.func.clone(),
                _ => return self.user_getattr(&m.func.clone(), name),
            },
            Value::Descr(d) => match (&d.kind, name) {
                (DescrKind::Property { fget, .. }, "fget") => fget.clone(),
                (DescrKind::Property { fset, .. }, "fset") => fset.clone(),
                (DescrKind::Property { fdel, .. }, "fdel") => fdel.clone(),
                (DescrKind::Property { .. }, "setter" | "getter" | "deleter") => {
                    self.new_method(obj.clone(), name)
                }
                (DescrKind::StaticMethod(f) | DescrKind::ClassMethod(f), "__func__") => f.clone(),
                _ => return Err(PyError::no_attribute(d.kind.type_name(), name)),
            },
            Value::Exception(_) => return self.exception_getattr(obj, name).map(Some),
            Value::Record(r) if r.type_name == "super" => {
                let r = r.clone();
                return self.super_getattr(&r, name).map(Some);
            }
            _ => return Ok(None),
        }))
    }

    /// What an attribute found on the class is when read through an instance.
    fn bind_found(&mut self, v: Value, obj: &Value, class: &Rc<PyClass>) -> PyResult<Value> {
        Ok(match v {
            Value::Function(_) => self.new_bound_method(v, obj.clone()),
            Value::Descr(d) => match &d.kind {
                DescrKind::StaticMethod(f) => f.clone(),
                DescrKind::ClassMethod(f) => {
                    self.new_bound_method(f.clone(), Value::Class(class.clone()))
                }
                DescrKind::Property { .. } => Value::Descr(d),
            },
            other => other,
        })
    }

    pub(crate) fn new_bound_method(&mut self, func: Value, obj: Value) -> Value {
        Value::BoundMethod(Rc::new(PyBoundMethod {
            id: self.ctx.heap.object(64),
            func,
            obj,
        }))
    }

    /// `obj.name = v` for instances, classes and functions; `Ok(false)` for other values.
    pub(crate) fn user_setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<bool> {
        match obj {
            Value::Instance(i) => {
                if let Some(Value::Descr(d)) = i.class.lookup(name)
                    && let DescrKind::Property { fset, .. } = &d.kind
                {
                    if fset.is_none() {
                        return Err(PyError::attribute(format!(
                            "property '{name}' of '{}' object has no setter",
                            i.class.name
                        )));
                    }
                    let fset = fset.clone();
                    self.call(&fset, vec![obj.clone(), v], vec![])?;
                    return Ok(true);
                }
                if let Some(sa) = i.class.lookup("__setattr__") {
                    let n = self.new_str(name.to_string());
                    self.call(&sa, vec![obj.clone(), n, v], vec![])?;
                    return Ok(true);
                }
                self.set_own_attr(obj, name, v)?;
                Ok(true)
            }
            Value::Class(c) => {
                dict_set(&c.dict, name, v);
                Ok(true)
            }
            Value::Function(f) => {
                match name {
                    "__name__" => {
                        if let Value::Str(s) = &v {
                            *f.name.borrow_mut() = Rc::from(s.v.as_str());
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &v {
                            *f.qualname.borrow_mut() = Rc::from(s.v.as_str());
                        }
                    }
                    "__defaults__" => *f.defaults.borrow_mut() = (!v.is_none()).then_some(v),
                    _ => dict_set(&f.dict, name, v),
                }
                Ok(true)
            }
            Value::Exception(e) => {
                match name {
                    "args" => {
                        let t = match &v {
                            Value::Tuple(_) => v,
                            other => {
                                let items = self.collect(other)?;
                                self.new_tuple(items)
                            }
                        };
                        *e.args.borrow_mut() = t;
                    }
                    "__cause__" => {
                        *e.cause.borrow_mut() = (!v.is_none()).then_some(v);
                        e.suppress_context.set(true);
                    }
                    // a T_BOOL member
                    "__suppress_context__" => match v {
                        Value::Bool(b) => e.suppress_context.set(b),
                        _ => {
                            return Err(PyError::type_error("attribute value type must be bool"));
                        }
                    },
                    "__context__" => *e.context.borrow_mut() = (!v.is_none()).then_some(v),
                    _ => dict_set(&e.dict, name, v),
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let (d, owner) = match obj {
            Value::Instance(i) => (&i.dict, i.class.name.clone()),
            Value::Class(c) => (&c.dict, c.name.clone()),
            Value::Function(f) => (&f.dict, "function".to_string()),
            Value::Exception(e) => (&e.dict, e.class_name()),
            _ => {
                return Err(PyError::attribute(format!(
                    "'{}' object attribute '{name}' is read-only",
                    obj.short_type_name()
                )));
            }
        };
        if dict_del(d, name) {
            return Ok(());
        }
        if let Value::Instance(i) = obj
            && i.class.layout.is_slot(name)
        {
            // an empty slot's member descriptor says only the name
            return Err(PyError::attribute(name.to_string()));
        }
        Err(PyError::attribute(match obj {
            Value::Class(_) => format!("type object '{owner}' has no attribute '{name}'"),
            _ => format!("'{owner}' object has no attribute '{name}'"),
        }))
    }

    /// `property(fget)`, `staticmethod(f)`, `classmethod(f)`.
    pub(crate) fn new_descr(&mut self, kind: DescrKind) -> Value {
        let size = match kind {
            DescrKind::Property { .. } => 80,
            _ => 48,
        };
        Value::Descr(Rc::new(PyDescr {
            id: self.ctx.heap.object(size),
            kind,
        }))
    }

    /// `prop.setter(f)` and friends: a new property with one function replaced.
    pub(crate) fn property_with(&mut self, d: &PyDescr, which: &str, f: Value) -> PyResult<Value> {
        let DescrKind::Property { fget, fset, fdel } = &d.kind else {
            return Err(PyError::no_attribute(d.kind.type_name(), which));
        };
        let (mut g, mut s, mut x) = (fget.clone(), fset.clone(), fdel.clone());
        match which {
            "getter" => g = f,
            "setter" => s = f,
            _ => x = f,
        }
        Ok(self.new_descr(DescrKind::Property {
            fget: g,
            fset: s,
            fdel: x,
        }))
    }

    /// `super()` inside a method: the class after `__class__` in the MRO of `self`'s class.
    pub(crate) fn new_super(&mut self, class: Value, obj: Value) -> PyResult<Value> {
        let fields = vec![("__thisclass__", class), ("__self__", obj)];
        Ok(self.new_record("super", "<super object>".into(), fields))
    }

    /// `super().name`: looked up in the classes after `__thisclass__` in the MRO of
    /// `__self__`'s class, bound to `__self__`.
    pub(crate) fn super_getattr(&mut self, r: &Record, name: &str) -> PyResult<Value> {
        let this = r.fields[0].1.clone();
        let obj = r.fields[1].1.clone();
        let start = match &obj {
            Value::Instance(i) => i.class.clone(),
            Value::Exception(e) => match &e.class {
                Some(c) => c.clone(),
                None => return Err(PyError::no_attribute("super", name)),
            },
            Value::Class(c) => c.clone(),
            _ => return Err(PyError::no_attribute("super", name)),
        };
        let mut mro = vec![Value::Class(start.clone())];
        mro.extend(start.mro.iter().cloned());
        let pos = mro.iter().position(|c| same_class(c, &this)).unwrap_or(0);
        for c in &mro[pos + 1..] {
            match c {
                Value::Class(k) => {
                    if let Some(v) = dict_get(&k.dict, name) {
                        return match (&obj, v) {
                            (Value::Class(_), Value::Function(f)) => Ok(Value::Function(f)),
                            (_, v) => self.bind_found(v, &obj, &start),
                        };
                    }
                }
                Value::Type(_) => {
                    // a builtin base: its method rows, bound to the instance (or the class)
                    if let Some(e) = basemethods::inherited(std::slice::from_ref(c), name) {
                        return Ok(self.new_method(obj, e.row.name));
                    }
                }
                _ => {}
            }
        }
        Err(PyError::attribute(format!(
            "'super' object has no attribute '{name}'"
        )))
    }

    /// `__dict__` of an object whose attributes arrsh keeps as a list: a new dict of them,
    /// without its `slots` (an instance keeps its slots' values in the same list).
    pub(crate) fn attrs_dict(
        &mut self,
        d: &RefCell<Vec<(Rc<str>, Value)>>,
        slots: &[Rc<str>],
    ) -> PyResult<Value> {
        let mut items: Vec<(Rc<str>, Value)> = d.borrow().clone();
        items.retain(|(k, _)| !slots.contains(k));
        self.str_dict(items)
    }

    /// A dict of attribute names (new `str`s) and values.
    pub(crate) fn str_dict(&mut self, items: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
        let items = items
            .into_iter()
            .map(|(k, v)| (self.new_str(k.to_string()), v))
            .collect();
        self.new_dict(items)
    }

    /// `object.__setattr__(obj, name, v)`: into the object's own dict, past its class's
    /// `__setattr__`.
    pub(crate) fn set_own_attr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                // a slot, or the dict if it has one
                if !i.class.layout.dict && !i.class.layout.is_slot(name) {
                    return Err(PyError::no_attribute(&i.class.name, name));
                }
                dict_set(&i.dict, name, v)
            }
            Value::Exception(e) => dict_set(&e.dict, name, v),
            Value::Function(f) => dict_set(&f.dict, name, v),
            other => return Err(PyError::no_attribute(&other.type_name(), name)),
        }
        Ok(())
    }

    /// `<__main__.P object at 0x...>`.
    pub(crate) fn default_repr(&self, v: &Value) -> String {
        let name = match v {
            Value::Instance(i) => format!("__main__.{}", i.class.qualname),
            other => other.type_name(),
        };
        format!("<{name} object at {:#x}>", self.id_of(v))
    }
}

/// A class's name as messages show it.
pub fn class_name(v: &Value) -> String {
    match v {
        Value::Class(c) => c.name.clone(),
        Value::Type(t) => crate::eval::text::pyrepr::type_qualname(t.kind),
        other => other.type_name(),
    }
}
