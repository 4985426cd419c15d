//! The legacy API: `np.random.seed`/`rand`/`randn`/`randint`/`random`/`normal`/`uniform`/
//! `choice`/`permutation`/`shuffle` on the hidden `RandomState`, and the same methods on a
//! `RandomState(seed)` object (one row each for the module function and the method, one
//! function for both).

use std::rc::Rc;

use super::{
    Rng, check_int_dtype, float_or_array, float_param, int_dtype_arg, int_interval, int_result,
    rng_of, size_arg,
};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};
use crate::runtime::random::{BoundedInts, RandomState, cumulative_cdf};
use crate::runtime::{DType, NdArray, Order};

pub const ROWS: &[Row] = &[
    Row::np_c("numpy.random.seed", "(seed=None)", seed),
    Row::np_c("numpy.random.rand", "(*args)", rand).returns("ndarray"),
    Row::np_c("numpy.random.randn", "(*args)", randn).returns("ndarray"),
    Row::np_c("numpy.random.random", "(size=None)", random_sample).returns("ndarray"),
    Row::np_c("numpy.random.random_sample", "(size=None)", random_sample).returns("ndarray"),
    Row::np_c("numpy.random.ranf", "(size=None)", random_sample).returns("ndarray"),
    Row::np_c("numpy.random.sample", "(size=None)", random_sample).returns("ndarray"),
    Row::np_c(
        "numpy.random.standard_normal",
        "(size=None)",
        standard_normal,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.random.normal",
        "(loc=0.0, scale=1.0, size=None)",
        normal,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.random.uniform",
        "(low=0.0, high=1.0, size=None)",
        uniform,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.random.randint",
        "(low, high=None, size=None, dtype=int)",
        randint,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.random.choice",
        "(a, size=None, replace=True, p=None)",
        choice,
    )
    .returns("ndarray"),
    Row::np_c("numpy.random.permutation", "(x)", permutation).returns("ndarray"),
    Row::np_c("numpy.random.shuffle", "(x)", shuffle),
    Row::np_c("numpy.random.RandomState", "(seed=None)", new_random_state),
    Row::np_method("numpy.random.RandomState.seed", "(seed=None)", seed),
    Row::np_method("numpy.random.RandomState.rand", "(*args)", rand),
    Row::np_method("numpy.random.RandomState.randn", "(*args)", randn),
    Row::np_method(
        "numpy.random.RandomState.random",
        "(size=None)",
        random_sample,
    ),
    Row::np_method(
        "numpy.random.RandomState.random_sample",
        "(size=None)",
        random_sample,
    ),
    Row::np_method(
        "numpy.random.RandomState.standard_normal",
        "(size=None)",
        standard_normal,
    ),
    Row::np_method(
        "numpy.random.RandomState.normal",
        "(loc=0.0, scale=1.0, size=None)",
        normal,
    ),
    Row::np_method(
        "numpy.random.RandomState.uniform",
        "(low=0.0, high=1.0, size=None)",
        uniform,
    ),
    Row::np_method(
        "numpy.random.RandomState.randint",
        "(low, high=None, size=None, dtype=int)",
        randint,
    ),
    Row::np_method(
        "numpy.random.RandomState.choice",
        "(a, size=None, replace=True, p=None)",
        choice,
    ),
    Row::np_method("numpy.random.RandomState.permutation", "(x)", permutation),
    Row::np_method("numpy.random.RandomState.shuffle", "(x)", shuffle),
];

/// The object a row works on: the `RandomState` it is a method of, or the hidden one.
fn target(it: &mut Interp, a: &Bound) -> Value {
    match &a.this {
        v @ Value::Native(_) => v.clone(),
        _ => it.global_rng(),
    }
}

/// Runs `f` on the `RandomState` behind `v`.
fn with_rs<T>(v: &Value, f: impl FnOnce(&mut RandomState) -> T) -> PyResult<T> {
    let mut r = rng_of(v)?;
    match &mut *r {
        Rng::Legacy(rs) => Ok(f(rs)),
        Rng::Gen(_) => Err(PyError::type_error("not a RandomState")),
    }
}

