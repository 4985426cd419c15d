//! `np.vectorize`: a Python function called once per element, as NumPy 2.4's
//! `_function_base_impl.vectorize` does it — a trial call on the first elements (as NumPy
//! scalars) when `otypes` is not given, then `frompyfunc`'s object loop over the broadcast
//! inputs (as Python objects, in the iterator's memory order), then each output's objects cast
//! to its type. arrsh has no object arrays: an output NumPy would keep as objects is refused.
//! With `signature=`, `vectorize_sig` runs the loop over core dimensions.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::layout::{OrderArg, sort_by_stride_votes};
use crate::runtime::{DType, Kind, NdArray, Scalar, kernels};

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
enum Func {
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
    fn call(&mut self, it: &mut Interp, vargs: Vec<Value>) -> PyResult<Value> {
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
    vectorize_loop(it, &mut func, vargs, otypes, cache)
}

/// One input as `asanyarray(arg, dtype=object)` holds it.
struct Operand {
    shape: Vec<usize>,
    /// The object array's element strides: the input's memory order (`order='K'`).
    strides: Vec<isize>,
    source: Source,
}

enum Source {
    /// An array's elements, made Python objects as the object cast does.
    Array(Rc<NdArray>),
    /// The objects of a (nested) list, in C order.
    Objects(Vec<Value>),
}

/// The objects at depth `ndim` of nested lists and tuples (`None` when one is missing).
fn leaves(v: &Value, ndim: usize, out: &mut Vec<Value>) -> bool {
    if ndim == 0 {
        out.push(v.clone());
        return true;
    }
    let items = match v {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.clone(),
        _ => return false,
    };
    items.iter().all(|x| leaves(x, ndim - 1, out))
}

fn c_strides(shape: &[usize]) -> Vec<isize> {
    let mut s = vec![0isize; shape.len()];
    let mut acc = 1isize;
    for d in (0..shape.len()).rev() {
        s[d] = acc;
        acc = acc.saturating_mul(shape[d].max(1) as isize);
    }
    s
}

fn operand(it: &mut Interp, v: &Value) -> PyResult<Operand> {
    let arr = it.to_array(v, None)?;
    let shape = arr.shape().to_vec();
    if let Value::Array(_) = v {
        let strides = arr
            .layout()
            .like_strides(arr.itemsize().max(1), &shape, 1, OrderArg::K);
        return Ok(Operand {
            shape,
            strides,
            source: Source::Array(arr),
        });
    }
    let strides = c_strides(&shape);
    let mut objs = Vec::new();
    if matches!(v, Value::Scalar(_)) || !leaves(v, shape.len(), &mut objs) {
        return Ok(Operand {
            shape,
            strides,
            source: Source::Array(arr),
        });
    }
    Ok(Operand {
        shape,
        strides,
        source: Source::Objects(objs),
    })
}

impl Operand {
    /// The object at `index` of the broadcast shape (`nd` axes).
    fn object(&self, it: &mut Interp, index: &[usize]) -> PyResult<Value> {
        let skip = index.len() - self.shape.len();
        let own: Vec<usize> = self
            .shape
            .iter()
            .zip(&index[skip..])
            .map(|(&n, &i)| if n == 1 { 0 } else { i })
            .collect();
        match &self.source {
            Source::Array(a) => {
                let s = a.get(&own)?;
                python_object(it, a.dtype(), s)
            }
            Source::Objects(objs) => {
                let mut k = 0usize;
                for (d, &i) in own.iter().enumerate() {
                    k = k * self.shape[d] + i;
                }
                objs.get(k)
                    .cloned()
                    .ok_or_else(|| PyError::value("vectorize: element out of range"))
            }
        }
    }
}

/// An element cast to `object`: Python's own numbers and strings (`item()`).
fn python_object(it: &mut Interp, dt: DType, s: Scalar) -> PyResult<Value> {
    match dt.kind {
        Kind::Bool
        | Kind::Int
        | Kind::UInt
        | Kind::Float
        | Kind::Complex
        | Kind::Bytes
        | Kind::Str => Ok(it.to_python(&s)),
        _ => {
            let sc = it.element_scalar(dt, s);
            it.call_method(&sc, "item", vec![], vec![])
        }
    }
}

/// The refusal for what NumPy keeps in an object array.
fn no_object_arrays(what: &str) -> PyError {
    PyError::not_implemented(format!(
        "arrsh has no object arrays (dtype=object): np.vectorize's function returned {what}, which NumPy keeps as objects"
    ))
}

/// `asarray(output).dtype.char` of a trial output, as the type spec of its output array.
fn inferred_otype(it: &mut Interp, out: &Value) -> PyResult<Value> {
    match out {
        Value::Int(i)
            if i.v
                .to_i128()
                .is_none_or(|x| x < i64::MIN as i128 || x > u64::MAX as i128) =>
        {
            return Err(no_object_arrays("an integer beyond 64 bits"));
        }
        Value::None
        | Value::Int(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::Complex(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::Scalar(_)
        | Value::Array(_)
        | Value::List(_)
        | Value::Tuple(_) => {}
        other => return Err(no_object_arrays(&format!("a '{}'", other.type_name()))),
    }
    if out.is_none() {
        return Err(no_object_arrays("None"));
    }
    let a = it.to_array(out, None)?;
    Ok(it.new_str(a.dtype().char().to_string()))
}

/// `npyiter_find_best_axis_ordering` over the object arrays: the broadcast axes, slowest
/// first, in the order the ufunc loop walks them.
fn loop_axes(ops: &[Operand], shape: &[usize]) -> Vec<usize> {
    let nd = shape.len();
    let stride = |op: &Operand, d: usize| -> isize {
        let skip = nd - op.shape.len();
        if d < skip || op.shape[d - skip] == 1 {
            0
        } else {
            op.strides[d - skip]
        }
    };
    // innermost first, as NpyIter keeps them
    let mut axes: Vec<(usize, Vec<isize>)> = (0..nd)
        .rev()
        .map(|d| (d, ops.iter().map(|op| stride(op, d)).collect()))
        .collect();
    sort_by_stride_votes(&mut axes, ops.len(), |k, a, b| {
        let (s0, s1) = (a.1[k], b.1[k]);
        (s0 != 0 && s1 != 0).then(|| s1.abs() > s0.abs())
    });
    axes.iter().rev().map(|(d, _)| *d).collect()
}

/// An output's objects cast to its type as `asanyarray(objects, dtype=...)` casts them: the
/// object casts' own refusals for sequences and `None`, strings found by `str()`.
fn cast_objects(it: &mut Interp, objs: Vec<Value>, dt: DType) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(objs.len());
    for v in objs {
        let seq = match &v {
            Value::List(_) | Value::Tuple(_) => true,
            Value::Array(a) => a.ndim() > 0,
            _ => false,
        };
        let tname = v.type_name();
        out.push(match dt.kind {
            Kind::Bool => Value::Bool(it.truthy(&v)?),
            Kind::Int | Kind::UInt => match &v {
                _ if seq || v.is_none() => {
                    return Err(PyError::type_error(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{tname}'"
                    )));
                }
                _ => v,
            },
            Kind::Float => match &v {
                _ if seq => {
                    return Err(PyError::value("setting an array element with a sequence."));
                }
                Value::None => it.new_float(f64::NAN),
                _ => v,
            },
            Kind::Complex => match &v {
                _ if seq => {
                    return Err(PyError::type_error(format!(
                        "must be real number, not {tname}"
                    )));
                }
                Value::None => it.new_complex(f64::NAN, f64::NAN),
                _ => v,
            },
            Kind::Str | Kind::Bytes => match &v {
                _ if seq => {
                    return Err(PyError::value("setting an array element with a sequence"));
                }
                Value::Str(_) | Value::Bytes(_) => v,
                _ => {
                    let s = it.str(&v)?;
                    it.new_str(s)
                }
            },
            _ => v,
        });
    }
    Ok(out)
}

/// `_vectorize_call` without a signature: the trial call (unless `otypes`), the object loop
/// in the iterator's order, and each output cast to its type.
fn vectorize_loop(
    it: &mut Interp,
    func: &mut Func,
    vargs: Vec<Value>,
    otypes: Option<Vec<Value>>,
    cache: bool,
) -> PyResult<Value> {
    // `_get_ufunc_and_otypes`
    let mut cached: Option<Value> = None;
    let otypes = match otypes {
        Some(o) => o,
        None => {
            let mut firsts = Vec::with_capacity(vargs.len());
            let mut arrays = Vec::with_capacity(vargs.len());
            for v in &vargs {
                arrays.push(it.to_array(v, None)?);
            }
            if arrays.iter().any(|a| a.size() == 0) {
                return Err(PyError::value(
                    "cannot call `vectorize` on size 0 inputs unless `otypes` is set",
                ));
            }
            for a in &arrays {
                let s = a.get(&vec![0; a.ndim()])?;
                firsts.push(it.element_scalar(a.dtype(), s));
            }
            let outputs = func.call(it, firsts)?;
            let outs = match &outputs {
                Value::Tuple(t) => t.items.clone(),
                other => vec![other.clone()],
            };
            if cache {
                cached = Some(outputs.clone());
            }
            let mut types = Vec::with_capacity(outs.len());
            for o in &outs {
                types.push(inferred_otype(it, o)?);
            }
            types
        }
    };
    let mut dtypes = Vec::with_capacity(otypes.len());
    for t in &otypes {
        if matches!(t, Value::Str(s) if s.v == "O") {
            return Err(no_object_arrays("objects (otypes 'O')"));
        }
        dtypes.push(it.to_dtype(t)?);
    }
    let nout = otypes.len();
    let mut ops = Vec::with_capacity(vargs.len());
    for v in &vargs {
        ops.push(operand(it, v)?);
    }
    let shapes: Vec<&[usize]> = ops.iter().map(|o| o.shape.as_slice()).collect();
    let shape = kernels::broadcast_shapes(&shapes)?;
    let order = loop_axes(&ops, &shape);
    let total: usize = shape.iter().product();
    it.gate((total as u128).saturating_mul(8 * nout.max(1) as u128))?;
    // the loop: `frompyfunc`'s PyUFunc_On_Om, which stops at the first result that does not
    // fit the outputs (the rest stay None)
    let mut results: Vec<Vec<Value>> = vec![Vec::with_capacity(total); nout];
    let mut index = vec![0usize; shape.len()];
    let mut stopped = false;
    for step in 0..total {
        it.ctx.check_interrupt()?;
        let result = match (step, cached.take()) {
            (0, Some(r)) => r,
            _ => {
                let mut objs = Vec::with_capacity(ops.len());
                for op in &ops {
                    objs.push(op.object(it, &index)?);
                }
                func.call(it, objs)?
            }
        };
        match (nout, &result) {
            (1, _) => results[0].push(result),
            (_, Value::Tuple(t)) if t.items.len() == nout => {
                for (r, x) in results.iter_mut().zip(t.items.iter()) {
                    r.push(x.clone());
                }
            }
            (0, Value::None) => {}
            _ => {
                stopped = true;
                break;
            }
        }
        // the next index, the last of `order` fastest
        for &d in order.iter().rev() {
            index[d] += 1;
            if index[d] < shape[d] {
                break;
            }
            index[d] = 0;
        }
    }
    if stopped {
        for r in results.iter_mut() {
            r.resize(total, Value::None);
        }
    }
    let mut outs = Vec::with_capacity(nout);
    for ((objs, dt), spec) in results.into_iter().zip(dtypes).zip(otypes) {
        outs.push(output_array(it, objs, dt, spec, &shape, &order)?);
    }
    if nout == 1 {
        return Ok(outs.remove(0));
    }
    Ok(it.new_tuple(outs))
}

/// One output: its objects (in loop order) cast, laid out in loop order as the ufunc
/// allocated it, and copied as `asanyarray` does (`order='K'`).
fn output_array(
    it: &mut Interp,
    objs: Vec<Value>,
    dt: DType,
    spec: Value,
    shape: &[usize],
    order: &[usize],
) -> PyResult<Value> {
    let objs = cast_objects(it, objs, dt)?;
    let list = it.new_list(objs);
    let flat = it.call_numpy("numpy.array", vec![list], vec![("dtype".into(), spec)])?;
    let loop_shape = it.int_tuple(order.iter().map(|&d| shape[d] as i128));
    let shaped = it.call_method(&flat, "reshape", vec![loop_shape], vec![])?;
    // axis `order[k]` of the result is axis k of the loop-shaped array
    let mut inverse = vec![0i128; order.len()];
    for (k, &d) in order.iter().enumerate() {
        inverse[d] = k as i128;
    }
    let perm = it.int_tuple(inverse);
    let placed = it.call_method(&shaped, "transpose", vec![perm], vec![])?;
    let k = it.new_str("K".into());
    it.call_method(&placed, "copy", vec![], vec![("order".into(), k)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(shape: &[usize], strides: &[isize]) -> Operand {
        Operand {
            shape: shape.to_vec(),
            strides: strides.to_vec(),
            source: Source::Objects(vec![]),
        }
    }

    #[test]
    fn the_loop_follows_memory_order_where_inputs_agree() {
        // (operands, broadcast shape, loop axes slowest first, why)
        let cases = [
            (
                vec![op(&[2, 3], &[3, 1])],
                vec![2, 3],
                vec![0, 1],
                "C order",
            ),
            (
                vec![op(&[3, 2], &[1, 3])],
                vec![3, 2],
                vec![1, 0],
                "a transpose: memory order",
            ),
            (
                vec![op(&[3, 2], &[1, 3]), op(&[3, 2], &[2, 1])],
                vec![3, 2],
                vec![0, 1],
                "operands disagree: C order stays",
            ),
            (
                vec![op(&[3, 1], &[1, 1]), op(&[2], &[1])],
                vec![3, 2],
                vec![0, 1],
                "broadcast axes never vote",
            ),
        ];
        for (ops, shape, want, why) in cases {
            assert_eq!(loop_axes(&ops, &shape), want, "{why}");
        }
    }

    #[test]
    fn nested_lists_give_their_objects_at_the_array_depth() {
        let mut out = vec![];
        assert!(
            leaves(&Value::None, 0, &mut out),
            "depth 0: the object itself"
        );
        assert_eq!(out.len(), 1);
        assert!(!leaves(&Value::None, 1, &mut out), "a missing level");
    }
}
