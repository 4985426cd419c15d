//! Sorting, searching and counting as registry rows: `sort`/`argsort` (and the methods),
//! `lexsort`, `searchsorted`, `partition`/`argpartition`, `unique`, `bincount`, `histogram`,
//! `digitize`, `count_nonzero`. Arguments are NumPy's; the work is `runtime::sorting`'s.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::casting::{Casting, can_cast};
use crate::runtime::dtype::promote;
use crate::runtime::kernels::{self, ReduceOp};
use crate::runtime::sorting::counting::{self, Bincount, Bins};
use crate::runtime::sorting::unique::{UniqueWants, unique, unique_axis};
use crate::runtime::sorting::{self, SortKind};
use crate::runtime::{DType, Kind, NdArray, Order, OrderArg};

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.sort",
        "(a, axis=-1, kind=None, order=None, *, stable=None)",
        sort,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.argsort",
        "(a, axis=-1, kind=None, order=None, *, stable=None)",
        argsort,
    ).returns("ndarray"),
    Row::np_method(
        "ndarray.sort",
        "(axis=-1, kind=None, order=None, *, stable=None)",
        sort_method,
    ),
    Row::np_method(
        "ndarray.argsort",
        "(axis=-1, kind=None, order=None, *, stable=None)",
        argsort,
    ).returns("ndarray"),
    Row::np_c("numpy.lexsort", "(keys, axis=-1)", lexsort).returns("ndarray"),
    Row::np_py(
        "numpy.searchsorted",
        "(a, v, side='left', sorter=None)",
        searchsorted,
    ).returns("ndarray"),
    Row::np_method(
        "ndarray.searchsorted",
        "(v, side='left', sorter=None)",
        searchsorted,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.partition",
        "(a, kth, axis=-1, kind='introselect', order=None)",
        partition,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.argpartition",
        "(a, kth, axis=-1, kind='introselect', order=None)",
        argpartition,
    ).returns("ndarray"),
    Row::np_method(
        "ndarray.partition",
        "(kth, axis=-1, kind='introselect', order=None)",
        partition_method,
    ),
    Row::np_method(
        "ndarray.argpartition",
        "(kth, axis=-1, kind='introselect', order=None)",
        argpartition,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.unique",
        "(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True, sorted=True)",
        unique_row,
    ).returns("ndarray"),
    Row::np_c(
        "numpy.bincount",
        "(x, /, weights=None, minlength=0)",
        bincount,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.histogram",
        "(a, bins=10, range=None, density=None, weights=None)",
        histogram,
    ).returns("tuple"),
    Row::np_py("numpy.digitize", "(x, bins, right=False)", digitize),
    Row::np_py(
        "numpy.count_nonzero",
        "(a, axis=None, *, keepdims=False)",
        count_nonzero,
    ).returns("ndarray"),
];

/// NumPy's `kind=`/`stable=` reading (`PyArray_SortkindConverter`: the first letter decides).
fn sort_kind(it: &mut Interp, a: &mut Bound) -> PyResult<SortKind> {
    let kind = a.take_some("kind");
    let stable = a.take_some("stable");
    if kind.is_some() && stable.is_some() {
        return Err(PyError::sort_kind_and_stable());
    }
    if let Some(s) = stable {
        return Ok(if it.truthy(&s)? {
            SortKind::Stable
        } else {
            SortKind::Quick
        });
    }
    match kind {
        None => Ok(SortKind::Quick),
        Some(Value::Str(s)) => match s.v.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some('q' | 'h') => Ok(SortKind::Quick),
            Some('m' | 's') => Ok(SortKind::Stable),
            _ => Err(PyError::bad_sort_kind(&s.v)),
        },
        Some(other) => {
            let r = it.repr(&other)?;
            Err(PyError::bad_sort_kind(&r))
        }
    }
}

fn refuse_order(a: &mut Bound) -> PyResult<()> {
    if a.take_some("order").is_some() {
        return Err(PyError::sort_order_without_fields());
    }
    Ok(())
}

/// The array a row works on: its receiver, or its first argument made an array.
fn subject(it: &mut Interp, a: &mut Bound, name: &str) -> PyResult<Rc<NdArray>> {
    match &a.this {
        Value::Array(x) => Ok(x.clone()),
        _ => {
            let v = a.req(name)?;
            it.to_array(&v, None)
        }
    }
}

