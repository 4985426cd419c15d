//! `numpy.linalg`: the submodule, `LinAlgError`, and `det`, `slogdet`, `inv`, `solve`, `norm`,
//! `matrix_rank`, `svd` — NumPy's `_linalg.py` checks in its order, the numbers from
//! `runtime::lapack` (always in float64, as NumPy's `_commonType` computes; float32 inputs get
//! float32 results, cast at the end as NumPy does).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Origin, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::lapack::{self, lu, qr, svd};
use crate::runtime::{DType, Kind, NdArray, Order, Scalar};

use super::sorting::as_f64;
use crate::eval::modules::collections::native_namedtuple;

pub const ROWS: &[Row] = &[
    Row::module("numpy.linalg", Origin::Site { package: true }),
    Row::np_py("numpy.linalg.det", "(a)", det).returns("ndarray"),
    Row::np_py("numpy.linalg.slogdet", "(a)", slogdet),
    Row::np_py("numpy.linalg.inv", "(a)", inv).returns("ndarray"),
    Row::np_py("numpy.linalg.solve", "(a, b)", solve).returns("ndarray"),
    Row::np_py(
        "numpy.linalg.norm",
        "(x, ord=None, axis=None, keepdims=False)",
        norm,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.linalg.matrix_rank",
        "(A, tol=None, hermitian=False, *, rtol=None)",
        matrix_rank,
    ),
    Row::np_py("numpy.linalg.qr", "(a, mode='reduced')", qr_fn),
    Row::np_py(
        "numpy.linalg.svd",
        "(a, full_matrices=True, compute_uv=True, hermitian=False)",
        svd_fn,
    ),
];

/// A stack of matrices as float64, with the dtype NumPy's `_commonType` gives the result.
pub struct Stack {
    /// The leading (stack) dimensions.
    pub(super) lead: Vec<usize>,
    pub(super) m: usize,
    pub(super) n: usize,
    /// Row-major, matrix after matrix.
    pub(super) data: Vec<f64>,
    pub(super) result: DType,
}

impl Stack {
    pub(super) fn count(&self) -> usize {
        self.lead.iter().product()
    }
    /// Matrix `k` in column-major order.
    pub(super) fn col_major(&self, k: usize) -> Vec<f64> {
        let sz = self.m * self.n;
        lapack::to_col_major(&self.data[k * sz..(k + 1) * sz], self.m, self.n)
    }
}

/// `_commonType`'s result dtype for one array: float32 stays, other floats and all integers
/// and bools compute and return float64; float16 is refused; complex is not yet done.
pub(super) fn result_type(dt: DType) -> PyResult<DType> {
    match dt.kind {
        Kind::Float if dt.itemsize == 2 => Err(PyError::linalg_unsupported_type(&dt.name())),
        Kind::Float if dt.itemsize == 4 => Ok(DType::FLOAT32),
        Kind::Complex => Err(PyError::not_implemented(
            "arrsh's numpy.linalg handles real matrices only",
        )),
        _ => Ok(DType::FLOAT64),
    }
}

pub(super) fn common(a: DType, b: DType) -> DType {
    if a == DType::FLOAT32 && b == DType::FLOAT32 {
        DType::FLOAT32
    } else {
        DType::FLOAT64
    }
}

/// `_assert_stacked_2d` (and `_assert_stacked_square` when `square`), then the data.
pub(super) fn stack_of(it: &mut Interp, v: &Value, square: bool) -> PyResult<Stack> {
    let a = it.to_array(v, None)?;
    let shape = a.shape().to_vec();
    if shape.len() < 2 {
        return Err(PyError::linalg_not_2d(shape.len()));
    }
    let (m, n) = (shape[shape.len() - 2], shape[shape.len() - 1]);
    if square && m != n {
        return Err(PyError::linalg_not_square());
    }
    let result = result_type(a.dtype())?;
    let data = as_f64(it, &a)?;
    Ok(Stack {
        lead: shape[..shape.len() - 2].to_vec(),
        m,
        n,
        data,
        result,
    })
}

