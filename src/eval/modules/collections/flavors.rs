//! `Counter`, `defaultdict` and `OrderedDict`: dicts with a flavour (`__missing__`, their own methods, `Counter` arithmetic, reprs).

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{PyDict, Value};
use crate::eval::registry::Bound;
use crate::syntax::ast::{BinOp, CmpOp};

/// Which `dict` subclass a dict is.
pub enum DictFlavor {
    Counter,
    Ordered,
    /// `defaultdict` with its `default_factory`.
    Default(RefCell<Value>),
}

impl DictFlavor {
    /// The qualified type name (`type()`, messages).
    pub fn type_name(&self) -> &'static str {
        match self {
            DictFlavor::Counter => "collections.Counter",
            DictFlavor::Ordered => "collections.OrderedDict",
            DictFlavor::Default(_) => "collections.defaultdict",
        }
    }

    /// The registry owners of its attributes: its own, then `dict`'s.
    pub fn owners(&self) -> &'static [&'static str] {
        match self {
            DictFlavor::Counter => &["collections.Counter", "dict"],
            DictFlavor::Ordered => &["collections.OrderedDict", "dict"],
            DictFlavor::Default(_) => &["collections.defaultdict", "dict"],
        }
    }
}

impl Interp {
    fn new_flavored_dict(&self, flavor: DictFlavor) -> Rc<PyDict> {
        let d = self.new_empty_dict();
        let mut d = Rc::try_unwrap(d).unwrap_or_else(|_| unreachable!("a new dict is unshared"));
        d.flavor = Some(Rc::new(flavor));
        Rc::new(d)
    }
}

/// `d[key]` found nothing: `Counter` answers 0, `defaultdict` makes and stores the default.
pub fn missing(it: &mut Interp, d: &Rc<PyDict>, key: &Value) -> PyResult<Value> {
    match d.flavor.as_deref() {
        Some(DictFlavor::Counter) => Ok(it.new_i64(0)),
        Some(DictFlavor::Default(f)) => {
            let f = f.borrow().clone();
            if f.is_none() {
                return Err(it.missing_key(key)?);
            }
            let v = it.call(&f, vec![], vec![])?;
            it.dict_set(d, key.clone(), v.clone())?;
            Ok(v)
        }
        _ => Err(it.missing_key(key)?),
    }
}

fn dict_of(v: &Value) -> PyResult<Rc<PyDict>> {
    match v {
        Value::Dict(d) => Ok(d.clone()),
        other => Err(PyError::type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            other.type_name()
        ))),
    }
}

fn lookup(it: &mut Interp, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
    it.dict_get(d, key)
}

