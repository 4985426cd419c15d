//! Calling things: the dispatch by callee, the attributes of function objects, and the iterator
//! types called like functions (`zip`, `enumerate`, `map`, `filter`, `reversed`). The builtin
//! functions are rows in `pyfuncs`, other types are called in `constructors`, the standard modules
//! live in `modules`, NumPy's functions in `numpy`.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::bind::Missing;
use crate::eval::registry::{Bound, Conv, Origin, Row};

/// The attributes of function objects.
pub const ROWS: &[Row] = &[
    Row::module("builtins", Origin::BuiltIn),
    Row::static_value("Ellipsis", |_| Value::Ellipsis),
    Row::static_value("NotImplemented", |_| Value::NotImplemented),
    Row::attr("builtin_function_or_method.__name__", function_attr),
    Row::attr("builtin_function_or_method.__qualname__", function_attr),
    Row::attr("builtin_function_or_method.__module__", function_attr),
    Row::attr("function.__name__", function_attr),
    Row::attr("function.__qualname__", function_attr),
    Row::attr("function.__module__", function_attr),
    Row::attr("ufunc.__name__", function_attr),
    Row::attr("ufunc.__qualname__", function_attr),
    Row::attr("ufunc.__module__", function_attr),
];

/// `f.__name__`, `f.__qualname__`, `f.__module__` of a function the registry made.
fn function_attr(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let e = match &a.this {
        Value::Builtin(b) => crate::eval::registry::get(b.name),
        _ => None,
    };
    let Some(e) = e else {
        return Err(PyError::no_attribute(&a.this.type_name(), a.func));
    };
    let text = match a.func {
        "__module__" if e.owner.starts_with("numpy") => e.owner,
        "__module__" => "builtins",
        _ => e.short,
    };
    Ok(it.new_str(text.to_string()))
}

/// Python's builtin types; the iterator types are called through their rows.
pub const TYPE_ROWS: &[Row] = &[
    Row::constructor(
        "zip",
        TypeKind::Iterator("zip"),
        "!(*iterables, strict=False)",
        zip,
    )
    .conv(Conv::KeywordsOnly),
    // CPython parses enumerate's arguments by hand, matching keyword names against the
    // argument count; no spec convention words its errors the same (see `Conv::Own`), so it
    // keeps its own parser
    Row::constructor(
        "enumerate",
        TypeKind::Iterator("enumerate"),
        "(iterable, start=0)",
        enumerate,
    )
    .conv(Conv::Own),
    Row::constructor(
        "map",
        TypeKind::Iterator("map"),
        "!(func, iterable, /, *iterables)",
        map,
    )
    .conv(Conv::FirstByHand(Missing::AtLeastTwo)),
    Row::constructor(
        "filter",
        TypeKind::Iterator("filter"),
        "(function, iterable, /)",
        filter,
    ),
    Row::constructor(
        "reversed",
        TypeKind::Iterator("reversed"),
        "(sequence, /)",
        reversed,
    ),
];

fn zip(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let mut iters = Vec::with_capacity(a.star.len());
    for x in &a.star {
        iters.push(it.iter_object(x)?);
    }
    Ok(it.new_iter("zip", IterState::Zip(iters)))
}

