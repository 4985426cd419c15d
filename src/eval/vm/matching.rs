//! What a `match` statement asks of its subject at run time, as CPython 3.11's ceval.c answers:
//! is it a sequence or a mapping (`MATCH_SEQUENCE`, `MATCH_MAPPING`), the values of a mapping
//! pattern's keys (`MATCH_KEYS`), and a class pattern's attributes (`MATCH_CLASS`, with
//! `__match_args__` and the builtins that match themselves).

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{TypeKind, Value};

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
    /// looked up twice is CPython's ValueError. (`get` is not called, as CPython calls it on a
    /// dict: a `defaultdict` gains no key.)
    pub(crate) fn match_keys(&mut self, map: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(keys) = keys else {
            unreachable!("MATCH_KEYS takes the tuple the compiler built")
        };
        let Value::Dict(d) = map else {
            return Ok(Value::None);
        };
        let keys = keys.items.clone();
        let mut values = Vec::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            // CPython keeps a set of the keys seen: hashing comes first
            self.py_hash(k)?;
            for seen in &keys[..i] {
                if self.values_equal(seen, k)? {
                    let r = self.repr(k)?;
                    return Err(PyError::value(format!(
                        "mapping pattern checks duplicate key ({r})"
                    )));
                }
            }
            match self.dict_get(d, k)? {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(values))
    }

    fn values_equal(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let r = self.compare(a, crate::syntax::ast::CmpOp::Eq, b)?;
        self.truthy(&r)
    }

    /// `MATCH_CLASS`: the subject's attributes for `nargs` positional sub-patterns and the
    /// keyword names, or `None` when the subject is not an instance or lacks one.
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
        let mut seen: Vec<String> = Vec::new();
        let mut attrs = Vec::new();
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
                attrs.push(subject.clone());
            } else {
                for name in &names_of[..nargs] {
                    let Value::Str(s) = name else {
                        return Err(PyError::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            name.type_name()
                        )));
                    };
                    match self.match_class_attr(subject, &type_name, &s.v, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        let Value::Tuple(names) = names else {
            unreachable!("MATCH_CLASS takes the names tuple the compiler built")
        };
        for name in &names.items {
            let Value::Str(s) = name else {
                unreachable!("keyword sub-pattern names are strings")
            };
            match self.match_class_attr(subject, &type_name, &s.v, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    /// One attribute for a class pattern: a missing one fails the match (AttributeError is
    /// swallowed); naming one twice is CPython's TypeError.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        type_name: &str,
        name: &str,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s == name) {
            return Err(PyError::type_error(format!(
                "{type_name}() got multiple sub-patterns for attribute '{name}'"
            )));
        }
        seen.push(name.to_string());
        match self.getattr(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.kind.is_subclass_of(ErrorKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
