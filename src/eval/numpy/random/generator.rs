//! `np.random.default_rng(seed)` and its `Generator`: `integers` (Lemire's method),
//! `random`, `standard_normal`/`normal` (the ziggurat), `uniform`, `choice` (Floyd's sampler
//! or the tail shuffle without replacement), `shuffle` and `permutation`.

use super::legacy::{choice_result, population, probabilities};
use super::{
    Rng, check_int_dtype, float_or_array, float_param, int_dtype_arg, int_interval, int_result,
    rng_of, size_arg,
};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};
use crate::runtime::random::{BoundedInts, Generator, cumulative_cdf, os_entropy};
use crate::runtime::{DType, Order};

pub const ROWS: &[Row] = &[
    Row::np_c("numpy.random.default_rng", "(seed=None)", default_rng),
    Row::np_method(
        "numpy.random.Generator.integers",
        "(low, high=None, size=None, dtype=np.int64, endpoint=False)",
        integers,
    ),
    Row::np_method(
        "numpy.random.Generator.random",
        "(size=None, dtype=np.float64, out=None)",
        random,
    ),
    Row::np_method(
        "numpy.random.Generator.standard_normal",
        "(size=None, dtype=np.float64, out=None)",
        standard_normal,
    ),
    Row::np_method(
        "numpy.random.Generator.normal",
        "(loc=0.0, scale=1.0, size=None)",
        normal,
    ),
    Row::np_method(
        "numpy.random.Generator.uniform",
        "(low=0.0, high=1.0, size=None)",
        uniform,
    ),
    Row::np_method(
        "numpy.random.Generator.choice",
        "(a, size=None, replace=True, p=None, axis=0, shuffle=True)",
        choice,
    ),
    Row::np_method("numpy.random.Generator.shuffle", "(x, axis=0)", shuffle),
    Row::np_method(
        "numpy.random.Generator.permutation",
        "(x, axis=0)",
        permutation,
    ),
];

fn with_gen<T>(v: &Value, f: impl FnOnce(&mut Generator) -> T) -> PyResult<T> {
    let mut r = rng_of(v)?;
    match &mut *r {
        Rng::Gen(g) => Ok(f(g)),
        Rng::Legacy(_) => Err(PyError::type_error("not a Generator")),
    }
}

/// The entropy words of `default_rng(seed)`: NumPy's `_coerce_to_uint32_array`.
fn seed_words(it: &mut Interp, seed: &Value) -> PyResult<Vec<u32>> {
    if matches!(seed, Value::Float(_)) || matches!(seed, Value::Scalar(s) if s.dtype.is_inexact()) {
        return Err(PyError::type_error(format!(
            "SeedSequence expects int or sequence of ints for entropy not {}",
            it.repr(seed)?
        )));
    }
    if let Some(i) = it.index_int(seed) {
        return int_words(&i);
    }
    match seed {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Array(_) => {
            let mut words = Vec::new();
            for v in it.collect(seed)? {
                if matches!(v, Value::List(_) | Value::Tuple(_)) {
                    return Err(PyError::type_error(
                        "SeedSequence does not accept nested sequences.",
                    ));
                }
                match it.index_int(&v) {
                    Some(i) => words.extend(int_words(&i)?),
                    None => return Err(PyError::type_error("seed must be integer")),
                }
            }
            Ok(words)
        }
        other => Err(PyError::type_error(format!(
            "SeedSequence expects int or sequence of ints for entropy not {}",
            it.repr(other)?
        ))),
    }
}

fn int_words(i: &Int) -> PyResult<Vec<u32>> {
    if i.is_negative() {
        return Err(PyError::value("expected non-negative integer"));
    }
    let (_, digits) = i.to_big().to_u32_digits();
    Ok(crate::runtime::random::int_to_words(&digits))
}

fn default_rng(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let g = match a.take("seed") {
        None | Some(Value::None) => Generator::from_entropy_words(&os_entropy()),
        // a Generator passes through, as NumPy's does
        Some(v @ Value::Native(_)) if matches!(&*rng_of(&v)?, Rng::Gen(_)) => return Ok(v),
        Some(v) => {
            let w = seed_words(it, &v)?;
            Generator::from_entropy_words(&w)
        }
    };
    Ok(it.new_rng(Rng::Gen(g)))
}