/// NumPy's `_legacy_seeding`: an int in `[0, 2**32)`, a 1-d sequence of them, or `None`.
pub(super) fn legacy_state(it: &mut Interp, seed: Option<Value>) -> PyResult<RandomState> {
    let seed = match seed {
        None | Some(Value::None) => return Ok(RandomState::from_entropy()),
        Some(s) => s,
    };
    if let Some(i) = it.index_int(&seed) {
        return match i.to_i64() {
            Some(v) if (0..=u32::MAX as i64).contains(&v) => Ok(RandomState::from_u32(v as u32)),
            _ => Err(PyError::legacy_seed_out_of_range()),
        };
    }
    // not an integer: NumPy makes an array and casts it to int64 'safe'
    let arr = it.to_array(&seed, None)?;
    if arr.size() == 0 {
        return Err(PyError::value("Seed must be non-empty"));
    }
    if !arr.dtype().is_integer() && arr.dtype().kind != crate::runtime::Kind::Bool {
        let what = if arr.ndim() == 0 {
            "scalar"
        } else {
            "array data"
        };
        return Err(PyError::type_error(format!(
            "Cannot cast {what} from {} to dtype('int64') according to the rule 'safe'",
            arr.dtype().repr()
        )));
    }
    if arr.ndim() != 1 {
        return Err(PyError::value("Seed array must be 1-d"));
    }
    let words = crate::runtime::kernels::cast_array(&it.ctx, &arr, DType::INT64, Order::C)?;
    let bytes = words.buffer().bytes()?;
    let mut key = Vec::with_capacity(arr.size());
    for c in bytes[..arr.size() * 8].chunks_exact(8) {
        let v = i64::from_le_bytes(c.try_into().expect("8 bytes"));
        if !(0..=u32::MAX as i64).contains(&v) {
            return Err(PyError::legacy_seed_out_of_range());
        }
        key.push(v as u32);
    }
    Ok(RandomState::from_words(&key))
}

fn seed(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = a.take("seed");
    let state = legacy_state(it, s)?;
    let t = target(it, &a);
    with_rs(&t, |rs| *rs = state)?;
    Ok(Value::None)
}

fn new_random_state(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = a.take("seed");
    let state = legacy_state(it, s)?;
    Ok(it.new_rng(Rng::Legacy(state)))
}

/// `rand(d0, d1, ...)` / `randn(...)`: the dimensions as separate ints.
fn dims(it: &mut Interp, a: &Bound) -> PyResult<Option<Vec<usize>>> {
    if a.star.is_empty() {
        return Ok(None);
    }
    let mut shape = Vec::with_capacity(a.star.len());
    for d in &a.star {
        let i = it.int_value(d, "")?;
        shape.push(i.to_i128_saturating());
    }
    Ok(Some(crate::runtime::Layout::checked_size(&shape, 8)?))
}

fn uniform_draw(
    it: &mut Interp,
    t: &Value,
    shape: Option<Vec<usize>>,
    low: f64,
    range: f64,
) -> PyResult<Value> {
    let ctx = &it.ctx;
    let (one, arr) = with_rs(t, |rs| match &shape {
        None => Ok((Some(rs.uniform_one(low, range)), None)),
        Some(s) => rs.uniform(ctx, s, low, range).map(|a| (None, Some(a))),
    })??;
    Ok(float_or_array(it, one, arr))
}

fn gauss_draw(
    it: &mut Interp,
    t: &Value,
    shape: Option<Vec<usize>>,
    loc: f64,
    scale: f64,
) -> PyResult<Value> {
    let ctx = &it.ctx;
    let (one, arr) = with_rs(t, |rs| match &shape {
        None => Ok((Some(rs.normal_one(loc, scale)), None)),
        Some(s) => rs.normal(ctx, s, loc, scale).map(|a| (None, Some(a))),
    })??;
    Ok(float_or_array(it, one, arr))
}

fn rand(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let shape = dims(it, &a)?;
    let t = target(it, &a);
    uniform_draw(it, &t, shape, 0.0, 1.0)
}

fn randn(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let shape = dims(it, &a)?;
    let t = target(it, &a);
    gauss_draw(it, &t, shape, 0.0, 1.0)
}

fn random_sample(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    let t = target(it, &a);
    uniform_draw(it, &t, shape, 0.0, 1.0)
}

fn standard_normal(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    let t = target(it, &a);
    gauss_draw(it, &t, shape, 0.0, 1.0)
}

fn normal(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let loc = float_param(it, &mut a, "loc", 0.0)?;
    let scale = float_param(it, &mut a, "scale", 1.0)?;
    if !scale.is_nan() && scale.is_sign_negative() {
        return Err(PyError::random_param_negative("scale"));
    }
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    let t = target(it, &a);
    gauss_draw(it, &t, shape, loc, scale)
}

fn uniform(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let low = float_param(it, &mut a, "low", 0.0)?;
    let high = float_param(it, &mut a, "high", 1.0)?;
    let range = high - low;
    if !range.is_finite() {
        return Err(PyError::random_range_overflow(false));
    }
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    let t = target(it, &a);
    uniform_draw(it, &t, shape, low, range)
}

/// Integers with the masked method into a new array, or one value.
fn draw_ints(
    it: &mut Interp,
    t: &Value,
    shape: Option<Vec<usize>>,
    dtype: DType,
    b: BoundedInts,
) -> PyResult<Result<Rc<NdArray>, u64>> {
    let ctx = &it.ctx;
    with_rs(t, |rs| match &shape {
        None => Ok(Err(rs.randint_one(dtype, b))),
        Some(s) => rs.randint(ctx, s, dtype, b).map(Ok),
    })?
}

