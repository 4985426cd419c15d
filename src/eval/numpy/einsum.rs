//! `np.einsum`: NumPy's Python wrapper (`optimize=`) over `c_einsum` (`multiarraymodule.c`:
//! the subscripts string or the sublist form, `out=`, `dtype=`, `order=`, `casting=`), then
//! `PyArray_EinsteinSum`: a view for one operand that sums nothing, else the typed loops in
//! NumPy's iteration order (`runtime::einsum`, `kernels::sum_of_products`).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::casting::{Casting, can_cast};
use crate::runtime::dtype::promote;
use crate::runtime::einsum::iter::{IterInput, IterOrder, plan};
use crate::runtime::einsum::{self as es, Subscripts};
use crate::runtime::kernels;
use crate::runtime::{DType, NdArray, OrderArg, Scalar};

pub const ROWS: &[Row] = &[Row::np_py(
    "numpy.einsum",
    "(*operands, out=None, optimize=False, **kwargs)",
    einsum,
)
.returns("ndarray")];

/// `einsum(*operands, out=None, optimize=False, **kwargs)`. Any path but `False` is checked
/// as NumPy's wrapper checks it; the contraction then runs as `c_einsum` computes it (NumPy
/// would contract pairs through `matmul`: see KNOWN_DIFFERENCES).
fn einsum(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let out = a.take("out").filter(|v| !v.is_none());
    let optimize = a.take("optimize").unwrap_or(Value::Bool(false));
    let operands = std::mem::take(&mut a.star);
    let kwargs = std::mem::take(&mut a.kwargs);
    if !matches!(optimize, Value::Bool(false)) {
        check_path(it, &optimize)?;
        let unknown: Vec<String> = kwargs
            .iter()
            .filter(|(k, _)| !["dtype", "order", "casting"].contains(&k.as_str()))
            .map(|(k, _)| crate::eval::text::pyrepr::str_repr(k))
            .collect();
        if !unknown.is_empty() {
            return Err(PyError::einsum_unknown_kwargs(&format!(
                "[{}]",
                unknown.join(", ")
            )));
        }
    }
    c_einsum(it, operands, out, kwargs)
}

/// `einsum_path`'s reading of `optimize=`: a bool, a path name, an explicit
/// `['einsum_path', ...]` list, or a `(name, memory_limit)` pair.
fn check_path(it: &mut Interp, path: &Value) -> PyResult<()> {
    if matches!(path, Value::Bool(_) | Value::None | Value::Str(_)) {
        return Ok(());
    }
    // `len(path_type) and path_type[0] == 'einsum_path'`: anything without a length fails there
    let n = it.len_of(path)?;
    let items = if n > 0 { it.collect(path)? } else { vec![] };
    let named = matches!(items.first(), Some(Value::Str(s)) if s.v == "einsum_path");
    let limited = items.len() == 2
        && matches!(items[0], Value::Str(_))
        && matches!(items[1], Value::Int(_) | Value::Float(_) | Value::Bool(_));
    if named || limited {
        return Ok(());
    }
    let text = it.str(path)?;
    Err(PyError::einsum_bad_path(&text))
}

/// The keyword arguments `c_einsum` takes.
struct Options {
    dtype: Option<DType>,
    order: IterOrder,
    casting: Casting,
    out: Option<Rc<NdArray>>,
    out_value: Option<Value>,
}

fn options(it: &mut Interp, out: Option<Value>, kwargs: Vec<(String, Value)>) -> PyResult<Options> {
    let mut o = Options {
        dtype: None,
        order: IterOrder::K,
        casting: Casting::Safe,
        out: None,
        out_value: None,
    };
    for (k, v) in kwargs {
        match k.as_str() {
            "dtype" if !v.is_none() => o.dtype = Some(it.to_dtype(&v)?),
            "dtype" => {}
            "order" => {
                o.order = match it.order_arg(Some(v), OrderArg::K)? {
                    OrderArg::C => IterOrder::C,
                    OrderArg::F => IterOrder::F,
                    OrderArg::A => IterOrder::A,
                    OrderArg::K => IterOrder::K,
                }
            }
            "casting" => o.casting = it.casting_arg(Some(v))?,
            "out" => return Err(PyError::unexpected_keyword("einsum", "out")),
            other => return Err(PyError::unexpected_keyword("einsum", other)),
        }
    }
    if let Some(v) = out {
        match &v {
            Value::Array(arr) => o.out = Some(arr.clone()),
            _ => return Err(PyError::einsum_out_not_array()),
        }
        o.out_value = Some(v);
    }
    Ok(o)
}

