//! Reductions (`sum`, `prod`, `min`, `max`, `mean`, `argmin`, `argmax`) over all elements or one
//! axis, summing floats pairwise in NumPy's order so results agree to the last bit.

use std::rc::Rc;

use ndarray::{ArrayD, ArrayViewD, Axis, IxDyn};

use super::elem::{Elem, Family, dispatch};
use super::ops::Arith;
use super::{Ctx, read_as, typed_view_mut};
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::layout::Order;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReduceOp {
    Sum,
    Prod,
    Min,
    Max,
    ArgMin,
    ArgMax,
}

impl ReduceOp {
    fn ufunc_name(self) -> &'static str {
        match self {
            ReduceOp::Sum => "add",
            ReduceOp::Prod => "multiply",
            ReduceOp::Min | ReduceOp::ArgMin => "minimum",
            ReduceOp::Max | ReduceOp::ArgMax => "maximum",
        }
    }
}

/// numpy's unrolled pairwise summation (`@TYPE@_pairwise_sum`, blocks of 128, 8 accumulators).
fn pairwise_sum<T: Arith>(a: &[T]) -> T {
    let n = a.len();
    if n < 8 {
        let mut res = T::from_f64(-0.0);
        for &x in a {
            res = res.add(x);
        }
        res
    } else if n <= 128 {
        let mut r = [T::default(); 8];
        r.copy_from_slice(&a[..8]);
        let mut i = 8;
        while i < n - (n % 8) {
            for j in 0..8 {
                r[j] = r[j].add(a[i + j]);
            }
            i += 8;
        }
        let mut res = r[0]
            .add(r[1])
            .add(r[2].add(r[3]))
            .add(r[4].add(r[5]).add(r[6].add(r[7])));
        while i < n {
            res = res.add(a[i]);
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_sum(&a[..n2]).add(pairwise_sum(&a[n2..]))
    }
}

/// Sum of one lane in NumPy's order: `0 + pairwise(lane)` for floats (so `[0.1, 0.2, 0.3]`
/// sums to 0.6000000000000001 and `[-0.0]` to 0.0, as NumPy's do).
fn lane_sum<T: Arith>(lane: &ArrayViewD<'_, T>, contiguous_rest: Option<&[T]>) -> T {
    if T::FAMILY != Family::Float {
        return lane.iter().fold(T::from_i64(0), |acc, &x| acc.add(x));
    }
    // numpy starts the accumulator at the identity and adds the pairwise sum of the lane
    match contiguous_rest {
        Some(all) => T::from_i64(0).add(pairwise_sum(all)),
        None => {
            let v: Vec<T> = lane.iter().copied().collect();
            T::from_i64(0).add(pairwise_sum(&v))
        }
    }
}

fn lane_reduce<T: Arith>(op: ReduceOp, lane: &ArrayViewD<'_, T>) -> T {
    match op {
        ReduceOp::Sum => lane_sum(lane, lane.as_slice()),
        ReduceOp::Prod => lane.iter().fold(T::from_i64(1), |acc, &x| acc.mul(x)),
        ReduceOp::Min => lane
            .iter()
            .copied()
            .reduce(|a, b| a.min_nan(b))
            .unwrap_or_default(),
        ReduceOp::Max => lane
            .iter()
            .copied()
            .reduce(|a, b| a.max_nan(b))
            .unwrap_or_default(),
        ReduceOp::ArgMin | ReduceOp::ArgMax => T::default(), // see arg_extreme
    }
}

/// Index of the first minimum/maximum (the first NaN wins, as in NumPy).
fn arg_extreme<T: Arith>(op: ReduceOp, lane: &ArrayViewD<'_, T>) -> usize {
    let mut best: Option<(usize, T)> = None;
    for (i, &x) in lane.iter().enumerate() {
        if x.partial_cmp(&x).is_none() {
            return i; // NaN
        }
        best = match best {
            None => Some((i, x)),
            Some((bi, bx)) => {
                let better = if op == ReduceOp::ArgMin {
                    x < bx
                } else {
                    x > bx
                };
                if better { Some((i, x)) } else { Some((bi, bx)) }
            }
        };
    }
    best.map_or(0, |(i, _)| i)
}

/// Reduces `a` (values cast to `acc`) over all axes (`axis = None`, a 0-d result) or one axis.
/// Arg-reductions give int64 indices.
pub fn reduce(
    ctx: &Ctx,
    op: ReduceOp,
    a: &NdArray,
    axis: Option<usize>,
    acc: DType,
) -> PyResult<Rc<NdArray>> {
    let empty_lane = match axis {
        None => a.size() == 0,
        Some(ax) => a.shape()[ax] == 0,
    };
    if empty_lane && !matches!(op, ReduceOp::Sum | ReduceOp::Prod) {
        return Err(if matches!(op, ReduceOp::ArgMin | ReduceOp::ArgMax) {
            PyError::value(format!(
                "attempt to get {} of an empty sequence",
                if op == ReduceOp::ArgMin {
                    "argmin"
                } else {
                    "argmax"
                }
            ))
        } else {
            PyError::value(format!(
                "zero-size array to reduction operation {} which has no identity",
                op.ufunc_name()
            ))
        });
    }
    let is_arg = matches!(op, ReduceOp::ArgMin | ReduceOp::ArgMax);
    dispatch!(acc, T => {
        let bytes = a.buffer().bytes()?;
        let values = read_as::<T>(a.dtype(), &a.layout(), &bytes);
        ctx.check_interrupt()?;
        let flat_values: Vec<T>;
        let whole: ArrayViewD<'_, T> = match (axis, values.as_slice()) {
            (Some(_), _) => values.view(),
            (None, Some(s)) => ArrayViewD::from_shape(IxDyn(&[s.len()]), s).map_err(|_| internal())?,
            (None, None) => {
                flat_values = values.iter().copied().collect();
                ArrayViewD::from_shape(IxDyn(&[flat_values.len()]), &flat_values).map_err(|_| internal())?
            }
        };
        let ax = Axis(axis.unwrap_or(0));
        if is_arg {
            let idx = whole.map_axis(ax, |lane| arg_extreme(op, &lane.into_dyn()) as i64);
            return finish::<i64>(ctx, idx);
        }
        finish::<T>(ctx, whole.map_axis(ax, |lane| lane_reduce(op, &lane.into_dyn())))
    }, _ => Err(PyError::not_implemented(format!("arrsh cannot yet reduce dtype {}", acc.name()))))
}

fn finish<T: Elem>(ctx: &Ctx, out: ArrayD<T>) -> PyResult<Rc<NdArray>> {
    let result = NdArray::zeros(ctx, out.shape(), T::DTYPE, Order::C)?;
    {
        let mut rb = result.buffer().bytes_mut()?;
        let mut rv = typed_view_mut::<T>(&mut rb, &result.layout()).ok_or_else(internal)?;
        rv.assign(&out);
    }
    Ok(result)
}

fn internal() -> PyError {
    PyError::new(
        crate::error::ErrorKind::RuntimeError,
        "arrsh internal error: reduction view",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_matches_numpy_order() {
        // np.sum(np.arange(1, 1001) / 7): pairwise differs from a left fold in the last bits
        let v: Vec<f64> = (1..=1000).map(|i| i as f64 / 7.0).collect();
        let np_result = 0.0 + pairwise_sum(&v);
        let naive: f64 = v.iter().sum();
        assert!((np_result - naive).abs() < 1e-9);
        assert_eq!(pairwise_sum::<f64>(&[]), -0.0);
        assert_eq!(
            0.0 + pairwise_sum(&[0.1, 0.2, 0.3]),
            0.6000000000000001,
            "numpy: f.sum()"
        );
    }
}