fn integers(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let dt = a.take("dtype");
    let (dtype, python) = int_dtype_arg(it, dt, DType::INT64)?;
    check_int_dtype(dtype, "integers")?;
    let closed = it.arg_bool(&mut a, "endpoint")?;
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    if shape.as_ref().is_some_and(|s| s.contains(&0)) {
        return Ok(Value::Array(crate::runtime::NdArray::zeros(
            &it.ctx,
            shape.as_deref().unwrap_or(&[]),
            dtype,
            Order::C,
        )?));
    }
    let b = int_interval(it, &mut a, dtype, closed)?;
    let t = a.this.clone();
    let ctx = &it.ctx;
    let r = with_gen(&t, |g| match &shape {
        None => Ok(Err(g.integers_one(dtype, b))),
        Some(s) => g.integers(ctx, s, dtype, b).map(Ok),
    })??;
    Ok(match r {
        Ok(arr) => Value::Array(arr),
        Err(one) => int_result(it, dtype, python, one),
    })
}

/// Only float64 draws are supported; `out=` is not.
fn float64_only(it: &mut Interp, a: &mut Bound, method: &str) -> PyResult<()> {
    if let Some(d) = a.take_some("dtype") {
        let dt = it.to_dtype(&d)?;
        if dt != DType::FLOAT64 {
            if dt == DType::FLOAT32 {
                return Err(PyError::not_implemented(format!(
                    "arrsh's {method} does not support dtype=float32 yet"
                )));
            }
            return Err(PyError::type_error(format!(
                "Unsupported dtype {} for {method}",
                dt.repr()
            )));
        }
    }
    it.refuse_unsupported(a, &["out"])
}

fn random(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    float64_only(it, &mut a, "random")?;
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    draw(it, &a.this.clone(), shape, false, 0.0, 1.0)
}

fn draw(
    it: &mut Interp,
    t: &Value,
    shape: Option<Vec<usize>>,
    normal: bool,
    p: f64,
    q: f64,
) -> PyResult<Value> {
    let ctx = &it.ctx;
    let (one, arr) = with_gen(t, |g| match (&shape, normal) {
        (None, false) => Ok((Some(g.uniform_one(p, q)), None)),
        (None, true) => Ok((Some(g.normal_one(p, q)), None)),
        (Some(s), false) => g.uniform(ctx, s, p, q).map(|a| (None, Some(a))),
        (Some(s), true) => g.normal(ctx, s, p, q).map(|a| (None, Some(a))),
    })??;
    Ok(float_or_array(it, one, arr))
}

fn standard_normal(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    float64_only(it, &mut a, "standard_normal")?;
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    draw(it, &a.this.clone(), shape, true, 0.0, 1.0)
}

fn normal(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let loc = float_param(it, &mut a, "loc", 0.0)?;
    let scale = float_param(it, &mut a, "scale", 1.0)?;
    if !scale.is_nan() && scale.is_sign_negative() {
        return Err(PyError::random_param_negative("scale"));
    }
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    draw(it, &a.this.clone(), shape, true, loc, scale)
}

fn uniform(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let low = float_param(it, &mut a, "low", 0.0)?;
    let high = float_param(it, &mut a, "high", 1.0)?;
    let range = high - low;
    if !range.is_finite() {
        return Err(PyError::random_range_overflow(true));
    }
    if range.is_sign_negative() {
        return Err(PyError::random_param_negative("high - low"));
    }
    let s = a.take("size");
    let shape = size_arg(it, s)?;
    draw(it, &a.this.clone(), shape, false, low, range)
}

fn axis_zero(it: &mut Interp, a: &mut Bound) -> PyResult<()> {
    if let Some(ax) = a.take_some("axis") {
        let i = it.int_value(&ax, "")?;
        if !i.is_zero() {
            return Err(PyError::not_implemented(format!(
                "arrsh's {} supports only axis=0",
                a.func
            )));
        }
    }
    Ok(())
}