/// `axis=`: `None` (flatten) or an axis of `ndim` (default from the spec).
fn axis_arg(it: &mut Interp, a: &mut Bound, ndim: usize) -> PyResult<Option<usize>> {
    let given = a.given("axis");
    match a.take("axis") {
        Some(Value::None) => Ok(None),
        Some(v) => {
            let ax = it.c_long(&v)?;
            Ok(Some(normalize_axis(ax, ndim)?))
        }
        None if !given => {
            let d: i64 = a
                .default_text("axis")
                .and_then(|t| t.parse().ok())
                .unwrap_or(-1);
            Ok(Some(normalize_axis(d, ndim)?))
        }
        None => Ok(None),
    }
}

/// A C-order copy flattened to 1-d (`axis=None`).
fn flat_copy(it: &mut Interp, x: &Rc<NdArray>) -> PyResult<Rc<NdArray>> {
    x.flatten(&it.ctx, OrderArg::C)
}

fn sort(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let ax = match a.take("axis") {
        Some(Value::None) => None,
        v => Some(v),
    };
    let kind = sort_kind(it, &mut a)?;
    refuse_order(&mut a)?;
    let (copy, axis) = match ax {
        None => (flat_copy(it, &x)?, 0),
        Some(v) => {
            let ax = match v {
                Some(v) => it.c_long(&v)?,
                None => -1,
            };
            let axis = normalize_axis(ax, x.ndim())?;
            (x.copy_as(&it.ctx, x.dtype(), OrderArg::K)?, axis)
        }
    };
    sorting::sort_in_place(&it.ctx, &copy, axis, kind)?;
    Ok(Value::Array(copy))
}

fn sort_method(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let axis = axis_arg(it, &mut a, x.ndim())?;
    let kind = sort_kind(it, &mut a)?;
    refuse_order(&mut a)?;
    let Some(axis) = axis else {
        return Err(PyError::axis_out_of_bounds(-1, x.ndim()));
    };
    sorting::sort_in_place(&it.ctx, &x, axis, kind)?;
    Ok(Value::None)
}

fn argsort(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    if x.ndim() == 0 {
        // NumPy treats a 0-d array as one element: array([0])
        let _ = (a.take("axis"), sort_kind(it, &mut a)?);
        let out = NdArray::zeros(&it.ctx, &[1], DType::INT64, Order::C)?;
        return Ok(Value::Array(out));
    }
    let axis = axis_arg(it, &mut a, x.ndim())?;
    let kind = sort_kind(it, &mut a)?;
    refuse_order(&mut a)?;
    let (src, axis) = match axis {
        None => (flat_copy(it, &x)?, 0),
        Some(ax) => (x, ax),
    };
    Ok(Value::Array(sorting::argsort(&it.ctx, &src, axis, kind)?))
}

fn lexsort(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let keys = a.req("keys")?;
    if let Some(ax) = a.take_some("axis") {
        let i = it.int_value(&ax, "")?;
        if i.to_i64() != Some(-1) && i.to_i64() != Some(0) {
            return Err(PyError::not_implemented(
                "arrsh's lexsort supports 1-d keys only",
            ));
        }
    }
    let items: Vec<Value> = match &keys {
        Value::Array(arr) if arr.ndim() >= 2 => {
            let n = arr.shape()[0];
            let mut v = Vec::with_capacity(n);
            for i in 0..n {
                let item = [crate::runtime::index::IndexItem::Int(i as i128)];
                if let crate::runtime::array::Indexed::View(row) =
                    arr.index_basic(&it.ctx, &item)?
                {
                    v.push(Value::Array(row));
                }
            }
            v
        }
        Value::Array(_) => vec![keys.clone()],
        other => it.collect(other)?,
    };
    let mut arrays = Vec::with_capacity(items.len());
    for k in &items {
        arrays.push(it.to_array(k, None)?);
    }
    if arrays.is_empty() {
        return Err(PyError::type_error(
            "need sequence of keys with len > 0 in lexsort",
        ));
    }
    let shape0 = arrays[0].shape().to_vec();
    if arrays.iter().any(|k| *k.shape() != *shape0) {
        return Err(PyError::lexsort_shapes_differ());
    }
    if shape0.len() > 1 {
        return Err(PyError::not_implemented(
            "arrsh's lexsort supports 1-d keys only",
        ));
    }
    Ok(Value::Array(sorting::lexsort(&it.ctx, &arrays)?))
}

