//! The `random` module: CPython 3.11's `random.Random` on the Mersenne Twister, bit-exact —
//! `seed` (an int's 32-bit words through `init_by_array`; a str with its SHA-512 appended),
//! `random`, `getrandbits`, `_randbelow` by rejection, and the methods of `random.py` built on
//! them. The module functions are methods of one hidden instance, as in CPython.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::{NativeSlots, Value};
use crate::eval::registry::{Bound, Origin, Row};
use crate::runtime::random::{BitGen, Mt19937, os_entropy, sha512};
use crate::syntax::ast::BinOp;

/// The rows: `random.Random`, and for each method one row as a module function and one as a
/// method of `random.Random`.
macro_rules! rows {
    ($(($name:literal, $sig:literal, $f:expr)),* $(,)?) => {
        &[
            Row::module("random", Origin::Stdlib { package: false }),
            Row::class("random.Random", "Random.__init__(x=None)", random_new),
            $(
                Row::builtin(concat!("random.", $name), $sig, $f),
                Row::method(concat!("random.Random.", $name), $sig, $f),
            )*
        ]
    };
}

pub const ROWS: &[Row] = rows![
    ("seed", "(a=None, version=2)", seed),
    ("random", "()", random),
    ("getrandbits", "(k, /)", getrandbits),
    ("randrange", "(start, stop=None, step=1)", randrange),
    ("randint", "(a, b)", randint),
    ("choice", "(seq)", choice),
    (
        "choices",
        "(population, weights=None, *, cum_weights=None, k=1)",
        choices
    ),
    ("shuffle", "(x)", shuffle),
    ("sample", "(population, k, *, counts=None)", sample),
    ("uniform", "(a, b)", uniform),
    ("gauss", "(mu=0.0, sigma=1.0)", gauss),
    ("normalvariate", "(mu=0.0, sigma=1.0)", normalvariate),
    ("lognormvariate", "(mu, sigma)", normalvariate),
    ("expovariate", "(lambd)", expovariate),
    ("triangular", "(low=0.0, high=1.0, mode=None)", triangular),
];

/// A `random.Random`: the twister and `gauss`'s second value.
pub struct PyRandom {
    mt: Mt19937,
    gauss_next: Option<f64>,
}

impl PyRandom {
    fn from_entropy() -> PyRandom {
        PyRandom {
            mt: Mt19937::from_words(&os_entropy()),
            gauss_next: None,
        }
    }

    /// `getrandbits(k)`: 32-bit words, least significant first; the last one keeps its top
    /// bits.
    fn bits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            let w = if k == 0 {
                0
            } else {
                self.mt.next_u32() >> (32 - k)
            };
            return BigInt::from(w);
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let mut w = self.mt.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            words.push(w);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &words)
    }

    /// `_randbelow(n)` for `n > 0`: `n.bit_length()` bits until one is below `n`.
    fn below(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        if let Some(n64) = n.to_u64()
            && k <= 32
        {
            loop {
                let r = (self.mt.next_u32() >> (32 - k)) as u64;
                if r < n64 {
                    return BigInt::from(r);
                }
            }
        }
        loop {
            let r = self.bits(k);
            if &r < n {
                return r;
            }
        }
    }

    fn below_usize(&mut self, n: usize) -> usize {
        self.below(&BigInt::from(n)).to_usize().unwrap_or(0)
    }

    fn random(&mut self) -> f64 {
        self.mt.next_double()
    }
}

static RANDOM_SLOTS: NativeSlots = NativeSlots::NONE;

/// The seed's key words: `abs(n)` in 32-bit words, least significant first (at least one).
fn int_words(n: &BigInt) -> Vec<u32> {
    let words = n.abs().to_u32_digits().1;
    if words.is_empty() { vec![0] } else { words }
}

