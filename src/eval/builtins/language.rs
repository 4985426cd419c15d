//! The builtins that belong to Python's object system rather than to a type: `super`,
//! `property`, `staticmethod`, `classmethod`; calling classes, bound methods and callable
//! instances; `isinstance`/`issubclass` with user classes; the reprs of functions, methods and
//! classes.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::classobj::DescrKind;
use crate::eval::object::value::*;

impl Interp {
    /// Calls a bound method, a class, or an instance with `__call__`.
    pub(crate) fn call_language(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        match f {
            Value::BoundMethod(m) => {
                let (func, obj) = (m.func.clone(), m.obj.clone());
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(obj);
                a.extend(args);
                self.call(&func, a, kw)
            }
            Value::Class(c) => {
                let c = c.clone();
                self.instantiate(&c, args, kw)
            }
            other => self.user_call(other, args, kw),
        }
    }

    /// `isinstance(v, C)` for a user class `C`.
    pub(crate) fn user_isinstance(&mut self, v: &Value, class: &Value) -> bool {
        let c = match v {
            Value::Instance(i) => i.class.clone(),
            Value::Exception(e) => match &e.class {
                Some(c) => c.clone(),
                None => return false,
            },
            _ => return false,
        };
        c.is_subclass_of(class)
    }

    /// `issubclass(a, b)` when a user class is involved (`None` otherwise).
    pub(crate) fn user_issubclass(&mut self, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        if let Value::Tuple(t) = b {
            if !matches!(a, Value::Class(_))
                && !t.items.iter().any(|x| matches!(x, Value::Class(_)))
            {
                return Ok(None);
            }
            for x in t.items.clone() {
                if self.user_issubclass(a, &x)?.unwrap_or(false) {
                    return Ok(Some(true));
                }
            }
            return Ok(Some(false));
        }
        match (a, b) {
            (Value::Class(c), _) => Ok(Some(c.is_subclass_of(b))),
            (Value::Type(_), Value::Class(_)) => Ok(Some(false)),
            _ => Ok(None),
        }
    }

    /// The builtins of the object system; `None` for other names.
    pub(crate) fn call_language_builtin(
        &mut self,
        name: &str,
        args: &[Value],
        kw: &[(String, Value)],
    ) -> Option<PyResult<Value>> {
        let one = |what: &str| -> PyResult<Value> {
            match (args, kw) {
                ([f], []) => Ok(f.clone()),
                _ => Err(PyError::type_error(format!(
                    "{what} expected 1 argument, got {}",
                    args.len()
                ))),
            }
        };
        Some(match name {
            "staticmethod" => {
                one("staticmethod").map(|f| self.new_descr(DescrKind::StaticMethod(f)))
            }
            "classmethod" => one("classmethod").map(|f| self.new_descr(DescrKind::ClassMethod(f))),
            "property" => {
                let mut parts = [Value::None, Value::None, Value::None];
                for (i, a) in args.iter().take(3).enumerate() {
                    parts[i] = a.clone();
                }
                for (k, v) in kw {
                    match k.as_str() {
                        "fget" => parts[0] = v.clone(),
                        "fset" => parts[1] = v.clone(),
                        "fdel" => parts[2] = v.clone(),
                        "doc" => {}
                        _ => {
                            return Some(Err(PyError::type_error(format!(
                                "property() got an unexpected keyword argument '{k}'"
                            ))));
                        }
                    }
                }
                let [fget, fset, fdel] = parts;
                Ok(self.new_descr(DescrKind::Property { fget, fset, fdel }))
            }
            "next" => self.builtin_next(args),
            "super" => match args {
                [class, obj] => self.new_super(class.clone(), obj.clone()),
                [] => Err(PyError::new(
                    crate::error::ErrorKind::RuntimeError,
                    "super(): no arguments",
                )),
                _ => Err(PyError::type_error("super() takes 1 or 2 arguments")),
            },
            _ => return None,
        })
    }

    /// `next(iterator[, default])`: a generator's return value rides on its StopIteration.
    pub(crate) fn builtin_next(&mut self, args: &[Value]) -> PyResult<Value> {
        let (it, default) = match args {
            [it] => (it, None),
            [it, d] => (it, Some(d.clone())),
            _ => {
                return Err(PyError::positional_count("next", 1, 2, args.len()));
            }
        };
        let r = match it {
            Value::Iter(i) if matches!(*i.state.borrow(), IterState::Gen(_)) => {
                let i = i.clone();
                match self.gen_resume(&i, Value::None, None)? {
                    crate::eval::vm::generator::Step::Yielded(v) => Ok(v),
                    crate::eval::vm::generator::Step::Returned(v) => Err(v),
                }
            }
            Value::Iter(i) => {
                let i = i.clone();
                self.iter_next(&i)?.ok_or(Value::None)
            }
            v if crate::eval::object::dunder::is_user(v) && Self::has_dunder(v, "__next__") => {
                let v = v.clone();
                self.user_next(&v)?.ok_or(Value::None)
            }
            // a type written in Rust with a `__next__` row (`io.StringIO`, file objects)
            v @ Value::Native(_) if Self::method_entry(v, "__next__").is_some() => {
                match self.call_method(v, "__next__", vec![], vec![]) {
                    Ok(x) => Ok(x),
                    Err(e) if e.kind == crate::error::ErrorKind::StopIteration => Err(Value::None),
                    Err(e) => return Err(e),
                }
            }
            other => {
                return Err(PyError::type_error(format!(
                    "'{}' object is not an iterator",
                    other.type_name()
                )));
            }
        };
        match (r, default) {
            (Ok(v), _) => Ok(v),
            (Err(_), Some(d)) => Ok(d),
            (Err(v), None) => Err(self.stop_iteration_with(v)),
        }
    }