fn searchsorted(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let v = a.req("v")?;
    let right = match a.take_some("side") {
        None => false,
        Some(Value::Str(s)) => match s.v.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some('l') => false,
            Some('r') => true,
            _ => return Err(PyError::bad_search_side(&s.v)),
        },
        Some(other) => {
            let r = it.repr(&other)?;
            return Err(PyError::bad_search_side(&r));
        }
    };
    let sorter = match a.take_some("sorter") {
        Some(s) => {
            let arr = it.to_array(&s, None)?;
            let arr = kernels::cast_array(&it.ctx, &arr, DType::INT64, Order::C)?;
            let b = arr.buffer().bytes()?;
            Some(bytemuck::cast_slice::<u8, i64>(&b[..arr.size() * 8]).to_vec())
        }
        None => None,
    };
    if x.ndim() != 1 {
        return Err(PyError::value("object too deep for desired array"));
    }
    let scalar_key = !matches!(v, Value::Array(_) | Value::List(_) | Value::Tuple(_));
    let keys = it.to_array(&v, None)?;
    let dt = promote(x.dtype(), keys.dtype()).unwrap_or(x.dtype());
    let xa = kernels::cast_array(&it.ctx, &x, dt, Order::C)?;
    let ka = kernels::cast_array(&it.ctx, &keys, dt, Order::C)?;
    let out = sorting::searchsorted(&it.ctx, &xa, &ka, right, sorter.as_deref())?;
    if scalar_key || keys.ndim() == 0 {
        return it.wrap_result(out);
    }
    Ok(Value::Array(out))
}

/// `kth=`: one integer or a sequence of them. NumPy reads it as an array and casts that to
/// `npy_intp`: ints past int64 that fit uint64 wrap (`kth=10**19` is `kth(=-8446744073709551611)`
/// for 5 items), while a float array (ints mixed across int64 and uint64) or an object array
/// (past 64 bits; arrsh has none and refuses to build it) is no partition index.
fn kths(it: &mut Interp, v: &Value, n: usize) -> PyResult<Vec<usize>> {
    let arr = match it.to_array(v, None) {
        Err(e) if e.kind == crate::error::ErrorKind::NotImplementedError => {
            return Err(PyError::partition_index_not_integer());
        }
        r => r?,
    };
    if !(arr.dtype().is_integer() || arr.dtype().kind == Kind::Bool) {
        return Err(PyError::partition_index_not_integer());
    }
    let raw = as_intp(it, &arr)?;
    sorting::normalize_kths(&raw, n)
}

fn partition_args(
    it: &mut Interp,
    a: &mut Bound,
    x: &Rc<NdArray>,
) -> PyResult<(Option<usize>, Value)> {
    let kth = a.req("kth")?;
    let axis = axis_arg(it, a, x.ndim())?;
    if let Some(Value::Str(s)) = a.take_some("kind")
        && s.v != "introselect"
    {
        return Err(PyError::value(format!("Unknown selection kind: '{}'", s.v)));
    }
    refuse_order(a)?;
    Ok((axis, kth))
}

fn partition(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let (axis, kth) = partition_args(it, &mut a, &x)?;
    let (copy, axis) = match axis {
        None => (flat_copy(it, &x)?, 0),
        Some(ax) => (x.copy_as(&it.ctx, x.dtype(), OrderArg::K)?, ax),
    };
    let k = kths(it, &kth, copy.shape()[axis])?;
    sorting::partition_in_place(&it.ctx, &copy, axis, &k)?;
    Ok(Value::Array(copy))
}

fn partition_method(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let (axis, kth) = partition_args(it, &mut a, &x)?;
    let Some(axis) = axis else {
        return Err(PyError::axis_out_of_bounds(-1, x.ndim()));
    };
    let k = kths(it, &kth, x.shape()[axis])?;
    sorting::partition_in_place(&it.ctx, &x, axis, &k)?;
    Ok(Value::None)
}

fn argpartition(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let (axis, kth) = partition_args(it, &mut a, &x)?;
    let (src, axis) = match axis {
        None => (flat_copy(it, &x)?, 0),
        Some(ax) => (x, ax),
    };
    let k = kths(it, &kth, src.shape()[axis])?;
    Ok(Value::Array(sorting::argpartition(
        &it.ctx, &src, axis, &k,
    )?))
}