/// `Counter.update`/`subtract`: counts from a mapping (added) or an iterable (each item one).
fn count_into(it: &mut Interp, d: &Rc<PyDict>, src: &Value, sign: BinOp) -> PyResult<()> {
    if let Value::Dict(m) = src {
        let items = m.items.borrow().clone();
        for (k, n) in items {
            let cur = lookup(it, d, &k)?;
            let v = match cur {
                Some(c) => it.binary_op(&c, sign, &n)?,
                None if sign == BinOp::Sub => {
                    let zero = it.new_i64(0);
                    it.binary_op(&zero, BinOp::Sub, &n)?
                }
                None => n,
            };
            it.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    let one = it.new_i64(1);
    let mut iter = it.iterate(src)?;
    while let Some(k) = iter.next(it)? {
        let cur = lookup(it, d, &k)?;
        let v = match cur {
            Some(c) => it.binary_op(&c, sign, &one)?,
            None => {
                let zero = it.new_i64(0);
                it.binary_op(&zero, sign, &one)?
            }
        };
        it.dict_set(d, k, v)?;
    }
    Ok(())
}

pub(super) fn counter_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = it.new_flavored_dict(DictFlavor::Counter);
    if let Some(src) = a.take_some("iterable") {
        count_into(it, &d, &src, BinOp::Add)?;
    }
    for (k, v) in std::mem::take(&mut a.kwargs) {
        let src = {
            let k = it.new_str(k);
            it.new_dict(vec![(k, v)])?
        };
        count_into(it, &d, &src, BinOp::Add)?;
    }
    Ok(Value::Dict(d))
}

pub(super) fn counter_update(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    let sign = if a.func == "subtract" {
        BinOp::Sub
    } else {
        BinOp::Add
    };
    if let Some(src) = a.take_some("iterable") {
        count_into(it, &d, &src, sign)?;
    }
    for (k, v) in std::mem::take(&mut a.kwargs) {
        let src = {
            let k = it.new_str(k);
            it.new_dict(vec![(k, v)])?
        };
        count_into(it, &d, &src, sign)?;
    }
    Ok(Value::None)
}

/// The items sorted by count, largest first, ties in insertion order (`sorted(...,
/// reverse=True)` is stable).
fn by_count(it: &mut Interp, d: &PyDict) -> PyResult<Vec<(Value, Value)>> {
    let items = d.items.borrow().clone();
    let mut out: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for (k, v) in items {
        // insert after every item whose count is not smaller
        let (mut lo, mut hi) = (0, out.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let r = it.compare(&out[mid].1, CmpOp::Lt, &v)?;
            if it.truthy(&r)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.insert(lo, (k, v));
    }
    Ok(out)
}

pub(super) fn most_common(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    let mut items = by_count(it, &d)?;
    if let Some(n) = a.take_some("n") {
        let n = it.int_value(&n, "")?.to_i64().unwrap_or(i64::MAX).max(0) as usize;
        items.truncate(n);
    }
    let out = items
        .into_iter()
        .map(|(k, v)| it.new_tuple(vec![k, v]))
        .collect();
    Ok(it.new_list(out))
}

pub(super) fn elements(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    let items = d.items.borrow().clone();
    let mut out = std::collections::VecDeque::new();
    for (k, v) in items {
        let n = it.int_value(&v, "")?.to_i64().unwrap_or(0);
        for _ in 0..n.max(0) {
            out.push_back(k.clone());
        }
        it.check_items(out.len())?;
    }
    Ok(it.new_iter(
        "itertools.chain",
        crate::eval::object::value::IterState::Values(out),
    ))
}

pub(super) fn total(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    let items = d.items.borrow().clone();
    let mut acc = it.new_i64(0);
    for (_, v) in items {
        acc = it.binary_op(&acc, BinOp::Add, &v)?;
    }
    Ok(acc)
}

/// `Counter + Counter` and friends (`None`: not two Counters).
pub fn counter_binary(it: &mut Interp, a: &Value, op: BinOp, b: &Value) -> PyResult<Option<Value>> {
    let (Value::Dict(x), Value::Dict(y)) = (a, b) else {
        return Ok(None);
    };
    let is_counter = |d: &PyDict| matches!(d.flavor.as_deref(), Some(DictFlavor::Counter));
    if !is_counter(x) || !is_counter(y) {
        return Ok(None);
    }
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::BitOr | BinOp::BitAnd) {
        return Ok(None);
    }
    let out = it.new_flavored_dict(DictFlavor::Counter);
    let zero = it.new_i64(0);
    let xs = x.items.borrow().clone();
    for (k, cx) in &xs {
        let cy = lookup(it, y, k)?.unwrap_or_else(|| zero.clone());
        let v = match op {
            BinOp::Add => it.binary_op(cx, BinOp::Add, &cy)?,
            BinOp::Sub => it.binary_op(cx, BinOp::Sub, &cy)?,
            BinOp::BitOr => {
                let r = it.compare(cx, CmpOp::Lt, &cy)?;
                if it.truthy(&r)? { cy } else { cx.clone() }
            }
            _ => {
                let r = it.compare(cx, CmpOp::Lt, &cy)?;
                if it.truthy(&r)? { cx.clone() } else { cy }
            }
        };
        let r = it.compare(&v, CmpOp::Gt, &zero)?;
        if it.truthy(&r)? {
            it.dict_set(&out, k.clone(), v)?;
        }
    }
    if matches!(op, BinOp::Add | BinOp::Sub | BinOp::BitOr) {
        let ys = y.items.borrow().clone();
        for (k, cy) in ys {
            if lookup(it, x, &k)?.is_some() {
                continue;
            }
            let v = if op == BinOp::Sub {
                it.binary_op(&zero, BinOp::Sub, &cy)?
            } else {
                cy
            };
            let r = it.compare(&v, CmpOp::Gt, &zero)?;
            if it.truthy(&r)? {
                it.dict_set(&out, k, v)?;
            }
        }
    }
    Ok(Some(Value::Dict(out)))
}

/// The repr of a flavoured dict: `Counter({'a': 2})`, `defaultdict(<class 'int'>, {})`,
/// `OrderedDict([('a', 1)])`.
pub fn flavored_repr(it: &mut Interp, d: &PyDict, flavor: &DictFlavor) -> PyResult<String> {
    let pairs = |it: &mut Interp, items: &[(Value, Value)], tuples: bool| -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for (k, v) in items {
            let (k, v) = (it.repr(k)?, it.repr(v)?);
            parts.push(if tuples {
                format!("({k}, {v})")
            } else {
                format!("{k}: {v}")
            });
        }
        Ok(parts.join(", "))
    };
    Ok(match flavor {
        DictFlavor::Counter => {
            let items = by_count(it, d)?;
            if items.is_empty() {
                "Counter()".into()
            } else {
                format!("Counter({{{}}})", pairs(it, &items, false)?)
            }
        }
        DictFlavor::Ordered => {
            let items = d.items.borrow().clone();
            if items.is_empty() {
                "OrderedDict()".into()
            } else {
                format!("OrderedDict([{}])", pairs(it, &items, true)?)
            }
        }
        DictFlavor::Default(f) => {
            let f = f.borrow().clone();
            let items = d.items.borrow().clone();
            format!(
                "defaultdict({}, {{{}}})",
                it.repr(&f)?,
                pairs(it, &items, false)?
            )
        }
    })
}