    /// `super()` with no arguments, in a method: its class (the `__class__` cell) and its
    /// first argument.
    pub(crate) fn zero_arg_super(&mut self, f: &crate::eval::vm::frame::Frame) -> PyResult<Value> {
        let code = &f.code;
        if code.argcount == 0 {
            return Err(PyError::new(
                crate::error::ErrorKind::RuntimeError,
                "super(): no arguments",
            ));
        }
        let first = match code.cell_params.iter().find(|(_, p)| *p == 0) {
            Some((ci, _)) => f.cells[*ci as usize].value.borrow().clone(),
            None => f.fast.first().cloned().flatten(),
        };
        let Some(obj) = first else {
            return Err(PyError::new(
                crate::error::ErrorKind::RuntimeError,
                "super(): arg[0] deleted",
            ));
        };
        let cell = code
            .freevars
            .iter()
            .position(|n| &**n == "__class__")
            .map(|i| f.cells[code.cellvars.len() + i].value.borrow().clone());
        match cell {
            Some(Some(class)) => self.new_super(class, obj),
            Some(None) => Err(PyError::new(
                crate::error::ErrorKind::RuntimeError,
                "super(): empty __class__ cell",
            )),
            None => Err(PyError::new(
                crate::error::ErrorKind::RuntimeError,
                "super(): __class__ cell not found",
            )),
        }
    }

    /// Methods of descriptor objects; `None` for the receivers and names the builtin types
    /// answer.
    pub(crate) fn call_language_method(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> Option<PyResult<Value>> {
        match obj {
            Value::Descr(d) => {
                let d = d.clone();
                Some(match args {
                    [f] => self.property_with(&d, name, f.clone()),
                    _ => Err(PyError::type_error(format!(
                        "{name}() takes exactly one argument"
                    ))),
                })
            }
            _ => None,
        }
    }

    /// `obj.name = v` for the object system's values; gives `v` back for the others.
    pub(crate) fn user_setattr_or_back(
        &mut self,
        obj: &Value,
        name: &str,
        v: Value,
    ) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(_) | Value::Class(_) | Value::Function(_) | Value::Exception(_) => {
                self.user_setattr(obj, name, v)?;
                Ok(None)
            }
            _ => Ok(Some(v)),
        }
    }

    /// Reprs of bound methods, classes, instances, exceptions and descriptors.
    pub(crate) fn language_repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    other => other.type_name(),
                };
                let obj = m.obj.clone();
                format!("<bound method {fname} of {}>", self.repr(&obj)?)
            }
            Value::Class(c) => format!("<class '__main__.{}'>", c.qualname),
            Value::Instance(_) | Value::Exception(_) => self.user_repr(v)?,
            Value::Descr(d) => format!("<{} object at {:#x}>", d.kind.type_name(), self.id_of(v)),
            _ => unreachable!("language_repr gets the object system's values"),
        })
    }

    /// `(x, y=1, *args, z, **kw)`: a function's signature as `inspect.signature` prints it.
    pub(crate) fn signature_text(&mut self, f: &Rc<PyFunction>) -> String {
        let code = &f.code;
        let argc = code.argcount as usize;
        let kwonly = code.kwonlycount as usize;
        let defaults: Vec<Value> = match &*f.defaults.borrow() {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Vec::new(),
        };
        let first_default = argc - defaults.len().min(argc);
        let mut parts = Vec::new();
        for i in 0..argc {
            let name = &code.varnames[i];
            match i.checked_sub(first_default) {
                Some(d) => {
                    let r = self.repr(&defaults[d]).unwrap_or_default();
                    parts.push(format!("{name}={r}"));
                }
                None => parts.push(name.to_string()),
            }
            if code.posonlycount as usize == i + 1 {
                parts.push("/".into());
            }
        }
        if code.varargs {
            parts.push(format!("*{}", code.varnames[argc + kwonly]));
        } else if kwonly > 0 {
            parts.push("*".into());
        }
        let kwdefaults = f.kwdefaults.borrow().clone();
        for i in argc..argc + kwonly {
            let name = &code.varnames[i];
            let d = match &kwdefaults {
                Some(Value::Dict(d)) => d
                    .items
                    .borrow()
                    .iter()
                    .find(|(k, _)| matches!(k, Value::Str(s) if *s.v == **name))
                    .map(|(_, v)| v.clone()),
                _ => None,
            };
            match d {
                Some(v) => {
                    let r = self.repr(&v).unwrap_or_default();
                    parts.push(format!("{name}={r}"));
                }
                None => parts.push(name.to_string()),
            }
        }
        if code.varkw {
            parts.push(format!(
                "**{}",
                code.varnames[argc + kwonly + code.varargs as usize]
            ));
        }
        format!("({})", parts.join(", "))
    }
}