/// A new float64 array of `shape` holding `data` (C order), cast to `dt`.
pub(super) fn array_from(
    it: &mut Interp,
    shape: &[usize],
    data: &[f64],
    dt: DType,
) -> PyResult<Rc<NdArray>> {
    let out = NdArray::zeros(&it.ctx, shape, DType::FLOAT64, Order::C)?;
    out.buffer().bytes_mut()?[..data.len() * 8].copy_from_slice(bytemuck::cast_slice(data));
    if dt == DType::FLOAT64 {
        Ok(out)
    } else {
        crate::runtime::kernels::cast_array(&it.ctx, &out, dt, Order::C)
    }
}

/// An array result, or a NumPy scalar when it is 0-d (`det` of one matrix).
fn result(it: &mut Interp, shape: &[usize], data: &[f64], dt: DType) -> PyResult<Value> {
    let a = array_from(it, shape, data, dt)?;
    it.wrap_result(a)
}

fn det(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let s = stack_of(it, &x, true)?;
    let out: Vec<f64> = (0..s.count())
        .map(|k| lu::det(&s.col_major(k), s.n))
        .collect();
    result(it, &s.lead, &out, s.result)
}

/// `slogdet`: the named tuple `SlogdetResult(sign, logabsdet)`.
fn slogdet(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let s = stack_of(it, &x, true)?;
    let (signs, logs): (Vec<f64>, Vec<f64>) = (0..s.count())
        .map(|k| lu::slogdet(&s.col_major(k), s.n))
        .unzip();
    let sign = result(it, &s.lead, &signs, s.result)?;
    let log = result(it, &s.lead, &logs, s.result)?;
    Ok(native_namedtuple(
        it,
        "SlogdetResult",
        &["sign", "logabsdet"],
        vec![sign, log],
    ))
}

fn inv(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let s = stack_of(it, &x, true)?;
    let mut out = Vec::with_capacity(s.data.len());
    for k in 0..s.count() {
        let iv = lu::inv(&s.col_major(k), s.n).map_err(|_| PyError::singular_matrix())?;
        out.extend(lapack::to_row_major(&iv, s.n, s.n));
    }
    let mut shape = s.lead.clone();
    shape.extend([s.n, s.n]);
    Ok(Value::Array(array_from(it, &shape, &out, s.result)?))
}

/// Broadcasts two stacks' leading dimensions (NumPy's rule), or `None`.
fn broadcast_lead(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let nd = a.len().max(b.len());
    let get = |s: &[usize], i: usize| {
        let off = nd - s.len();
        if i < off { 1 } else { s[i - off] }
    };
    (0..nd)
        .map(|i| match (get(a, i), get(b, i)) {
            (x, y) if x == y || y == 1 => Some(x),
            (1, y) => Some(y),
            _ => None,
        })
        .collect()
}

/// The flat index into a stack of `lead` shape for position `k` of the broadcast `out`.
fn source_index(lead: &[usize], out: &[usize], mut k: usize) -> usize {
    let mut idx = vec![0; out.len()];
    for i in (0..out.len()).rev() {
        idx[i] = k % out[i];
        k /= out[i];
    }
    let off = out.len() - lead.len();
    lead.iter().enumerate().fold(0, |acc, (i, &d)| {
        acc * d + if d == 1 { 0 } else { idx[i + off] }
    })
}