/// `enumerate`, parsed as CPython 3.11's `enumerate_vectorcall` does: by the number of
/// arguments first, then the keyword names.
fn enumerate(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let named = |(k, v): (String, Value), want: &str| {
        if k == want {
            Ok(v)
        } else {
            Err(PyError::invalid_keyword_argument(&k, "enumerate"))
        }
    };
    let none_kw = || (String::new(), Value::None);
    let mut pos = a.star.into_iter();
    let mut kw = a.kwargs.into_iter();
    let total = pos.len() + kw.len();
    let (x, start) = match (total, kw.len()) {
        _ if pos.len() == 0 && total != 1 && total != 2 => {
            return Err(PyError::missing_required_argument("enumerate", "iterable"));
        }
        (2, 0) => (pos.next(), pos.next()),
        (2, 1) => (
            pos.next(),
            Some(named(kw.next().unwrap_or_else(none_kw), "start")?),
        ),
        (2, _) => {
            let (k0, k1) = (
                kw.next().unwrap_or_else(none_kw),
                kw.next().unwrap_or_else(none_kw),
            );
            if k0.0 == "start" {
                let x = named(k1, "iterable")?;
                (Some(x), Some(k0.1))
            } else {
                (Some(named(k0, "iterable")?), Some(named(k1, "start")?))
            }
        }
        (1, 1) => (
            Some(named(kw.next().unwrap_or_else(none_kw), "iterable")?),
            None,
        ),
        (1, _) => (pos.next(), None),
        _ => return Err(PyError::takes_at_most_arguments("enumerate", 2, total)),
    };
    let x = x.ok_or_else(|| PyError::missing_required_argument("enumerate", "iterable"))?;
    let start = match start {
        Some(v) => it.int_value(&v, "")?,
        None => Int::Small(0),
    };
    it.new_enumerate(&x, start)
}

fn map(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let func = a.req("func")?;
    let first = a.req("iterable")?;
    let mut iters = Vec::with_capacity(a.star.len() + 1);
    for x in std::iter::once(&first).chain(&a.star) {
        iters.push(it.iter_object(x)?);
    }
    Ok(it.new_iter("map", IterState::Map { func, iters }))
}

fn filter(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let f = a.req("function")?;
    let x = a.req("iterable")?;
    let mut kept = std::collections::VecDeque::new();
    let mut iter = it.iterate(&x)?;
    while let Some(x) = iter.next(it)? {
        let keep = if f.is_none() {
            x.clone()
        } else {
            it.call(&f, vec![x.clone()], vec![])?
        };
        if it.truthy(&keep)? {
            kept.push_back(x);
        }
    }
    Ok(it.new_iter("filter", IterState::Values(kept)))
}

fn reversed(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("sequence")?;
    it.make_reversed(&x)
}

/// A builtin that exists only in test builds and panics: the containment tests use it to
/// put a bug in the middle of a cell.
#[cfg(test)]
pub(crate) const TEST_PANIC: &str = "_arrsh_test_panic";

impl Interp {
    /// `f(*args, **kw)`.
    pub fn call(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        self.ctx.check_interrupt()?;
        match f {
            Value::Builtin(b) => {
                let name = b.name;
                if let Some(e) = crate::eval::registry::get(name)
                    && e.is_callable()
                {
                    return self.call_entry(e, Value::None, args, kw);
                }
                if let Some(np) = name.strip_prefix("numpy.") {
                    let _ = np;
                    return self.call_numpy(name, args, kw);
                }
                self.call_builtin(name, args, kw)
            }
            Value::Method(m) => {
                let (obj, name) = (m.obj.clone(), m.name.clone());
                self.call_method(&obj, &name, args, kw)
            }
            Value::Type(t) => self.call_type(t.kind, args, kw),
            Value::Function(f) => {
                let f = f.clone();
                self.call_function(&f, args, kw)
            }
            Value::BoundMethod(_) | Value::Class(_) | Value::Instance(_) | Value::Exception(_) => {
                self.call_language(f, args, kw)
            }
            Value::Native(n) if n.slots.call.is_some() => {
                let call = n.slots.call.expect("the match guard saw Some");
                let me = f.clone();
                call(self, &me, args, kw)
            }
            Value::DType(d) => {
                // np.dtype('int64')(5) is not valid numpy either; dtype.type(5) is
                Err(PyError::not_callable(&format!(
                    "numpy.dtypes.{}",
                    dtype_class_name(d.dtype)
                )))
            }
            other => Err(PyError::not_callable(&other.type_name())),
        }
    }

    pub(crate) fn call_builtin(
        &mut self,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if let Some(r) = self.call_language_builtin(name, &args, &kw) {
            return r;
        }
        #[cfg(test)]
        if name == TEST_PANIC {
            panic!("a deliberate panic ({} arguments)", args.len());
        }
        let _ = (args, kw);
        Err(PyError::not_callable(name))
    }
}