pub(super) fn flavored_copy(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    let flavor = match d.flavor.as_deref() {
        Some(DictFlavor::Counter) => DictFlavor::Counter,
        Some(DictFlavor::Ordered) => DictFlavor::Ordered,
        Some(DictFlavor::Default(f)) => DictFlavor::Default(RefCell::new(f.borrow().clone())),
        None => return it.dict_copy(&d),
    };
    let out = it.new_flavored_dict(flavor);
    it.dict_merge(&out, &d)?;
    Ok(Value::Dict(out))
}

pub(super) fn defaultdict_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let f = a.take("default_factory").unwrap_or(Value::None);
    if !f.is_none() && !it.is_callable(&f) {
        return Err(PyError::type_error(
            "first argument must be callable or None",
        ));
    }
    let d = it.new_flavored_dict(DictFlavor::Default(RefCell::new(f)));
    it.dict_fill(&d, Some("dict"), &a.star, std::mem::take(&mut a.kwargs))?;
    Ok(Value::Dict(d))
}

pub(super) fn default_factory(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    Ok(match d.flavor.as_deref() {
        Some(DictFlavor::Default(f)) => f.borrow().clone(),
        _ => Value::None,
    })
}

pub(super) fn ordered_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = it.new_flavored_dict(DictFlavor::Ordered);
    it.dict_fill(&d, None, &a.star, std::mem::take(&mut a.kwargs))?;
    Ok(Value::Dict(d))
}

pub(super) fn move_to_end(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    let key = a.req("key")?;
    let last = it.arg_bool(&mut a, "last")?;
    let v = it.dict_delitem(&d, &key)?;
    if last {
        it.dict_set(&d, key, v)?;
    } else {
        it.dict_insert_front(&d, key, v)?;
    }
    Ok(Value::None)
}

pub(super) fn ordered_popitem(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    let last = it.arg_bool(&mut a, "last")?;
    let n = d.items.borrow().len();
    let item = match n {
        0 => None,
        _ if last => it.dict_remove_at(&d, n - 1),
        _ => it.dict_remove_at(&d, 0),
    };
    match item {
        Some((k, v)) => Ok(it.new_tuple(vec![k, v])),
        None => Err(PyError::key_error("'dictionary is empty'")),
    }
}
