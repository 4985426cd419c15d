//! `np.vectorize`: a Python function called once per element, as NumPy 2.4's
//! `_function_base_impl.vectorize` does it — a trial call on the first elements (as NumPy
//! scalars) when `otypes` is not given, then `frompyfunc`'s object loop over the broadcast
//! inputs (as Python objects, in the iterator's memory order), then each output's objects cast
//! to its type. arrsh has no object arrays: an output NumPy would keep as objects is refused.
//! The element loop is `vectorize_loop`'s; with `signature=`, `vectorize_sig` runs the loop
//! over core dimensions.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::Kind;

pub const ROWS: &[Row] = &[Row::class(
    "numpy.vectorize",
    "vectorize.__init__(pyfunc=<no value>, otypes=None, doc=None, excluded=None, cache=False, signature=None)",
    vectorize_new,
)];

const OWNERS: &[&str] = &["numpy.vectorize"];

static SLOTS: NativeSlots = NativeSlots {
    call: Some(vectorize_call),
    getattr: Some(vectorize_attr),
    ..NativeSlots::NONE
};

/// `numpy.typecodes['All']`: the characters `otypes` may hold.
const TYPECODES_ALL: &str = "?bhilqnpBHILQNPefdgFDGSUVOMm";

/// A `vectorize` object's state.
struct Vectorize {
    /// `None` until a decorator with arguments is given its function.
    pyfunc: Option<Value>,
    /// Each output's type as `asanyarray(..., dtype=)` takes it (a dtype, or `'S'`/`'U'`).
    otypes: Option<Vec<Value>>,
    /// `self.otypes` as NumPy keeps it (the string, or the list of dtypes).
    otypes_attr: Value,
    /// `self.excluded` (a set) and its items.
    excluded: Value,
    excluded_items: Vec<Value>,
    cache: bool,
    doc: Value,
    name: Option<Value>,
    /// `signature=` as given, and its core dimensions.
    signature: Value,
    core: Option<super::vectorize_sig::CoreDims>,
}

fn vectorize_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let pyfunc = a.take("pyfunc");
    if let Some(f) = &pyfunc
        && !it.is_callable(f)
    {
        return Err(PyError::type_error(
            "When used as a decorator, only accepts keyword arguments.",
        ));
    }
    let name = match &pyfunc {
        Some(f) => it.getattr(f, "__name__").ok(),
        None => None,
    };
    let doc = match (a.take_some("doc"), &pyfunc) {
        (Some(d), _) => d,
        (None, Some(f)) => it.getattr(f, "__doc__").unwrap_or(Value::None),
        (None, None) => Value::None,
    };
    let (otypes, otypes_attr) = match a.take_some("otypes") {
        None => (None, Value::None),
        Some(Value::Str(s)) => {
            if let Some(c) = s.v.chars().find(|c| !TYPECODES_ALL.contains(*c)) {
                return Err(PyError::value(format!("Invalid otype specified: {c}")));
            }
            let chars = s.v.chars().map(|c| it.new_str(c.to_string())).collect();
            (Some(chars), Value::Str(s))
        }
        Some(v) => {
            let items = match it.collect(&v) {
                Ok(items) => items,
                Err(e) if e.kind == crate::ErrorKind::TypeError => {
                    return Err(PyError::value("Invalid otype specification"));
                }
                Err(e) => return Err(e),
            };
            // `_get_vectorize_dtype`: a string type keeps only its character (its length is
            // found from the results)
            let mut types = Vec::with_capacity(items.len());
            for x in items {
                let dt = it.to_dtype(&x)?;
                types.push(match dt.kind {
                    Kind::Bytes | Kind::Str => it.new_str(dt.char().to_string()),
                    _ => it.new_dtype(dt),
                });
            }
            let attr = it.new_list(types.clone());
            (Some(types), attr)
        }
    };
    let excluded_items = match a.take_some("excluded") {
        Some(v) => it.collect(&v)?,
        None => Vec::new(),
    };
    let excluded = it.new_set(excluded_items.clone())?;
    let cache = match a.take("cache") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let signature = a.take_some("signature");
    let core = match &signature {
        Some(v) => {
            let text = it.str(v)?;
            Some(super::vectorize_sig::parse(&text)?)
        }
        None => None,
    };
    let state = Vectorize {
        pyfunc,
        otypes,
        otypes_attr,
        excluded,
        excluded_items,
        cache,
        doc,
        name,
        signature: signature.unwrap_or(Value::None),
        core,
    };
    Ok(it.native_obj("numpy.vectorize", OWNERS, &SLOTS, 112, state))
}

