//! `collections.namedtuple`: classes made at run time and their instances (`_asdict`, `_replace`), and NumPy's result tuples.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::{NativeSlots, Value};
use crate::eval::registry::Bound;
use crate::syntax::ast::CmpOp;
use crate::syntax::{KEYWORDS, is_identifier};

/// A class made by `namedtuple`.
struct NtClass {
    name: String,
    /// `typename` leaked once per `namedtuple` call: native objects name their type with a
    /// static string.
    type_name: &'static str,
    fields: Vec<String>,
    /// Defaults of the last fields.
    defaults: Vec<Value>,
}

/// An instance: its class and its items.
struct NtInstance {
    class: Rc<NtClass>,
    items: Vec<Value>,
}

static NT_CLASS_SLOTS: NativeSlots = NativeSlots {
    call: Some(nt_make),
    repr: Some(nt_class_repr),
    getattr: Some(nt_class_attr),
    ..NativeSlots::NONE
};

static NT_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(nt_getitem),
    setitem: None,
    iter: Some(nt_iter),
    len: Some(nt_len),
    call: None,
    repr: Some(nt_repr),
    getattr: Some(nt_attr),
    compare: Some(nt_compare),
    hash: Some(nt_hash),
};

fn nt_hash(it: &mut Interp, me: &Value) -> PyResult<i64> {
    let (_, items) = nt_parts(me)?;
    let t = it.new_tuple(items);
    it.py_hash(&t)
}

