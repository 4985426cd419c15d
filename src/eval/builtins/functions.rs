//! Calling things: the dispatch by callee, the attributes of function objects, and the iterator
//! types called like functions (`zip`, `enumerate`, `map`, `filter`, `reversed`). The builtin
//! functions are rows in `pyfuncs`, other types are called in `constructors`, the standard modules
//! live in `modules`, NumPy's functions in `numpy`.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::builtins::args::Args;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};

/// The attributes of function objects.
pub const ROWS: &[Row] = &[
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
                let call = n.slots.call.expect("checked");
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
        let mut p = Args::new(name, args, kw);
        Ok(match name {
            "zip" => {
                p.only_keywords("zip", &["strict"])?;
                let _strict = p.kw_only("strict");
                let items = p.rest(0);
                p.finish()?;
                let mut iters = Vec::with_capacity(items.len());
                for (i, it) in items.iter().enumerate() {
                    iters.push(self.iter_object(it).map_err(|_| {
                        PyError::type_error(format!(
                            "zip argument #{} must support iteration",
                            i + 1
                        ))
                    })?);
                }
                self.new_iter("zip", IterState::Zip(iters))
            }
            "enumerate" => {
                let it = p.opt(0, "iterable")?;
                let start = p.opt(1, "start")?;
                p.finish()?;
                let it =
                    it.ok_or_else(|| PyError::missing_required_argument("enumerate", "iterable"))?;
                let start = match start {
                    Some(v) => self.int_value(&v, "")?,
                    None => Int::Small(0),
                };
                self.new_enumerate(&it, start)?
            }
            "map" => {
                let items = p.rest(0);
                p.finish()?;
                if items.len() < 2 {
                    return Err(PyError::map_needs_two_arguments());
                }
                let mut iters = Vec::with_capacity(items.len() - 1);
                for it in &items[1..] {
                    iters.push(self.iter_object(it)?);
                }
                self.new_iter(
                    "map",
                    IterState::Map {
                        func: items[0].clone(),
                        iters,
                    },
                )
            }
            "filter" => {
                let a = p.positional("filter", 2, 2)?;
                let (f, it) = (&a[0], &a[1]);
                let mut kept = std::collections::VecDeque::new();
                let mut iter = self.iterate(it)?;
                while let Some(x) = iter.next(self)? {
                    let keep = if f.is_none() {
                        x.clone()
                    } else {
                        self.call(f, vec![x.clone()], vec![])?
                    };
                    if self.truthy(&keep)? {
                        kept.push_back(x);
                    }
                }
                self.new_iter("filter", IterState::Values(kept))
            }
            "reversed" => {
                let a = p.positional("reversed", 1, 1)?;
                self.make_reversed(&a[0])?
            }
            _ => return Err(PyError::not_callable(name)),
        })
    }
}
