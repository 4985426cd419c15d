//! The `operator` module: Python's operators as functions, and the callables `itemgetter`,
//! `attrgetter` and `methodcaller` (CPython 3.11's `_operator`).

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::{NativeSlots, Value};
use crate::eval::registry::bind::Missing;
use crate::eval::registry::{Bound, Conv, Origin, Row};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

pub const ROWS: &[Row] = &[
    Row::module("operator", Origin::Stdlib { package: false }),
    Row::builtin("operator.add", "(a, b, /)", binary),
    Row::builtin("operator.sub", "(a, b, /)", binary),
    Row::builtin("operator.mul", "(a, b, /)", binary),
    Row::builtin("operator.truediv", "(a, b, /)", binary),
    Row::builtin("operator.floordiv", "(a, b, /)", binary),
    Row::builtin("operator.mod", "(a, b, /)", binary),
    Row::builtin("operator.pow", "(a, b, /)", binary),
    Row::builtin("operator.matmul", "(a, b, /)", binary),
    Row::builtin("operator.lshift", "(a, b, /)", binary),
    Row::builtin("operator.rshift", "(a, b, /)", binary),
    Row::builtin("operator.and_", "(a, b, /)", binary),
    Row::builtin("operator.or_", "(a, b, /)", binary),
    Row::builtin("operator.xor", "(a, b, /)", binary),
    Row::builtin("operator.concat", "(a, b, /)", binary),
    Row::builtin("operator.iadd", "(a, b, /)", binary),
    Row::builtin("operator.imul", "(a, b, /)", binary),
    Row::builtin("operator.neg", "(a, /)", unary),
    Row::builtin("operator.pos", "(a, /)", unary),
    Row::builtin("operator.inv", "(a, /)", unary),
    Row::builtin("operator.invert", "(a, /)", unary),
    Row::builtin("operator.abs", "(a, /)", unary),
    Row::builtin("operator.index", "(a, /)", unary),
    Row::builtin("operator.not_", "(a, /)", unary),
    Row::builtin("operator.truth", "(a, /)", unary),
    Row::builtin("operator.eq", "(a, b, /)", compare),
    Row::builtin("operator.ne", "(a, b, /)", compare),
    Row::builtin("operator.lt", "(a, b, /)", compare),
    Row::builtin("operator.le", "(a, b, /)", compare),
    Row::builtin("operator.gt", "(a, b, /)", compare),
    Row::builtin("operator.ge", "(a, b, /)", compare),
    Row::builtin("operator.is_", "(a, b, /)", compare),
    Row::builtin("operator.is_not", "(a, b, /)", compare),
    Row::builtin("operator.contains", "(a, b, /)", compare),
    Row::builtin("operator.getitem", "(a, b, /)", item),
    Row::builtin("operator.setitem", "(a, b, c, /)", item),
    Row::builtin("operator.delitem", "(a, b, /)", item),
    Row::builtin("operator.countOf", "(a, b, /)", count_of),
    Row::builtin("operator.indexOf", "(a, b, /)", count_of),
    // CPython's getters check their first argument by hand
    Row::c_class("operator.itemgetter", "!(item, /, *items)", getter)
        .conv(Conv::FirstByHand(Missing::Unpack)),
    Row::c_class("operator.attrgetter", "!(attr, /, *attrs)", getter)
        .conv(Conv::FirstByHand(Missing::Unpack)),
    Row::c_class(
        "operator.methodcaller",
        "!(name, /, *args, **kwargs)",
        getter,
    )
    .conv(Conv::FirstByHand(Missing::MethodName)),
];

fn binary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let y = a.req("b")?;
    let op = match a.func {
        "add" | "iadd" => BinOp::Add,
        "concat" => {
            if !matches!(
                x,
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)
            ) {
                return Err(PyError::type_error(format!(
                    "'{}' object can't be concatenated",
                    x.type_name()
                )));
            }
            BinOp::Add
        }
        "sub" => BinOp::Sub,
        "mul" | "imul" => BinOp::Mul,
        "truediv" => BinOp::Div,
        "floordiv" => BinOp::FloorDiv,
        "mod" => BinOp::Mod,
        "pow" => BinOp::Pow,
        "matmul" => BinOp::MatMul,
        "lshift" => BinOp::LShift,
        "rshift" => BinOp::RShift,
        "and_" => BinOp::BitAnd,
        "or_" => BinOp::BitOr,
        _ => BinOp::BitXor,
    };
    if a.func.starts_with('i') {
        return it.inplace_op(&x, op, &y);
    }
    it.binary_op(&x, op, &y)
}

fn unary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    match a.func {
        "neg" => it.unary_op(UnaryOp::Neg, &x),
        "pos" => it.unary_op(UnaryOp::Pos, &x),
        "inv" | "invert" => it.unary_op(UnaryOp::Invert, &x),
        "not_" => Ok(Value::Bool(!it.truthy(&x)?)),
        "truth" => Ok(Value::Bool(it.truthy(&x)?)),
        "index" => {
            let i = it.int_value(&x, "")?;
            Ok(it.new_int(i))
        }
        _ => {
            let f = it.lookup_builtin("abs").unwrap_or(Value::None);
            it.call(&f, vec![x], vec![])
        }
    }
}