fn solve(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let av = a.req("a")?;
    let bv = a.req("b")?;
    let sa = stack_of(it, &av, true)?;
    let b = it.to_array(&bv, None)?;
    let bdt = result_type(b.dtype())?;
    let bshape = b.shape().to_vec();
    let bdata = as_f64(it, &b)?;
    let dt = common(sa.result, bdt);
    let n = sa.n;
    // NumPy 2: a 1-d b is one vector (solve1), anything else a stack of matrices
    let (name, sig, blead, nrhs) = if bshape.len() == 1 {
        ("solve1", "(m,m),(m)->(m)", vec![], 1)
    } else if bshape.is_empty() {
        return Err(PyError::value(
            "solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (m,m),(m,n)->(m,n) requires 2)",
        ));
    } else {
        (
            "solve",
            "(m,m),(m,n)->(m,n)",
            bshape[..bshape.len() - 2].to_vec(),
            bshape[bshape.len() - 1],
        )
    };
    let bm = if bshape.len() == 1 {
        bshape[0]
    } else {
        bshape[bshape.len() - 2]
    };
    if bm != n {
        return Err(PyError::gufunc_core_mismatch(name, 1, 0, sig, bm, n));
    }
    let lead = broadcast_lead(&sa.lead, &blead).ok_or_else(|| {
        PyError::value(format!(
            "{name}: operands could not be broadcast together with remapped shapes [original->remapped]"
        ))
    })?;
    let count: usize = lead.iter().product();
    let bsz = n * nrhs;
    let mut out = Vec::with_capacity(count * bsz);
    for k in 0..count {
        let ka = source_index(&sa.lead, &lead, k);
        let kb = source_index(&blead, &lead, k);
        let mut rhs = lapack::to_col_major(&bdata[kb * bsz..(kb + 1) * bsz], n, nrhs);
        lu::gesv(&sa.col_major(ka), n, &mut rhs, nrhs).map_err(|_| PyError::singular_matrix())?;
        out.extend(lapack::to_row_major(&rhs, n, nrhs));
    }
    let mut shape = lead;
    shape.push(n);
    if bshape.len() != 1 {
        shape.push(nrhs);
    }
    Ok(Value::Array(array_from(it, &shape, &out, dt)?))
}

/// The singular values of every matrix of a stack, descending (`svd(..., compute_uv=False)`).
pub(super) fn singular_values(s: &Stack) -> PyResult<Vec<f64>> {
    let k = s.m.min(s.n);
    let mut out = Vec::with_capacity(s.count() * k);
    for i in 0..s.count() {
        let (_, sv, _) = svd::svd(&s.col_major(i), s.m, s.n)
            .ok_or_else(|| PyError::linalg_no_convergence("SVD"))?;
        out.extend(sv);
    }
    Ok(out)
}

fn svd_fn(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let full = it.arg_bool(&mut a, "full_matrices")?;
    let uv = it.arg_bool(&mut a, "compute_uv")?;
    it.refuse_unsupported(&mut a, &["hermitian"])?;
    let s = stack_of(it, &x, false)?;
    let (m, n) = (s.m, s.n);
    let k = m.min(n);
    let mut sshape = s.lead.clone();
    sshape.push(k);
    if !uv {
        let sv = singular_values(&s)?;
        return Ok(Value::Array(array_from(it, &sshape, &sv, s.result)?));
    }
    let (ucols, vrows) = if full { (m, n) } else { (k, k) };
    let (mut us, mut ss, mut vts) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..s.count() {
        let (u, sv, vt) =
            svd::svd(&s.col_major(i), m, n).ok_or_else(|| PyError::linalg_no_convergence("SVD"))?;
        let u = if full && m > k {
            svd::full_u(&u, m, k)
        } else {
            u
        };
        // vt is k x n; a full vt is n x n: the completion of its transpose
        let vt = if full && n > k {
            let v = svd::transpose(&vt, k, n);
            svd::transpose(&svd::full_u(&v, n, k), n, n)
        } else {
            vt
        };
        us.extend(lapack::to_row_major(&u, m, ucols));
        ss.extend(sv);
        vts.extend(lapack::to_row_major(&vt, vrows, n));
    }
    let mut ushape = s.lead.clone();
    ushape.extend([m, ucols]);
    let mut vshape = s.lead.clone();
    vshape.extend([vrows, n]);
    let u = Value::Array(array_from(it, &ushape, &us, s.result)?);
    let sv = Value::Array(array_from(it, &sshape, &ss, s.result)?);
    let vt = Value::Array(array_from(it, &vshape, &vts, s.result)?);
    Ok(native_namedtuple(
        it,
        "SVDResult",
        &["U", "S", "Vh"],
        vec![u, sv, vt],
    ))
}

