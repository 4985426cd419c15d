//! `np.concatenate`, `np.stack`, `np.vstack`, `np.hstack`: the evaluator checks the arguments
//! and turns the sequence into arrays; the runtime (`runtime::join`) checks shapes, casts and
//! copies.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::casting::{Casting, promote_with_text};
use crate::runtime::join::{self, Part, Target, with_new_axis};
use crate::runtime::{DType, Layout, NdArray};

/// Joining arrays.
pub const ROWS: &[Row] = &[
    Row::np_py("numpy.append", "(arr, values, axis=None)", append).returns("ndarray"),
    Row::np_py(
        "numpy.concatenate",
        "(arrays, /, axis=0, out=None, *, dtype=None, casting='same_kind')",
        concatenate,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.stack",
        "(arrays, axis=0, out=None, *, dtype=None, casting='same_kind')",
        stack,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.vstack",
        "(tup, *, dtype=None, casting='same_kind')",
        vhstack,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.hstack",
        "(tup, *, dtype=None, casting='same_kind')",
        vhstack,
    )
    .returns("ndarray"),
];

/// How a joining function's first argument is checked before it is read.
#[derive(Clone, Copy, PartialEq)]
enum Dispatch {
    /// `np.concatenate`: its `__array_function__` dispatcher iterates the argument (with `out=`
    /// it calls `list(arrays)`), then C code wants a sequence.
    Concatenate { has_out: bool },
    /// `np.stack`, `vstack`, `hstack`: the argument must have `__getitem__`.
    Stack,
}

impl Interp {
    /// The check NumPy's Python layer makes on a joining function's first argument before any
    /// other argument is read.
    fn dispatch_check(seq: &Value, dispatch: Dispatch) -> PyResult<()> {
        let indexable = matches!(
            seq,
            Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Range(_)
                | Value::Array(_)
                | Value::Dict(_)
        );
        // a 0-d array has `__getitem__` but cannot be iterated
        let zero_d = matches!(seq, Value::Array(a) if a.ndim() == 0);
        let iterable = (indexable && !zero_d) || matches!(seq, Value::Set(_) | Value::Iter(_));
        match dispatch {
            Dispatch::Stack if !indexable => Err(PyError::stack_not_sequence()),
            Dispatch::Concatenate { has_out: false } if !iterable => {
                Err(PyError::dispatcher_not_iterable())
            }
            Dispatch::Concatenate { has_out: true } if !iterable => {
                Err(PyError::not_iterable(&seq.type_name()))
            }
            _ => Ok(()),
        }
    }

    /// The arrays of a joining function's first argument (a list, a tuple, a string, a range
    /// or an array, whose items along the first axis are the arrays).
    fn join_inputs(&mut self, seq: &Value, dispatch: Dispatch) -> PyResult<Vec<Rc<NdArray>>> {
        let is_sequence = !matches!(seq, Value::Dict(_) | Value::Set(_) | Value::Iter(_));
        if matches!(dispatch, Dispatch::Concatenate { .. }) && !is_sequence {
            return Err(PyError::concatenate_not_sequence());
        }
        let items = self.collect(seq)?;
        items.iter().map(|v| self.to_array(v, None)).collect()
    }

    /// NumPy's result_type of the arrays: the dtype a new joined array gets.
    fn common_dtype(arrays: &[Rc<NdArray>]) -> PyResult<DType> {
        let mut dt: Option<DType> = None;
        for a in arrays {
            dt = Some(match dt {
                None => a.dtype(),
                Some(x) => crate::runtime::dtype::promote(x, a.dtype())
                    .or_else(|| promote_with_text(x, a.dtype()))
                    .ok_or_else(|| {
                    PyError::type_error(format!(
                        "The DType <class 'numpy.dtypes.{}'> could not be promoted by <class 'numpy.dtypes.{}'>.",
                        crate::eval::object::value::dtype_class_name(a.dtype()),
                        crate::eval::object::value::dtype_class_name(x)
                    ))
                })?,
            });
        }
        Ok(dt.unwrap_or(DType::FLOAT64))
    }

    /// `casting=`: a str naming one of NumPy's rules (default `'same_kind'`).
    pub(crate) fn casting_arg(&mut self, v: Option<Value>) -> PyResult<Casting> {
        match v {
            None => Ok(Casting::SameKind),
            Some(Value::Str(s)) => match Casting::parse(&s.v) {
                Some(c) => Ok(c),
                None => {
                    let got = self.repr(&Value::Str(s.clone()))?;
                    Err(PyError::casting_unknown(&got))
                }
            },
            Some(other) => Err(PyError::casting_not_str(&other.type_name())),
        }
    }

    /// `out=`: None, or an array (returned as the result, so `r is out`).
    fn out_arg(v: Option<Value>) -> PyResult<Option<Rc<NdArray>>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(_) => Err(PyError::out_not_array()),
        }
    }

    /// `dtype=`: None or a dtype.
    fn dtype_arg(&mut self, v: Option<Value>) -> PyResult<Option<DType>> {
        match v {
            Some(d) if !d.is_none() => Ok(Some(self.to_dtype(&d)?)),
            _ => Ok(None),
        }
    }

    fn with_layouts(arrays: &[Rc<NdArray>], layout: impl Fn(&NdArray) -> Layout) -> Vec<Part> {
        arrays.iter().map(|a| (a.clone(), layout(a))).collect()
    }

    /// Runs the runtime's join into `out` or a new array of `dtype` (or the arrays' common one).
    fn join_into(
        &mut self,
        arrays: &[Rc<NdArray>],
        parts: Option<(&[Part], i64)>,
        out: Option<&Rc<NdArray>>,
        dtype: Option<DType>,
        casting: Casting,
    ) -> PyResult<Value> {
        let find = || dtype.map_or_else(|| Self::common_dtype(arrays), Ok);
        let target = match out {
            Some(o) => Target::Into(o),
            None => Target::New(&find),
        };
        let r = match parts {
            Some((parts, axis)) => join::concatenate(&self.ctx, parts, axis, target, casting)?,
            None => join::concatenate_flat(&self.ctx, arrays, target, casting)?,
        };
        Ok(Value::Array(r))
    }
}