fn compare(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let y = a.req("b")?;
    let (op, x, y) = match a.func {
        "eq" => (CmpOp::Eq, x, y),
        "ne" => (CmpOp::NotEq, x, y),
        "lt" => (CmpOp::Lt, x, y),
        "le" => (CmpOp::LtE, x, y),
        "gt" => (CmpOp::Gt, x, y),
        "ge" => (CmpOp::GtE, x, y),
        "is_" => (CmpOp::Is, x, y),
        "is_not" => (CmpOp::IsNot, x, y),
        // contains(a, b) is `b in a`
        _ => (CmpOp::In, y, x),
    };
    it.compare(&x, op, &y)
}

fn item(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let k = a.req("b")?;
    match a.func {
        "getitem" => it.getitem(&x, &k),
        "setitem" => {
            let v = a.req("c")?;
            it.setitem(&x, &k, v)?;
            Ok(Value::None)
        }
        _ => {
            it.delitem(&x, &k)?;
            Ok(Value::None)
        }
    }
}

fn count_of(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let seq = a.req("a")?;
    let x = a.req("b")?;
    let mut iter = it.iterate(&seq)?;
    let mut n = 0i64;
    let mut pos = 0i64;
    while let Some(v) = iter.next(it)? {
        if it.is_same(&v, &x) || it.py_eq(&v, &x)? {
            if a.func == "indexOf" {
                return Ok(it.new_i64(pos));
            }
            n += 1;
        }
        pos += 1;
    }
    if a.func == "indexOf" {
        return Err(PyError::value("sequence.index(x): x not in sequence"));
    }
    Ok(it.new_i64(n))
}

/// `itemgetter`, `attrgetter`, `methodcaller`: what they fetch or call.
enum Getter {
    Items(Vec<Value>),
    Attrs(Vec<String>),
    Method(String, Vec<Value>, Vec<(String, Value)>),
}

static GETTER_SLOTS: NativeSlots = NativeSlots {
    call: Some(getter_call),
    repr: Some(getter_repr),
    ..NativeSlots::NONE
};

fn getter(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let first = a.req(match a.func {
        "itemgetter" => "item",
        "attrgetter" => "attr",
        _ => "name",
    })?;
    let mut all = vec![first];
    all.append(&mut a.star);
    let text = |v: &Value, what: &str| -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.v.clone()),
            _ => Err(PyError::type_error(format!("{what} must be a string"))),
        }
    };
    let (type_name, g) = match a.func {
        "itemgetter" => ("operator.itemgetter", Getter::Items(all)),
        "attrgetter" => (
            "operator.attrgetter",
            Getter::Attrs(
                all.iter()
                    .map(|v| text(v, "attribute name"))
                    .collect::<PyResult<_>>()?,
            ),
        ),
        _ => {
            let name = text(&all[0], "method name")?;
            let kw = std::mem::take(&mut a.kwargs);
            (
                "operator.methodcaller",
                Getter::Method(name, all.split_off(1), kw),
            )
        }
    };
    Ok(it.native_obj(type_name, &[], &GETTER_SLOTS, 48, g))
}

fn getter_call(
    it: &mut Interp,
    me: &Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let Value::Native(n) = me else {
        return Err(PyError::type_error("not a getter"));
    };
    let short = n.type_name.trim_start_matches("operator.");
    if args.len() != 1 || !kw.is_empty() {
        return Err(PyError::type_error(format!(
            "{short} expected 1 argument, got {}",
            args.len()
        )));
    }
    let obj = &args[0];
    enum Plan {
        Items(Vec<Value>),
        Attrs(Vec<String>),
        Method(String, Vec<Value>, Vec<(String, Value)>),
    }
    let plan = match &*state_of::<Getter>(me, n.type_name)? {
        Getter::Items(v) => Plan::Items(v.clone()),
        Getter::Attrs(v) => Plan::Attrs(v.clone()),
        Getter::Method(m, a, k) => Plan::Method(m.clone(), a.clone(), k.clone()),
    };
    match plan {
        Plan::Items(keys) => {
            let mut out = Vec::with_capacity(keys.len());
            for k in &keys {
                out.push(it.getitem(obj, k)?);
            }
            Ok(if out.len() == 1 {
                out.remove(0)
            } else {
                it.new_tuple(out)
            })
        }
        Plan::Attrs(names) => {
            let mut out = Vec::with_capacity(names.len());
            for name in &names {
                // dotted names walk attributes: attrgetter('a.b')
                let mut v = obj.clone();
                for part in name.split('.') {
                    v = it.getattr(&v, part)?;
                }
                out.push(v);
            }
            Ok(if out.len() == 1 {
                out.remove(0)
            } else {
                it.new_tuple(out)
            })
        }
        Plan::Method(name, a, k) => it.call_method(obj, &name, a, k),
    }
}

fn getter_repr(it: &mut Interp, me: &Value) -> PyResult<String> {
    let Value::Native(n) = me else {
        return Ok(String::new());
    };
    let (args, kw) = match &*state_of::<Getter>(me, n.type_name)? {
        Getter::Items(v) => (v.clone(), Vec::new()),
        Getter::Attrs(v) => (
            v.iter().map(|s| it.new_str(s.clone())).collect(),
            Vec::new(),
        ),
        Getter::Method(m, a, k) => {
            let mut all = vec![it.new_str(m.clone())];
            all.extend(a.iter().cloned());
            (all, k.clone())
        }
    };
    let mut parts = Vec::new();
    for a in &args {
        parts.push(it.repr(a)?);
    }
    for (k, v) in &kw {
        parts.push(format!("{k}={}", it.repr(v)?));
    }
    Ok(format!("{}({})", n.type_name, parts.join(", ")))
}