fn matrix_rank(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("A")?;
    let tol = a.take_some("tol");
    let rtol = a.take_some("rtol");
    it.refuse_unsupported(&mut a, &["hermitian"])?;
    if tol.is_some() && rtol.is_some() {
        return Err(PyError::rank_tol_and_rtol());
    }
    let arr = it.to_array(&x, None)?;
    if arr.ndim() < 2 {
        let v = as_f64(it, &arr)?;
        let rank = i64::from(!v.iter().all(|&e| e == 0.0));
        return Ok(it.new_i64(rank));
    }
    let s = stack_of(it, &x, false)?;
    let sv = singular_values(&s)?;
    let k = s.m.min(s.n);
    let eps = if s.result == DType::FLOAT32 {
        f32::EPSILON as f64
    } else {
        f64::EPSILON
    };
    let fixed = match &tol {
        Some(t) => Some(it.to_float(t)?),
        None => None,
    };
    let rel = match &rtol {
        Some(r) => it.to_float(r)?,
        None => s.m.max(s.n) as f64 * eps,
    };
    let ranks: Vec<i64> = sv
        .chunks(k.max(1))
        .take(s.count())
        .map(|c| {
            let t =
                fixed.unwrap_or_else(|| c.iter().cloned().fold(f64::NEG_INFINITY, f64::max) * rel);
            c.iter().filter(|&&v| v > t).count() as i64
        })
        .collect();
    if s.lead.is_empty() {
        return Ok(it.new_scalar(
            DType::INT64,
            Scalar::Int(ranks.first().copied().unwrap_or(0)),
        ));
    }
    let out = NdArray::zeros(&it.ctx, &s.lead, DType::INT64, Order::C)?;
    out.buffer().bytes_mut()?[..ranks.len() * 8].copy_from_slice(bytemuck::cast_slice(&ranks));
    Ok(Value::Array(out))
}

/// `ord=` of `norm`: absent, a number (`inf` too) or a string (`'fro'`, `'nuc'`).
enum NormOrd {
    Default,
    Num(f64),
    Text(String),
}