fn unique_row(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "ar")?;
    let wants = UniqueWants {
        index: it.arg_bool(&mut a, "return_index")?,
        inverse: it.arg_bool(&mut a, "return_inverse")?,
        counts: it.arg_bool(&mut a, "return_counts")?,
        equal_nan: it.arg_bool(&mut a, "equal_nan")?,
    };
    it.refuse_unsupported(&mut a, &["sorted"])?;
    let axis = match a.take_some("axis") {
        None => None,
        Some(v) => {
            let ax = it.c_long(&v)?;
            Some(normalize_axis(ax, x.ndim())?)
        }
    };
    let x = match sorting_native(it, &x)? {
        Some(n) => n,
        None => x,
    };
    let r = match axis {
        Some(ax) if x.ndim() > 1 => {
            let r = unique_axis(&it.ctx, &x, ax, wants)?;
            // NumPy builds the result with the axis first and moves it back: a view
            let values = if ax == 0 {
                r.values.clone()
            } else {
                let mut perm: Vec<i64> = (1..x.ndim() as i64).collect();
                perm.insert(ax, 0);
                r.values.transpose(&it.ctx, Some(&perm))?
            };
            crate::runtime::sorting::unique::UniqueResult { values, ..r }
        }
        _ => unique(&it.ctx, &x, wants)?,
    };
    let mut out = vec![Value::Array(r.values)];
    for part in [r.index, r.inverse, r.counts].into_iter().flatten() {
        out.push(Value::Array(part));
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    Ok(it.new_tuple(out))
}

/// A native-byte-order copy when the array is byte-swapped.
fn sorting_native(it: &mut Interp, x: &Rc<NdArray>) -> PyResult<Option<Rc<NdArray>>> {
    if x.dtype().is_native() {
        return Ok(None);
    }
    Ok(Some(kernels::cast_array(
        &it.ctx,
        x,
        x.dtype().to_native(),
        Order::C,
    )?))
}

/// Values of a 1-d-able array as i64 after NumPy's `intp` cast (`same_kind` for floats,
/// which NumPy 2.4 still allows with a DeprecationWarning).
pub(crate) fn as_intp(it: &mut Interp, x: &Rc<NdArray>) -> PyResult<Vec<i64>> {
    if !can_cast(x.dtype(), DType::INT64, Casting::SameKind) && x.dtype().kind != Kind::Float {
        return Err(PyError::type_error(format!(
            "Cannot cast array data from {} to dtype('int64') according to the rule 'safe'",
            x.dtype().repr()
        )));
    }
    let c = kernels::cast_array(&it.ctx, x, DType::INT64, Order::C)?;
    let b = c.buffer().bytes()?;
    Ok(bytemuck::cast_slice::<u8, i64>(&b[..c.size() * 8]).to_vec())
}

pub(crate) fn as_f64(it: &mut Interp, x: &Rc<NdArray>) -> PyResult<Vec<f64>> {
    let c = kernels::cast_array(&it.ctx, x, DType::FLOAT64, Order::C)?;
    let b = c.buffer().bytes()?;
    Ok(bytemuck::cast_slice::<u8, f64>(&b[..c.size() * 8]).to_vec())
}

pub(crate) fn vec_array<T: bytemuck::Pod>(
    it: &mut Interp,
    dt: DType,
    v: &[T],
) -> PyResult<Rc<NdArray>> {
    let out = NdArray::zeros(&it.ctx, &[v.len()], dt, Order::C)?;
    out.buffer().bytes_mut()?[..std::mem::size_of_val(v)].copy_from_slice(bytemuck::cast_slice(v));
    Ok(out)
}

fn bincount_array(it: &mut Interp, b: Bincount) -> PyResult<Rc<NdArray>> {
    match b {
        Bincount::Counts(c) => vec_array(it, DType::INT64, &c),
        Bincount::Sums(s) => vec_array(it, DType::FLOAT64, &s),
    }
}

