//! What a `match` statement asks of its subject at run time, as CPython 3.11's ceval.c answers:
//! is it a sequence or a mapping (`MATCH_SEQUENCE`, `MATCH_MAPPING`), the values of a mapping
//! pattern's keys (`MATCH_KEYS`), and a class pattern's attributes (`MATCH_CLASS`, with
//! `__match_args__` and the builtins that match themselves).

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use std::rc::Rc;

use crate::eval::object::value::{PyList, PySet, PyTuple, TypeKind, Value};

/// The builtin types whose one positional sub-pattern matches the subject itself
/// (`_Py_TPFLAGS_MATCH_SELF`: `int(n)`, `str(s)`...).
fn matches_self(kind: TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Bool
            | TypeKind::Bytes
            | TypeKind::Dict
            | TypeKind::Float
            | TypeKind::FrozenSet
            | TypeKind::Int
            | TypeKind::List
            | TypeKind::Set
            | TypeKind::Str
            | TypeKind::Tuple
    ) || kind == TypeKind::Record("bytearray")
}

impl Interp {
    /// `Py_TPFLAGS_SEQUENCE`: list, tuple, range, memoryview, deque (not str, bytes,
    /// bytearray, nor NumPy arrays, which are not registered as `collections.abc.Sequence`).
    pub(crate) fn is_match_sequence(&self, v: &Value) -> bool {
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
            Value::Native(n) => matches!(n.type_name, "memoryview" | "collections.deque"),
            _ => false,
        }
    }

    /// `Py_TPFLAGS_MAPPING`: dict and its subclasses (`Counter`, `OrderedDict`,
    /// `defaultdict`).
    pub(crate) fn is_match_mapping(&self, v: &Value) -> bool {
        matches!(v, Value::Dict(_))
    }

    /// `MATCH_KEYS`: the values of `keys` in the mapping, or `None` when one is missing. A key
    /// looked up twice is CPython's ValueError. The lookups are `dict.get(key, dummy)` (a
    /// `defaultdict` gains no key), and the temporaries CPython makes around them (the set of
    /// keys seen, the `object()` dummy, the values tuple allocated first) are made and freed in
    /// its order, so the ids that follow are CPython's.
    pub(crate) fn match_keys(&mut self, map: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(keys) = keys else {
            unreachable!("MATCH_KEYS takes the tuple the compiler built")
        };
        let Value::Dict(d) = map else {
            return Ok(Value::None);
        };
        if keys.items.is_empty() {
            return Ok(self.new_tuple(Vec::new()));
        }
        let keys = keys.items.clone();
        let seen = self.new_set_object(false);
        let dummy = self.ctx.heap.object(16);
        let values_id = self.ctx.heap.object(40 + 8 * keys.len());
        let mut values = Vec::with_capacity(keys.len());
        for k in &keys {
            let dup = match self.set_contains(&seen, k) {
                Ok(true) => {
                    let r = self.repr(k)?;
                    Err(PyError::value(format!(
                        "mapping pattern checks duplicate key ({r})"
                    )))
                }
                Ok(false) => self.set_add(&seen, k.clone()),
                Err(e) => Err(e),
            };
            let got = match dup {
                Ok(()) => self.dict_get(d, k),
                Err(e) => Err(e),
            };
            match got {
                Ok(Some(v)) => values.push(v),
                Ok(None) => {
                    drop(values);
                    drop(values_id);
                    drop(seen);
                    drop(dummy);
                    return Ok(Value::None);
                }
                Err(e) => {
                    drop(seen);
                    drop(dummy);
                    drop(values);
                    drop(values_id);
                    return Err(e);
                }
            }
        }
        drop(seen);
        drop(dummy);
        Ok(Value::Tuple(Rc::new(PyTuple {
            id: values_id,
            items: values,
        })))
    }

    /// `MATCH_CLASS`: the subject's attributes for `nargs` positional sub-patterns and the
    /// keyword names, or `None` when the subject is not an instance or lacks one. As in
    /// CPython, the attributes gather in a list (beside a set of the names seen) that becomes
    /// the tuple.
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let is_instance = match cls {
            Value::Type(t) => self.is_instance(subject, t.kind),
            Value::Class(_) => self.user_isinstance(subject, cls),
            _ => {
                return Err(PyError::type_error("called match pattern must be a type"));
            }
        };
        if !is_instance {
            return Ok(Value::None);
        }
        // the type's `tp_name`: `Point`, `int`, `numpy.int64`
        let type_name = match cls {
            Value::Class(c) => c.name.clone(),
            Value::Type(t) => crate::eval::text::pyrepr::type_qualname(t.kind),
            other => other.type_name(),
        };
        let seen = self.new_set_object(false);
        let Value::List(attrs) = self.new_list(Vec::new()) else {
            unreachable!("new_list makes a list")
        };
        let r = self.class_attrs(subject, cls, &type_name, nargs, names, &seen, &attrs);
        let r = match r {
            Ok(true) => {
                let items = attrs.items.borrow().clone();
                Ok(self.new_tuple(items))
            }
            Ok(false) => Ok(Value::None),
            Err(e) => Err(e),
        };
        drop(attrs);
        drop(seen);
        r
    }

    /// Appends the attributes a class pattern reads to `attrs`; false when one is missing.
    #[allow(clippy::too_many_arguments)]
    fn class_attrs(
        &mut self,
        subject: &Value,
        cls: &Value,
        type_name: &str,
        nargs: usize,
        names: &Value,
        seen: &PySet,
        attrs: &PyList,
    ) -> PyResult<bool> {
        if nargs > 0 {
            let mut match_self = false;
            let match_args = match cls {
                Value::Class(c) => c.lookup("__match_args__"),
                _ => None,
            };
            let names_of: Vec<Value> = match match_args {
                Some(Value::Tuple(t)) => t.items.clone(),
                Some(other) => {
                    return Err(PyError::type_error(format!(
                        "{type_name}.__match_args__ must be a tuple (got {})",
                        other.type_name()
                    )));
                }
                None => {
                    match_self = match cls {
                        Value::Type(t) => matches_self(t.kind),
                        Value::Class(c) => c.mro.iter().any(|b| match b {
                            Value::Type(t) => matches_self(t.kind),
                            _ => false,
                        }),
                        _ => false,
                    };
                    Vec::new()
                }
            };
            let allowed = if match_self { 1 } else { names_of.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(PyError::type_error(format!(
                    "{type_name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
                )));
            }
            if match_self {
                self.list_append(attrs, subject.clone())?;
            } else {
                for name in &names_of[..nargs] {
                    if !matches!(name, Value::Str(_)) {
                        return Err(PyError::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            name.type_name()
                        )));
                    }
                    match self.match_class_attr(subject, type_name, name, seen)? {
                        Some(v) => self.list_append(attrs, v)?,
                        None => return Ok(false),
                    }
                }
            }
        }
        let Value::Tuple(names) = names else {
            unreachable!("MATCH_CLASS takes the names tuple the compiler built")
        };
        for name in &names.items {
            match self.match_class_attr(subject, type_name, name, seen)? {
                Some(v) => self.list_append(attrs, v)?,
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// One attribute for a class pattern: a missing one fails the match (AttributeError is
    /// swallowed); naming one twice is CPython's TypeError.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        type_name: &str,
        name: &Value,
        seen: &PySet,
    ) -> PyResult<Option<Value>> {
        if self.set_contains(seen, name)? {
            let r = self.repr(name)?;
            return Err(PyError::type_error(format!(
                "{type_name}() got multiple sub-patterns for attribute {r}"
            )));
        }
        self.set_add(seen, name.clone())?;
        let Value::Str(s) = name else {
            unreachable!("attribute names are strings (checked above)")
        };
        match self.getattr(subject, &s.v) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.kind.is_subclass_of(ErrorKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