fn norm(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let xv = a.req("x")?;
    let ordv = a.take_some("ord");
    let axisv = a.take_some("axis");
    let keepdims = it.arg_bool(&mut a, "keepdims")?;
    let mut x = it.to_array(&xv, None)?;
    if x.dtype().kind == Kind::Complex {
        return Err(PyError::not_implemented(
            "arrsh's numpy.linalg handles real matrices only",
        ));
    }
    if !matches!(x.dtype().kind, Kind::Float) {
        x = crate::runtime::kernels::cast_array(&it.ctx, &x, DType::FLOAT64, Order::C)?;
    }
    let ord = match &ordv {
        None => NormOrd::Default,
        Some(Value::Str(s)) => NormOrd::Text(s.v.to_string()),
        Some(v) => NormOrd::Num(it.to_float(v)?),
    };
    let nd = x.ndim();
    if axisv.is_none() {
        let simple = match &ord {
            NormOrd::Default => true,
            NormOrd::Text(t) => (t == "f" || t == "fro") && nd == 2,
            NormOrd::Num(p) => *p == 2.0 && nd == 1,
        };
        if simple {
            let dt = x.dtype();
            let v = as_f64(it, &x)?;
            let r = if dt == DType::FLOAT64 {
                lapack::ddot(&v, &v).sqrt()
            } else if dt == DType::FLOAT32 {
                // sdot's tail: float32 products summed one at a time
                v.iter()
                    .fold(0f32, |s, &e| s + (e as f32) * (e as f32))
                    .sqrt() as f64
            } else {
                v.iter()
                    .fold(0f32, |s, &e| s + (e as f32) * (e as f32))
                    .sqrt() as f64
            };
            let out = array_from(it, &vec![1; if keepdims { nd } else { 0 }], &[r], dt)?;
            return it.wrap_result(out);
        }
    }
    let axes: Vec<usize> = match &axisv {
        None => (0..nd).collect(),
        Some(Value::Tuple(t)) => {
            let mut out = Vec::new();
            for v in t.items.iter() {
                let ax = it.int_value(v, "").map_err(|_| PyError::norm_bad_axis())?;
                out.push(ax.to_i64().unwrap_or(i64::MAX));
            }
            out.into_iter()
                .map(|ax| normalize_axis(ax, nd))
                .collect::<PyResult<_>>()?
        }
        Some(v) => {
            // NumPy tries `int(axis)`, so a float truncates
            let ax = match v {
                Value::Float(f) if f.v.is_finite() => f.v.trunc() as i64,
                _ => it
                    .int_value(v, "")
                    .map_err(|_| PyError::norm_bad_axis())?
                    .to_i64()
                    .unwrap_or(i64::MAX),
            };
            vec![normalize_axis(ax, nd)?]
        }
    };
    let xa = Value::Array(x);
    let kw = |it: &mut Interp, axis: usize, keep: bool| {
        let ax = it.new_i64(axis as i64);
        vec![
            ("axis".to_string(), ax),
            ("keepdims".to_string(), Value::Bool(keep)),
        ]
    };
    match axes.len() {
        1 => {
            let ax = axes[0];
            let absx = it.call_numpy("numpy.absolute", vec![xa.clone()], vec![])?;
            match ord {
                NormOrd::Num(p) if p == f64::INFINITY => {
                    let k = kw(it, ax, keepdims);
                    it.call_method(&absx, "max", vec![], k)
                }
                NormOrd::Num(p) if p == f64::NEG_INFINITY => {
                    let k = kw(it, ax, keepdims);
                    it.call_method(&absx, "min", vec![], k)
                }
                NormOrd::Num(0.0) => {
                    let zero = it.new_i64(0);
                    let nz =
                        it.numpy_binary(&xa, crate::runtime::kernels::BinaryOp::Ne, &zero, "!=")?;
                    let dt = it.to_array(&xa, None)?.dtype();
                    let dtv = it.new_dtype(dt);
                    let f = it.call_method(&nz, "astype", vec![dtv], vec![])?;
                    let k = kw(it, ax, keepdims);
                    it.call_method(&f, "sum", vec![], k)
                }
                NormOrd::Num(1.0) => {
                    let k = kw(it, ax, keepdims);
                    it.call_method(&absx, "sum", vec![], k)
                }
                NormOrd::Default | NormOrd::Num(2.0) => {
                    let sq =
                        it.numpy_binary(&xa, crate::runtime::kernels::BinaryOp::Mul, &xa, "*")?;
                    let k = kw(it, ax, keepdims);
                    let s = it.call_method(&sq, "sum", vec![], k)?;
                    it.call_numpy("numpy.sqrt", vec![s], vec![])
                }
                NormOrd::Text(t) => Err(PyError::norm_invalid_vector_order(&t)),
                NormOrd::Num(p) => {
                    let pv = it.new_float(p);
                    let powed = it.call_numpy("numpy.power", vec![absx, pv], vec![])?;
                    let k = kw(it, ax, keepdims);
                    let s = it.call_method(&powed, "sum", vec![], k)?;
                    let dt = it.to_array(&s, None)?.dtype();
                    let r = it.new_scalar(dt, Scalar::Float(1.0 / p));
                    it.call_numpy("numpy.power", vec![s, r], vec![])
                }
            }
        }
        2 => {
            let (row, col) = (axes[0], axes[1]);
            if row == col {
                return Err(PyError::norm_duplicate_axes());
            }
            let absx = it.call_numpy("numpy.absolute", vec![xa.clone()], vec![])?;
            let sum_max = |it: &mut Interp, sum_ax: usize, red_ax: usize, f: &str| {
                let k = kw(it, sum_ax, false);
                let s = it.call_method(&absx, "sum", vec![], k)?;
                let red = if red_ax > sum_ax { red_ax - 1 } else { red_ax };
                let k = kw(it, red, false);
                it.call_method(&s, f, vec![], k)
            };
            let r = match ord {
                NormOrd::Num(p) if p == 2.0 || p == -2.0 => {
                    svd_norm(it, &xa, row, col, if p > 0.0 { "max" } else { "min" })?
                }
                NormOrd::Num(1.0) => sum_max(it, row, col, "max")?,
                NormOrd::Num(-1.0) => sum_max(it, row, col, "min")?,
                NormOrd::Num(p) if p == f64::INFINITY => sum_max(it, col, row, "max")?,
                NormOrd::Num(p) if p == f64::NEG_INFINITY => sum_max(it, col, row, "min")?,
                NormOrd::Default => fro(it, &xa, row, col)?,
                NormOrd::Text(t) if t == "fro" || t == "f" => fro(it, &xa, row, col)?,
                NormOrd::Text(t) if t == "nuc" => svd_norm(it, &xa, row, col, "sum")?,
                _ => return Err(PyError::norm_invalid_matrix_order()),
            };
            if keepdims {
                let mut shape: Vec<i128> = it
                    .to_array(&xa, None)?
                    .shape()
                    .iter()
                    .map(|&d| d as i128)
                    .collect();
                shape[row] = 1;
                shape[col] = 1;
                let sv = it.int_tuple(shape);
                let ra = Value::Array(it.to_array(&r, None)?);
                return it.call_method(&ra, "reshape", vec![sv], vec![]);
            }
            Ok(r)
        }
        _ => Err(PyError::norm_improper_dims()),
    }
}