fn shuffle(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    axis_zero(it, &mut a)?;
    let x = a.req("x")?;
    let t = a.this.clone();
    match &x {
        Value::Array(arr) => {
            if !arr.is_writeable() {
                return Err(PyError::shuffle_read_only());
            }
            if arr.ndim() == 0 {
                return Err(PyError::axis_out_of_bounds(0, 0));
            }
            with_gen(&t, |g| g.shuffle(arr))??;
        }
        Value::List(l) => {
            let n = l.items.borrow().len();
            with_gen(&t, |g| {
                let mut items = l.items.borrow_mut();
                for i in (1..n).rev() {
                    let j = crate::runtime::random::random_interval(g.bit_generator(), i as u64)
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

fn permutation(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    axis_zero(it, &mut a)?;
    let x = a.req("x")?;
    let t = a.this.clone();
    if let Some(n) = it.index_int(&x).filter(|_| !matches!(x, Value::Bool(_))) {
        let n = n.to_i128_saturating();
        if n < 0 {
            return Err(PyError::value("negative dimensions are not allowed"));
        }
        let ctx = &it.ctx;
        let arr = with_gen(&t, |g| g.permutation(ctx, n as usize))??;
        return Ok(Value::Array(arr));
    }
    let arr = it.to_array(&x, None)?;
    if arr.ndim() < 1 {
        return Err(PyError::axis_out_of_bounds(0, 0));
    }
    let copy = crate::runtime::kernels::copy_array(&it.ctx, &arr, Order::C)?;
    with_gen(&t, |g| g.shuffle(&copy))??;
    Ok(Value::Array(copy))
}

fn choice(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    axis_zero(it, &mut a)?;
    let av = a.req("a")?;
    let size = a.take("size");
    let shape = size_arg(it, size)?;
    let replace = it.arg_bool(&mut a, "replace")?;
    let shuffle = it.arg_bool(&mut a, "shuffle")?;
    let p = a.take_some("p");
    let what = format!("a must be a sequence or an integer, not {}", {
        let t = it.type_of(&av);
        it.repr(&t)?
    });
    let (pop, arr) = population(it, &av, &what)?;
    let n: usize = shape.as_ref().map_or(1, |s| s.iter().product());
    if arr.is_none() && pop <= 0 && n != 0 {
        return Err(PyError::value(
            "a must be a positive integer unless no samples are taken",
        ));
    }
    if arr.is_some() && pop == 0 && n != 0 {
        return Err(PyError::value(
            "a cannot be empty unless no samples are taken",
        ));
    }
    let probs = match &p {
        Some(p) => Some(probabilities(it, p, pop, false)?),
        None => None,
    };
    let t = a.this.clone();
    let scalar = shape.is_none();
    let shape = shape.unwrap_or_default();
    let idx: Vec<i64> = if replace {
        match &probs {
            Some(p) => {
                let cdf = cumulative_cdf(p);
                let u = with_gen(&t, |g| (0..n).map(|_| g.random_one()).collect::<Vec<f64>>())?;
                u.iter()
                    .map(|&x| cdf.partition_point(|&c| c <= x) as i64)
                    .collect()
            }
            None => {
                let b = BoundedInts::new(DType::INT64, 0, pop, false)?;
                let ctx = &it.ctx;
                let arr = with_gen(&t, |g| g.integers(ctx, &[n], DType::INT64, b))??;
                let bytes = arr.buffer().bytes()?;
                bytemuck::cast_slice::<u8, i64>(&bytes[..n * 8]).to_vec()
            }
        }
    } else {
        if n as i128 > pop {
            return Err(PyError::value(
                "Cannot take a larger sample than population when replace is False",
            ));
        }
        if probs.is_some() {
            return Err(PyError::not_implemented(
                "arrsh's choice does not support p= with replace=False",
            ));
        }
        with_gen(&t, |g| {
            g.sample_without_replacement(pop as usize, n, shuffle)
        })?
    };
    choice_result(it, arr, scalar, &shape, &idx)
}