fn seeded(it: &mut Interp, a: &Value) -> PyResult<Mt19937> {
    let n = match a {
        Value::None => return Ok(Mt19937::from_words(&os_entropy())),
        Value::Int(_) | Value::Bool(_) => it.int_value(a, "")?.to_big(),
        Value::Float(_) => BigInt::from(it.py_hash(a)?),
        Value::Str(_) | Value::Bytes(_) => {
            let mut bytes = match a {
                Value::Str(s) => s.v.as_bytes().to_vec(),
                Value::Bytes(b) => b.v.clone(),
                _ => Vec::new(),
            };
            let digest = sha512(&bytes);
            bytes.extend_from_slice(&digest);
            BigInt::from_bytes_be(Sign::Plus, &bytes)
        }
        _ => {
            return Err(PyError::type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ));
        }
    };
    Ok(Mt19937::from_words(&int_words(&n)))
}

fn random_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.take("x").unwrap_or(Value::None);
    let mt = seeded(it, &x)?;
    Ok(it.native_obj(
        "random.Random",
        &["random.Random"],
        &RANDOM_SLOTS,
        2512,
        PyRandom {
            mt,
            gauss_next: None,
        },
    ))
}

/// Runs `f` on the generator of a call (the receiver's, or the module's hidden one).
fn with_rng<T>(it: &mut Interp, this: &Value, f: impl FnOnce(&mut PyRandom) -> T) -> PyResult<T> {
    if let Value::Native(_) = this {
        let mut r = state_of::<PyRandom>(this, "random.Random")?;
        return Ok(f(&mut r));
    }
    let r = it.py_random.get_or_insert_with(PyRandom::from_entropy);
    Ok(f(r))
}

fn seed(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.take("a").unwrap_or(Value::None);
    let mt = seeded(it, &x)?;
    with_rng(it, &a.this, |r| {
        r.mt = mt;
        r.gauss_next = None;
    })?;
    Ok(Value::None)
}

fn random(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let x = with_rng(it, &a.this, |r| r.random())?;
    Ok(it.new_float(x))
}

fn getrandbits(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let k = a.req("k")?;
    let k = it.int_value(&k, "")?.to_i64().unwrap_or(i64::MAX);
    if k < 0 {
        return Err(PyError::value("number of bits must be non-negative"));
    }
    it.gate((k as u128) / 8)?;
    let b = with_rng(it, &a.this, |r| r.bits(k as u64))?;
    Ok(big(it, b))
}

fn big(it: &mut Interp, b: BigInt) -> Value {
    it.new_int(crate::eval::object::pyint::Int::from_big(b))
}

