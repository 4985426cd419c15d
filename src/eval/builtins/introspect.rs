//! `dir()`, `vars()` and `globals()`: what a value's attributes are and what the namespace
//! holds. `dir(x)` is CPython's / NumPy's own list for x's type (the registry's `names.tsv`),
//! so `dir(np)` and `dir(a)` read exactly as in NumPy; `implemented` is the part of such a list
//! arrsh answers, for completion.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use std::rc::Rc;

use crate::eval::object::classobj::PyClass;
use crate::eval::object::value::{TypeKind, Value};
use crate::eval::registry::{self, names};

/// The `names.tsv` owner whose `dir()` a value has: its module or its type.
pub fn owner_of(v: &Value) -> &'static str {
    match v {
        Value::Module(m) => m.name,
        Value::Type(t) => type_owner(t.kind),
        // the nearest owner of the value's rows whose names CPython/NumPy list (`bool`,
        // `generic`, `dict` for a Counter, `builtin_function_or_method`, `ufunc`...)
        other => crate::eval::registry::call::owners_of(other)
            .iter()
            .copied()
            .find(|o| names::has_owner(o))
            .unwrap_or("object"),
    }
}

/// The owner for a type object (`dir(list)` is `list`'s names).
pub fn type_owner(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Int => "int",
        TypeKind::Float => "float",
        TypeKind::Complex => "complex",
        TypeKind::Bool => "bool",
        TypeKind::Str => "str",
        TypeKind::Bytes => "bytes",
        TypeKind::List => "list",
        TypeKind::Tuple => "tuple",
        TypeKind::Dict => "dict",
        TypeKind::Set => "set",
        TypeKind::FrozenSet => "frozenset",
        TypeKind::Range => "range",
        TypeKind::Slice => "slice",
        TypeKind::Type => "type",
        TypeKind::Ndarray | TypeKind::RecArray => "ndarray",
        TypeKind::NpScalar(_) | TypeKind::NpAbstract(_) => "generic",
        TypeKind::DTypeClass => "dtype",
        TypeKind::Flags => "flagsobj",
        TypeKind::Exception(k) if crate::eval::object::excgroup::is_group_kind(k) => {
            "BaseExceptionGroup"
        }
        _ => "object",
    }
}

impl Interp {
    /// `dir()` (the namespace's names, sorted) or `dir(x)` (CPython's / NumPy's list).
    pub(crate) fn builtin_dir(&mut self, args: Vec<Value>) -> PyResult<Value> {
        let names: Vec<String> = match args.as_slice() {
            [] => {
                let mut v: Vec<String> = self.globals.keys().cloned().collect();
                v.sort();
                v
            }
            [x] if user_dir(x).is_some() => user_dir(x).unwrap_or_default(),
            [x] => names::dir(owner_of(x))
                .into_iter()
                .map(String::from)
                .collect(),
            more => return Err(PyError::positional_count("dir", 0, 1, more.len())),
        };
        let items = names.into_iter().map(|n| self.new_str(n)).collect();
        Ok(self.new_list(items))
    }

    /// `globals()` and `vars()`: a dict of the namespace, sorted by name (arrsh's namespace
    /// does not keep definition order; a copy, so assigning into it does not define names).
    /// `vars(x)` needs a `__dict__`, which no object arrsh has.
    pub(crate) fn builtin_namespace(&mut self, name: &str, args: Vec<Value>) -> PyResult<Value> {
        match (name, args.as_slice()) {
            (_, []) => {}
            // an instance's own `__dict__` (a class's is a mappingproxy in CPython; a copy here)
            ("vars", [Value::Instance(i)]) if i.class.layout.dict => {
                return self.attrs_dict(&i.dict, &i.class.layout.slots);
            }
            ("vars", [Value::Class(c)]) => {
                // CPython keeps no `__qualname__` there, and a `__doc__` (None) always
                let mut items: Vec<(Rc<str>, Value)> = c.dict.borrow().clone();
                items.retain(|(k, _)| &**k != "__qualname__");
                if !items.iter().any(|(k, _)| &**k == "__doc__") {
                    items.push((Rc::from("__doc__"), Value::None));
                }
                return self.str_dict(items);
            }
            ("vars", [_]) => return Err(PyError::vars_needs_dict()),
            ("vars", more) => return Err(PyError::positional_count("vars", 0, 1, more.len())),
            (_, more) => return Err(PyError::takes_no_arguments("globals", more.len())),
        }
        let mut keys: Vec<(String, Value)> = self
            .globals
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        let items = keys
            .into_iter()
            .map(|(k, v)| (self.new_str(k), v))
            .collect();
        self.new_dict(items)
    }
}

