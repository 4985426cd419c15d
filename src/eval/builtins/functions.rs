//! Calling things: the dispatch by callee, and Python's builtin functions (`print`, `len`, `id`,
//! `zip`, `sorted`...) with CPython's argument errors. Types are called in `constructors`,
//! `sys`/`time`/`math` live in `sysmods`, NumPy's functions in `numpy`.

use num_bigint::BigInt;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::builtins::args::Args;
use crate::eval::object::ops::as_int;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::syntax::ast::{BinOp, CmpOp};

/// The builtin functions that are rows of the registry, and the attributes of function
/// objects.
pub const ROWS: &[Row] = &[
    Row::builtin("len", "(obj, /)", len),
    Row::builtin("round", "(number, ndigits=None)", round),
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

fn len(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("obj")?;
    let n = it.len_of(&v)?;
    Ok(it.new_i64(n as i64))
}

/// `round(number, ndigits=None)`: ints round half to even at `10**-ndigits`, floats by their
/// digits, NumPy values through `numpy.round`.
fn round(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("number")?;
    let nd = a.take("ndigits");
    Ok(match (&v, nd) {
        (Value::Int(_) | Value::Bool(_), None | Some(Value::None)) => {
            it.new_int(as_int(&v).unwrap_or(Int::Small(0)))
        }
        (Value::Int(_) | Value::Bool(_), Some(n)) => {
            // int.__round__ with negative ndigits: half to even at 10**-n
            let i = as_int(&v).unwrap_or(Int::Small(0));
            let n = it.int_value(&n, "")?.to_i64().unwrap_or(0);
            if n >= 0 {
                it.new_int(i)
            } else {
                let p = Int::Small(10).pow(&Int::Small(-n))?;
                let (q, r) = i.divmod(&p)?;
                let twice = r.mul(&Int::Small(2))?;
                let q = match twice.cmp(&p) {
                    std::cmp::Ordering::Greater => q.add(&Int::Small(1)),
                    std::cmp::Ordering::Equal if q.rem(&Int::Small(2))? != Int::Small(0) => {
                        q.add(&Int::Small(1))
                    }
                    _ => q,
                };
                it.new_int(q.mul(&p)?)
            }
        }
        (Value::Float(f), None | Some(Value::None)) => {
            let r = round_half_even(f.v);
            if !r.is_finite() {
                return Err(PyError::overflow(
                    "cannot convert float infinity to integer",
                ));
            }
            if r.is_nan() {
                return Err(PyError::value("cannot convert float NaN to integer"));
            }
            it.new_int(Int::from_big(BigInt::from(r as i128)))
        }
        (Value::Float(f), Some(n)) => {
            let n = it.int_value(&n, "")?.to_i64().unwrap_or(0);
            let r = crate::eval::text::format::round_to_digits(f.v, n);
            it.new_float(r)
        }
        (Value::Scalar(_) | Value::Array(_), nd) => {
            let args = match nd {
                Some(n) => vec![v.clone(), n],
                None => vec![v.clone()],
            };
            return it.call_numpy("numpy.round", args, vec![]);
        }
        (other, _) => {
            return Err(PyError::type_error(format!(
                "type {} doesn't define __round__ method",
                other.type_name()
            )));
        }
    })
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
        if name.starts_with("sys.") || name.starts_with("time.") || name.starts_with("math.") {
            let p = Args::new(name.rsplit('.').next().unwrap_or(name), args, kw);
            return self.call_module_function(name, p);
        }
        #[cfg(test)]
        if name == TEST_PANIC {
            panic!("a deliberate panic ({} arguments)", args.len());
        }
        let mut p = Args::new(name, args, kw);
        Ok(match name {
            "print" => {
                p.only_keywords("print", &["sep", "end", "file", "flush"])?;
                let sep = p.kw_only("sep");
                let end = p.kw_only("end");
                let _file = p.kw_only("file");
                let _flush = p.kw_only("flush");
                let items = p.rest(0);
                p.finish()?;
                let text = |v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
                    match v {
                        None | Some(Value::None) => Ok(default.to_string()),
                        Some(Value::Str(s)) => Ok(s.v.clone()),
                        Some(o) => Err(PyError::type_error(format!(
                            "{what} must be None or a string, not {}",
                            o.type_name()
                        ))),
                    }
                };
                let sep = text(sep, "sep", " ")?;
                let end = text(end, "end", "\n")?;
                let mut line = String::new();
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        line.push_str(&sep);
                    }
                    line.push_str(&self.str(it)?);
                }
                line.push_str(&end);
                self.write_out(&line);
                Value::None
            }
            "id" => {
                let v = p.meth_o()?;
                let id = self.id_of(&v);
                self.new_int(Int::from_u64(id))
            }
            "repr" | "ascii" => {
                let v = p.meth_o()?;
                let r = self.repr(&v)?;
                let r = if name == "ascii" {
                    crate::eval::text::format::ascii_escape(&r)
                } else {
                    r
                };
                self.new_str(r)
            }
            "format" => {
                let a = p.positional("format", 1, 2)?;
                let spec = match a.get(1) {
                    None => String::new(),
                    Some(Value::Str(s)) => s.v.clone(),
                    Some(o) => {
                        return Err(PyError::type_error(format!(
                            "format() argument 2 must be str, not {}",
                            o.type_name()
                        )));
                    }
                };
                let r = self.format_value(&a[0], &spec)?;
                self.new_str(r)
            }
            "hex" | "oct" | "bin" => {
                let v = p.meth_o()?;
                let i = self.int_value(&v, "")?;
                let mag = i.abs().to_big();
                let (prefix, digits) = match name {
                    "hex" => ("0x", format!("{mag:x}")),
                    "oct" => ("0o", format!("{mag:o}")),
                    _ => ("0b", format!("{mag:b}")),
                };
                self.new_str(format!(
                    "{}{prefix}{digits}",
                    if i.is_negative() { "-" } else { "" }
                ))
            }
            "abs" => {
                let v = p.meth_o()?;
                match &v {
                    Value::Int(_) | Value::Bool(_) => {
                        let i = as_int(&v).unwrap_or(Int::Small(0));
                        self.new_int(i.abs())
                    }
                    Value::Float(f) => self.new_float(f.v.abs()),
                    Value::Complex(c) => self.new_float(c.re.hypot(c.im)),
                    Value::Array(_) | Value::Scalar(_) => {
                        return self.call_numpy("numpy.abs", vec![v.clone()], vec![]);
                    }
                    other => return Err(PyError::bad_operand_unary("abs()", &other.type_name())),
                }
            }
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
            "iter" => {
                let a = p.positional("iter", 1, 2)?;
                self.make_iter(&a[0])?
            }
            "next" => {
                let a = p.positional("next", 1, 2)?;
                let Value::Iter(it) = &a[0] else {
                    return Err(PyError::type_error(format!(
                        "'{}' object is not an iterator",
                        a[0].type_name()
                    )));
                };
                match self.iter_next(it)? {
                    Some(x) => x,
                    None => a.get(1).cloned().ok_or_else(PyError::stop_iteration)?,
                }
            }
            "reversed" => {
                let a = p.positional("reversed", 1, 1)?;
                self.make_reversed(&a[0])?
            }
            "sorted" => {
                let kw = p.take_kw();
                let a = p.positional("sorted", 1, 1)?;
                let (key, reverse) = Args::new("sort", vec![], kw).sort_keywords("sort")?;
                let l = self.list_of(&a[0])?;
                self.list_sort(&l, key, reverse)?;
                Value::List(l)
            }
            "sum" => {
                if p.pos_count() == 0 {
                    return Err(PyError::takes_at_least_positional("sum", 1, 0));
                }
                if p.pos_count() > 2 {
                    return Err(PyError::takes_at_most_arguments("sum", 2, p.pos_count()));
                }
                let it = p.req(0, "iterable")?;
                let start = p.opt(1, "start")?;
                p.finish()?;
                if let Some(Value::Str(_)) = &start {
                    return Err(PyError::type_error(
                        "sum() can't sum strings [use ''.join(seq) instead]",
                    ));
                }
                let mut acc = start.unwrap_or_else(|| self.new_i64(0));
                let mut iter = self.iterate(&it)?;
                while let Some(x) = iter.next(self)? {
                    acc = self.binary_op(&acc, BinOp::Add, &x)?;
                }
                acc
            }
            "min" | "max" => {
                p.only_keywords(name, &["key", "default"])?;
                let key = p.kw_only("key");
                let default = p.kw_only("default");
                let items = p.rest(0);
                p.finish()?;
                if items.is_empty() {
                    return Err(PyError::positional_count(name, 1, usize::MAX, 0));
                }
                if items.len() > 1 && default.is_some() {
                    return Err(PyError::type_error(format!(
                        "Cannot specify a default for {name}() with multiple positional arguments"
                    )));
                }
                let values = if items.len() == 1 {
                    self.collect(&items[0])?
                } else {
                    items
                };
                let op = if name == "min" { CmpOp::Lt } else { CmpOp::Gt };
                let mut best: Option<(Value, Value)> = None;
                for x in values {
                    let k = match &key {
                        Some(f) if !f.is_none() => self.call(f, vec![x.clone()], vec![])?,
                        _ => x.clone(),
                    };
                    best = Some(match best {
                        None => (x, k),
                        Some((bx, bk)) => {
                            let r = self.compare(&k, op, &bk)?;
                            if self.truthy(&r)? { (x, k) } else { (bx, bk) }
                        }
                    });
                }
                match (best, default) {
                    (Some((b, _)), _) => b,
                    (None, Some(d)) => d,
                    (None, None) => {
                        return Err(PyError::value(format!("{name}() arg is an empty sequence")));
                    }
                }
            }
            "any" | "all" => {
                let it = p.meth_o()?;
                let mut iter = self.iterate(&it)?;
                let want = name == "any";
                while let Some(x) = iter.next(self)? {
                    if self.truthy(&x)? == want {
                        return Ok(Value::Bool(want));
                    }
                }
                Value::Bool(!want)
            }
            "isinstance" => {
                let a = p.positional("isinstance", 2, 2)?;
                let types = match &a[1] {
                    Value::Tuple(tt) => tt.items.clone(),
                    other => vec![other.clone()],
                };
                let mut hit = false;
                for ty in &types {
                    if let Value::Class(_) = ty {
                        hit |= self.user_isinstance(&a[0], ty);
                        continue;
                    }
                    let Value::Type(ty) = ty else {
                        return Err(PyError::type_error(
                            "isinstance() arg 2 must be a type, a tuple of types, or a union",
                        ));
                    };
                    hit |= self.is_instance(&a[0], ty.kind);
                }
                Value::Bool(hit)
            }
            "issubclass" => {
                let a = p.positional("issubclass", 2, 2)?;
                if let Some(r) = self.user_issubclass(&a[0], &a[1])? {
                    return Ok(Value::Bool(r));
                }
                let Value::Type(sub) = &a[0] else {
                    return Err(PyError::type_error("issubclass() arg 1 must be a class"));
                };
                let parents = match &a[1] {
                    Value::Tuple(t) => t.items.clone(),
                    other => vec![other.clone()],
                };
                let mut hit = false;
                for ty in &parents {
                    let Value::Type(ty) = ty else {
                        return Err(PyError::type_error(
                            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                        ));
                    };
                    hit |= Self::is_subclass(sub.kind, ty.kind);
                }
                Value::Bool(hit)
            }
            "divmod" => {
                let a = p.positional("divmod", 2, 2)?;
                if let Some(t) = self.numpy_divmod(&a[0], &a[1])? {
                    return Ok(t);
                }
                let q = self.binary_op(&a[0], BinOp::FloorDiv, &a[1])?;
                let r = self.binary_op(&a[0], BinOp::Mod, &a[1])?;
                self.new_tuple(vec![q, r])
            }
            "pow" => {
                let a = p.req(0, "base")?;
                let b = p.req(1, "exp")?;
                p.finish()?;
                self.binary_op(&a, BinOp::Pow, &b)?
            }
            "ord" => {
                let v = p.meth_o()?;
                match &v {
                    Value::Str(s) if s.v.chars().count() == 1 => {
                        self.new_i64(s.v.chars().next().map_or(0, |c| c as i64))
                    }
                    Value::Bytes(b) if b.v.len() == 1 => self.new_i64(b.v[0] as i64),
                    Value::Str(s) => {
                        return Err(PyError::type_error(format!(
                            "ord() expected a character, but string of length {} found",
                            s.v.chars().count()
                        )));
                    }
                    other => {
                        return Err(PyError::type_error(format!(
                            "ord() expected string of length 1, but {} found",
                            other.type_name()
                        )));
                    }
                }
            }
            "chr" => {
                let v = p.meth_o()?;
                let i = self.int_value(&v, "")?.to_i64().unwrap_or(-1);
                let c = u32::try_from(i)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| PyError::value("chr() arg not in range(0x110000)"))?;
                self.new_str(c.to_string())
            }
            "getattr" | "hasattr" => {
                let a = if name == "getattr" {
                    p.positional("getattr", 2, 3)?
                } else {
                    p.positional("hasattr", 2, 2)?
                };
                let Value::Str(n) = &a[1] else {
                    return Err(PyError::type_error("attribute name must be string"));
                };
                match (self.getattr(&a[0], &n.v), name, a.get(2)) {
                    (Ok(v), "getattr", _) => v,
                    (Ok(_), _, _) => Value::Bool(true),
                    (Err(e), "getattr", None) => return Err(e),
                    (Err(_), "getattr", Some(d)) => d.clone(),
                    (Err(_), _, _) => Value::Bool(false),
                }
            }
            "setattr" => {
                let a = p.positional("setattr", 3, 3)?;
                let Value::Str(n) = &a[1] else {
                    return Err(PyError::type_error("attribute name must be string"));
                };
                self.setattr(&a[0], &n.v, a[2].clone())?;
                Value::None
            }
            "callable" => {
                let v = p.meth_o()?;
                Value::Bool(
                    matches!(
                        v,
                        Value::Builtin(_)
                            | Value::Method(_)
                            | Value::Type(_)
                            | Value::Function(_)
                            | Value::BoundMethod(_)
                            | Value::Class(_)
                    ) || Self::has_dunder(&v, "__call__"),
                )
            }
            // the page is the shell's (`?`); without a shell, Python's own hint
            "help" => {
                let v = p.meth_o()?;
                let page = match self.help_page {
                    Some(make) => make(self, &v)?,
                    None => {
                        "Type help() for interactive help, or help(object) for help about object.\n"
                            .into()
                    }
                };
                self.write_out(&page);
                Value::None
            }
            "hash" => {
                let v = p.meth_o()?;
                let h = self.py_hash(&v)?;
                self.new_i64(h)
            }
            "dir" | "vars" | "globals" => {
                let args = p.rest(0);
                p.finish()?;
                if name == "dir" {
                    self.builtin_dir(args)?
                } else {
                    self.builtin_namespace(name, args)?
                }
            }
            _ => return Err(PyError::not_callable(name)),
        })
    }
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}