fn bincount(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let xv = a.req("x")?;
    let x = it.to_array(&xv, None)?;
    if x.ndim() > 1 {
        return Err(PyError::bincount_not_1d());
    }
    let minlength = match a.take_some("minlength") {
        Some(v) => it.c_long(&v)?,
        None => 0,
    };
    if minlength < 0 {
        return Err(PyError::bincount_minlength_negative());
    }
    let xs = as_intp(it, &x)?;
    let w = match a.take_some("weights") {
        Some(w) => {
            let wa = it.to_array(&w, None)?;
            let wv = as_f64(it, &wa)?;
            if wv.len() != xs.len() {
                return Err(PyError::bincount_weights_length());
            }
            Some(wv)
        }
        None => None,
    };
    // the result's size as NumPy allocates it: `max + 1` past npy_intp (NumPy wraps it and
    // then writes outside its array) and byte sizes past it are "too big"; then the budget
    if xs.iter().all(|&v| v >= 0) {
        let top = xs.iter().copied().max().map_or(0, |m| m as i128 + 1);
        let n = top.max(minlength as i128);
        if n * 8 > isize::MAX as i128 {
            return Err(PyError::array_too_big());
        }
        if !it.ctx.heap.fits(n as u128 * 8) {
            let dtype = if w.is_some() { "float64" } else { "int64" };
            return Err(PyError::unable_to_allocate(
                n as u128 * 8,
                &[n as usize],
                dtype,
            ));
        }
    }
    let b = counting::bincount(&xs, w.as_deref(), minlength as usize)?;
    Ok(Value::Array(bincount_array(it, b)?))
}

fn histogram(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let av = a.req("a")?;
    let x = it.to_array(&av, None)?;
    if x.dtype().kind == Kind::Complex || x.dtype() == DType::FLOAT32 || x.dtype() == DType::FLOAT16
    {
        return Err(PyError::not_implemented(format!(
            "arrsh's histogram does not support {} data yet",
            x.dtype().name()
        )));
    }
    let data = as_f64(it, &x)?;
    let mut given_edges = None;
    let bins = match a.take("bins") {
        None => Bins::Count(10),
        Some(Value::Str(_)) => {
            return Err(PyError::not_implemented(
                "arrsh's histogram does not support bin estimators yet",
            ));
        }
        Some(v @ (Value::List(_) | Value::Tuple(_) | Value::Array(_))) => {
            let e = it.to_array(&v, None)?;
            if e.ndim() != 1 {
                return Err(PyError::value("`bins` must be 1d, when an array"));
            }
            let edges = as_f64(it, &e)?;
            // NumPy hands back `np.asarray(bins)` itself, in its own dtype
            given_edges = Some(e);
            Bins::Edges(edges)
        }
        Some(v) => {
            let i = it.index_int(&v).ok_or_else(|| {
                PyError::type_error("`bins` must be an integer, a string, or an array")
            })?;
            let n = match i.to_i64() {
                Some(n) => n,
                None if i.is_negative() => 0,
                None => return Err(PyError::maximum_size_exceeded()),
            };
            if n < 1 {
                return Err(PyError::histogram_bins_not_positive());
            }
            // NumPy's linspace makes the n + 1 edges first; arrsh also keeps counts and sums
            let edges = (n as u128 + 1) * 8;
            if !it.ctx.heap.fits(edges * 4) {
                return Err(PyError::unable_to_allocate(
                    edges,
                    &[n as usize + 1],
                    "float64",
                ));
            }
            Bins::Count(n as usize)
        }
    };
    let range = match a.take_some("range") {
        Some(r) => {
            let items = it.collect(&r)?;
            if items.len() != 2 {
                return Err(PyError::value("too many values to unpack (expected 2)"));
            }
            let (lo, hi) = (it.to_float(&items[0])?, it.to_float(&items[1])?);
            if lo > hi {
                return Err(PyError::value(
                    "max must be larger than min in range parameter.",
                ));
            }
            if !(lo.is_finite() && hi.is_finite()) {
                // the message shows the values as given (`[0, inf]` for an int and a float)
                let (l, h) = (it.str(&items[0])?, it.str(&items[1])?);
                return Err(PyError::histogram_range_not_finite("supplied", &l, &h));
            }
            Some((lo, hi))
        }
        None => None,
    };
    let density = match a.take_some("density") {
        Some(d) => it.truthy(&d)?,
        None => false,
    };
    let weights = match a.take_some("weights") {
        Some(w) => {
            let wa = it.to_array(&w, None)?;
            if *wa.shape() != *x.shape() {
                return Err(PyError::value("weights should have the same shape as a."));
            }
            Some(as_f64(it, &wa)?)
        }
        None => None,
    };
    let h = counting::histogram(&data, bins, range, weights.as_deref())?;
    let edges = match given_edges {
        Some(e) => e,
        None => vec_array(it, DType::FLOAT64, &h.edges)?,
    };
    let counts = if density {
        // n / db / n.sum(), in float64
        let n: Vec<f64> = match &h.counts {
            Bincount::Counts(c) => c.iter().map(|&v| v as f64).collect(),
            Bincount::Sums(s) => s.clone(),
        };
        let total: f64 = match &h.counts {
            Bincount::Counts(c) => c.iter().sum::<i64>() as f64,
            Bincount::Sums(s) => pairwise_sum(s),
        };
        let d: Vec<f64> = n
            .iter()
            .zip(h.edges.windows(2))
            .map(|(&v, w)| v / (w[1] - w[0]) / total)
            .collect();
        vec_array(it, DType::FLOAT64, &d)?
    } else {
        bincount_array(it, h.counts)?
    };
    Ok(it.new_tuple(vec![Value::Array(counts), Value::Array(edges)]))
}