/// `sqrt(add.reduce(x * x, axis=(row, col)))`.
fn fro(it: &mut Interp, x: &Value, row: usize, col: usize) -> PyResult<Value> {
    let sq = it.numpy_binary(x, crate::runtime::kernels::BinaryOp::Mul, x, "*")?;
    let axes = it.int_tuple([row as i128, col as i128]);
    let s = it.call_method(&sq, "sum", vec![], vec![("axis".into(), axes)])?;
    it.call_numpy("numpy.sqrt", vec![s], vec![])
}

/// `_multi_svd_norm`: the singular values of the matrices on axes `(row, col)`, reduced by
/// `op` (`max`, `min`, `sum`) along the last axis.
fn svd_norm(it: &mut Interp, x: &Value, row: usize, col: usize, op: &str) -> PyResult<Value> {
    let src = it.int_tuple([row as i128, col as i128]);
    let dst = it.int_tuple([-2, -1]);
    let y = it.call_numpy("numpy.moveaxis", vec![x.clone(), src, dst], vec![])?;
    let s = stack_of(it, &y, false)?;
    let sv = singular_values(&s)?;
    let mut shape = s.lead.clone();
    shape.push(s.m.min(s.n));
    let arr = Value::Array(array_from(it, &shape, &sv, s.result)?);
    let ax = it.new_i64(-1);
    it.call_method(&arr, op, vec![], vec![("axis".into(), ax)])
}

/// `qr(a, mode)`: `geqrf`, then `R = triu(a[:mc])` and `Q` from `orgqr` (`mode='r'`: R only).
fn qr_fn(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let mode = match a.take("mode") {
        None => "reduced".to_string(),
        Some(Value::Str(s)) => s.v.to_string(),
        Some(v) => it.repr(&v)?,
    };
    if !matches!(mode.as_str(), "reduced" | "complete" | "r" | "raw") {
        return Err(PyError::value(format!("Unrecognized mode '{mode}'")));
    }
    if mode == "raw" {
        return Err(PyError::not_implemented("arrsh's qr has no mode='raw'"));
    }
    let s = stack_of(it, &x, false)?;
    let (m, n) = (s.m, s.n);
    let k = m.min(n);
    let mc = if mode == "complete" && m > n { m } else { k };
    let (mut qs, mut rs) = (Vec::new(), Vec::new());
    for i in 0..s.count() {
        let mut f = s.col_major(i);
        let tau = qr::geqrf(&mut f, m, n);
        let mut r = vec![0.0; mc * n];
        for row in 0..mc.min(m) {
            for col in row..n {
                r[row * n + col] = f[row + col * m];
            }
        }
        rs.extend(r);
        if mode != "r" {
            let q = qr::orgqr(&f, m, n, &tau, mc);
            qs.extend(lapack::to_row_major(&q, m, mc));
        }
    }
    let mut rshape = s.lead.clone();
    rshape.extend([mc, n]);
    let r = Value::Array(array_from(it, &rshape, &rs, s.result)?);
    if mode == "r" {
        return Ok(r);
    }
    let mut qshape = s.lead.clone();
    qshape.extend([m, mc]);
    let q = Value::Array(array_from(it, &qshape, &qs, s.result)?);
    Ok(native_namedtuple(it, "QRResult", &["Q", "R"], vec![q, r]))
}
