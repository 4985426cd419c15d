//! `numpy.linalg`'s eigenproblems and least squares: `eig`, `eigvals`, `eigh`, `eigvalsh`,
//! `pinv`, `lstsq` —
//! NumPy's `_linalg.py` checks in its order, the numbers from `runtime::lapack` (float64
//! inside, float32 results cast at the end, as `_commonType` says).

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::collections::native_namedtuple;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::lapack::{self, eig, eigh, svd};
use crate::runtime::{DType, NdArray, Order, Scalar};
use std::rc::Rc;

use super::linalg::{array_from, common, result_type, stack_of};
use super::sorting::as_f64;

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.linalg.eig", "(a)", eig_fn),
    Row::np_py("numpy.linalg.eigvals", "(a)", eigvals).returns("ndarray"),
    Row::np_py("numpy.linalg.eigh", "(a, UPLO='L')", eigh_fn),
    Row::np_py("numpy.linalg.eigvalsh", "(a, UPLO='L')", eigvalsh).returns("ndarray"),
    Row::np_py(
        "numpy.linalg.pinv",
        "(a, rcond=None, hermitian=False, *, rtol=<no value>)",
        pinv,
    )
    .returns("ndarray"),
    Row::np_py("numpy.linalg.lstsq", "(a, b, rcond=None)", lstsq),
];

/// `UPLO.upper()` checked: whether the upper triangle is read.
fn uplo(it: &mut Interp, a: &mut Bound) -> PyResult<bool> {
    let text = match a.take("UPLO") {
        None => "L".to_string(),
        Some(Value::Str(s)) => s.v.to_uppercase(),
        Some(v) => {
            let r = it.call_method(&v, "upper", vec![], vec![])?;
            it.repr(&r)?
        }
    };
    match text.as_str() {
        "L" => Ok(false),
        "U" => Ok(true),
        _ => Err(PyError::linalg_bad_uplo()),
    }
}

/// `(w, v)` of every matrix in the stack: `w` stacked `(..., n)`, `v` row-major `(..., n, n)`.
fn symmetric(
    it: &mut Interp,
    x: &Value,
    upper: bool,
    vectors: bool,
) -> PyResult<(Value, Option<Value>)> {
    let s = stack_of(it, x, true)?;
    let n = s.n;
    let (mut ws, mut vs) = (Vec::new(), Vec::new());
    for k in 0..s.count() {
        let (w, z) = eigh::syev(&s.col_major(k), n, upper, vectors)
            .ok_or_else(|| PyError::linalg_no_convergence("Eigenvalues"))?;
        ws.extend(w);
        if vectors {
            vs.extend(lapack::to_row_major(&z, n, n));
        }
    }
    let mut shape = s.lead.clone();
    shape.push(n);
    let w = Value::Array(array_from(it, &shape, &ws, s.result)?);
    if !vectors {
        return Ok((w, None));
    }
    shape.push(n);
    let v = Value::Array(array_from(it, &shape, &vs, s.result)?);
    Ok((w, Some(v)))
}

fn eigh_fn(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let upper = uplo(it, &mut a)?;
    let (w, v) = symmetric(it, &x, upper, true)?;
    let v = v.unwrap_or(Value::None);
    Ok(native_namedtuple(
        it,
        "EighResult",
        &["eigenvalues", "eigenvectors"],
        vec![w, v],
    ))
}

fn eigvalsh(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let upper = uplo(it, &mut a)?;
    Ok(symmetric(it, &x, upper, false)?.0)
}

