//! Operators and protocols on instances of user classes: `__add__`/`__radd__`, rich
//! comparisons, `__len__`, `__getitem__`, `__iter__`/`__next__`, `__call__`, `__repr__`,
//! `__hash__`, `__bool__`, `__enter__`/`__exit__` — dispatched as CPython's slots do, with its
//! messages when a method is missing or returns the wrong type.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// Whether a value's type is a user class (whose methods decide its operators).
pub fn is_user(v: &Value) -> bool {
    match v {
        Value::Instance(_) => true,
        Value::Exception(e) => e.class.is_some(),
        _ => false,
    }
}

/// Whether a comparison of `a` and `b` goes through `user_compare` (user objects, and bound
/// methods, which compare by function and receiver).
pub fn compares_as_user(a: &Value, b: &Value) -> bool {
    is_user(a) || is_user(b) || matches!((a, b), (Value::BoundMethod(_), Value::BoundMethod(_)))
}

fn binop_names(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

fn cmp_names(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => ("", ""),
    }
}

impl Interp {
    /// The class of a user value.
    fn user_class(v: &Value) -> Option<Rc<crate::eval::object::classobj::PyClass>> {
        match v {
            Value::Instance(i) => Some(i.class.clone()),
            Value::Exception(e) => e.class.clone(),
            _ => None,
        }
    }

    /// Calls `obj.name(*args)` when the class of `obj` defines it; `None` when it does not.
    pub(crate) fn call_dunder(
        &mut self,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let Some(class) = Self::user_class(obj) else {
            return Ok(None);
        };
        let Some(f) = class.lookup(name) else {
            return Ok(None);
        };
        let mut a = Vec::with_capacity(args.len() + 1);
        match &f {
            Value::Descr(d) => match &d.kind {
                crate::eval::object::classobj::DescrKind::StaticMethod(g) => {
                    let g = g.clone();
                    return self.call(&g, args, vec![]).map(Some);
                }
                crate::eval::object::classobj::DescrKind::ClassMethod(g) => {
                    let g = g.clone();
                    a.push(Value::Class(class));
                    a.extend(args);
                    return self.call(&g, a, vec![]).map(Some);
                }
                _ => {}
            },
            Value::None => {
                // `__hash__ = None` and friends: the operation is refused
                return Ok(None);
            }
            _ => {}
        }
        a.push(obj.clone());
        a.extend(args);
        self.call(&f, a, vec![]).map(Some)
    }

    /// Whether the class of `v` defines `name`.
    pub(crate) fn has_dunder(v: &Value, name: &str) -> bool {
        Self::user_class(v).is_some_and(|c| c.lookup(name).is_some())
    }

