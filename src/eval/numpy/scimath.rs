//! `np.emath` (`numpy.lib.scimath`): `sqrt`, `log`, `log2`, `log10`, `logn`, `power`, `arccos`,
//! `arcsin` and `arctanh` that answer in complex numbers where the real function has no real
//! answer (`np.emath.sqrt(-1)` is `1j`), composed as NumPy's Python composes them: the input is
//! made complex only when some real element is out of the real domain, then the ordinary ufunc
//! runs.

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Origin, Row};

use super::grids::np_call;

pub const ROWS: &[Row] = &[
    Row::module("numpy.lib.scimath", Origin::Site { package: false }),
    // `np.emath` is that module under another name (not importable as `numpy.emath`)
    Row::alias("numpy.emath", "numpy.lib.scimath"),
    Row::np_py("numpy.lib.scimath.sqrt", "(x)", sqrt),
    Row::np_py("numpy.lib.scimath.log", "(x)", log),
    Row::np_py("numpy.lib.scimath.log2", "(x)", log2),
    Row::np_py("numpy.lib.scimath.log10", "(x)", log10),
    Row::np_py("numpy.lib.scimath.logn", "(n, x)", logn),
    Row::np_py("numpy.lib.scimath.power", "(x, p)", power),
    Row::np_py("numpy.lib.scimath.arccos", "(x)", arccos),
    Row::np_py("numpy.lib.scimath.arcsin", "(x)", arcsin),
    Row::np_py("numpy.lib.scimath.arctanh", "(x)", arctanh),
];

/// Which elements leave the real domain.
#[derive(Clone, Copy)]
enum Domain {
    /// `x < 0` (`_fix_real_lt_zero`, `_fix_int_lt_zero`).
    Negative,
    /// `abs(x) > 1` (`_fix_real_abs_gt_1`).
    AbsAboveOne,
}

/// `any(isreal(x) & out_of_domain(x))` for `x = asarray(x)`.
fn leaves_domain(it: &mut Interp, x: &Value, domain: Domain) -> PyResult<bool> {
    let real = np_call(it, "isreal", vec![x.clone()], vec![])?;
    let zero_or_one = it.new_i64(match domain {
        Domain::Negative => 0,
        Domain::AbsAboveOne => 1,
    });
    let outside = match domain {
        Domain::Negative => np_call(it, "less", vec![x.clone(), zero_or_one], vec![])?,
        Domain::AbsAboveOne => {
            let abs = np_call(it, "absolute", vec![x.clone()], vec![])?;
            np_call(it, "greater", vec![abs, zero_or_one], vec![])?
        }
    };
    let both = np_call(it, "logical_and", vec![real, outside], vec![])?;
    let any = np_call(it, "any", vec![both], vec![])?;
    it.truthy(&any)
}

/// `_tocomplex`: complex64 for the types whose values it holds exactly (float32, int8, int16,
/// uint8, uint16, complex64), complex128 for the rest.
fn to_complex(it: &mut Interp, x: &Value) -> PyResult<Value> {
    let small = x
        .as_array()
        .is_some_and(|a| matches!(a.dtype().char(), 'f' | 'b' | 'h' | 'B' | 'H' | 'F'));
    let target = it.module_attr("numpy", if small { "complex64" } else { "complex128" })?;
    let astype = it.getattr(x, "astype")?;
    it.call(&astype, vec![target], vec![])
}

/// `x` as an array, complex when some real element is outside the real domain.
fn fix(it: &mut Interp, x: Value, domain: Domain) -> PyResult<Value> {
    let x = np_call(it, "asarray", vec![x], vec![])?;
    if leaves_domain(it, &x, domain)? {
        to_complex(it, &x)
    } else {
        Ok(x)
    }
}

fn unary(it: &mut Interp, mut a: Bound, ufunc: &str, domain: Domain) -> PyResult<Value> {
    let x = fix(it, a.req("x")?, domain)?;
    np_call(it, ufunc, vec![x], vec![])
}

fn sqrt(it: &mut Interp, a: Bound) -> PyResult<Value> {
    unary(it, a, "sqrt", Domain::Negative)
}

fn log(it: &mut Interp, a: Bound) -> PyResult<Value> {
    unary(it, a, "log", Domain::Negative)
}

fn log2(it: &mut Interp, a: Bound) -> PyResult<Value> {
    unary(it, a, "log2", Domain::Negative)
}

fn log10(it: &mut Interp, a: Bound) -> PyResult<Value> {
    unary(it, a, "log10", Domain::Negative)
}

fn arccos(it: &mut Interp, a: Bound) -> PyResult<Value> {
    unary(it, a, "arccos", Domain::AbsAboveOne)
}

fn arcsin(it: &mut Interp, a: Bound) -> PyResult<Value> {
    unary(it, a, "arcsin", Domain::AbsAboveOne)
}

fn arctanh(it: &mut Interp, a: Bound) -> PyResult<Value> {
    unary(it, a, "arctanh", Domain::AbsAboveOne)
}

/// `log(x) / log(n)`, both made complex as needed.
fn logn(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = fix(it, a.req("x")?, Domain::Negative)?;
    let n = fix(it, a.req("n")?, Domain::Negative)?;
    let lx = np_call(it, "log", vec![x], vec![])?;
    let ln = np_call(it, "log", vec![n], vec![])?;
    np_call(it, "divide", vec![lx, ln], vec![])
}

/// `power(x, p)`: a negative real `x` made complex, a negative integer `p` made float
/// (`_fix_int_lt_zero`: `p * 1.0`).
fn power(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = fix(it, a.req("x")?, Domain::Negative)?;
    let p = np_call(it, "asarray", vec![a.req("p")?], vec![])?;
    let p = if leaves_domain(it, &p, Domain::Negative)? {
        let one = it.new_float(1.0);
        np_call(it, "multiply", vec![p, one], vec![])?
    } else {
        p
    };
    np_call(it, "power", vec![x, p], vec![])
}