fn randint(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let dt = a.take("dtype");
    let (dtype, python) = match dt {
        // the default `dtype=int` is the builtin type: NumPy gives back a Python int
        None => (DType::INT64, true),
        v => int_dtype_arg(it, v, DType::INT64)?,
    };
    check_int_dtype(dtype.to_native(), "randint")?;
    let dtype = dtype.to_native();
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    if shape.as_ref().is_some_and(|s| s.contains(&0)) {
        return Ok(Value::Array(NdArray::zeros(
            &it.ctx,
            shape.as_deref().unwrap_or(&[]),
            dtype,
            Order::C,
        )?));
    }
    let b = int_interval(it, &mut a, dtype, false)?;
    let t = target(it, &a);
    Ok(match draw_ints(it, &t, shape, dtype, b)? {
        Ok(arr) => Value::Array(arr),
        Err(one) => int_result(it, dtype, python, one),
    })
}

/// `permutation(n)` as `arange(n)` shuffled, or a shuffled copy of an array's first axis.
fn permutation(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let t = target(it, &a);
    if let Some(n) = it.index_int(&x).filter(|_| !matches!(x, Value::Bool(_))) {
        let n = n.to_i128_saturating();
        if n < 0 {
            return Err(PyError::value("negative dimensions are not allowed"));
        }
        let ctx = &it.ctx;
        let arr = with_rs(&t, |rs| rs.permutation(ctx, n as usize))??;
        return Ok(Value::Array(arr));
    }
    let arr = it.to_array(&x, None)?;
    if arr.ndim() < 1 {
        return Err(PyError::index(
            "x must be an integer or at least 1-dimensional",
        ));
    }
    let copy = crate::runtime::kernels::copy_array(&it.ctx, &arr, Order::C)?;
    with_rs(&t, |rs| rs.shuffle(&copy))??;
    Ok(Value::Array(copy))
}

fn shuffle(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let t = target(it, &a);
    match &x {
        Value::Array(arr) => {
            if !arr.is_writeable() {
                return Err(PyError::shuffle_read_only());
            }
            with_rs(&t, |rs| rs.shuffle(arr))??;
        }
        Value::List(l) => {
            // the untyped path: `x[i], x[j] = x[j], x[i]` with the same draws
            let n = l.items.borrow().len();
            with_rs(&t, |rs| {
                let mut items = l.items.borrow_mut();
                for i in (1..n).rev() {
                    let j = crate::runtime::random::random_interval(rs.bit_generator(), i as u64)
                        as usize;
                    items.swap(i, j);
                }
            })?;
        }
        other => {
            return Err(PyError::not_implemented(format!(
                "arrsh's shuffle does not support '{}' objects",
                other.type_name()
            )));
        }
    }
    Ok(Value::None)
}

/// `choice`'s population: its size, and the array it picks from (`None` for an int).
pub(super) fn population(
    it: &mut Interp,
    a: &Value,
    int_msg: &str,
) -> PyResult<(i128, Option<Rc<NdArray>>)> {
    let arr = it.to_array(a, None)?;
    if arr.ndim() == 0 {
        let item = arr.item().ok_or_else(PyError::unsized_object)??;
        let n = match item {
            crate::runtime::Scalar::Int(v) => v as i128,
            crate::runtime::Scalar::UInt(v) => v as i128,
            crate::runtime::Scalar::Bool(b) => b as i128,
            _ => return Err(PyError::value(int_msg.to_string())),
        };
        return Ok((n, None));
    }
    let n = arr.shape()[0] as i128;
    Ok((n, Some(arr)))
}