    /// `a op b` when either side is a user object.
    pub(crate) fn user_binary(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
        let (name, rname, _) = binop_names(op);
        if let Some(r) = self.call_dunder(a, name, vec![b.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        if let Some(r) = self.call_dunder(b, rname, vec![a.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        Err(PyError::unsupported_operand(
            op.symbol(),
            &a.type_name(),
            &b.type_name(),
        ))
    }

    /// `a op= b` when `a` is a user object: `__iadd__`, else the binary operator.
    pub(crate) fn user_inplace(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
        let (_, _, iname) = binop_names(op);
        if let Some(r) = self.call_dunder(a, iname, vec![b.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        match self.user_binary(a, op, b) {
            Err(e)
                if e.kind == ErrorKind::TypeError && e.msg.starts_with("unsupported operand") =>
            {
                Err(PyError::unsupported_operand(
                    &format!("{}=", op.symbol()),
                    &a.type_name(),
                    &b.type_name(),
                ))
            }
            r => r,
        }
    }

    /// Rich comparison when either side is a user object.
    pub(crate) fn user_compare(&mut self, a: &Value, op: CmpOp, b: &Value) -> PyResult<Value> {
        if let (Value::BoundMethod(x), Value::BoundMethod(y)) = (a, b)
            && matches!(op, CmpOp::Eq | CmpOp::NotEq)
        {
            let same = self.is_same(&x.obj, &y.obj) && self.is_same(&x.func, &y.func);
            return Ok(Value::Bool(same == (op == CmpOp::Eq)));
        }
        let (name, rname) = cmp_names(op);
        if let Some(r) = self.call_dunder(a, name, vec![b.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        if let Some(r) = self.call_dunder(b, rname, vec![a.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.is_same(a, b))),
            CmpOp::NotEq => {
                // object.__ne__ inverts __eq__
                if Self::has_dunder(a, "__eq__") {
                    let r = self.user_compare(a, CmpOp::Eq, b)?;
                    if !matches!(r, Value::NotImplemented) {
                        let t = self.truthy(&r)?;
                        return Ok(Value::Bool(!t));
                    }
                }
                Ok(Value::Bool(!self.is_same(a, b)))
            }
            _ => Err(PyError::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    pub(crate) fn user_unary(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        let name = match op {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Invert => "__invert__",
        };
        match self.call_dunder(v, name, vec![])? {
            Some(r) => Ok(r),
            None => Err(PyError::bad_operand_unary(op.symbol(), &v.type_name())),
        }
    }

    /// `repr(obj)` for user objects.
    pub(crate) fn user_repr(&mut self, v: &Value) -> PyResult<String> {
        match self.call_dunder(v, "__repr__", vec![])? {
            Some(Value::Str(s)) => Ok(s.v.clone()),
            Some(other) => Err(PyError::type_error(format!(
                "__repr__ returned non-string (type {})",
                other.type_name()
            ))),
            None => match v {
                Value::Exception(_) => self.exception_repr(v),
                _ => Ok(self.default_repr(v)),
            },
        }
    }

    /// `str(obj)` for user objects: `__str__`, else the repr.
    pub(crate) fn user_str(&mut self, v: &Value) -> PyResult<String> {
        if let Value::Exception(_) = v {
            return self.exception_str(v);
        }
        match self.call_dunder(v, "__str__", vec![])? {
            Some(Value::Str(s)) => Ok(s.v.clone()),
            Some(other) => Err(PyError::type_error(format!(
                "__str__ returned non-string (type {})",
                other.type_name()
            ))),
            None => self.user_repr(v),
        }
    }

    /// `len(obj)`.
    pub(crate) fn user_len(&mut self, v: &Value) -> PyResult<usize> {
        match self.call_dunder(v, "__len__", vec![])? {
            Some(Value::Int(i)) => match i.v.to_i64() {
                Some(n) if n >= 0 => Ok(n as usize),
                Some(_) => Err(PyError::value("__len__() should return >= 0")),
                None => Err(PyError::overflow(
                    "cannot fit 'int' into an index-sized integer",
                )),
            },
            Some(Value::Bool(b)) => Ok(b as usize),
            Some(other) => Err(PyError::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
            None => Err(PyError::type_error(format!(
                "object of type '{}' has no len()",
                v.type_name()
            ))),
        }
    }

    /// `bool(obj)`: `__bool__`, else `__len__`, else true.
    pub(crate) fn user_truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(r) = self.call_dunder(v, "__bool__", vec![])? {
            return match r {
                Value::Bool(b) => Ok(b),
                other => Err(PyError::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    other.type_name()
                ))),
            };
        }
        if Self::has_dunder(v, "__len__") {
            return Ok(self.user_len(v)? > 0);
        }
        Ok(true)
    }

    /// `hash(obj)`.
    pub(crate) fn user_hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(class) = Self::user_class(v) {
            match class.lookup("__hash__") {
                Some(Value::None) => {
                    return Err(PyError::type_error(format!(
                        "unhashable type: '{}'",
                        v.type_name()
                    )));
                }
                Some(_) => {
                    return match self.call_dunder(v, "__hash__", vec![])? {
                        Some(Value::Int(i)) => Ok(crate::eval::object::hashing::int_hash(&i.v)),
                        Some(Value::Bool(b)) => Ok(b as i64),
                        _ => Err(PyError::type_error(
                            "__hash__ method should return an integer",
                        )),
                    };
                }
                None if class.lookup("__eq__").is_some() => {
                    return Err(PyError::type_error(format!(
                        "unhashable type: '{}'",
                        v.type_name()
                    )));
                }
                None => {}
            }
        }
        Ok(crate::eval::object::hashing::pointer_hash(self.id_of(v)))
    }

    pub(crate) fn user_getitem(&mut self, obj: &Value, idx: &Value) -> PyResult<Value> {
        match self.call_dunder(obj, "__getitem__", vec![idx.clone()])? {
            Some(r) => Ok(r),
            None => Err(PyError::type_error(format!(
                "'{}' object is not subscriptable",
                obj.type_name()
            ))),
        }
    }

    pub(crate) fn user_setitem(&mut self, obj: &Value, idx: &Value, v: Value) -> PyResult<()> {
        match self.call_dunder(obj, "__setitem__", vec![idx.clone(), v])? {
            Some(_) => Ok(()),
            None => Err(PyError::type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    pub(crate) fn user_delitem(&mut self, obj: &Value, idx: &Value) -> PyResult<()> {
        match self.call_dunder(obj, "__delitem__", vec![idx.clone()])? {
            Some(_) => Ok(()),
            None => Err(PyError::type_error(format!(
                "'{}' object does not support item deletion",
                obj.type_name()
            ))),
        }
    }

    /// `x in obj`: `__contains__`, else iteration.
    pub(crate) fn user_contains(&mut self, obj: &Value, x: &Value) -> PyResult<bool> {
        if let Some(r) = self.call_dunder(obj, "__contains__", vec![x.clone()])? {
            return self.truthy(&r);
        }
        if !Self::has_dunder(obj, "__iter__") && !Self::has_dunder(obj, "__getitem__") {
            return Err(PyError::type_error(format!(
                "argument of type '{}' is not iterable",
                obj.type_name()
            )));
        }
        let mut it = self.iterate(obj)?;
        while let Some(item) = it.next(self)? {
            if self.is_same(&item, x) || self.py_eq(&item, x)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `iter(obj)`: what `__iter__` returns (it must be an iterator).
    pub(crate) fn user_iter(&mut self, obj: &Value) -> PyResult<Value> {
        match self.call_dunder(obj, "__iter__", vec![])? {
            Some(r) => {
                if matches!(r, Value::Iter(_)) || Self::has_dunder(&r, "__next__") {
                    Ok(r)
                } else {
                    Err(PyError::type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        r.type_name()
                    )))
                }
            }
            None if Self::has_dunder(obj, "__getitem__") => Ok(self.new_iter(
                "iterator",
                IterState::GetItem {
                    obj: obj.clone(),
                    pos: 0,
                },
            )),
            None => Err(PyError::not_iterable(&obj.type_name())),
        }
    }

    /// `next(obj)` for an object with `__next__`: `None` when it raises StopIteration.
    pub(crate) fn user_next(&mut self, obj: &Value) -> PyResult<Option<Value>> {
        match self.call_dunder(obj, "__next__", vec![]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(PyError::type_error(format!(
                "'{}' object is not an iterator",
                obj.type_name()
            ))),
            Err(e) if e.kind == ErrorKind::StopIteration => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `obj(*args)`: `__call__`.
    pub(crate) fn user_call(
        &mut self,
        obj: &Value,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let Some(class) = Self::user_class(obj) else {
            return Err(PyError::not_callable(&obj.type_name()));
        };
        let Some(f) = class.lookup("__call__") else {
            return Err(PyError::not_callable(&obj.type_name()));
        };
        let mut a = Vec::with_capacity(args.len() + 1);
        a.push(obj.clone());
        a.extend(args);
        self.call(&f, a, kw)
    }

    /// `format(obj, spec)`: `__format__`, else `object.__format__`.
    pub(crate) fn user_format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let s = self.new_str(spec.to_string());
        match self.call_dunder(v, "__format__", vec![s])? {
            Some(Value::Str(r)) => Ok(r.v.clone()),
            Some(other) => Err(PyError::type_error(format!(
                "__format__ must return a str, not {}",
                other.type_name()
            ))),
            None => {
                if !spec.is_empty() {
                    return Err(PyError::type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        v.type_name()
                    )));
                }
                self.user_str(v)
            }
        }
    }

    /// `with mgr:` — the bound `__exit__` and what `__enter__()` returned. Native context
    /// managers (such as `np.errstate`) answer in `native_context`.
    pub(crate) fn enter_context(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        if let Some(class) = Self::user_class(mgr) {
            let (Some(enter), Some(exit)) = (class.lookup("__enter__"), class.lookup("__exit__"))
            else {
                return Err(PyError::type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    mgr.type_name()
                )));
            };
            let exit = self.new_bound_method(exit, mgr.clone());
            let entered = self.call(&enter, vec![mgr.clone()], vec![])?;
            return Ok((exit, entered));
        }
        self.native_context(mgr)
    }

    /// Context managers written in Rust: `(exit callable, value of __enter__)`. Add an arm
    /// here for a native type; its exit is called with `(type, value, traceback)` (all None on
    /// a normal exit) and suppresses the exception when it returns something true.
    pub(crate) fn native_context(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        // a type written in Rust whose rows include `__enter__` and `__exit__` (`np.errstate`)
        if let Value::Native(n) = mgr
            && n.owners.iter().any(|o| {
                crate::eval::registry::lookup(o, "__enter__").is_some()
                    && crate::eval::registry::lookup(o, "__exit__").is_some()
            })
        {
            let exit = self.getattr(mgr, "__exit__")?;
            let enter = self.getattr(mgr, "__enter__")?;
            let entered = self.call(&enter, vec![], vec![])?;
            return Ok((exit, entered));
        }
        Err(PyError::type_error(format!(
            "'{}' object does not support the context manager protocol",
            mgr.type_name()
        )))
    }
}
