//! Exception objects: what `except E as e` binds and `raise` throws. An error raised by arrsh
//! itself (a `PyError` with a kind and a message) becomes an object when Python code catches
//! it; an object raised by Python code travels inside its `PyError`, so `e` is the same object
//! wherever it is caught. `str(e)`, `repr(e)`, `e.args`, chaining (`from`, `__context__`) as in
//! CPython 3.11.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::classobj::PyClass;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::ObjId;

/// `BaseException`'s methods, and the names CPython 3.3 kept for `OSError`. The classes' own
/// rows are made from `error::kind`'s table (`registry::exception_rows`).
pub const ROWS: &[Row] = &[
    Row::alias("EnvironmentError", "OSError"),
    Row::alias("IOError", "OSError"),
    Row::method("BaseException.with_traceback", "!(tb, /)", with_traceback),
    Row::method("BaseException.add_note", "!(note, /)", add_note),
];

/// Calling an exception class of `error::kind`'s table (`ValueError('bad')`): the row of each
/// class runs this, with the class as the receiver.
pub(crate) fn call_exception_class(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Type(t) => match t.kind {
            TypeKind::Exception(k) => it.new_builtin_exception(k, a.star, a.kwargs),
            _ => unreachable!("exception rows are made for exception kinds"),
        },
        _ => unreachable!("calling a type passes the type"),
    }
}

/// `e.with_traceback(tb)`: arrsh keeps no traceback objects, so only `None` (what
/// `e.__traceback__` is) can be set.
fn with_traceback(_: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let tb = a.req("tb")?;
    if !tb.is_none() {
        return Err(PyError::type_error(
            "__traceback__ must be a traceback or None",
        ));
    }
    Ok(a.this.clone())
}

/// `e.add_note(note)`: appended to `e.__notes__` (made a list first); CPython 3.11 keeps it in
/// the instance's `__dict__`.
fn add_note(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let note = a.req("note")?;
    if !matches!(note, Value::Str(_)) {
        return Err(PyError::type_error(format!(
            "note must be a str, not '{}'",
            note.type_name()
        )));
    }
    let Value::Exception(x) = &a.this else {
        return Ok(Value::None);
    };
    let notes = dict_lookup(&x.dict, "__notes__");
    match notes {
        None => {
            let l = it.new_list(vec![note]);
            x.dict.borrow_mut().push((Rc::from("__notes__"), l));
        }
        Some(Value::List(l)) => it.list_append(&l, note)?,
        Some(_) => {
            return Err(PyError::type_error(
                "Cannot add note: __notes__ is not a list",
            ));
        }
    }
    Ok(Value::None)
}

