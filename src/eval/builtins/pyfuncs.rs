//! Python's builtin functions as rows of the registry: `print`, `len`, `sum`, `min`/`max`,
//! `sorted`, `getattr`, `isinstance`..., each with CPython 3.11's signature (which decides its
//! argument errors) and its behaviour. The builtin types (`int`, `zip`...) are called in
//! `constructors`.

use num_bigint::BigInt;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::as_int;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::syntax::ast::{BinOp, CmpOp};

/// The builtin functions.
pub const ROWS: &[Row] = &[
    Row::builtin(
        "print",
        "(*args, sep=' ', end='\\n', file=None, flush=False)",
        print,
    ),
    Row::builtin("len", "(obj, /)", len),
    Row::builtin("id", "(obj, /)", id),
    Row::builtin("repr", "(obj, /)", repr),
    Row::builtin("ascii", "(obj, /)", repr),
    Row::builtin("format", "(value, format_spec='', /)", format),
    Row::builtin("hex", "(number, /)", int_text),
    Row::builtin("oct", "(number, /)", int_text),
    Row::builtin("bin", "(number, /)", int_text),
    Row::builtin("abs", "(x, /)", abs),
    Row::builtin("round", "(number, ndigits=None)", round),
    Row::builtin("divmod", "(x, y, /)", divmod),
    Row::builtin("pow", "(base, exp, mod=None)", pow),
    Row::builtin("ord", "(c, /)", ord),
    Row::builtin("chr", "(i, /)", chr),
    Row::builtin("hash", "(obj, /)", hash),
    Row::builtin("sum", "(iterable, /, start=0)", sum),
    // min/max parse their own arguments (`min expected at least 1 argument, got 0`) and
    // show no signature
    Row::builtin("min", "!(*args, key=None, default=None)", min_max),
    Row::builtin("max", "!(*args, key=None, default=None)", min_max),
    Row::builtin("any", "(iterable, /)", any_all),
    Row::builtin("all", "(iterable, /)", any_all),
    Row::builtin("iter", "!(object, sentinel?, /)", iter),
    Row::builtin("next", "!(iterator, default?, /)", language),
    // sorted checks its one positional argument itself and hands its keywords to list.sort
    Row::builtin("sorted", "(*args, **kwargs)", sorted)
        .shown("(iterable, /, *, key=None, reverse=False)"),
    Row::builtin("isinstance", "(obj, class_or_tuple, /)", isinstance),
    Row::builtin("issubclass", "(cls, class_or_tuple, /)", issubclass),
    Row::builtin("getattr", "!(object, name, default?, /)", getattr),
    Row::builtin("hasattr", "(obj, name, /)", getattr),
    Row::builtin("setattr", "(obj, name, value, /)", setattr),
    Row::builtin("callable", "(obj, /)", callable),
    Row::builtin("dir", "!(object?, /)", dir),
    Row::builtin("vars", "!(object?, /)", namespace),
    Row::builtin("globals", "()", namespace),
    Row::builtin("help", "!(*args, **kwds)", help),
    // the class-making builtins of `language` parse their own arguments
    Row::builtin("super", "!(*args, **kwargs)", language),
    Row::builtin("property", "!(*args, **kwargs)", language),
    Row::builtin("staticmethod", "!(*args, **kwargs)", language),
    Row::builtin("classmethod", "!(*args, **kwargs)", language),
];

/// The builtins the `language` room runs (`next` of generators, `super`, `property`...).
fn language(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mut args = std::mem::take(&mut a.star);
    args.extend(a.take("iterator"));
    args.extend(a.take("default"));
    let kw = std::mem::take(&mut a.kwargs);
    it.call_language_builtin(a.func, &args, &kw)
        .unwrap_or_else(|| Err(PyError::not_callable(a.func)))
}

fn print(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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
    let sep = text(a.take("sep"), "sep", " ")?;
    let end = text(a.take("end"), "end", "\n")?;
    // without a file, output goes to the cell's captured text; flushing is immediate
    let file = a.take("file").filter(|f| !f.is_none());
    let _flush = a.take("flush");
    if let Some(f) = file {
        // CPython writes each piece with `file.write` (an `io.StringIO`, an open file...)
        let write = it.getattr(&f, "write")?;
        let n = a.star.len();
        for (i, v) in a.star.clone().iter().enumerate() {
            let piece = it.str(v)?;
            let piece = it.new_str(piece);
            it.call(&write, vec![piece], vec![])?;
            if i + 1 < n {
                let sep = it.new_str(sep.clone());
                it.call(&write, vec![sep], vec![])?;
            }
        }
        let end = it.new_str(end);
        it.call(&write, vec![end], vec![])?;
        return Ok(Value::None);
    }
    let mut line = String::new();
    for (i, v) in a.star.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&it.str(v)?);
    }
    line.push_str(&end);
    it.write_out(&line);
    Ok(Value::None)
}

