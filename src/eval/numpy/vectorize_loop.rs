//! `np.vectorize`'s loop without a signature, as NumPy 2.4 runs it: the trial call on the
//! first elements (as NumPy scalars) when `otypes` is not given, then `frompyfunc`'s object
//! loop over the broadcast inputs as Python objects (`asanyarray(arg, dtype=object)`), in the
//! ufunc iterator's order, and each output's objects cast to its type. arrsh has no object
//! arrays: an output NumPy would keep as objects is refused.

use std::rc::Rc;

use super::vectorize::Func;
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::runtime::layout::{OrderArg, sort_by_stride_votes};
use crate::runtime::{DType, Kind, NdArray, Scalar, kernels};

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
pub(super) fn vectorize_loop(
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
