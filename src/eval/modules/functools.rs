//! The `functools` module: `reduce`, `partial`, `lru_cache`/`cache` (with `cache_info()`),
//! `wraps`/`update_wrapper` and `cmp_to_key`, as CPython 3.11's `_functools` does them.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::{is_native, state_of};
use crate::eval::object::value::{NativeSlots, PyDict, Value};
use crate::eval::registry::bind::Missing;
use crate::eval::registry::{Bound, Conv, Origin, Row};
use crate::syntax::ast::CmpOp;

pub const ROWS: &[Row] = &[
    Row::module("functools", Origin::Stdlib { package: false }),
    Row::builtin(
        "functools.reduce",
        "!(function, iterable, initial?, /)",
        reduce,
    ),
    // partial_new checks its first argument by hand
    Row::c_class(
        "functools.partial",
        "!(func, /, *args, **keywords)",
        partial,
    )
    .conv(Conv::FirstByHand(Missing::TypeAtLeastOne)),
    Row::py(
        "functools.lru_cache",
        "(maxsize=128, typed=False)",
        lru_cache,
    ),
    Row::py("functools.cache", "(user_function, /)", lru_cache),
    Row::py(
        "functools.update_wrapper",
        "(wrapper, wrapped, assigned=('__module__', '__name__', '__qualname__', '__doc__', '__annotations__'), updated=('__dict__',))",
        update_wrapper,
    ),
    Row::py(
        "functools.wraps",
        "(wrapped, assigned=('__module__', '__name__', '__qualname__', '__doc__', '__annotations__'), updated=('__dict__',))",
        wraps,
    ),
    Row::builtin("functools.cmp_to_key", "(mycmp)", cmp_to_key),
    Row::method("functools._lru_cache_wrapper.cache_info", "()", cache_info),
    Row::method(
        "functools._lru_cache_wrapper.cache_clear",
        "()",
        cache_clear,
    ),
];

fn reduce(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let f = a.req("function")?;
    let seq = a.req("iterable")?;
    let mut acc = a.take("initial");
    let mut iter = it.iterate(&seq).map_err(|e| match e.kind {
        crate::error::ErrorKind::TypeError => {
            PyError::type_error("reduce() arg 2 must support iteration")
        }
        _ => e,
    })?;
    while let Some(x) = iter.next(it)? {
        acc = Some(match acc {
            None => x,
            Some(v) => it.call(&f, vec![v, x], vec![])?,
        });
    }
    acc.ok_or_else(PyError::reduce_empty)
}

/// A `functools.partial`: the function and the arguments it was given.
struct Partial {
    func: Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
}

static PARTIAL_SLOTS: NativeSlots = NativeSlots {
    call: Some(partial_call),
    repr: Some(partial_repr),
    getattr: Some(partial_attr),
    ..NativeSlots::NONE
};