/// NumPy's pairwise summation of a contiguous float64 run (`sum` of the summed weights).
fn pairwise_sum(v: &[f64]) -> f64 {
    if v.len() < 8 {
        return v.iter().fold(0.0, |a, &b| a + b);
    }
    if v.len() <= 128 {
        let mut r = [0.0f64; 8];
        r.copy_from_slice(&v[..8]);
        let mut i = 8;
        while i + 8 <= v.len() {
            for k in 0..8 {
                r[k] += v[i + k];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &v[i..] {
            res += x;
        }
        return res;
    }
    let n2 = (v.len() / 2) & !7;
    pairwise_sum(&v[..n2]) + pairwise_sum(&v[n2..])
}

fn digitize(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let xv = a.req("x")?;
    let bv = a.req("bins")?;
    let right = it.arg_bool(&mut a, "right")?;
    let x = it.to_array(&xv, None)?;
    if x.dtype().kind == Kind::Complex {
        return Err(PyError::digitize_complex());
    }
    let bins = it.to_array(&bv, None)?;
    let xs = as_f64(it, &x)?;
    let bs = as_f64(it, &bins)?;
    let r = counting::digitize(&xs, &bs, right)?;
    let shape = x.shape().to_vec();
    let out = vec_array(it, DType::INT64, &r)?;
    let out = out.reshape(
        &it.ctx,
        &shape.iter().map(|&d| d as i128).collect::<Vec<_>>(),
        OrderArg::C,
    )?;
    it.wrap_result(out)
}

fn count_nonzero(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let av = a.req("a")?;
    let x = it.to_array(&av, None)?;
    let keepdims = it.arg_bool(&mut a, "keepdims")?;
    let axes: Option<Vec<usize>> = match a.take_some("axis") {
        None => None,
        Some(v) => {
            let list = match &v {
                Value::Tuple(_) | Value::List(_) => it.collect(&v)?,
                _ => vec![v],
            };
            let mut axes = Vec::with_capacity(list.len());
            for ax in list {
                let i = it.c_long(&ax)?;
                axes.push(normalize_axis(i, x.ndim())?);
            }
            Some(axes)
        }
    };
    let b = kernels::cast_array(&it.ctx, &x, DType::BOOL, Order::C)?;
    if axes.is_none() && !keepdims {
        let n = b.buffer().bytes()?[..b.size()]
            .iter()
            .filter(|&&v| v != 0)
            .count();
        return Ok(it.new_scalar(DType::INT64, crate::runtime::Scalar::Int(n as i64)));
    }
    let r = kernels::reduce(
        &it.ctx,
        ReduceOp::Sum,
        &b,
        axes.as_deref(),
        DType::INT64,
        None,
    )?;
    let r = if keepdims {
        let mut shape: Vec<i128> = x.shape().iter().map(|&d| d as i128).collect();
        for (ax, d) in shape.iter_mut().enumerate() {
            if axes.as_ref().is_none_or(|a| a.contains(&ax)) {
                *d = 1;
            }
        }
        r.reshape(&it.ctx, &shape, OrderArg::C)?
    } else {
        r
    };
    it.wrap_result(r)
}