fn len(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("obj")?;
    let n = it.len_of(&v)?;
    Ok(it.new_i64(n as i64))
}

fn id(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("obj")?;
    let id = it.id_of(&v);
    Ok(it.new_int(Int::from_u64(id)))
}

/// `repr(obj)` and `ascii(obj)`.
fn repr(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("obj")?;
    let r = it.repr(&v)?;
    let r = if a.func == "ascii" {
        crate::eval::text::format::ascii_escape(&r)
    } else {
        r
    };
    Ok(it.new_str(r))
}

fn format(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("value")?;
    let spec = match a.take("format_spec") {
        None => String::new(),
        Some(Value::Str(s)) => s.v.clone(),
        Some(o) => {
            return Err(PyError::type_error(format!(
                "format() argument 2 must be str, not {}",
                o.type_name()
            )));
        }
    };
    let r = it.format_value(&v, &spec)?;
    Ok(it.new_str(r))
}

/// `hex`, `oct`, `bin`.
fn int_text(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("number")?;
    let i = it.int_value(&v, "")?;
    let mag = i.abs().to_big();
    let (prefix, digits) = match a.func {
        "hex" => ("0x", format!("{mag:x}")),
        "oct" => ("0o", format!("{mag:o}")),
        _ => ("0b", format!("{mag:b}")),
    };
    let sign = if i.is_negative() { "-" } else { "" };
    Ok(it.new_str(format!("{sign}{prefix}{digits}")))
}