pub(crate) fn new_partial(
    it: &mut Interp,
    func: Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Value {
    // a partial of a partial flattens, as CPython's does
    let (func, args, kw) = if is_native::<Partial>(&func) {
        match state_of::<Partial>(&func, "functools.partial") {
            Ok(inner) => {
                let mut all = inner.args.clone();
                all.extend(args);
                let mut k = inner.kw.clone();
                for (n, v) in kw {
                    k.retain(|(m, _)| *m != n);
                    k.push((n, v));
                }
                (inner.func.clone(), all, k)
            }
            Err(_) => (func.clone(), args, kw),
        }
    } else {
        (func, args, kw)
    };
    it.native_obj(
        "functools.partial",
        &["functools.partial"],
        &PARTIAL_SLOTS,
        80,
        Partial { func, args, kw },
    )
}

fn partial(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let func = a.req("func")?;
    if !it.is_callable(&func) {
        return Err(PyError::type_error("the first argument must be callable"));
    }
    let args = std::mem::take(&mut a.star);
    let kw = std::mem::take(&mut a.kwargs);
    Ok(new_partial(it, func, args, kw))
}

fn partial_call(
    it: &mut Interp,
    me: &Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let (func, mut all, mut k) = {
        let p = state_of::<Partial>(me, "functools.partial")?;
        (p.func.clone(), p.args.clone(), p.kw.clone())
    };
    all.extend(args);
    for (n, v) in kw {
        k.retain(|(m, _)| *m != n);
        k.push((n, v));
    }
    it.call(&func, all, k)
}

fn partial_repr(it: &mut Interp, me: &Value) -> PyResult<String> {
    let (func, args, kw) = {
        let p = state_of::<Partial>(me, "functools.partial")?;
        (p.func.clone(), p.args.clone(), p.kw.clone())
    };
    let mut parts = vec![it.repr(&func)?];
    for a in &args {
        parts.push(it.repr(a)?);
    }
    for (n, v) in &kw {
        parts.push(format!("{n}={}", it.repr(v)?));
    }
    Ok(format!("functools.partial({})", parts.join(", ")))
}

fn partial_attr(it: &mut Interp, me: &Value, name: &str) -> PyResult<Option<Value>> {
    let (func, args, kw) = {
        let p = state_of::<Partial>(me, "functools.partial")?;
        (p.func.clone(), p.args.clone(), p.kw.clone())
    };
    Ok(Some(match name {
        "func" => func,
        "args" => it.new_tuple(args),
        "keywords" => {
            let items = kw.into_iter().map(|(k, v)| (it.new_str(k), v)).collect();
            it.new_dict(items)?
        }
        _ => return Ok(None),
    }))
}

/// The state of an `lru_cache` wrapper: the function, its results by argument key, and the
/// counts `cache_info()` reports.
struct LruCache {
    func: Value,
    maxsize: Option<usize>,
    cache: Rc<PyDict>,
    hits: u64,
    misses: u64,
}

static LRU_SLOTS: NativeSlots = NativeSlots {
    call: Some(lru_call),
    repr: None,
    getattr: Some(lru_attr),
    ..NativeSlots::NONE
};

/// `lru_cache(maxsize)` without the function yet: calling it with one wraps it.
struct LruDecorator {
    maxsize: Option<usize>,
}

static LRU_DECORATOR_SLOTS: NativeSlots = NativeSlots {
    call: Some(lru_decorate),
    ..NativeSlots::NONE
};

fn lru_wrap(it: &mut Interp, func: Value, maxsize: Option<usize>) -> PyResult<Value> {
    if !it.is_callable(&func) {
        return Err(PyError::type_error(
            "Expected first argument to be an integer, a callable, or None",
        ));
    }
    let cache = it.new_empty_dict();
    Ok(it.native_obj(
        "functools._lru_cache_wrapper",
        &["functools._lru_cache_wrapper"],
        &LRU_SLOTS,
        112,
        LruCache {
            func,
            maxsize,
            cache,
            hits: 0,
            misses: 0,
        },
    ))
}

fn lru_cache(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    if a.func == "cache" {
        let f = a.req("user_function")?;
        return lru_wrap(it, f, None);
    }
    let _typed = a.take("typed");
    match a.take("maxsize") {
        None => Ok(lru_decorator(it, Some(128))),
        Some(Value::None) => Ok(lru_decorator(it, None)),
        Some(v @ (Value::Int(_) | Value::Bool(_))) => {
            let n = it.int_value(&v, "")?.to_i64().unwrap_or(i64::MAX).max(0);
            Ok(lru_decorator(it, Some(n as usize)))
        }
        // @lru_cache without parentheses: the function itself
        Some(f) if it.is_callable(&f) => lru_wrap(it, f, Some(128)),
        Some(_) => Err(PyError::type_error(
            "Expected first argument to be an integer, a callable, or None",
        )),
    }
}

fn lru_decorator(it: &mut Interp, maxsize: Option<usize>) -> Value {
    it.native_obj(
        "function",
        &["function"],
        &LRU_DECORATOR_SLOTS,
        152,
        LruDecorator { maxsize },
    )
}

fn lru_decorate(
    it: &mut Interp,
    me: &Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let maxsize = state_of::<LruDecorator>(me, "function")?.maxsize;
    if args.len() != 1 || !kw.is_empty() {
        return Err(PyError::type_error(format!(
            "decorating_function() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    let f = args.into_iter().next().unwrap_or(Value::None);
    lru_wrap(it, f, maxsize)
}

/// CPython's `_make_key`: a lone int or str argument is its own key; otherwise a tuple of
/// the arguments, a marker, and the keyword pairs.
fn make_key(it: &mut Interp, args: &[Value], kw: &[(String, Value)]) -> Value {
    if kw.is_empty() && args.len() == 1 && matches!(args[0], Value::Int(_) | Value::Str(_)) {
        return args[0].clone();
    }
    let mut items = args.to_vec();
    if !kw.is_empty() {
        items.push(it.new_str("<functools kwd_mark>".into()));
        for (k, v) in kw {
            items.push(it.new_str(k.clone()));
            items.push(v.clone());
        }
    }
    it.new_tuple(items)
}

fn lru_call(
    it: &mut Interp,
    me: &Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let (func, maxsize, cache) = {
        let c = state_of::<LruCache>(me, "functools._lru_cache_wrapper")?;
        (c.func.clone(), c.maxsize, c.cache.clone())
    };
    if maxsize == Some(0) {
        state_of::<LruCache>(me, "functools._lru_cache_wrapper")?.misses += 1;
        return it.call(&func, args, kw);
    }
    let key = make_key(it, &args, &kw);
    if let Some(v) = it.dict_get(&cache, &key)? {
        state_of::<LruCache>(me, "functools._lru_cache_wrapper")?.hits += 1;
        if maxsize.is_some() {
            // most recently used moves to the end
            it.dict_delitem(&cache, &key)?;
            it.dict_set(&cache, key, v.clone())?;
        }
        return Ok(v);
    }
    state_of::<LruCache>(me, "functools._lru_cache_wrapper")?.misses += 1;
    let r = it.call(&func, args, kw)?;
    let items = cache.items.borrow().clone();
    if it.dict_get(&cache, &key)?.is_none() {
        if let Some(max) = maxsize
            && items.len() >= max
            && let Some((oldest, _)) = items.first()
        {
            it.dict_delitem(&cache, oldest)?;
        }
        it.dict_set(&cache, key, r.clone())?;
    }
    Ok(r)
}

fn lru_attr(it: &mut Interp, me: &Value, name: &str) -> PyResult<Option<Value>> {
    let func = state_of::<LruCache>(me, "functools._lru_cache_wrapper")?
        .func
        .clone();
    match name {
        "__wrapped__" => Ok(Some(func)),
        "__name__" | "__qualname__" | "__doc__" | "__module__" => it.getattr(&func, name).map(Some),
        _ => Ok(None),
    }
}

fn cache_info(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (hits, misses, maxsize, n) = {
        let c = state_of::<LruCache>(&a.this, "functools._lru_cache_wrapper")?;
        let n = c.cache.items.borrow().len();
        (c.hits, c.misses, c.maxsize, n)
    };
    let max = match maxsize {
        Some(m) => m.to_string(),
        None => "None".into(),
    };
    let fields = vec![
        ("hits", it.new_i64(hits as i64)),
        ("misses", it.new_i64(misses as i64)),
        ("currsize", it.new_i64(n as i64)),
    ];
    Ok(it.new_record(
        "functools._CacheInfo",
        format!("CacheInfo(hits={hits}, misses={misses}, maxsize={max}, currsize={n})"),
        fields,
    ))
}

fn cache_clear(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let cache = {
        let mut c = state_of::<LruCache>(&a.this, "functools._lru_cache_wrapper")?;
        c.hits = 0;
        c.misses = 0;
        c.cache.clone()
    };
    it.dict_clear(&cache);
    Ok(Value::None)
}

/// Copies `__module__`, `__name__`, `__qualname__`, `__doc__` and `__dict__` of `wrapped` onto
/// `wrapper` and sets `__wrapped__`.
fn copy_wrapper(it: &mut Interp, wrapper: &Value, wrapped: &Value) -> PyResult<()> {
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        if let Ok(v) = it.getattr(wrapped, name)
            && name != "__module__"
        {
            let _ = it.setattr(wrapper, name, v);
        }
    }
    if let Value::Function(f) = wrapped {
        let items = f.dict.borrow().clone();
        for (k, v) in items {
            if &*k != "__doc__" {
                let _ = it.setattr(wrapper, &k, v);
            }
        }
    }
    it.setattr(wrapper, "__wrapped__", wrapped.clone())
}

fn update_wrapper(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let wrapper = a.req("wrapper")?;
    let wrapped = a.req("wrapped")?;
    copy_wrapper(it, &wrapper, &wrapped)?;
    Ok(wrapper)
}

fn wraps(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let wrapped = a.req("wrapped")?;
    let f = it.objects.function("functools.update_wrapper");
    let kw = vec![("wrapped".to_string(), wrapped)];
    Ok(new_partial(it, f, Vec::new(), kw))
}

/// `cmp_to_key(mycmp)`: a callable making key objects that compare through `mycmp`.
struct KeyFunc {
    cmp: Value,
}

struct KeyWrapper {
    cmp: Value,
    obj: Value,
}

static KEYFUNC_SLOTS: NativeSlots = NativeSlots {
    call: Some(keyfunc_call),
    ..NativeSlots::NONE
};

static KEY_SLOTS: NativeSlots = NativeSlots {
    compare: Some(key_compare),
    getattr: Some(key_attr),
    ..NativeSlots::NONE
};

fn cmp_to_key(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let cmp = a.req("mycmp")?;
    Ok(it.native_obj(
        "functools.KeyWrapper",
        &["functools.KeyWrapper"],
        &KEYFUNC_SLOTS,
        32,
        KeyFunc { cmp },
    ))
}

fn keyfunc_call(
    it: &mut Interp,
    me: &Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let cmp = state_of::<KeyFunc>(me, "functools.KeyWrapper")?.cmp.clone();
    if args.len() != 1 || !kw.is_empty() {
        return Err(PyError::type_error(format!(
            "K() takes exactly 1 argument ({} given)",
            args.len() + kw.len()
        )));
    }
    let obj = args.into_iter().next().unwrap_or(Value::None);
    Ok(it.native_obj(
        "functools.KeyWrapper",
        &["functools.KeyWrapper"],
        &KEY_SLOTS,
        32,
        KeyWrapper { cmp, obj },
    ))
}

fn key_compare(it: &mut Interp, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
    if !is_native::<KeyWrapper>(a) || !is_native::<KeyWrapper>(b) {
        return Err(PyError::type_error("other argument must be K instance"));
    }
    let (cmp, x) = {
        let k = state_of::<KeyWrapper>(a, "functools.KeyWrapper")?;
        (k.cmp.clone(), k.obj.clone())
    };
    let y = state_of::<KeyWrapper>(b, "functools.KeyWrapper")?
        .obj
        .clone();
    let r = it.call(&cmp, vec![x, y], vec![])?;
    let zero = it.new_i64(0);
    let r = it.compare(&r, op, &zero)?;
    it.truthy(&r).map(Some)
}

fn key_attr(_: &mut Interp, me: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "obj" => Some(
            state_of::<KeyWrapper>(me, "functools.KeyWrapper")?
                .obj
                .clone(),
        ),
        _ => None,
    })
}