/// `c_einsum`: the subscripts and operands, either `('ij,jk', a, b)` or the sublist form
/// `(a, [0, 1], b, [1, 2], [0, 2])`.
fn c_einsum(
    it: &mut Interp,
    args: Vec<Value>,
    out: Option<Value>,
    kwargs: Vec<(String, Value)>,
) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyError::einsum_no_arguments());
    }
    let opts = options(it, out, kwargs)?;
    let (subscripts, values) = match &args[0] {
        Value::Str(s) => {
            if let Some(start) = s.v.chars().position(|c| !c.is_ascii()) {
                // c_einsum encodes the string as ASCII first
                let run =
                    s.v.chars()
                        .skip(start)
                        .take_while(|c| !c.is_ascii())
                        .count();
                return Err(PyError::unicode_encode(
                    "ascii",
                    &s.v,
                    start,
                    start + run,
                    "ordinal not in range(128)",
                ));
            }
            (s.v.as_bytes().to_vec(), args[1..].to_vec())
        }
        Value::Bytes(b) => (b.v.clone(), args[1..].to_vec()),
        _ => sublists(it, &args)?,
    };
    if values.is_empty() {
        return Err(PyError::einsum_no_operands());
    }
    let mut ops = Vec::with_capacity(values.len());
    for v in &values {
        ops.push(it.to_array(v, None)?);
    }
    let result = einstein_sum(it, &subscripts, &ops, &opts)?;
    match opts.out_value {
        Some(v) => Ok(v),
        None => it.wrap_result(result),
    }
}

/// `einsum_list_to_subscripts` over the interleaved form: labels 0–25 are `A`–`Z`, 26–51
/// `a`–`z`; an odd count ends with the output's list.
fn sublists(it: &mut Interp, args: &[Value]) -> PyResult<(Vec<u8>, Vec<Value>)> {
    let mut sub = Vec::new();
    let mut values = Vec::new();
    let pairs = args.len() / 2;
    for k in 0..pairs {
        values.push(args[2 * k].clone());
        if k > 0 {
            sub.push(b',');
        }
        list_to_subscripts(it, &args[2 * k + 1], &mut sub)?;
    }
    if args.len() % 2 == 1 {
        sub.extend_from_slice(b"->");
        list_to_subscripts(it, &args[args.len() - 1], &mut sub)?;
    }
    Ok((sub, values))
}

fn list_to_subscripts(it: &mut Interp, list: &Value, sub: &mut Vec<u8>) -> PyResult<()> {
    let items = match list {
        Value::List(_) | Value::Tuple(_) | Value::Array(_) => it.collect(list)?,
        _ => return Err(PyError::einsum_sublist_not_sequence()),
    };
    let mut ellipsis = false;
    for item in &items {
        if matches!(item, Value::Ellipsis) {
            if ellipsis {
                return Err(PyError::einsum_sublist_two_ellipses());
            }
            ellipsis = true;
            sub.extend_from_slice(b"...");
            continue;
        }
        let s = it
            .c_long(item)
            .map_err(|_| PyError::einsum_sublist_item())?;
        match s {
            0..=25 => sub.push(b'A' + s as u8),
            26..=51 => sub.push(b'a' + (s - 26) as u8),
            _ => return Err(PyError::einsum_sublist_range()),
        }
    }
    Ok(())
}

/// The common dtype of the operands (`NPY_ITER_COMMON_DTYPE`) or the one asked for, each
/// input checked against `casting=` as the iterator checks it.
fn compute_dtype(ops: &[Rc<NdArray>], opts: &Options) -> PyResult<DType> {
    let dt = match opts.dtype {
        Some(dt) => {
            for (iop, op) in ops.iter().enumerate() {
                if !can_cast(op.dtype(), dt, opts.casting) {
                    return Err(PyError::iterator_operand_cast(
                        iop,
                        &op.dtype().repr(),
                        &dt.repr(),
                        opts.casting.name(),
                    ));
                }
            }
            dt
        }
        None => {
            let mut dt = ops[0].dtype();
            for op in &ops[1..] {
                dt = promote(dt, op.dtype()).ok_or_else(PyError::einsum_invalid_dtype)?;
            }
            dt
        }
    };
    if !dt.is_numeric() {
        return Err(PyError::einsum_invalid_dtype());
    }
    Ok(dt.to_native())
}