/// `p=`: validated probabilities as float64 (NumPy's checks, its words per API).
pub(super) fn probabilities(
    it: &mut Interp,
    p: &Value,
    pop: i128,
    legacy: bool,
) -> PyResult<Vec<f64>> {
    let arr = it.to_array(p, Some(DType::FLOAT64))?;
    let arr = crate::runtime::kernels::cast_array(&it.ctx, &arr, DType::FLOAT64, Order::C)?;
    let (one_d, same, nan, neg, sum1) = if legacy {
        (
            "'p' must be 1-dimensional",
            "'a' and 'p' must have same size",
            "probabilities contain NaN",
            "probabilities are not non-negative",
            "probabilities do not sum to 1",
        )
    } else {
        (
            "p must be 1-dimensional",
            "a and p must have same size",
            "Probabilities contain NaN",
            "Probabilities are not non-negative",
            "Probabilities do not sum to 1. See Notes section of docstring for more information.",
        )
    };
    if arr.ndim() != 1 {
        return Err(PyError::value(one_d));
    }
    if arr.size() as i128 != pop {
        return Err(PyError::value(same));
    }
    let bytes = arr.buffer().bytes()?;
    let v: Vec<f64> = bytemuck::cast_slice::<u8, f64>(&bytes[..arr.size() * 8]).to_vec();
    // Kahan summation, as NumPy's kahan_sum
    let (mut sum, mut c) = (0.0f64, 0.0f64);
    for &x in &v {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    if sum.is_nan() {
        return Err(PyError::value(nan));
    }
    if v.iter().any(|&x| x < 0.0) {
        return Err(PyError::value(neg));
    }
    if (sum - 1.0).abs() > f64::EPSILON.sqrt() {
        return Err(PyError::value(sum1));
    }
    Ok(v)
}

/// The indices `choice` picked, as an int64 array of `shape`.
pub(super) fn index_array(it: &mut Interp, shape: &[usize], idx: &[i64]) -> PyResult<Rc<NdArray>> {
    let out = NdArray::zeros(&it.ctx, shape, DType::INT64, Order::C)?;
    out.buffer().bytes_mut()?[..idx.len() * 8].copy_from_slice(bytemuck::cast_slice(idx));
    Ok(out)
}

/// `choice`'s result: the index for an int population, else the picked elements.
pub(super) fn choice_result(
    it: &mut Interp,
    pop: Option<Rc<NdArray>>,
    scalar: bool,
    shape: &[usize],
    idx: &[i64],
) -> PyResult<Value> {
    let Some(arr) = pop else {
        if scalar {
            return Ok(it.new_i64(idx[0]));
        }
        return Ok(Value::Array(index_array(it, shape, idx)?));
    };
    let ix = index_array(it, if scalar { &[] } else { shape }, idx)?;
    let item = crate::runtime::fancy::ints_of(&ix)?;
    let item = match (scalar, item) {
        // a scalar pick is `a[int]`: an element for 1-d, a view for n-d
        (true, _) => crate::runtime::fancy::FancyItem::Basic(
            crate::runtime::index::IndexItem::Int(idx[0] as i128),
        ),
        (false, i) => i,
    };
    match crate::runtime::fancy::get(&it.ctx, &arr, &[item])? {
        crate::runtime::array::Indexed::Element(s) => Ok(it.new_scalar(arr.dtype(), s)),
        crate::runtime::array::Indexed::View(v) => Ok(Value::Array(v)),
    }
}

fn choice(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let av = a.req("a")?;
    let size = a.take("size");
    let shape = size_arg(it, size)?;
    let replace = it.arg_bool(&mut a, "replace")?;
    let p = a.take_some("p");
    let (pop, arr) = population(it, &av, "a must be 1-dimensional or an integer")?;
    if let Some(arr) = &arr
        && arr.ndim() != 1
    {
        return Err(PyError::value("a must be 1-dimensional"));
    }
    let n: usize = shape.as_ref().map_or(1, |s| s.iter().product());
    if arr.is_none() && pop <= 0 && n != 0 {
        return Err(PyError::value(
            "a must be greater than 0 unless no samples are taken",
        ));
    }
    if arr.is_some() && pop == 0 && n != 0 {
        return Err(PyError::value(
            "'a' cannot be empty unless no samples are taken",
        ));
    }
    let probs = match &p {
        Some(p) => Some(probabilities(it, p, pop, true)?),
        None => None,
    };
    let t = target(it, &a);
    let scalar = shape.is_none();
    let shape = shape.unwrap_or_default();
    let idx: Vec<i64> = if replace {
        match &probs {
            Some(p) => {
                let cdf = cumulative_cdf(p);
                let u = with_rs(&t, |rs| {
                    (0..n).map(|_| rs.random_one()).collect::<Vec<f64>>()
                })?;
                u.iter()
                    .map(|&x| cdf.partition_point(|&c| c <= x) as i64)
                    .collect()
            }
            None => {
                let b = BoundedInts::new(DType::INT64, 0, pop, false)?;
                with_rs(&t, |rs| {
                    (0..n)
                        .map(|_| rs.randint_one(DType::INT64, b) as i64)
                        .collect()
                })?
            }
        }
    } else {
        if n as i128 > pop {
            return Err(PyError::value(
                "Cannot take a larger sample than population when 'replace=False'",
            ));
        }
        if probs.is_some() {
            return Err(PyError::not_implemented(
                "arrsh's choice does not support p= with replace=False",
            ));
        }
        let ctx = &it.ctx;
        let perm = with_rs(&t, |rs| rs.permutation(ctx, pop as usize))??;
        let bytes = perm.buffer().bytes()?;
        bytemuck::cast_slice::<u8, i64>(&bytes[..n * 8]).to_vec()
    };
    choice_result(it, arr, scalar, &shape, &idx)
}