/// `pinv`: `vt.T @ (1/s)[:, None] * u.T` over the singular values above `rcond * max(s)`.
/// The SVD's vector signs cancel in the product, so the result is NumPy's to the last bits.
fn pinv(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let rcondv = a.take_some("rcond");
    let rtol = a.take("rtol");
    it.refuse_unsupported(&mut a, &["hermitian"])?;
    let rcond = match (rcondv, rtol) {
        (Some(_), Some(_)) => return Err(PyError::pinv_rtol_and_rcond()),
        (Some(r), None) => Some(it.to_float(&r)?),
        (None, None) => Some(1e-15),
        (None, Some(Value::None)) => None,
        (None, Some(r)) => Some(it.to_float(&r)?),
    };
    let s = stack_of(it, &x, false)?;
    let (m, n) = (s.m, s.n);
    let mut shape = s.lead.clone();
    shape.extend([n, m]);
    if m == 0 || n == 0 {
        return Ok(Value::Array(array_from(it, &shape, &[], s.result)?));
    }
    // rtol=None: max(M, N) * finfo(a.dtype).eps, of the input's dtype
    let rcond = rcond.unwrap_or_else(|| {
        let eps = if s.result == DType::FLOAT32 {
            f32::EPSILON as f64
        } else {
            f64::EPSILON
        };
        m.max(n) as f64 * eps
    });
    let k = m.min(n);
    let mut out = Vec::with_capacity(s.count() * m * n);
    for i in 0..s.count() {
        let (u, sv, vt) =
            svd::svd(&s.col_major(i), m, n).ok_or_else(|| PyError::linalg_no_convergence("SVD"))?;
        let cutoff = rcond * sv.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let inv: Vec<f64> = sv
            .iter()
            .map(|&v| if v > cutoff { 1.0 / v } else { 0.0 })
            .collect();
        // res[r, c] = sum_j vt[j, r] * (inv[j] * u[c, j]), one fused chain as dgemm's kernel
        for r in 0..n {
            for c in 0..m {
                let acc = (0..k).fold(0.0, |acc: f64, j| {
                    vt[j + r * k].mul_add(inv[j] * u[c + j * m], acc)
                });
                out.push(acc);
            }
        }
    }
    Ok(Value::Array(array_from(it, &shape, &out, s.result)?))
}

/// `lstsq`: the minimum-norm least-squares solution from the SVD (LAPACK runs `gelsd`; the
/// printed digits agree), residuals only when the rank is full and `m > n`.
fn lstsq(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let av = a.req("a")?;
    let bv = a.req("b")?;
    let rcondv = a.take_some("rcond");
    let aa = it.to_array(&av, None)?;
    let ba = it.to_array(&bv, None)?;
    let is_1d = ba.ndim() == 1;
    if aa.ndim() != 2 {
        return Err(PyError::linalg_not_exactly_2d(aa.ndim()));
    }
    if !is_1d && ba.ndim() != 2 {
        return Err(PyError::linalg_not_exactly_2d(ba.ndim()));
    }
    let (m, n) = (aa.shape()[0], aa.shape()[1]);
    let (m2, nrhs) = if is_1d {
        (ba.shape()[0], 1)
    } else {
        (ba.shape()[0], ba.shape()[1])
    };
    if m != m2 {
        return Err(PyError::lstsq_incompatible());
    }
    let dt = common(result_type(aa.dtype())?, result_type(ba.dtype())?);
    // `_commonType` computes in double: eps is float64's whatever the inputs
    let rcond = match rcondv {
        Some(r) => it.to_float(&r)?,
        None => f64::EPSILON * m.max(n) as f64,
    };
    let adata = lapack::to_col_major(&as_f64(it, &aa)?, m, n);
    let bdata = lapack::to_col_major(&as_f64(it, &ba)?, m, nrhs);
    let k = m.min(n);
    let (u, sv, vt) = if k == 0 {
        (vec![], vec![], vec![])
    } else {
        svd::svd(&adata, m, n).ok_or_else(|| PyError::linalg_no_convergence("SVD"))?
    };
    let smax = sv.first().copied().unwrap_or(0.0);
    let rank = sv.iter().filter(|&&v| v > rcond * smax).count();
    let mut x = vec![0.0; n * nrhs];
    let mut resid = vec![0.0; nrhs];
    for c in 0..nrhs {
        let b = &bdata[c * m..(c + 1) * m];
        for j in 0..rank {
            let coef = (0..m).map(|i| u[i + j * m] * b[i]).sum::<f64>() / sv[j];
            for r in 0..n {
                x[r + c * n] += coef * vt[j + r * k];
            }
        }
        resid[c] = (0..m)
            .map(|i| {
                let ax: f64 = (0..n).map(|r| adata[i + r * m] * x[r + c * n]).sum();
                (b[i] - ax).powi(2)
            })
            .sum();
    }
    let xshape: Vec<usize> = if is_1d { vec![n] } else { vec![n, nrhs] };
    let xr = Value::Array(array_from(
        it,
        &xshape,
        &lapack::to_row_major(&x, n, nrhs),
        dt,
    )?);
    let resid = if rank == n && m > n { resid } else { vec![] };
    let rv = Value::Array(array_from(it, &[resid.len()], &resid, dt)?);
    let rank = it.new_scalar(DType::INT32, Scalar::Int(rank as i64));
    let s = Value::Array(array_from(it, &[sv.len()], &sv, dt)?);
    Ok(it.new_tuple(vec![xr, rv, rank, s]))
}