fn vectorize_attr(it: &mut Interp, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let st = state_of::<Vectorize>(v, "vectorize")?;
    Ok(match name {
        "pyfunc" => Some(st.pyfunc.clone().unwrap_or(Value::None)),
        "otypes" => Some(st.otypes_attr.clone()),
        "excluded" => Some(st.excluded.clone()),
        "signature" => Some(st.signature.clone()),
        "cache" => Some(Value::Bool(st.cache)),
        "__doc__" => Some(st.doc.clone()),
        "__name__" => match &st.name {
            Some(n) => Some(n.clone()),
            None => {
                drop(st);
                return Err(PyError::no_attribute("vectorize", "__name__"));
            }
        },
        _ => {
            drop(st);
            let _ = it;
            None
        }
    })
}

/// The function the loop calls: `pyfunc` itself, or NumPy's wrapper that puts the vectorized
/// values back among the excluded positional and keyword arguments.
pub(super) enum Func {
    Plain(Value),
    Wrapped {
        pyfunc: Value,
        inds: Vec<usize>,
        names: Vec<String>,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    },
}

impl Func {
    pub(super) fn call(&mut self, it: &mut Interp, vargs: Vec<Value>) -> PyResult<Value> {
        match self {
            Func::Plain(f) => it.call(f, vargs, vec![]),
            Func::Wrapped {
                pyfunc,
                inds,
                names,
                args,
                kwargs,
            } => {
                let mut vargs = vargs.into_iter();
                for &i in inds.iter() {
                    if let Some(v) = vargs.next() {
                        args[i] = v;
                    }
                }
                for (n, v) in names.iter().zip(vargs) {
                    match kwargs.iter_mut().find(|(k, _)| k == n) {
                        Some(slot) => slot.1 = v,
                        None => kwargs.push((n.clone(), v)),
                    }
                }
                it.call(pyfunc, args.clone(), kwargs.clone())
            }
        }
    }
}

/// Whether `excluded` holds the position `i` or the name `n`.
fn is_excluded_pos(excluded: &[Value], i: usize) -> bool {
    excluded.iter().any(|x| match x {
        Value::Int(v) => v.v.to_i64() == Some(i as i64),
        Value::Bool(b) => *b as usize == i,
        _ => false,
    })
}

fn is_excluded_name(excluded: &[Value], n: &str) -> bool {
    excluded
        .iter()
        .any(|x| matches!(x, Value::Str(s) if s.v == n))
}

/// `vectorize.__call__`: with no function yet (`@np.vectorize(otypes=...)`), the first
/// argument becomes it (`_init_stage_2`); otherwise `_call_as_normal`.
fn vectorize_call(
    it: &mut Interp,
    obj: &Value,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
) -> PyResult<Value> {
    let (pyfunc, excluded, otypes, cache, core) = {
        let st = state_of::<Vectorize>(obj, "vectorize")?;
        (
            st.pyfunc.clone(),
            st.excluded_items.clone(),
            st.otypes.clone(),
            st.cache,
            st.core.clone(),
        )
    };
    let Some(pyfunc) = pyfunc else {
        let Some(f) = args.first().cloned() else {
            return Err(PyError::type_error(
                "vectorize._init_stage_2() missing 1 required positional argument: 'pyfunc'",
            ));
        };
        let name = it.getattr(&f, "__name__")?;
        let doc = it.getattr(&f, "__doc__").unwrap_or(Value::None);
        let mut st = state_of::<Vectorize>(obj, "vectorize")?;
        st.name = Some(name);
        if st.doc.is_none() {
            st.doc = doc;
        }
        st.pyfunc = Some(f);
        return Ok(obj.clone());
    };
    let (mut func, vargs) = if kwargs.is_empty() && excluded.is_empty() {
        (Func::Plain(pyfunc), args)
    } else {
        let names: Vec<String> = kwargs
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| !is_excluded_name(&excluded, k))
            .collect();
        let inds: Vec<usize> = (0..args.len())
            .filter(|&i| !is_excluded_pos(&excluded, i))
            .collect();
        let mut vargs: Vec<Value> = inds.iter().map(|&i| args[i].clone()).collect();
        for n in &names {
            if let Some((_, v)) = kwargs.iter().find(|(k, _)| k == n) {
                vargs.push(v.clone());
            }
        }
        let f = Func::Wrapped {
            pyfunc,
            inds,
            names,
            args,
            kwargs,
        };
        (f, vargs)
    };
    if let Some(core) = core {
        let mut call = |it: &mut Interp, args: Vec<Value>| func.call(it, args);
        return super::vectorize_sig::call_with_signature(
            it,
            &core,
            otypes.as_deref(),
            vargs,
            &mut call,
        );
    }
    if vargs.is_empty() {
        return func.call(it, vec![]);
    }
    super::vectorize_loop::vectorize_loop(it, &mut func, vargs, otypes, cache)
}