fn dict_lookup(dict: &RefCell<Vec<(Rc<str>, Value)>>, name: &str) -> Option<Value> {
    dict.borrow()
        .iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

pub struct PyExc {
    pub id: ObjId,
    /// The builtin exception class it is (or derives from).
    pub kind: ErrorKind,
    /// A user's exception class, when it is an instance of one.
    pub class: Option<Rc<PyClass>>,
    /// `e.args` (a tuple).
    pub args: RefCell<Value>,
    /// For an error arrsh raised itself: its message, which is `str(e)`.
    pub msg: Option<String>,
    pub dict: RefCell<Vec<(Rc<str>, Value)>>,
    pub cause: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    /// `__suppress_context__`: set whenever a cause is set (`raise ... from`, even `from
    /// None`), as `PyException_SetCause` does.
    pub suppress_context: Cell<bool>,
    /// Its `__traceback__`'s identity: 0 before it is first raised, else the serial of the
    /// traceback it carries (a new one each time it enters a frame other than by re-raise).
    pub tb: Cell<u64>,
    /// An exception group's message and `exceptions` tuple (CPython's `msg` and `excs`).
    pub group: Option<Group>,
}

/// What `BaseExceptionGroup.__new__` stores beside `args`.
pub struct Group {
    pub message: Value,
    /// A tuple: the same object each time `e.exceptions` is read.
    pub exceptions: Value,
}

impl PyExc {
    pub fn class_name(&self) -> String {
        match &self.class {
            Some(c) => c.name.clone(),
            None => self.kind.name().to_string(),
        }
    }
}

impl Interp {
    pub(crate) fn new_exception_object(
        &mut self,
        kind: ErrorKind,
        class: Option<Rc<PyClass>>,
        args: Value,
        msg: Option<String>,
    ) -> Value {
        self.make_exception(kind, class, args, msg, None)
    }

    pub(crate) fn make_exception(
        &mut self,
        kind: ErrorKind,
        class: Option<Rc<PyClass>>,
        args: Value,
        msg: Option<String>,
        group: Option<Group>,
    ) -> Value {
        // a user's subclass adds a slot; a group's two fields make it 112 either way
        let size = match (&group, &class) {
            (Some(_), _) => 112,
            (None, Some(_)) => 96,
            (None, None) => 88,
        };
        Value::Exception(Rc::new(PyExc {
            id: self.ctx.heap.object(size),
            kind,
            class,
            args: RefCell::new(args),
            msg,
            dict: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            tb: Cell::new(0),
            group,
        }))
    }

    /// Calling a builtin exception class: `ValueError(1)`; the exception groups check their
    /// two arguments as `BaseExceptionGroup.__new__` does.
    pub(crate) fn new_builtin_exception(
        &mut self,
        kind: ErrorKind,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if matches!(
            kind,
            ErrorKind::BaseExceptionGroup | ErrorKind::ExceptionGroup
        ) {
            return self.new_exception_group(kind, None, args, kw);
        }
        if !kw.is_empty() {
            return Err(PyError::takes_no_keyword_arguments(kind.name()));
        }
        let t = self.new_tuple(args);
        Ok(self.new_exception_object(kind, None, t, None))
    }

    /// The exception object of an error (made now for errors arrsh raised itself).
    pub(crate) fn exception_object(&mut self, e: PyError) -> Value {
        if let Some(key) = e.object
            && let Some(v) = self.raised.remove(&key)
        {
            return v;
        }
        let args = if e.msg.is_empty() {
            self.new_tuple(Vec::new())
        } else {
            let m = self.new_str(e.msg.clone());
            self.new_tuple(vec![m])
        };
        let obj = self.new_exception_object(e.kind, None, args, Some(e.msg.clone()));
        if let Value::Exception(x) = &obj {
            // it was raised (in the frame that catches it, or one it left)
            self.tracebacks += 1;
            x.tb.set(self.tracebacks);
            if let Some(ctx) = self.exc_info.last() {
                *x.context.borrow_mut() = Some(ctx.clone());
            }
        }
        obj
    }

    /// The error that raising an exception object makes: its class name, `str(e)`, and the
    /// object itself.
    pub(crate) fn error_from_object(&mut self, v: Value) -> PyError {
        let Value::Exception(x) = &v else {
            return PyError::type_error("exceptions must derive from BaseException");
        };
        let msg = match &x.msg {
            Some(m) if x.class.is_none() => m.clone(),
            _ => self
                .exception_str(&v)
                .unwrap_or_else(|_| "<exception str() failed>".into()),
        };
        let mut e = PyError::new(x.kind, msg);
        if let Some(c) = &x.class {
            e.type_name = Some(c.name.clone());
        }
        let key = self.id_of(&v);
        self.raised.insert(key, v);
        e.object = Some(key);
        e
    }

    /// An exception value from what `raise` was given: a class is instantiated.
    fn as_exception_value(&mut self, v: Value, what: &str) -> PyResult<Value> {
        match &v {
            Value::Exception(_) => Ok(v),
            Value::Type(t) => match t.kind {
                TypeKind::Exception(k) => self.new_builtin_exception(k, Vec::new(), Vec::new()),
                _ => Err(PyError::type_error(what.to_string())),
            },
            Value::Class(c) if c.exc_kind.is_some() => {
                let c = c.clone();
                self.instantiate(&c, Vec::new(), Vec::new())
            }
            _ => Err(PyError::type_error(what.to_string())),
        }
    }

    /// `raise`, `raise exc`, `raise exc from cause`: the error to propagate.
    pub(crate) fn raise(&mut self, exc: Option<Value>, cause: Option<Value>) -> PyResult<PyError> {
        let Some(exc) = exc else {
            return match self.exc_info.last().cloned() {
                Some(e) => {
                    let mut e = self.error_from_object(e);
                    e.reraised = true;
                    Ok(e)
                }
                None => Err(PyError::new(
                    ErrorKind::RuntimeError,
                    "No active exception to reraise",
                )),
            };
        };
        let exc = self.as_exception_value(exc, "exceptions must derive from BaseException")?;
        if let Some(c) = cause {
            let c = if c.is_none() {
                None
            } else {
                Some(self.as_exception_value(c, "exception causes must derive from BaseException")?)
            };
            if let Value::Exception(x) = &exc {
                *x.cause.borrow_mut() = c;
                x.suppress_context.set(true);
            }
        }
        if let (Value::Exception(x), Some(ctx)) = (&exc, self.exc_info.last())
            && !self.is_same(&exc, ctx)
        {
            *x.context.borrow_mut() = Some(ctx.clone());
        }
        Ok(self.error_from_object(exc))
    }

    /// `except ty:` matching the exception object `exc`.
    pub(crate) fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let Value::Exception(x) = exc else {
            return Ok(false);
        };
        match ty {
            Value::Tuple(t) => {
                for item in t.items.clone() {
                    if self.exception_matches(exc, &item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Type(t) => match t.kind {
                TypeKind::Exception(k) => Ok(x.kind.is_subclass_of(k)),
                _ => Err(PyError::catching_non_exception()),
            },
            Value::Class(c) if c.exc_kind.is_some() => Ok(match &x.class {
                Some(xc) => xc.is_subclass_of(ty),
                None => false,
            }),
            _ => Err(PyError::catching_non_exception()),
        }
    }

    /// `KeyError(key)` for a missing key: `e.args[0]` is the key itself, and the message its
    /// repr.
    pub(crate) fn missing_key(&mut self, key: &Value) -> PyResult<PyError> {
        let r = self.repr(key)?;
        let args = self.new_tuple(vec![key.clone()]);
        let obj = self.new_exception_object(ErrorKind::KeyError, None, args, Some(r));
        Ok(self.error_from_object(obj))
    }

    /// `assert test, msg` failing.
    pub(crate) fn assertion_error(&mut self, msg: Option<Value>) -> PyResult<PyError> {
        let args = match msg {
            Some(m) => self.new_tuple(vec![m]),
            None => self.new_tuple(Vec::new()),
        };
        let obj = self.new_exception_object(ErrorKind::AssertionError, None, args, None);
        Ok(self.error_from_object(obj))
    }

    /// `BaseException.__str__`: no args '', one arg its str (KeyError: its repr), else the
    /// repr of the args.
    pub(crate) fn exception_str(&mut self, v: &Value) -> PyResult<String> {
        let Value::Exception(x) = v else {
            return self.str(v);
        };
        if let Some(c) = &x.class
            && let Some(f) = c.lookup("__str__")
        {
            let r = self.call(&f, vec![v.clone()], vec![])?;
            return match r {
                Value::Str(s) => Ok(s.v.clone()),
                other => Err(PyError::type_error(format!(
                    "__str__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        self.base_exception_str(v)
    }

    /// `BaseException.__str__` itself: from the message or `args`, never a subclass's
    /// `__str__` (which may be what called it through `super()`).
    pub(crate) fn base_exception_str(&mut self, v: &Value) -> PyResult<String> {
        let Value::Exception(x) = v else {
            return self.str(v);
        };
        if let (Some(m), None) = (&x.msg, &x.class) {
            return Ok(m.clone());
        }
        if matches!(
            x.kind,
            ErrorKind::BaseExceptionGroup | ErrorKind::ExceptionGroup
        ) {
            let (message, excs) = self.group_parts(x)?;
            let n = excs.len();
            let message = self.str(&message)?;
            return Ok(format!(
                "{message} ({n} sub-exception{})",
                if n == 1 { "" } else { "s" }
            ));
        }
        let args = x.args.borrow().clone();
        let items = match &args {
            Value::Tuple(t) => t.items.clone(),
            _ => Vec::new(),
        };
        match items.as_slice() {
            [] => Ok(String::new()),
            [one] if x.kind == ErrorKind::KeyError => self.repr(one),
            [one] => self.str(one),
            _ => self.repr(&args),
        }
    }

    /// `ValueError('x')`, `MyError(1, 2)`.
    pub(crate) fn exception_repr(&mut self, v: &Value) -> PyResult<String> {
        let Value::Exception(x) = v else {
            return self.repr(v);
        };
        let args = x.args.borrow().clone();
        let items = match &args {
            Value::Tuple(t) => t.items.clone(),
            _ => Vec::new(),
        };
        let inner = match items.as_slice() {
            [] => String::new(),
            [one] => self.repr(one)?,
            _ => {
                let r = self.repr(&args)?;
                r[1..r.len() - 1].to_string()
            }
        };
        Ok(format!("{}({inner})", x.class_name()))
    }

    /// Attributes of exception objects.
    pub(crate) fn exception_getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let Value::Exception(x) = obj else {
            unreachable!("exception_getattr gets exceptions")
        };
        if let Some(v) = x
            .dict
            .borrow()
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
        {
            return Ok(v);
        }
        if let Some(c) = &x.class
            && let Some(v) = c.lookup(name)
        {
            return Ok(match v {
                Value::Function(_) => self.new_bound_method(v, obj.clone()),
                other => other,
            });
        }
        Ok(match name {
            "args" => x.args.borrow().clone(),
            "__class__" => self.type_of_value(obj),
            "__cause__" => x.cause.borrow().clone().unwrap_or(Value::None),
            "__context__" => x.context.borrow().clone().unwrap_or(Value::None),
            "__suppress_context__" => Value::Bool(x.suppress_context.get()),
            "__traceback__" => Value::None,
            "value" if x.kind == ErrorKind::StopIteration => {
                let args = x.args.borrow().clone();
                match &args {
                    Value::Tuple(t) => t.items.first().cloned().unwrap_or(Value::None),
                    _ => Value::None,
                }
            }
            _ => {
                // `BaseExceptionGroup`'s rows (after a user's class, which may override them)
                if let Some(r) = self.registry_attr(obj, name) {
                    return r;
                }
                return Err(PyError::attribute(format!(
                    "'{}' object has no attribute '{name}'",
                    x.class_name()
                )));
            }
        })
    }

    /// `type(v)` for values whose type is a class object of their own.
    pub(crate) fn type_of_value(&mut self, v: &Value) -> Value {
        match v {
            Value::Exception(x) => match &x.class {
                Some(c) => Value::Class(c.clone()),
                None => self.objects.type_object(TypeKind::Exception(x.kind)),
            },
            Value::Instance(i) => Value::Class(i.class.clone()),
            Value::Class(_) => self.objects.type_object(TypeKind::Type),
            _ => Value::None,
        }
    }

    /// The value a `StopIteration` carries (a generator's `return` value).
    pub(crate) fn stop_iteration_value(&mut self, e: &PyError) -> Value {
        if let Some(key) = e.object
            && let Some(Value::Exception(x)) = self.raised.get(&key)
            && let Value::Tuple(t) = &*x.args.borrow()
        {
            return t.items.first().cloned().unwrap_or(Value::None);
        }
        Value::None
    }

    /// `StopIteration(value)` (what a finished generator's `send` raises).
    pub(crate) fn stop_iteration_with(&mut self, v: Value) -> PyError {
        let args = if v.is_none() {
            self.new_tuple(Vec::new())
        } else {
            self.new_tuple(vec![v])
        };
        let obj = self.new_exception_object(ErrorKind::StopIteration, None, args, None);
        self.error_from_object(obj)
    }
}
