//! The `collections` module: `Counter`, `defaultdict` and `OrderedDict` are dicts with a
//! flavour (every dict method works on them; the flavour adds `__missing__`, their own
//! methods, arithmetic and repr), `deque` and `namedtuple` are native objects. Semantics and
//! reprs are CPython 3.11's (`collections/__init__.py`, `_collectionsmodule.c`).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::{NativeSlots, PyDict, Value};
use crate::eval::registry::{Bound, Row};
use crate::syntax::ast::{BinOp, CmpOp};

pub const ROWS: &[Row] = &[
    Row::class(
        "collections.Counter",
        "Counter.__init__(iterable=None, /, **kwds)",
        counter_new,
    ),
    Row::method("collections.Counter.most_common", "(n=None)", most_common),
    Row::method("collections.Counter.elements", "()", elements),
    Row::method("collections.Counter.total", "()", total),
    Row::method(
        "collections.Counter.update",
        "(iterable=None, /, **kwds)",
        counter_update,
    ),
    Row::method(
        "collections.Counter.subtract",
        "(iterable=None, /, **kwds)",
        counter_update,
    ),
    Row::method("collections.Counter.copy", "()", flavored_copy),
    Row::c_class(
        "collections.defaultdict",
        "!(default_factory=None, /, *args, **kwargs)",
        defaultdict_new,
    ),
    Row::attr("collections.defaultdict.default_factory", default_factory),
    Row::method("collections.defaultdict.copy", "()", flavored_copy),
    Row::c_class("collections.OrderedDict", "!(*args, **kwargs)", ordered_new),
    Row::method(
        "collections.OrderedDict.move_to_end",
        "(key, last=True)",
        move_to_end,
    ),
    Row::method(
        "collections.OrderedDict.popitem",
        "(last=True)",
        ordered_popitem,
    ),
    Row::method("collections.OrderedDict.copy", "()", flavored_copy),
    Row::c_class(
        "collections.deque",
        "!(iterable=(), maxlen=None)",
        deque_new,
    ),
    Row::method("collections.deque.append", "(x, /)", deque_add),
    Row::method("collections.deque.appendleft", "(x, /)", deque_add),
    Row::method("collections.deque.extend", "(iterable, /)", deque_add),
    Row::method("collections.deque.extendleft", "(iterable, /)", deque_add),
    Row::method("collections.deque.pop", "()", deque_pop),
    Row::method("collections.deque.popleft", "()", deque_pop),
    Row::method("collections.deque.clear", "()", deque_misc),
    Row::method("collections.deque.reverse", "()", deque_misc),
    Row::method("collections.deque.copy", "()", deque_misc),
    Row::method("collections.deque.rotate", "(n=1, /)", deque_rotate),
    Row::method("collections.deque.count", "(value, /)", deque_search),
    Row::method("collections.deque.remove", "(value, /)", deque_search),
    Row::method("collections.deque.index", "!(value, /)", deque_search),
    Row::method(
        "collections.deque.insert",
        "(index, object, /)",
        deque_insert,
    ),
    Row::attr("collections.deque.maxlen", deque_maxlen),
    Row::py(
        "collections.namedtuple",
        "(typename, field_names, *, rename=False, defaults=None, module=None)",
        namedtuple,
    ),
    Row::method("collections._namedtuple._asdict", "()", nt_asdict),
    Row::method("collections._namedtuple._replace", "(**kwds)", nt_replace),
];

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

fn counter_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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

