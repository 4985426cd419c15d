//! `numpy.random`: the module's legacy functions (one hidden `RandomState`, as NumPy's
//! `mtrand._rand`), `RandomState` and `default_rng`'s `Generator` objects. The streams are
//! `runtime::random`'s; this room turns Python arguments into draws with NumPy's checks, its
//! messages and its result types (a Python float for `rand()`, `np.int64` from
//! `integers(5)`, an `int` when `dtype=int`).

mod generator;
mod legacy;

use std::cell::RefMut;
use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::{NativeObj, TypeKind, Value};
use crate::eval::registry::{Bound, Origin, Row};
use crate::runtime::random::{BoundedInts, Generator, RandomState, is_int_dtype};
use crate::runtime::{DType, NdArray, Scalar};

pub use generator::ROWS as GENERATOR_ROWS;
pub use legacy::ROWS as LEGACY_ROWS;

/// The module object and the constructors.
pub const ROWS: &[Row] = &[Row::module("numpy.random", Origin::Site { package: true })];

const LEGACY_OWNERS: &[&str] = &["numpy.random.RandomState"];
const GENERATOR_OWNERS: &[&str] = &["numpy.random.Generator"];

/// The state behind a `RandomState` or `Generator` object.
pub enum Rng {
    Legacy(RandomState),
    Gen(Generator),
}

impl Interp {
    fn new_rng(&mut self, rng: Rng) -> Value {
        let (type_name, owners, head) = match rng {
            Rng::Legacy(_) => (
                "numpy.random.mtrand.RandomState",
                LEGACY_OWNERS,
                "RandomState(MT19937)",
            ),
            Rng::Gen(_) => (
                "numpy.random._generator.Generator",
                GENERATOR_OWNERS,
                "Generator(PCG64)",
            ),
        };
        Value::Native(Rc::new(NativeObj {
            id: self.ctx.heap.object(64),
            type_name,
            owners,
            repr_head: Some(head),
            slots: &crate::eval::object::value::NativeSlots::NONE,
            state: std::cell::RefCell::new(Box::new(rng)),
        }))
    }

    /// The hidden `RandomState` of the module functions, seeded from the OS on first use.
    fn global_rng(&mut self) -> Value {
        if let Some(v) = &self.np_random {
            return v.clone();
        }
        let v = self.new_rng(Rng::Legacy(RandomState::from_entropy()));
        self.np_random = Some(v.clone());
        v
    }
}

/// The `Rng` inside a random object.
fn rng_of(v: &Value) -> PyResult<RefMut<'_, Rng>> {
    let Value::Native(n) = v else {
        return Err(PyError::type_error("not a random generator"));
    };
    let state = n
        .state
        .try_borrow_mut()
        .map_err(|_| PyError::new(crate::error::ErrorKind::RuntimeError, "generator busy"))?;
    RefMut::filter_map(state, |s| s.downcast_mut::<Rng>())
        .map_err(|_| PyError::type_error("not a random generator"))
}

/// `size=`: `None` asks for one value; an int or a tuple is a shape.
fn size_arg(it: &mut Interp, v: Option<Value>) -> PyResult<Option<Vec<usize>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let shape = it.to_shape(&v)?;
            Ok(Some(crate::runtime::Layout::checked_size(&shape, 8)?))
        }
    }
}

/// A Python float argument (`loc`, `scale`, `low`, `high`); arrays of parameters are not
/// supported yet and say so.
fn float_param(it: &mut Interp, a: &mut Bound, name: &str, default: f64) -> PyResult<f64> {
    match a.take(name) {
        None => Ok(default),
        Some(Value::Array(arr)) if arr.ndim() > 0 => Err(PyError::not_implemented(format!(
            "arrsh's {} does not support an array for {name}=",
            a.func
        ))),
        Some(v @ (Value::List(_) | Value::Tuple(_))) => {
            let _ = v;
            Err(PyError::not_implemented(format!(
                "arrsh's {} does not support an array for {name}=",
                a.func
            )))
        }
        Some(v) => it.to_float(&v),
    }
}