/// `PyArray_EinsteinSum`.
fn einstein_sum(
    it: &mut Interp,
    subscripts: &[u8],
    ops: &[Rc<NdArray>],
    opts: &Options,
) -> PyResult<Rc<NdArray>> {
    let ndims: Vec<usize> = ops.iter().map(|op| op.ndim()).collect();
    let s: Subscripts = es::parse(subscripts, &ndims)?;
    let n_out = s.output.len();
    if let Some(out) = &opts.out
        && out.ndim() != n_out
    {
        return Err(PyError::einsum_out_ndim(out.ndim(), n_out));
    }
    if ops.len() == 1
        && opts.out.is_none()
        && let Some(layout) = es::single_op_view(&s.op_labels[0], &s.output, &ops[0].layout())?
    {
        return Ok(ops[0].view_with(&it.ctx, ops[0].dtype(), layout));
    }
    let mut views = Vec::with_capacity(ops.len());
    let mut labels = Vec::with_capacity(ops.len());
    for (iop, op) in ops.iter().enumerate() {
        let (layout, l) = es::combined_view(iop, &s.op_labels[iop], &op.layout())?;
        views.push(op.view_with(&it.ctx, op.dtype(), layout));
        labels.push(l);
    }
    let iter_labels = es::iter_labels(&s);
    let axes: Vec<Vec<Option<usize>>> = labels
        .iter()
        .map(|l| es::op_axes(l, &iter_labels))
        .collect();
    let dt = compute_dtype(ops, opts)?;
    // the iterator's buffering: operands of another dtype, byte order or alignment are cast
    // (kept in their memory order), and the loops then run as NumPy's buffered ones
    let mut buffered = false;
    for v in views.iter_mut() {
        if v.dtype() != dt || !v.is_aligned() {
            *v = v.copy_as(&it.ctx, dt, OrderArg::K)?;
            buffered = true;
        }
    }
    // an output of another dtype is filled from a result of the common dtype
    let direct_out = match &opts.out {
        Some(o) if o.dtype() == dt && o.is_aligned() => Some(o.clone()),
        Some(o) => {
            if !can_cast(dt, o.dtype(), opts.casting) {
                return Err(PyError::iterator_output_cast(
                    ops.len(),
                    &dt.repr(),
                    &o.dtype().repr(),
                    opts.casting.name(),
                ));
            }
            None
        }
        None => None,
    };
    if let Some(o) = &direct_out {
        // NPY_ITER_COPY_IF_OVERLAP: an input the output overlaps is read from a copy
        for v in views.iter_mut() {
            if v.may_share_memory(o) {
                *v = v.copy_as(&it.ctx, dt, OrderArg::K)?;
            }
        }
    }
    let layouts: Vec<_> = views.iter().map(|v| v.layout().clone()).collect();
    let inputs: Vec<IterInput> = layouts
        .iter()
        .zip(&axes)
        .map(|(layout, axes)| IterInput { layout, axes })
        .collect();
    let out_layout = direct_out.as_ref().map(|o| o.layout().clone());
    let p = plan(&inputs, out_layout.as_ref(), n_out, dt.itemsize, opts.order)?;
    let result = match &direct_out {
        Some(o) => {
            kernels::fill(&it.ctx, o, &Scalar::Int(0))?;
            o.clone()
        }
        None => NdArray::with_strides(&it.ctx, &p.out_shape, &p.out_strides, dt)?,
    };
    {
        let guards: Vec<_> = views
            .iter()
            .map(|v| v.buffer().bytes())
            .collect::<PyResult<_>>()?;
        let ins: Vec<&[u8]> = guards.iter().map(|g| &**g).collect();
        let mut ob = result.buffer().bytes_mut()?;
        kernels::sum_of_products(&it.ctx, dt, &ins, &mut ob, &p, buffered)?;
    }
    match &opts.out {
        Some(o) if direct_out.is_none() => {
            if let Some(b) = shape_mismatch(o, &p.out_shape) {
                return Err(b);
            }
            kernels::assign(&it.ctx, o, &result)?;
            Ok(o.clone())
        }
        _ => Ok(result),
    }
}

/// An `out=` of another dtype whose shape is not the result's (the direct path's iterator
/// checks this itself).
fn shape_mismatch(o: &NdArray, shape: &[usize]) -> Option<PyError> {
    if &*o.shape() == shape {
        return None;
    }
    let remapped: Vec<i128> = o.shape().iter().map(|&n| n as i128).collect();
    Some(PyError::iterator_remapped_broadcast(&[(
        crate::error::np_shape_str(&o.shape()),
        crate::error::np_shape_str_newaxis(&remapped),
    )]))
}