/// `np.concatenate(arrays, axis=0, out=None, *, dtype=None, casting='same_kind')`.
fn concatenate(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let seq = args.req("arrays")?;
    let axis = args.take("axis");
    let out = args.take("out");
    let dtype = args.take("dtype");
    let casting = args.take("casting");
    let has_out = out.as_ref().is_some_and(|o| !o.is_none());
    let dispatch = Dispatch::Concatenate { has_out };
    Interp::dispatch_check(&seq, dispatch)?;
    // None for a flattening join, as NumPy's PyArray_AxisConverter reads it
    let axis = match axis {
        Some(Value::None) => None,
        Some(v) => Some(it.axis_value(&v)?),
        None => Some(0),
    };
    let dtype = it.dtype_arg(dtype)?;
    let casting = it.casting_arg(casting)?;
    let out = Interp::out_arg(out)?;
    if out.is_some() && dtype.is_some() {
        return Err(PyError::out_and_dtype("concatenate"));
    }
    let arrays = it.join_inputs(&seq, dispatch)?;
    if out.is_some() && dtype.is_some() {
        return Err(PyError::out_and_dtype("concatenate"));
    }
    let parts = Interp::with_layouts(&arrays, |a| a.layout().clone());
    let parts = axis.map(|ax| (&parts[..], ax));
    it.join_into(&arrays, parts, out.as_ref(), dtype, casting)
}

/// `np.stack`: a new axis on each array, then concatenate.
fn stack(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let seq = args.req("arrays")?;
    let axis = args.take("axis");
    let out = args.take("out");
    let dtype = args.take("dtype");
    let casting = args.take("casting");
    Interp::dispatch_check(&seq, Dispatch::Stack)?;
    let arrays = it.join_inputs(&seq, Dispatch::Stack)?;
    let Some(first) = arrays.first() else {
        return Err(PyError::stack_none());
    };
    let shape = first.shape().to_vec();
    if arrays.iter().any(|a| *a.shape() != *shape) {
        return Err(PyError::stack_shapes_differ());
    }
    let axis = match axis {
        Some(v) => it.axis_value(&v)?,
        None => 0,
    };
    let axis = normalize_axis(axis, shape.len() + 1)?;
    let parts = Interp::with_layouts(&arrays, |a| with_new_axis(&a.layout(), axis));
    // what np.concatenate(expanded, axis, out, dtype=, casting=) then checks
    let dtype = it.dtype_arg(dtype)?;
    let casting = it.casting_arg(casting)?;
    let out = Interp::out_arg(out)?;
    if out.is_some() && dtype.is_some() {
        return Err(PyError::out_and_dtype("concatenate"));
    }
    let parts = Some((&parts[..], axis as i64));
    it.join_into(&arrays, parts, out.as_ref(), dtype, casting)
}

/// `np.vstack` / `np.hstack`: `atleast_2d` / `atleast_1d`, then concatenate.
fn vhstack(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    // vstack / hstack: atleast_2d / atleast_1d, then concatenate
    let seq = args.req("tup")?;
    let dtype = args.take("dtype");
    let casting = args.take("casting");
    Interp::dispatch_check(&seq, Dispatch::Stack)?;
    let arrays = it.join_inputs(&seq, Dispatch::Stack)?;
    let dtype = it.dtype_arg(dtype)?;
    let casting = it.casting_arg(casting)?;
    let (parts, axis) = if args.func == "vstack" {
        let parts = Interp::with_layouts(&arrays, |a| {
            let l = a.layout().clone();
            match l.ndim() {
                0 => with_new_axis(&with_new_axis(&l, 0), 0),
                1 => with_new_axis(&l, 0),
                _ => l,
            }
        });
        (parts, 0)
    } else {
        let parts = Interp::with_layouts(&arrays, |a| {
            let l = a.layout().clone();
            if l.ndim() == 0 {
                with_new_axis(&l, 0)
            } else {
                l
            }
        });
        let axis = if parts.first().is_some_and(|(_, l)| l.ndim() == 1) {
            0
        } else {
            1
        };
        (parts, axis)
    };
    it.join_into(&arrays, Some((&parts[..], axis)), None, dtype, casting)
}

/// `np.append`: `concatenate((arr, values), axis)`, both raveled when `axis` is None.
fn append(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let arr = a.req("arr")?;
    let values = a.req("values")?;
    let mut arr = Value::Array(it.to_array(&arr, None)?);
    let (values, axis) = match a.take_some("axis") {
        Some(ax) => (values, ax),
        None => {
            if it.to_array(&arr, None)?.ndim() != 1 {
                arr = it.call_method(&arr, "ravel", vec![], vec![])?;
            }
            let v = it.call_numpy("numpy.ravel", vec![values], vec![])?;
            (v, it.new_i64(0))
        }
    };
    let pair = it.new_tuple(vec![arr, values]);
    it.call_numpy("numpy.concatenate", vec![pair], vec![("axis".into(), axis)])
}