/// An integer bound of `randint`/`integers` as an exact integer.
fn int_bound(it: &mut Interp, v: &Value, func: &str) -> PyResult<i128> {
    match v {
        Value::Array(arr) if arr.ndim() > 0 => Err(PyError::not_implemented(format!(
            "arrsh's {func} does not support array bounds"
        ))),
        Value::List(_) | Value::Tuple(_) => Err(PyError::not_implemented(format!(
            "arrsh's {func} does not support array bounds"
        ))),
        Value::Float(f) => Ok(f.v as i128),
        Value::Scalar(s) => Ok(match &s.v {
            Scalar::Float(f) => *f as i128,
            Scalar::UInt(u) => *u as i128,
            other => other.to_i64_wrapping() as i128,
        }),
        other => Ok(it.int_value(other, "")?.to_i128().unwrap_or(
            if Int::is_negative(&it.int_value(other, "")?) {
                i128::MIN
            } else {
                i128::MAX
            },
        )),
    }
}

/// The dtype `randint`/`integers` draw, and whether the scalar result is the Python type
/// (`dtype=int` or `dtype=bool` given as the builtin type).
fn int_dtype_arg(it: &mut Interp, v: Option<Value>, default: DType) -> PyResult<(DType, bool)> {
    match v {
        None => Ok((default, false)),
        Some(v @ Value::Type(_)) => {
            let python =
                matches!(&v, Value::Type(t) if matches!(t.kind, TypeKind::Int | TypeKind::Bool));
            Ok((it.to_dtype(&v)?, python))
        }
        Some(v) => Ok((it.to_dtype(&v)?, false)),
    }
}

/// A draw of integers: an array for a size, else one value as NumPy returns it.
fn int_result(it: &mut Interp, dtype: DType, python_type: bool, one: u64) -> Value {
    let bits = dtype.itemsize as u32 * 8;
    let scalar = match dtype.kind {
        crate::runtime::Kind::Bool => Scalar::Bool(one != 0),
        crate::runtime::Kind::Int => Scalar::Int(if bits == 64 {
            one as i64
        } else {
            ((one << (64 - bits)) as i64) >> (64 - bits)
        }),
        _ => Scalar::UInt(one),
    };
    if python_type {
        return match scalar {
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::Int(v) => it.new_i64(v),
            Scalar::UInt(v) => it.new_int(Int::from_u64(v)),
            _ => Value::None,
        };
    }
    it.new_scalar(dtype, scalar)
}

/// Checks a `randint`/`integers` dtype, as NumPy names the method in its refusal.
fn check_int_dtype(dtype: DType, method: &str) -> PyResult<()> {
    if !is_int_dtype(dtype) {
        if !dtype.is_native() && (dtype.is_integer()) && method == "integers" {
            return Err(PyError::value(
                "Providing a dtype with a non-native byteorder is not supported. If you require platform-independent byteorder, call byteswap when required.",
            ));
        }
        return Err(PyError::unsupported_random_dtype(&dtype.repr(), method));
    }
    Ok(())
}

/// The interval `[low, high)` (or closed) of an integer draw, NumPy's argument order.
fn int_interval(
    it: &mut Interp,
    a: &mut Bound,
    dtype: DType,
    closed: bool,
) -> PyResult<BoundedInts> {
    let low = a.req("low")?;
    let high = a.take_some("high");
    let (low, high) = match high {
        None => (it.new_i64(0), low),
        Some(h) => (low, h),
    };
    let lo = int_bound(it, &low, a.func)?;
    let hi = int_bound(it, &high, a.func)?;
    BoundedInts::new(dtype, lo, hi, closed)
}

/// One float as NumPy's `cont` returns it for `size=None`: a Python float.
fn float_or_array(it: &mut Interp, one: Option<f64>, arr: Option<Rc<NdArray>>) -> Value {
    match (one, arr) {
        (_, Some(a)) => Value::Array(a),
        (Some(x), None) => it.new_float(x),
        (None, None) => Value::None,
    }
}