fn abs(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("x")?;
    Ok(match &v {
        Value::Int(_) | Value::Bool(_) => {
            let i = as_int(&v).unwrap_or(Int::Small(0));
            it.new_int(i.abs())
        }
        Value::Float(f) => it.new_float(f.v.abs()),
        Value::Complex(c) => it.new_float(c.re.hypot(c.im)),
        // NumPy's scalar math (`abs(np.int8(-128))` overflows); arrays take the ufunc
        Value::Scalar(s) => {
            let arr = it.scalar_to_array(s.dtype, &s.v)?;
            return it.numpy_unary_in("absolute", &arr, true);
        }
        Value::Array(_) => {
            return it.call_numpy("numpy.absolute", vec![v.clone()], vec![]);
        }
        other => {
            if let Some(r) = it.call_dunder(other, "__abs__", vec![])? {
                return Ok(r);
            }
            return Err(PyError::bad_operand_unary("abs()", &other.type_name()));
        }
    })
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
            let n = it.int_value(&n, "")?;
            if !n.is_negative() {
                it.new_int(i)
            } else if n
                .to_i64()
                .and_then(i64::checked_neg)
                .is_none_or(|m| m > 1 << 20)
            {
                // |i| < 10**-n / 2 long before -n needs 64 bits: CPython's answer is 0
                it.new_i64(0)
            } else {
                let n = n.to_i64().unwrap_or(0);
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
            // PyNumber_AsSsize_t(ndigits, NULL) clips to the ssize_t range
            let n = it.int_value(&n, "")?;
            let n = n
                .to_i64()
                .unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
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

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn divmod(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (x, y) = (a.req("x")?, a.req("y")?);
    if let Some(t) = it.numpy_divmod(&x, &y)? {
        return Ok(t);
    }
    let q = it.binary_op(&x, BinOp::FloorDiv, &y)?;
    let r = it.binary_op(&x, BinOp::Mod, &y)?;
    Ok(it.new_tuple(vec![q, r]))
}

fn pow(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (base, exp) = (a.req("base")?, a.req("exp")?);
    if a.take_some("mod").is_some() {
        return Err(PyError::not_implemented(
            "arrsh's pow does not support mod=",
        ));
    }
    it.binary_op(&base, BinOp::Pow, &exp)
}

fn ord(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("c")?;
    match &v {
        Value::Str(s) if s.v.chars().count() == 1 => {
            Ok(it.new_i64(s.v.chars().next().map_or(0, |c| c as i64)))
        }
        Value::Bytes(b) if b.v.len() == 1 => Ok(it.new_i64(b.v[0] as i64)),
        Value::Str(s) => Err(PyError::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.v.chars().count()
        ))),
        other => Err(PyError::type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

fn chr(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("i")?;
    let i = it.int_value(&v, "")?.to_i64().unwrap_or(-1);
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| PyError::value("chr() arg not in range(0x110000)"))?;
    Ok(it.new_str(c.to_string()))
}

fn hash(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("obj")?;
    let h = it.py_hash(&v)?;
    Ok(it.new_i64(h))
}

fn sum(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable")?;
    let start = a.take("start");
    if let Some(Value::Str(_)) = &start {
        return Err(PyError::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let mut acc = start.unwrap_or_else(|| it.new_i64(0));
    let mut iter = it.iterate(&src)?;
    // CPython's fast paths: a C long while the items are ints and it does not overflow, then
    // a C double while they are floats (or ints that fit a long); no object per step
    if let Value::Int(i) = &acc
        && let Int::Small(mut total) = i.v
    {
        iter.take_in_place(it, |x| {
            let b = match x {
                Value::Int(v) => match v.v {
                    Int::Small(b) => b,
                    Int::Big(_) => return false,
                },
                Value::Bool(b) => *b as i64,
                _ => return false,
            };
            total.checked_add(b).map(|t| total = t).is_some()
        })?;
        loop {
            let Some(x) = iter.next(it)? else {
                return Ok(it.new_i64(total));
            };
            let b = match &x {
                Value::Int(v) => match v.v {
                    Int::Small(b) => Some(b),
                    Int::Big(_) => None,
                },
                Value::Bool(b) => Some(*b as i64),
                _ => None,
            };
            if let Some(t) = b.and_then(|b| total.checked_add(b)) {
                total = t;
                continue;
            }
            let sofar = it.new_i64(total);
            acc = it.binary_op(&sofar, BinOp::Add, &x)?;
            break;
        }
    }
    if let Value::Float(f) = &acc {
        let mut total = f.v;
        iter.take_in_place(it, |x| {
            total += match x {
                Value::Float(y) => y.v,
                Value::Int(v) => match v.v {
                    Int::Small(b) => b as f64,
                    Int::Big(_) => return false,
                },
                Value::Bool(b) => *b as i64 as f64,
                _ => return false,
            };
            true
        })?;
        loop {
            let Some(x) = iter.next(it)? else {
                return Ok(it.new_float(total));
            };
            match &x {
                Value::Float(y) => {
                    total += y.v;
                    continue;
                }
                Value::Int(v) if matches!(v.v, Int::Small(_)) => {
                    if let Int::Small(b) = v.v {
                        total += b as f64;
                    }
                    continue;
                }
                Value::Bool(b) => {
                    total += *b as i64 as f64;
                    continue;
                }
                _ => {}
            }
            let sofar = it.new_float(total);
            acc = it.binary_op(&sofar, BinOp::Add, &x)?;
            break;
        }
    }
    while let Some(x) = iter.next(it)? {
        acc = it.binary_op(&acc, BinOp::Add, &x)?;
    }
    Ok(acc)
}

/// `min(iterable, *, key=None, default=...)` / `min(a, b, *args, key=None)`, and `max`.
fn min_max(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let key = a.take("key");
    let default = a.take("default");
    let items = std::mem::take(&mut a.star);
    if items.is_empty() {
        return Err(PyError::positional_count(a.func, 1, usize::MAX, 0));
    }
    if items.len() > 1 && default.is_some() {
        return Err(PyError::type_error(format!(
            "Cannot specify a default for {}() with multiple positional arguments",
            a.func
        )));
    }
    let values = if items.len() == 1 {
        it.collect(&items[0])?
    } else {
        items
    };
    let op = if a.func == "min" {
        CmpOp::Lt
    } else {
        CmpOp::Gt
    };
    let mut best: Option<(Value, Value)> = None;
    for x in values {
        let k = match &key {
            Some(f) if !f.is_none() => it.call(f, vec![x.clone()], vec![])?,
            _ => x.clone(),
        };
        best = Some(match best {
            None => (x, k),
            Some((bx, bk)) => {
                let r = it.compare(&k, op, &bk)?;
                if it.truthy(&r)? { (x, k) } else { (bx, bk) }
            }
        });
    }
    match (best, default) {
        (Some((b, _)), _) => Ok(b),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyError::value(format!(
            "{}() arg is an empty sequence",
            a.func
        ))),
    }
}

/// `any(iterable)` and `all(iterable)`.
fn any_all(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable")?;
    let mut iter = it.iterate(&src)?;
    let want = a.func == "any";
    while let Some(x) = iter.next(it)? {
        if it.truthy(&x)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

fn iter(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("object")?;
    if a.take("sentinel").is_some() {
        return Err(PyError::not_implemented(
            "arrsh's iter does not support a sentinel",
        ));
    }
    it.make_iter(&v)
}

/// `sorted(iterable, /, *, key=None, reverse=False)`: CPython checks the positional count
/// itself, then list.sort takes the keywords (so they are refused in its name).
fn sorted(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let kw = std::mem::take(&mut a.kwargs);
    let items = std::mem::take(&mut a.star);
    let [src] = <[Value; 1]>::try_from(items)
        .map_err(|v| PyError::positional_count("sorted", 1, 1, v.len()))?;
    let l = it.list_of(&src)?;
    let list = Value::List(l.clone());
    it.call_method(&list, "sort", vec![], kw)?;
    Ok(list)
}

fn isinstance(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let obj = a.req("obj")?;
    let types = match a.req("class_or_tuple")? {
        Value::Tuple(tt) => tt.items.clone(),
        other => vec![other],
    };
    let mut hit = false;
    for ty in &types {
        if let Value::Class(_) = ty {
            hit |= it.user_isinstance(&obj, ty);
            continue;
        }
        let Value::Type(ty) = ty else {
            return Err(PyError::type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ));
        };
        hit |= it.is_instance(&obj, ty.kind);
    }
    Ok(Value::Bool(hit))
}

fn issubclass(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let cls = a.req("cls")?;
    let parents = a.req("class_or_tuple")?;
    if let Some(r) = it.user_issubclass(&cls, &parents)? {
        return Ok(Value::Bool(r));
    }
    let Value::Type(sub) = &cls else {
        return Err(PyError::type_error("issubclass() arg 1 must be a class"));
    };
    let parents = match &parents {
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
        hit |= Interp::is_subclass(sub.kind, ty.kind);
    }
    Ok(Value::Bool(hit))
}

/// `getattr(object, name[, default])` and `hasattr(obj, name)`.
fn getattr(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let obj = match a.take("object") {
        Some(o) => o,
        None => a.req("obj")?,
    };
    let name = a.req("name")?;
    let Value::Str(n) = &name else {
        return Err(PyError::attribute_name_must_be_string(&name.type_name()));
    };
    let default = a.take("default");
    match (it.getattr(&obj, &n.v), a.func, default) {
        (Ok(v), "getattr", _) => Ok(v),
        (Ok(_), _, _) => Ok(Value::Bool(true)),
        (Err(e), "getattr", None) => Err(e),
        (Err(_), "getattr", Some(d)) => Ok(d),
        (Err(_), _, _) => Ok(Value::Bool(false)),
    }
}

fn setattr(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let obj = a.req("obj")?;
    let name = a.req("name")?;
    let Value::Str(n) = &name else {
        return Err(PyError::attribute_name_must_be_string(&name.type_name()));
    };
    let v = a.req("value")?;
    it.setattr(&obj, &n.v, v)?;
    Ok(Value::None)
}

fn callable(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("obj")?;
    Ok(Value::Bool(it.is_callable(&v)))
}

impl Interp {
    /// `callable(v)`.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Builtin(_)
            | Value::Method(_)
            | Value::Type(_)
            | Value::Function(_)
            | Value::BoundMethod(_)
            | Value::Class(_) => true,
            Value::Native(n) => n.slots.call.is_some(),
            _ => Interp::has_dunder(v, "__call__"),
        }
    }
}

fn dir(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let args: Vec<Value> = a.take("object").into_iter().collect();
    it.builtin_dir(args)
}

/// `vars()` and `globals()`.
fn namespace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let args: Vec<Value> = a.take("object").into_iter().collect();
    it.builtin_namespace(a.func, args)
}

/// `help(obj)`: the page is the shell's (`?`); without a shell, Python's own hint.
fn help(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let items = std::mem::take(&mut a.star);
    let [v] = <[Value; 1]>::try_from(items)
        .map_err(|v| PyError::takes_exactly_one_argument("help", v.len()))?;
    let page = match it.help_page {
        Some(make) => make(it, &v)?,
        None => "Type help() for interactive help, or help(object) for help about object.\n".into(),
    };
    it.write_out(&page);
    Ok(Value::None)
}