/// `_index(x)`, else an integral float (CPython 3.11 still accepts them, with a warning).
fn range_arg(it: &mut Interp, v: &Value, what: &str) -> PyResult<BigInt> {
    if let Ok(i) = it.int_value(v, "") {
        return Ok(i.to_big());
    }
    match v {
        Value::Float(f) if f.v.fract() == 0.0 && f.v.is_finite() => Ok(BigInt::from(f.v as i128)),
        Value::Float(_) => Err(PyError::value(format!(
            "non-integer {what} for randrange()"
        ))),
        other => Err(PyError::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

fn randrange_of(
    it: &mut Interp,
    this: &Value,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    let istart = range_arg(it, start, "arg 1")?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some() {
            return Err(PyError::type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            let r = with_rng(it, this, |r| r.below(&istart))?;
            return Ok(big(it, r));
        }
        return Err(PyError::empty_range_for_randrange());
    };
    let istop = range_arg(it, stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => range_arg(it, s, "step")?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            let r = with_rng(it, this, |r| r.below(&width))?;
            return Ok(big(it, istart + r));
        }
        return Err(PyError::empty_range_for_randrange_width(
            &istart.to_string(),
            &istop.to_string(),
            &width.to_string(),
        ));
    }
    let n = if istep.is_positive() {
        (&width + &istep - BigInt::from(1)).div_floor_big(&istep)
    } else if istep.is_negative() {
        (&width + &istep + BigInt::from(1)).div_floor_big(&istep)
    } else {
        return Err(PyError::zero_step_for_randrange());
    };
    if !n.is_positive() {
        return Err(PyError::empty_range_for_randrange());
    }
    let r = with_rng(it, this, |r| r.below(&n))?;
    Ok(big(it, istart + istep * r))
}

/// Python's floor division on big ints.
trait DivFloor {
    fn div_floor_big(&self, d: &BigInt) -> BigInt;
}

impl DivFloor for BigInt {
    fn div_floor_big(&self, d: &BigInt) -> BigInt {
        let q = self / d;
        if (self % d) != BigInt::zero() && ((self < &BigInt::zero()) != (d < &BigInt::zero())) {
            q - 1
        } else {
            q
        }
    }
}

fn randrange(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let start = a.req("start")?;
    let stop = a.take("stop");
    let step = a.take("step");
    randrange_of(it, &a.this.clone(), &start, stop.as_ref(), step.as_ref())
}

fn randint(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let lo = a.req("a")?;
    let hi = a.req("b")?;
    let one = it.new_i64(1);
    let stop = it.binary_op(&hi, BinOp::Add, &one)?;
    randrange_of(it, &a.this.clone(), &lo, Some(&stop), None)
}

fn choice(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let seq = a.req("seq")?;
    let n = it.len_of(&seq)?;
    if n == 0 {
        return Err(PyError::choose_from_empty());
    }
    let i = with_rng(it, &a.this, |r| r.below_usize(n))?;
    let i = it.new_i64(i as i64);
    it.getitem(&seq, &i)
}

fn choices(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let pop = a.req("population")?;
    let weights = a.take_some("weights");
    let cum = a.take_some("cum_weights");
    let k = match a.take("k") {
        Some(k) => it.int_value(&k, "")?.to_i64().unwrap_or(0).max(0) as usize,
        None => 1,
    };
    let n = it.len_of(&pop)?;
    let this = a.this.clone();
    let mut out = Vec::with_capacity(k.min(1 << 20));
    let cum = match (weights, cum) {
        (None, None) => {
            let nf = n as f64;
            for _ in 0..k {
                let x = with_rng(it, &this, |r| r.random())?;
                let i = it.new_i64((x * nf).floor() as i64);
                out.push(it.getitem(&pop, &i)?);
                it.check_items(out.len())?;
            }
            return Ok(it.new_list(out));
        }
        (Some(_), Some(_)) => {
            return Err(PyError::type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (Some(w), None) => {
            let mut acc: Option<Value> = None;
            let mut cum = Vec::new();
            for x in it.collect(&w)? {
                let v = match acc {
                    None => x,
                    Some(t) => it.binary_op(&t, BinOp::Add, &x)?,
                };
                cum.push(v.clone());
                acc = Some(v);
            }
            cum
        }
        (None, Some(c)) => it.collect(&c)?,
    };
    if cum.len() != n {
        return Err(PyError::value(
            "The number of weights does not match the population",
        ));
    }
    let mut cumf = Vec::with_capacity(n);
    for v in &cum {
        cumf.push(crate::eval::modules::math::real(it, v)?);
    }
    let total = cumf.last().copied().unwrap_or(0.0) + 0.0;
    if total <= 0.0 {
        return Err(PyError::value("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(PyError::value("Total of weights must be finite"));
    }
    let hi = n - 1;
    for _ in 0..k {
        let x = with_rng(it, &this, |r| r.random())? * total;
        // bisect_right(cum_weights, x, 0, hi)
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if x < cumf[mid] {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        let i = it.new_i64(lo as i64);
        out.push(it.getitem(&pop, &i)?);
        it.check_items(out.len())?;
    }
    Ok(it.new_list(out))
}

fn shuffle(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let n = it.len_of(&x)?;
    let this = a.this.clone();
    for i in (1..n).rev() {
        let j = with_rng(it, &this, |r| r.below_usize(i + 1))?;
        if let Value::List(l) = &x {
            l.items.borrow_mut().swap(i, j);
            continue;
        }
        let (vi, vj) = (it.new_i64(i as i64), it.new_i64(j as i64));
        let xi = it.getitem(&x, &vi)?;
        let xj = it.getitem(&x, &vj)?;
        it.setitem(&x, &vi, xj)?;
        it.setitem(&x, &vj, xi)?;
    }
    Ok(Value::None)
}

fn sample(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let pop = a.req("population")?;
    let k = a.req("k")?;
    if a.take_some("counts").is_some() {
        return Err(PyError::not_implemented(
            "arrsh's sample does not support counts=",
        ));
    }
    if !matches!(
        pop,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_)
    ) {
        return Err(PyError::population_must_be_sequence());
    }
    let n = it.len_of(&pop)?;
    let k = it.int_value(&k, "")?.to_i64().unwrap_or(-1);
    if k < 0 || k as usize > n {
        return Err(PyError::sample_larger_than_population());
    }
    let k = k as usize;
    let this = a.this.clone();
    let mut setsize = 21usize;
    if k > 5 {
        // 4 ** ceil(log(k * 3, 4)), with CPython's float log
        let e = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(e.ceil() as u32);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = it.collect(&pop)?;
        for i in 0..k {
            let j = with_rng(it, &this, |r| r.below_usize(n - i))?;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = with_rng(it, &this, |r| r.below_usize(n))?;
            while selected.contains(&j) {
                j = with_rng(it, &this, |r| r.below_usize(n))?;
            }
            selected.insert(j);
            let jv = it.new_i64(j as i64);
            result.push(it.getitem(&pop, &jv)?);
        }
    }
    Ok(it.new_list(result))
}

fn float_arg(it: &mut Interp, a: &mut Bound, name: &str, default: f64) -> PyResult<f64> {
    match a.take(name) {
        Some(v) => crate::eval::modules::math::real(it, &v),
        None => Ok(default),
    }
}

fn uniform(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let lo = float_arg(it, &mut a, "a", 0.0)?;
    let hi = float_arg(it, &mut a, "b", 0.0)?;
    let x = with_rng(it, &a.this, |r| r.random())?;
    Ok(it.new_float(lo + (hi - lo) * x))
}

fn gauss(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mu = float_arg(it, &mut a, "mu", 0.0)?;
    let sigma = float_arg(it, &mut a, "sigma", 1.0)?;
    let z = with_rng(it, &a.this, |r| match r.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = r.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - r.random()).ln()).sqrt();
            r.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    })?;
    Ok(it.new_float(mu + z * sigma))
}

fn normalvariate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mu = float_arg(it, &mut a, "mu", 0.0)?;
    let sigma = float_arg(it, &mut a, "sigma", 1.0)?;
    let magic = 4.0 * (-0.5f64).exp() / 2f64.sqrt();
    let z = with_rng(it, &a.this, |r| {
        loop {
            let u1 = r.random();
            let u2 = 1.0 - r.random();
            let z = magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                break z;
            }
        }
    })?;
    let x = mu + z * sigma;
    Ok(it.new_float(if a.func == "lognormvariate" {
        x.exp()
    } else {
        x
    }))
}

fn expovariate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let lambd = float_arg(it, &mut a, "lambd", 1.0)?;
    let u = with_rng(it, &a.this, |r| r.random())?;
    if lambd == 0.0 {
        return Err(PyError::division_by_zero());
    }
    Ok(it.new_float(-(1.0 - u).ln() / lambd))
}