pub(super) fn namedtuple(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let typename = a.req("typename")?;
    let names = a.req("field_names")?;
    let rename = it.arg_bool(&mut a, "rename")?;
    let defaults = match a.take_some("defaults") {
        Some(d) => it.collect(&d)?,
        None => Vec::new(),
    };
    let Value::Str(typename) = typename else {
        return Err(PyError::type_error("namedtuple() typename must be a str"));
    };
    let mut fields: Vec<String> = match &names {
        Value::Str(s) => {
            s.v.replace(',', " ")
                .split_whitespace()
                .map(String::from)
                .collect()
        }
        other => {
            let mut out = Vec::new();
            for v in it.collect(other)? {
                out.push(it.str(&v)?);
            }
            out
        }
    };
    if rename {
        let mut seen = std::collections::HashSet::new();
        for (i, f) in fields.iter_mut().enumerate() {
            if !is_identifier(f)
                || KEYWORDS.contains(&f.as_str())
                || f.starts_with('_')
                || !seen.insert(f.clone())
            {
                *f = format!("_{i}");
            }
        }
    }
    for name in std::iter::once(&typename.v).chain(fields.iter()) {
        if !is_identifier(name) {
            return Err(PyError::namedtuple_field(format!(
                "Type names and field names must be valid identifiers: {}",
                crate::eval::text::pyrepr::str_repr(name)
            )));
        }
        if KEYWORDS.contains(&name.as_str()) {
            return Err(PyError::namedtuple_field(format!(
                "Type names and field names cannot be a keyword: {}",
                crate::eval::text::pyrepr::str_repr(name)
            )));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for f in &fields {
        if f.starts_with('_') {
            return Err(PyError::namedtuple_field(format!(
                "Field names cannot start with an underscore: {}",
                crate::eval::text::pyrepr::str_repr(f)
            )));
        }
        if !seen.insert(f.clone()) {
            return Err(PyError::namedtuple_field(format!(
                "Encountered duplicate field name: {}",
                crate::eval::text::pyrepr::str_repr(f)
            )));
        }
    }
    if defaults.len() > fields.len() {
        return Err(PyError::type_error(
            "Got more default values than field names",
        ));
    }
    let type_name: &'static str = Box::leak(typename.v.clone().into_boxed_str());
    let class = NtClass {
        name: typename.v.clone(),
        type_name,
        fields,
        defaults,
    };
    Ok(it.native_obj(
        "type",
        &["collections._namedtuple_class"],
        &NT_CLASS_SLOTS,
        1072,
        Rc::new(class),
    ))
}

fn nt_class(v: &Value) -> PyResult<Rc<NtClass>> {
    Ok(state_of::<Rc<NtClass>>(v, "type")?.clone())
}

fn nt_make(
    it: &mut Interp,
    me: &Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let class = nt_class(me)?;
    let n = class.fields.len();
    if args.len() > n {
        return Err(PyError::type_error(format!(
            "{}.__new__() takes {} positional argument{} but {} were given",
            class.name,
            n + 1,
            if n == 0 { "" } else { "s" },
            args.len() + 1
        )));
    }
    let mut slots: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    slots.resize(n, None);
    for (k, v) in kw {
        let Some(i) = class.fields.iter().position(|f| *f == k) else {
            return Err(PyError::type_error(format!(
                "{}.__new__() got an unexpected keyword argument '{k}'",
                class.name
            )));
        };
        if slots[i].is_some() {
            return Err(PyError::type_error(format!(
                "{}.__new__() got multiple values for argument '{k}'",
                class.name
            )));
        }
        slots[i] = Some(v);
    }
    let first_default = n - class.defaults.len();
    let mut missing = Vec::new();
    for (i, s) in slots.iter_mut().enumerate() {
        if s.is_none() {
            if i >= first_default {
                *s = Some(class.defaults[i - first_default].clone());
            } else {
                missing.push(format!("'{}'", class.fields[i]));
            }
        }
    }
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            k => format!("{}, and {}", missing[..k - 1].join(", "), missing[k - 1]),
        };
        return Err(PyError::type_error(format!(
            "{}.__new__() missing {} required positional argument{}: {list}",
            class.name,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    let items = slots
        .into_iter()
        .map(|s| s.unwrap_or(Value::None))
        .collect();
    Ok(new_nt(it, class, items))
}

fn new_nt(it: &mut Interp, class: Rc<NtClass>, items: Vec<Value>) -> Value {
    let size = 40 + 8 * items.len();
    let type_name = class.type_name;
    it.native_obj(
        type_name,
        &["collections._namedtuple"],
        &NT_SLOTS,
        size,
        NtInstance { class, items },
    )
}

fn nt_class_repr(_: &mut Interp, me: &Value) -> PyResult<String> {
    Ok(format!("<class '__main__.{}'>", nt_class(me)?.name))
}

fn nt_class_attr(it: &mut Interp, me: &Value, name: &str) -> PyResult<Option<Value>> {
    let class = nt_class(me)?;
    Ok(Some(match name {
        "_fields" => {
            let items = class.fields.iter().map(|f| it.new_str(f.clone())).collect();
            it.new_tuple(items)
        }
        "_field_defaults" => {
            let first = class.fields.len() - class.defaults.len();
            let pairs = class.fields[first..]
                .iter()
                .zip(&class.defaults)
                .map(|(f, v)| (it.new_str(f.clone()), v.clone()))
                .collect();
            it.new_dict(pairs)?
        }
        "__name__" | "__qualname__" => it.new_str(class.name.clone()),
        "__module__" => it.new_str("__main__".into()),
        _ => return Ok(None),
    }))
}

fn nt_parts(me: &Value) -> PyResult<(Rc<NtClass>, Vec<Value>)> {
    let s = state_of::<NtInstance>(me, "namedtuple")?;
    Ok((s.class.clone(), s.items.clone()))
}

fn nt_getitem(it: &mut Interp, me: &Value, idx: &Value) -> PyResult<Value> {
    let (_, items) = nt_parts(me)?;
    let t = it.new_tuple(items);
    it.getitem(&t, idx)
}

fn nt_iter(it: &mut Interp, me: &Value) -> PyResult<Value> {
    let (_, items) = nt_parts(me)?;
    Ok(it.new_tuple(items))
}

fn nt_len(_: &mut Interp, me: &Value) -> PyResult<usize> {
    Ok(nt_parts(me)?.1.len())
}

fn nt_repr(it: &mut Interp, me: &Value) -> PyResult<String> {
    let (class, items) = nt_parts(me)?;
    let mut parts = Vec::with_capacity(items.len());
    for (f, v) in class.fields.iter().zip(&items) {
        parts.push(format!("{f}={}", it.repr(v)?));
    }
    Ok(format!("{}({})", class.name, parts.join(", ")))
}

fn nt_attr(it: &mut Interp, me: &Value, name: &str) -> PyResult<Option<Value>> {
    let (class, items) = nt_parts(me)?;
    if let Some(i) = class.fields.iter().position(|f| f == name) {
        return Ok(Some(items[i].clone()));
    }
    Ok(Some(match name {
        "_fields" => {
            let items = class.fields.iter().map(|f| it.new_str(f.clone())).collect();
            it.new_tuple(items)
        }
        _ => return Ok(None),
    }))
}

fn nt_compare(it: &mut Interp, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
    let as_tuple = |it: &mut Interp, v: &Value| -> PyResult<Value> {
        if crate::eval::modules::is_native::<NtInstance>(v) {
            let (_, items) = nt_parts(v)?;
            Ok(it.new_tuple(items))
        } else {
            Ok(v.clone())
        }
    };
    let x = as_tuple(it, a)?;
    let y = as_tuple(it, b)?;
    if !matches!(x, Value::Tuple(_)) || !matches!(y, Value::Tuple(_)) {
        return Ok(match op {
            CmpOp::Eq => Some(false),
            CmpOp::NotEq => Some(true),
            _ => None,
        });
    }
    let r = it.compare(&x, op, &y)?;
    it.truthy(&r).map(Some)
}

pub(super) fn nt_asdict(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (class, items) = nt_parts(&a.this)?;
    let pairs = class
        .fields
        .iter()
        .zip(items)
        .map(|(f, v)| (it.new_str(f.clone()), v))
        .collect();
    it.new_dict(pairs)
}

/// `Point._make(iterable)`: the classmethod that makes an instance from any iterable.
pub(super) fn nt_make_from(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let class = nt_class(&a.this)?;
    let iterable = a.req("iterable")?;
    let items = it.collect(&iterable)?;
    if items.len() != class.fields.len() {
        return Err(PyError::type_error(format!(
            "Expected {} arguments, got {}",
            class.fields.len(),
            items.len()
        )));
    }
    Ok(new_nt(it, class, items))
}

pub(super) fn nt_replace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (class, mut items) = nt_parts(&a.this)?;
    for (k, v) in std::mem::take(&mut a.kwargs) {
        match class.fields.iter().position(|f| *f == k) {
            Some(i) => items[i] = v,
            None => {
                return Err(PyError::value(format!(
                    "Got unexpected field names: ['{k}']"
                )));
            }
        }
    }
    Ok(new_nt(it, class, items))
}

/// An instance of a named tuple class NumPy defines in Python (`SVDResult`, `SlogdetResult`,
/// `EigResult`): the class made here, once per call, as `namedtuple` would.
pub fn native_namedtuple(
    it: &mut Interp,
    type_name: &'static str,
    fields: &[&str],
    items: Vec<Value>,
) -> Value {
    let class = Rc::new(NtClass {
        name: type_name.to_string(),
        type_name,
        fields: fields.iter().map(|f| f.to_string()).collect(),
        defaults: Vec::new(),
    });
    new_nt(it, class, items)
}
