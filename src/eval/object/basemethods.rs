//! The methods user classes inherit from their builtin bases, as rows: `object`'s (`__init__`,
//! `__repr__`, `__eq__`, `__format__`...) and `BaseException`'s (`__init__`, `__str__`,
//! `__repr__`). `super()`, an instance or class whose own classes lack the name, and the base
//! type itself (`object.__repr__(x)`) reach them through `inherited`; a builtin value does not
//! (`[].__init__` is `list`'s own, which arrsh lacks), so these rows are never `object`'s
//! attributes for every value the way `object.__class__` is.

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{TypeKind, Value};
use crate::eval::registry::{self, Bound, Conv, Entry, Row};

pub const ROWS: &[Row] = &[
    Row::wrapper("object.__init__", "(*args, **kwargs)", object_init).conv(Conv::Own),
    Row::wrapper("object.__repr__", "()", object_repr),
    Row::wrapper("object.__str__", "()", object_str),
    Row::wrapper("object.__eq__", "(value, /)", object_eq),
    Row::wrapper("object.__ne__", "(value, /)", object_ne),
    Row::wrapper("object.__hash__", "()", object_hash),
    Row::wrapper("object.__setattr__", "(name, value, /)", object_setattr),
    Row::wrapper("object.__getattribute__", "(name, /)", object_getattribute),
    Row::method("object.__format__", "(format_spec, /)", object_format),
    Row::wrapper(
        "BaseException.__init__",
        "(*args, **kwargs)",
        exception_init,
    )
    .conv(Conv::Own),
    Row::wrapper("BaseException.__str__", "()", exception_str),
    Row::wrapper("BaseException.__repr__", "()", exception_repr),
];

/// A builtin base class: the registry owner of its rows, and its type.
type Base = (&'static str, TypeKind);

const OBJECT: Base = ("object", TypeKind::Object);
const BASE_EXCEPTION: Base = (
    "BaseException",
    TypeKind::Exception(ErrorKind::BaseException),
);
const BASE_GROUP: Base = (
    "BaseExceptionGroup",
    TypeKind::Exception(ErrorKind::BaseExceptionGroup),
);

/// The builtin bases whose methods the builtin type `kind` gives a class, nearest first (its
/// MRO's builtin classes that have rows).
fn bases(kind: TypeKind) -> &'static [Base] {
    match kind {
        TypeKind::Object => &[OBJECT],
        TypeKind::Exception(k) if crate::eval::object::excgroup::is_group_kind(k) => {
            &[BASE_GROUP, BASE_EXCEPTION, OBJECT]
        }
        TypeKind::Exception(_) => &[BASE_EXCEPTION, OBJECT],
        _ => &[],
    }
}

/// The method row `name` of the builtin type `kind`'s bases (for `ValueError`,
/// `BaseException.__str__`), with the type of the base that holds it.
pub fn base_row(kind: TypeKind, name: &str) -> Option<(TypeKind, &'static Entry)> {
    bases(kind).iter().find_map(|&(owner, base)| {
        registry::lookup(owner, name)
            .filter(|e| e.is_method())
            .map(|e| (base, e))
    })
}

/// The method row `name` finds in the builtin classes of an MRO (`object`, `ValueError`),
/// when no class before them has it.
pub fn inherited(mro: &[Value], name: &str) -> Option<&'static Entry> {
    inherited_from(mro, name).map(|(_, e)| e)
}

/// `inherited`, with the builtin class of the MRO that gave the row.
pub fn inherited_from<'a>(mro: &'a [Value], name: &str) -> Option<(&'a Value, &'static Entry)> {
    mro.iter().find_map(|c| {
        let Value::Type(t) = c else { return None };
        base_row(t.kind, name).map(|(_, e)| (c, e))
    })
}

/// `object.__init__`: extra arguments are an error when the type overrides `__init__`, or
/// keeps `object.__new__` (CPython's `object_init`: arrsh's classes keep it; the builtin types
/// that reach here make their value in `__new__`, so `(1).__init__(5)` is fine).
fn object_init(_: &mut Interp, a: Bound) -> PyResult<Value> {
    if a.star.is_empty() && a.kwargs.is_empty() {
        return Ok(Value::None);
    }
    match &a.this {
        Value::Instance(i) if i.class.lookup("__init__").is_none() => {
            Err(PyError::init_takes_one_argument(&i.class.name))
        }
        Value::Instance(_) | Value::Exception(_) => Err(PyError::init_takes_one_argument("object")),
        _ => Ok(Value::None),
    }
}

fn object_repr(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let r = it.default_repr(&a.this);
    Ok(it.new_str(r))
}

/// `object.__str__` is the type's `repr` (CPython's `object_str`).
fn object_str(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let r = it.repr(&a.this)?;
    Ok(it.new_str(r))
}

/// `object.__eq__`: identity, else NotImplemented.
fn object_eq(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("value")?;
    Ok(if it.is_same(&a.this, &other) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

/// `object.__ne__`: the inverse of `__eq__`, unless that is NotImplemented.
fn object_ne(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("value")?;
    match it.call_method(&a.this, "__eq__", vec![other], vec![])? {
        Value::NotImplemented => Ok(Value::NotImplemented),
        r => Ok(Value::Bool(!it.truthy(&r)?)),
    }
}

fn object_hash(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let h = crate::eval::object::hashing::pointer_hash(it.id_of(&a.this));
    Ok(it.new_i64(h))
}

/// `object.__setattr__`: into the instance's own dict, past any `__setattr__` of its class.
fn object_setattr(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let name = a.req("name")?;
    let v = a.req("value")?;
    let Value::Str(n) = &name else {
        return Err(PyError::attribute_name_must_be_string(&name.type_name()));
    };
    it.set_own_attr(&a.this, &n.v, v)?;
    Ok(Value::None)
}

fn object_getattribute(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let name = a.req("name")?;
    let Value::Str(n) = &name else {
        return Err(PyError::attribute_name_must_be_string(&name.type_name()));
    };
    let n = n.v.clone();
    it.getattr(&a.this, &n)
}

/// `object.__format__`: only the empty spec, which is `str(self)`.
fn object_format(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let spec = a.req("format_spec")?;
    let Value::Str(spec) = &spec else {
        return Err(PyError::sole_argument_must_be_str(
            "__format__",
            &spec.type_name(),
        ));
    };
    if !spec.v.is_empty() {
        return Err(PyError::type_error(format!(
            "unsupported format string passed to {}.__format__",
            a.this.short_type_name()
        )));
    }
    let s = it.str(&a.this)?;
    Ok(it.new_str(s))
}

/// `BaseException.__init__`: the arguments become `args`; no keywords.
fn exception_init(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let Value::Exception(x) = &a.this else {
        return Ok(Value::None);
    };
    if !a.kwargs.is_empty() {
        return Err(PyError::takes_no_keyword_arguments(&x.class_name()));
    }
    let t = it.new_tuple(a.star);
    *x.args.borrow_mut() = t;
    Ok(Value::None)
}

/// `BaseException.__str__`: from `args`, never a subclass's `__str__` (which may be the caller).
fn exception_str(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = it.base_exception_str(&a.this)?;
    Ok(it.new_str(s))
}

fn exception_repr(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = it.exception_repr(&a.this)?;
    Ok(it.new_str(s))
}