/// CPython's `dir()` of a class made by `class`: its namespace and its bases' (builtin bases by
/// their own lists), with the `__dict__`, `__weakref__` and `__doc__` every such class has
/// (`__qualname__` is not an attribute of the namespace CPython keeps).
fn class_dir(c: &PyClass) -> Vec<String> {
    let mut v: Vec<String> = ["__dict__", "__weakref__", "__doc__", "__module__"]
        .map(String::from)
        .to_vec();
    let add_class = |c: &PyClass, v: &mut Vec<String>| {
        v.extend(
            c.dict
                .borrow()
                .iter()
                .filter(|(k, _)| &**k != "__qualname__")
                .map(|(k, _)| k.to_string()),
        );
    };
    add_class(c, &mut v);
    for base in &c.mro {
        match base {
            Value::Class(b) => add_class(b, &mut v),
            other => v.extend(names::dir(owner_of(other)).into_iter().map(String::from)),
        }
    }
    v
}

/// `dir()` of an instance or a class made by `class` (these have no row in the name lists).
pub fn user_dir(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Instance(i) => {
            let mut names: Vec<String> =
                i.dict.borrow().iter().map(|(k, _)| k.to_string()).collect();
            names.extend(class_dir(&i.class));
            Some(sorted_unique(names))
        }
        Value::Class(c) => Some(sorted_unique(class_dir(c))),
        _ => None,
    }
}

fn sorted_unique(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// The names of `dir()` of `owner` that arrsh answers, as the registry declares them: a row
/// of the owner (or of `int`, for `bool`; or an attribute of `object`, which all inherit), or
/// a module's `__name__`. Completion offers these.
pub fn implemented(owner: &str) -> Vec<&'static str> {
    let declared = |n: &str| {
        registry::lookup(owner, n).is_some()
            || (owner == "bool" && registry::lookup("int", n).is_some())
            // `object`'s attributes every value has, and its methods the type inherits
            || registry::lookup("object", n)
                .is_some_and(|e| !e.is_method() || names::inherited_from_object(owner, n))
            || n == "__name__"
    };
    names::dir(owner)
        .into_iter()
        .filter(|n| declared(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Heap;
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    /// What to evaluate for a sample value of each owner whose attributes are probed.
    fn sample(owner: &str) -> Option<&'static str> {
        Some(match owner {
            "ndarray" => "np.arange(6.0).reshape(2, 3)",
            "generic" => "np.int64(1)",
            "dtype" => "np.dtype('int64')",
            "flagsobj" => "np.arange(3).flags",
            "list" => "[1]",
            "tuple" => "(1,)",
            "dict" => "{1: 2}",
            "set" => "{1}",
            "frozenset" => "frozenset({1})",
            "str" => "'ab'",
            "bytes" => "b'ab'",
            "int" => "1",
            "float" => "1.5",
            "complex" => "1j",
            "bool" => "True",
            "range" => "range(3)",
            "slice" => "slice(1)",
            // every module the registry declares
            m if registry::module(m).is_some() => MODULE_SAMPLE,
            _ => return None,
        })
    }

    /// Stands for "import the module named by the owner, then look it up".
    const MODULE_SAMPLE: &str = "\u{0}module";

    /// The names of `dir()` of `owner` a sample value answers, looked up in a scratch
    /// interpreter (its own heap, so no user ids move).
    fn probe(owner: &str) -> Vec<&'static str> {
        let src = sample(owner).expect("an owner with a sample");
        let mut it = Interp::new(Heap::new(false, 1 << 30), Arc::new(AtomicBool::new(false)));
        let code = if src == MODULE_SAMPLE {
            format!("import {owner}\n{owner}")
        } else {
            src.to_string()
        };
        let cell = crate::syntax::parse(&code).expect("sample parses");
        let value = it.run_cell(&cell).ok().flatten().expect("sample runs");
        names::dir(owner)
            .into_iter()
            .filter(|n| it.getattr(&value, n).is_ok())
            .collect()
    }

    #[test]
    fn completion_offers_exactly_what_arrsh_answers() {
        // the rows declare what a value answers: each name offered is answered by a sample
        // value, and each name of dir() a sample answers is offered
        for owner in [
            "ndarray",
            "generic",
            "dtype",
            "flagsobj",
            "list",
            "tuple",
            "dict",
            "set",
            "frozenset",
            "str",
            "bytes",
            "int",
            "float",
            "complex",
            "bool",
            "range",
            "slice",
        ]
        .into_iter()
        .chain(registry::modules().map(|e| e.row.name))
        {
            assert_eq!(implemented(owner), probe(owner), "{owner}");
        }
    }

    #[test]
    fn dir_of_a_value_is_its_types_list() {
        let cases = [(Value::Bool(true), "bool"), (Value::None, "object")];
        for (v, owner) in cases {
            assert_eq!(owner_of(&v), owner);
        }
    }

    #[test]
    fn completion_offers_what_arrsh_answers() {
        let arr = implemented("ndarray");
        for name in ["T", "reshape", "shape", "strides", "view"] {
            assert!(arr.contains(&name), "{name}");
        }
        assert!(
            names::dir("ndarray").len() > arr.len(),
            "control: NumPy has names arrsh lacks, and they are left out"
        );
        let np = implemented("numpy");
        assert!(np.contains(&"arange") && np.contains(&"float64"));
        assert!(!np.contains(&"float_"), "not a NumPy 2 name");
        assert!(implemented("list").contains(&"append"));
        assert!(implemented("math").contains(&"sqrt"));
    }
}