/// `(wr, wi, vr)` of every matrix of a stack (`dgeev`), after `_assert_finite`.
fn general(
    it: &mut Interp,
    x: &Value,
    vectors: bool,
) -> PyResult<(super::linalg::Stack, Vec<eig::Eig>)> {
    let s = stack_of(it, x, true)?;
    if s.data.iter().any(|v| !v.is_finite()) {
        return Err(PyError::linalg_not_finite());
    }
    let mut out = Vec::with_capacity(s.count());
    for k in 0..s.count() {
        out.push(
            eig::geev(&s.col_major(k), s.n, vectors)
                .ok_or_else(|| PyError::linalg_no_convergence("Eigenvalues"))?,
        );
    }
    Ok((s, out))
}

/// A complex array of `shape` from `(re, im)` pairs, complex64 when `single`.
fn complex_array(
    it: &mut Interp,
    shape: &[usize],
    pairs: &[(f64, f64)],
    single: bool,
) -> PyResult<Rc<NdArray>> {
    let out = NdArray::zeros(&it.ctx, shape, DType::COMPLEX128, Order::C)?;
    let flat: Vec<f64> = pairs.iter().flat_map(|&(r, i)| [r, i]).collect();
    out.buffer().bytes_mut()?[..flat.len() * 8].copy_from_slice(bytemuck::cast_slice(&flat));
    if single {
        crate::runtime::kernels::cast_array(&it.ctx, &out, DType::COMPLEX64, Order::C)
    } else {
        Ok(out)
    }
}

/// The eigenvalues as NumPy returns them: real when every imaginary part is zero.
fn eigenvalues(
    it: &mut Interp,
    s: &super::linalg::Stack,
    es: &[eig::Eig],
) -> PyResult<(Value, bool)> {
    let mut shape = s.lead.clone();
    shape.push(s.n);
    let real = es.iter().all(|e| e.wi.iter().all(|&v| v == 0.0));
    if real {
        let wr: Vec<f64> = es.iter().flat_map(|e| e.wr.clone()).collect();
        return Ok((Value::Array(array_from(it, &shape, &wr, s.result)?), true));
    }
    let pairs: Vec<(f64, f64)> = es
        .iter()
        .flat_map(|e| e.wr.iter().copied().zip(e.wi.iter().copied()))
        .collect();
    let single = s.result == DType::FLOAT32;
    Ok((
        Value::Array(complex_array(it, &shape, &pairs, single)?),
        false,
    ))
}

fn eigvals(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let (s, es) = general(it, &x, false)?;
    Ok(eigenvalues(it, &s, &es)?.0)
}

/// `eig`: `EigResult(eigenvalues, eigenvectors)`; a complex pair's vectors are
/// `vr[:, j] +- 1j * vr[:, j + 1]`, as `_umath_linalg` builds them from `dgeev`'s output.
fn eig_fn(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let (s, es) = general(it, &x, true)?;
    let n = s.n;
    let (w, real) = eigenvalues(it, &s, &es)?;
    let mut shape = s.lead.clone();
    shape.extend([n, n]);
    let v = if real {
        let vs: Vec<f64> = es
            .iter()
            .flat_map(|e| lapack::to_row_major(&e.vr, n, n))
            .collect();
        array_from(it, &shape, &vs, s.result)?
    } else {
        let mut pairs = Vec::with_capacity(es.len() * n * n);
        for e in &es {
            // column j of the complex result, column-major first
            let mut cols = vec![(0.0, 0.0); n * n];
            let mut j = 0;
            while j < n {
                let col = |k: usize| &e.vr[k * n..(k + 1) * n];
                if e.wi[j] == 0.0 || j + 1 == n {
                    for (i, &v) in col(j).iter().enumerate() {
                        cols[i + j * n] = (v, 0.0);
                    }
                    j += 1;
                } else {
                    for i in 0..n {
                        let (re, im) = (col(j)[i], col(j + 1)[i]);
                        cols[i + j * n] = (re, im);
                        cols[i + (j + 1) * n] = (re, -im);
                    }
                    j += 2;
                }
            }
            for i in 0..n {
                for j in 0..n {
                    pairs.push(cols[i + j * n]);
                }
            }
        }
        complex_array(it, &shape, &pairs, s.result == DType::FLOAT32)?
    };
    Ok(native_namedtuple(
        it,
        "EigResult",
        &["eigenvalues", "eigenvectors"],
        vec![w, Value::Array(v)],
    ))
}