fn counter_update(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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

fn most_common(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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

fn elements(it: &mut Interp, a: Bound) -> PyResult<Value> {
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

fn total(it: &mut Interp, a: Bound) -> PyResult<Value> {
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

fn flavored_copy(it: &mut Interp, a: Bound) -> PyResult<Value> {
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

fn defaultdict_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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

fn default_factory(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = dict_of(&a.this)?;
    Ok(match d.flavor.as_deref() {
        Some(DictFlavor::Default(f)) => f.borrow().clone(),
        _ => Value::None,
    })
}

fn ordered_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = it.new_flavored_dict(DictFlavor::Ordered);
    it.dict_fill(&d, None, &a.star, std::mem::take(&mut a.kwargs))?;
    Ok(Value::Dict(d))
}

fn move_to_end(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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

fn ordered_popitem(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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

/// A `collections.deque`.
struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
}

impl Deque {
    fn push(&mut self, v: Value, left: bool) {
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            if left {
                self.items.pop_back();
            } else {
                self.items.pop_front();
            }
        }
        if left {
            self.items.push_front(v);
        } else {
            self.items.push_back(v);
        }
    }
}

static DEQUE_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(deque_getitem),
    setitem: Some(deque_setitem),
    iter: Some(deque_iter),
    len: Some(deque_len),
    call: None,
    repr: Some(deque_repr),
    getattr: None,
    compare: Some(deque_compare),
    hash: Some(unhashable),
};

fn unhashable(_: &mut Interp, me: &Value) -> PyResult<i64> {
    Err(PyError::type_error(format!(
        "unhashable type: '{}'",
        me.type_name()
    )))
}

const DEQUE: &str = "collections.deque";

fn new_deque(it: &mut Interp, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    it.native_obj(
        DEQUE,
        &["collections.deque"],
        &DEQUE_SLOTS,
        632,
        Deque { items, maxlen },
    )
}

fn deque_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let maxlen = match a.take_some("maxlen") {
        Some(m) => {
            let m = it.int_value(&m, "")?.to_i64().unwrap_or(i64::MAX);
            if m < 0 {
                return Err(PyError::value("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
        None => None,
    };
    let mut d = Deque {
        items: VecDeque::new(),
        maxlen,
    };
    if let Some(src) = a.take("iterable") {
        for v in it.collect(&src)? {
            d.push(v, false);
        }
    }
    let Deque { items, maxlen } = d;
    Ok(new_deque(it, items, maxlen))
}

fn deque_add(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let left = a.func.ends_with("left");
    let values = if a.func.starts_with("extend") {
        let src = a.req("iterable")?;
        it.collect(&src)?
    } else {
        vec![a.req("x")?]
    };
    let mut d = state_of::<Deque>(&a.this, DEQUE)?;
    for v in values {
        d.push(v, left);
    }
    Ok(Value::None)
}

fn deque_pop(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let mut d = state_of::<Deque>(&a.this, DEQUE)?;
    let v = if a.func == "popleft" {
        d.items.pop_front()
    } else {
        d.items.pop_back()
    };
    v.ok_or_else(PyError::pop_from_empty_deque)
}

fn deque_misc(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (items, maxlen) = {
        let mut d = state_of::<Deque>(&a.this, DEQUE)?;
        match a.func {
            "clear" => {
                let old = std::mem::take(&mut d.items);
                drop(d);
                drop(old);
                return Ok(Value::None);
            }
            "reverse" => {
                d.items.make_contiguous().reverse();
                return Ok(Value::None);
            }
            _ => (d.items.clone(), d.maxlen),
        }
    };
    Ok(new_deque(it, items, maxlen))
}

fn deque_rotate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let n = it.arg_i64(&mut a, "n")?;
    let mut d = state_of::<Deque>(&a.this, DEQUE)?;
    let len = d.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    Ok(Value::None)
}

fn deque_search(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("value")?;
    let items: Vec<Value> = state_of::<Deque>(&a.this, DEQUE)?
        .items
        .iter()
        .cloned()
        .collect();
    let mut count = 0;
    for (i, v) in items.iter().enumerate() {
        if it.is_same(v, &x) || it.py_eq(v, &x)? {
            match a.func {
                "index" => return Ok(it.new_i64(i as i64)),
                "remove" => {
                    state_of::<Deque>(&a.this, DEQUE)?.items.remove(i);
                    return Ok(Value::None);
                }
                _ => count += 1,
            }
        }
    }
    match a.func {
        "count" => Ok(it.new_i64(count)),
        "index" => Err(PyError::value(format!("{} is not in deque", it.repr(&x)?))),
        _ => Err(PyError::value(format!("{} is not in deque", it.repr(&x)?))),
    }
}

fn deque_insert(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let i = a.req("index")?;
    let v = a.req("object")?;
    let i = it.int_value(&i, "")?.to_i64().unwrap_or(0);
    let mut d = state_of::<Deque>(&a.this, DEQUE)?;
    if d.maxlen.is_some_and(|m| d.items.len() >= m) {
        return Err(PyError::index("deque already at its maximum size"));
    }
    let n = d.items.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.items.insert(pos, v);
    Ok(Value::None)
}

fn deque_maxlen(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let m = state_of::<Deque>(&a.this, DEQUE)?.maxlen;
    Ok(match m {
        Some(m) => it.new_i64(m as i64),
        None => Value::None,
    })
}

fn deque_index(it: &mut Interp, me: &Value, idx: &Value) -> PyResult<usize> {
    let n = state_of::<Deque>(me, DEQUE)?.items.len() as i64;
    let i = it
        .int_value(idx, "")
        .map_err(|_| {
            PyError::type_error(format!(
                "sequence index must be integer, not '{}'",
                idx.type_name()
            ))
        })?
        .to_i64()
        .unwrap_or(i64::MAX);
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyError::deque_index_out_of_range());
    }
    Ok(i as usize)
}

fn deque_getitem(it: &mut Interp, me: &Value, idx: &Value) -> PyResult<Value> {
    let i = deque_index(it, me, idx)?;
    Ok(state_of::<Deque>(me, DEQUE)?.items[i].clone())
}

fn deque_setitem(it: &mut Interp, me: &Value, idx: &Value, v: Value) -> PyResult<()> {
    let i = deque_index(it, me, idx)?;
    let old = std::mem::replace(&mut state_of::<Deque>(me, DEQUE)?.items[i], v);
    drop(old);
    Ok(())
}

fn deque_iter(it: &mut Interp, me: &Value) -> PyResult<Value> {
    let items: Vec<Value> = state_of::<Deque>(me, DEQUE)?
        .items
        .iter()
        .cloned()
        .collect();
    Ok(it.new_tuple(items))
}

fn deque_len(_: &mut Interp, me: &Value) -> PyResult<usize> {
    Ok(state_of::<Deque>(me, DEQUE)?.items.len())
}

fn deque_repr(it: &mut Interp, me: &Value) -> PyResult<String> {
    let (items, maxlen) = {
        let d = state_of::<Deque>(me, DEQUE)?;
        (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen)
    };
    let l = it.new_list(items);
    let body = it.repr(&l)?;
    Ok(match maxlen {
        Some(m) => format!("deque({body}, maxlen={m})"),
        None => format!("deque({body})"),
    })
}

fn deque_compare(it: &mut Interp, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
    if !crate::eval::modules::is_native::<Deque>(a) || !crate::eval::modules::is_native::<Deque>(b)
    {
        return Ok(match op {
            CmpOp::Eq => Some(false),
            CmpOp::NotEq => Some(true),
            _ => None,
        });
    }
    let x = deque_iter(it, a)?;
    let y = deque_iter(it, b)?;
    let r = it.compare(&x, op, &y)?;
    it.truthy(&r).map(Some)
}

/// A class made by `namedtuple`.
struct NtClass {
    name: String,
    /// `typename` leaked once per `namedtuple` call: native objects name their type with a
    /// static string.
    type_name: &'static str,
    fields: Vec<String>,
    /// Defaults of the last fields.
    defaults: Vec<Value>,
}

/// An instance: its class and its items.
struct NtInstance {
    class: Rc<NtClass>,
    items: Vec<Value>,
}

static NT_CLASS_SLOTS: NativeSlots = NativeSlots {
    call: Some(nt_make),
    repr: Some(nt_class_repr),
    getattr: Some(nt_class_attr),
    ..NativeSlots::NONE
};

static NT_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(nt_getitem),
    setitem: None,
    iter: Some(nt_iter),
    len: Some(nt_len),
    call: None,
    repr: Some(nt_repr),
    getattr: Some(nt_attr),
    compare: Some(nt_compare),
    hash: Some(nt_hash),
};

fn nt_hash(it: &mut Interp, me: &Value) -> PyResult<i64> {
    let (_, items) = nt_parts(me)?;
    let t = it.new_tuple(items);
    it.py_hash(&t)
}

fn is_identifier(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_alphabetic() || f == '_')
        && c.all(|ch| ch.is_alphanumeric() || ch == '_')
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn namedtuple(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let typename = a.req("typename")?;
    let names = a.req("field_names")?;
    let rename = it.arg_bool(&mut a, "rename")?;
    let defaults = match a.take_some("defaults") {
        Some(d) => it.collect(&d)?,
        None => Vec::new(),
    };
    let Value::Str(typename) = typename else {
        return Err(PyError::type_error("namedtuple() typename must be a str"));
    };
    let mut fields: Vec<String> = match &names {
        Value::Str(s) => {
            s.v.replace(',', " ")
                .split_whitespace()
                .map(String::from)
                .collect()
        }
        other => {
            let mut out = Vec::new();
            for v in it.collect(other)? {
                out.push(it.str(&v)?);
            }
            out
        }
    };
    if rename {
        let mut seen = std::collections::HashSet::new();
        for (i, f) in fields.iter_mut().enumerate() {
            if !is_identifier(f)
                || KEYWORDS.contains(&f.as_str())
                || f.starts_with('_')
                || !seen.insert(f.clone())
            {
                *f = format!("_{i}");
            }
        }
    }
    for name in std::iter::once(&typename.v).chain(fields.iter()) {
        if !is_identifier(name) {
            return Err(PyError::namedtuple_field(format!(
                "Type names and field names must be valid identifiers: {}",
                crate::eval::text::pyrepr::str_repr(name)
            )));
        }
        if KEYWORDS.contains(&name.as_str()) {
            return Err(PyError::namedtuple_field(format!(
                "Type names and field names cannot be a keyword: {}",
                crate::eval::text::pyrepr::str_repr(name)
            )));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for f in &fields {
        if f.starts_with('_') {
            return Err(PyError::namedtuple_field(format!(
                "Field names cannot start with an underscore: {}",
                crate::eval::text::pyrepr::str_repr(f)
            )));
        }
        if !seen.insert(f.clone()) {
            return Err(PyError::namedtuple_field(format!(
                "Encountered duplicate field name: {}",
                crate::eval::text::pyrepr::str_repr(f)
            )));
        }
    }
    if defaults.len() > fields.len() {
        return Err(PyError::type_error(
            "Got more default values than field names",
        ));
    }
    let type_name: &'static str = Box::leak(typename.v.clone().into_boxed_str());
    let class = NtClass {
        name: typename.v.clone(),
        type_name,
        fields,
        defaults,
    };
    Ok(it.native_obj("type", &[], &NT_CLASS_SLOTS, 1072, Rc::new(class)))
}

fn nt_class(v: &Value) -> PyResult<Rc<NtClass>> {
    Ok(state_of::<Rc<NtClass>>(v, "type")?.clone())
}

fn nt_make(
    it: &mut Interp,
    me: &Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let class = nt_class(me)?;
    let n = class.fields.len();
    if args.len() > n {
        return Err(PyError::type_error(format!(
            "{}.__new__() takes {} positional argument{} but {} were given",
            class.name,
            n + 1,
            if n == 0 { "" } else { "s" },
            args.len() + 1
        )));
    }
    let mut slots: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    slots.resize(n, None);
    for (k, v) in kw {
        let Some(i) = class.fields.iter().position(|f| *f == k) else {
            return Err(PyError::type_error(format!(
                "{}.__new__() got an unexpected keyword argument '{k}'",
                class.name
            )));
        };
        if slots[i].is_some() {
            return Err(PyError::type_error(format!(
                "{}.__new__() got multiple values for argument '{k}'",
                class.name
            )));
        }
        slots[i] = Some(v);
    }
    let first_default = n - class.defaults.len();
    let mut missing = Vec::new();
    for (i, s) in slots.iter_mut().enumerate() {
        if s.is_none() {
            if i >= first_default {
                *s = Some(class.defaults[i - first_default].clone());
            } else {
                missing.push(format!("'{}'", class.fields[i]));
            }
        }
    }
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            k => format!("{}, and {}", missing[..k - 1].join(", "), missing[k - 1]),
        };
        return Err(PyError::type_error(format!(
            "{}.__new__() missing {} required positional argument{}: {list}",
            class.name,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    let items = slots
        .into_iter()
        .map(|s| s.unwrap_or(Value::None))
        .collect();
    Ok(new_nt(it, class, items))
}

fn new_nt(it: &mut Interp, class: Rc<NtClass>, items: Vec<Value>) -> Value {
    let size = 40 + 8 * items.len();
    let type_name = class.type_name;
    it.native_obj(
        type_name,
        &["collections._namedtuple"],
        &NT_SLOTS,
        size,
        NtInstance { class, items },
    )
}

fn nt_class_repr(_: &mut Interp, me: &Value) -> PyResult<String> {
    Ok(format!("<class '__main__.{}'>", nt_class(me)?.name))
}

fn nt_class_attr(it: &mut Interp, me: &Value, name: &str) -> PyResult<Option<Value>> {
    let class = nt_class(me)?;
    Ok(Some(match name {
        "_fields" => {
            let items = class.fields.iter().map(|f| it.new_str(f.clone())).collect();
            it.new_tuple(items)
        }
        "__name__" | "__qualname__" => it.new_str(class.name.clone()),
        "__module__" => it.new_str("__main__".into()),
        _ => return Ok(None),
    }))
}

fn nt_parts(me: &Value) -> PyResult<(Rc<NtClass>, Vec<Value>)> {
    let s = state_of::<NtInstance>(me, "namedtuple")?;
    Ok((s.class.clone(), s.items.clone()))
}

fn nt_getitem(it: &mut Interp, me: &Value, idx: &Value) -> PyResult<Value> {
    let (_, items) = nt_parts(me)?;
    let t = it.new_tuple(items);
    it.getitem(&t, idx)
}

fn nt_iter(it: &mut Interp, me: &Value) -> PyResult<Value> {
    let (_, items) = nt_parts(me)?;
    Ok(it.new_tuple(items))
}

fn nt_len(_: &mut Interp, me: &Value) -> PyResult<usize> {
    Ok(nt_parts(me)?.1.len())
}

fn nt_repr(it: &mut Interp, me: &Value) -> PyResult<String> {
    let (class, items) = nt_parts(me)?;
    let mut parts = Vec::with_capacity(items.len());
    for (f, v) in class.fields.iter().zip(&items) {
        parts.push(format!("{f}={}", it.repr(v)?));
    }
    Ok(format!("{}({})", class.name, parts.join(", ")))
}

fn nt_attr(it: &mut Interp, me: &Value, name: &str) -> PyResult<Option<Value>> {
    let (class, items) = nt_parts(me)?;
    if let Some(i) = class.fields.iter().position(|f| f == name) {
        return Ok(Some(items[i].clone()));
    }
    Ok(Some(match name {
        "_fields" => {
            let items = class.fields.iter().map(|f| it.new_str(f.clone())).collect();
            it.new_tuple(items)
        }
        _ => return Ok(None),
    }))
}

fn nt_compare(it: &mut Interp, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
    let as_tuple = |it: &mut Interp, v: &Value| -> PyResult<Value> {
        if crate::eval::modules::is_native::<NtInstance>(v) {
            let (_, items) = nt_parts(v)?;
            Ok(it.new_tuple(items))
        } else {
            Ok(v.clone())
        }
    };
    let x = as_tuple(it, a)?;
    let y = as_tuple(it, b)?;
    if !matches!(x, Value::Tuple(_)) || !matches!(y, Value::Tuple(_)) {
        return Ok(match op {
            CmpOp::Eq => Some(false),
            CmpOp::NotEq => Some(true),
            _ => None,
        });
    }
    let r = it.compare(&x, op, &y)?;
    it.truthy(&r).map(Some)
}

fn nt_asdict(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (class, items) = nt_parts(&a.this)?;
    let pairs = class
        .fields
        .iter()
        .zip(items)
        .map(|(f, v)| (it.new_str(f.clone()), v))
        .collect();
    it.new_dict(pairs)
}

fn nt_replace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (class, mut items) = nt_parts(&a.this)?;
    for (k, v) in std::mem::take(&mut a.kwargs) {
        match class.fields.iter().position(|f| *f == k) {
            Some(i) => items[i] = v,
            None => {
                return Err(PyError::value(format!(
                    "Got unexpected field names: ['{k}']"
                )));
            }
        }
    }
    Ok(new_nt(it, class, items))
}

/// An instance of a named tuple class NumPy defines in Python (`SVDResult`, `SlogdetResult`,
/// `EigResult`): the class made here, once per call, as `namedtuple` would.
pub fn native_namedtuple(
    it: &mut Interp,
    type_name: &'static str,
    fields: &[&str],
    items: Vec<Value>,
) -> Value {
    let class = Rc::new(NtClass {
        name: type_name.to_string(),
        type_name,
        fields: fields.iter().map(|f| f.to_string()).collect(),
        defaults: Vec::new(),
    });
    new_nt(it, class, items)
}