fn triangular(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mut low = float_arg(it, &mut a, "low", 0.0)?;
    let mut high = float_arg(it, &mut a, "high", 1.0)?;
    let mode = match a.take_some("mode") {
        Some(m) => Some(crate::eval::modules::math::real(it, &m)?),
        None => None,
    };
    let mut u = with_rng(it, &a.this, |r| r.random())?;
    let mut c = match mode {
        None => 0.5,
        Some(m) => {
            if high == low {
                return Ok(it.new_float(low));
            }
            (m - low) / (high - low)
        }
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(it.new_float(low + (high - low) * (u * c).sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_words_are_the_ints_32_bit_digits() {
        // (seed, words, why)
        let cases: [(i64, &[u32], &str); 4] = [
            (0, &[0], "zero still gives one word"),
            (42, &[42], "one word"),
            (-42, &[42], "the sign is dropped"),
            (1 << 40, &[0, 256], "two words, least significant first"),
        ];
        for (seed, words, why) in cases {
            assert_eq!(int_words(&BigInt::from(seed)), words, "{why}");
        }
    }

    #[test]
    fn seed_42_gives_cpythons_first_draw() {
        // random.seed(42); random.random() in CPython 3.11
        let mut r = PyRandom {
            mt: Mt19937::from_words(&[42]),
            gauss_next: None,
        };
        assert_eq!(r.random(), 0.6394267984578837);
        // control: NumPy's seeding of the same number differs
        assert_ne!(Mt19937::from_u32(42).next_double(), 0.6394267984578837);
    }
}
