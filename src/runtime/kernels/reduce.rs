//! Reductions (`sum`, `prod`, `min`, `max`, `argmin`, `argmax`) over any set of axes, and
//! accumulations (`cumsum`, `cumprod`), in the order NumPy's iterator visits elements, so float
//! results agree with NumPy to the last bit.
//!
//! NumPy's order, as `np.add.reduce` shows it (checked against NumPy 2.4 on random data):
//! 1. the axes are visited outermost to innermost by decreasing byte stride (C order on ties);
//!    neighbouring reduced axes that are contiguous in memory merge into one lane;
//! 2. when the innermost axis is reduced, each lane is summed pairwise and added to the running
//!    result (`out += pairwise(lane)`); when it is kept, every element is added in turn, so a
//!    sum over a C array's axis 0 is a plain left fold;
//! 3. the running sum starts at the identity, 0 (so `np.sum([-0.0])` is 0.0);
//! 4. when the input must be cast first (a `dtype=` or byte order that differs, ints in `mean`),
//!    NumPy works through 8192-element buffers, so a long lane is summed pairwise per buffer.

use std::rc::Rc;

use ndarray::{ArrayD, ArrayViewD, ArrayViewMutD, Axis, IxDyn, Slice, Zip};

use super::arith::Arith;
use super::elem::{Elem, dispatch};
use super::{Ctx, blocks, read_as, typed_view_mut};
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::layout::{Layout, Order};
use crate::runtime::scalar::Scalar;

/// NumPy's ufunc buffer size: the longest stretch a casting reduction sums pairwise (rule 4).
const BUFFER_ELEMS: usize = 8192;

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
    fn is_arg(self) -> bool {
        matches!(self, ReduceOp::ArgMin | ReduceOp::ArgMax)
    }
}

/// Reduces `a` (values cast to `acc`) over `axes` (`None`: all of them, a 0-d result), starting
/// from `initial` when given (NumPy's `initial=`). The result drops the reduced axes (the caller
/// adds them back for `keepdims`). Arg-reductions take at most one axis and give int64 indices
/// into the C-ordered lane.
pub fn reduce(
    ctx: &Ctx,
    op: ReduceOp,
    a: &NdArray,
    axes: Option<&[usize]>,
    acc: DType,
    initial: Option<&Scalar>,
) -> PyResult<Rc<NdArray>> {
    let nd = a.ndim();
    let mut reduced = vec![axes.is_none(); nd];
    for &ax in axes.unwrap_or(&[]) {
        reduced[ax] = true;
    }
    let shape = a.shape().to_vec();
    // an empty lane has no first element: refused even when there are no lanes at all
    // (np.zeros((0, 0)).max(axis=1)), but not when lanes merely are many and empty-handed
    // (np.zeros((0, 3)).max(axis=1) is an empty array)
    let lane_empty = shape.iter().zip(&reduced).any(|(&n, &r)| r && n == 0);
    let no_identity =
        lane_empty && initial.is_none() && !matches!(op, ReduceOp::Sum | ReduceOp::Prod);
    if no_identity && op.is_arg() {
        return Err(PyError::arg_of_empty_sequence(op == ReduceOp::ArgMin));
    }
    let final_shape: Vec<usize> = shape
        .iter()
        .zip(&reduced)
        .filter(|(_, r)| !**r)
        .map(|(&n, _)| n)
        .collect();
    dispatch!(acc, T => {
        if op.is_arg() {
            let bytes = a.buffer().bytes()?;
            let values = read_as::<T>(ctx, a.dtype(), &a.layout(), &bytes)?;
            ctx.check_interrupt()?;
            return arg_reduce::<T>(ctx, op, values.view(), axes.and_then(|x| x.first().copied()));
        }
        // the result first: an impossible one is NumPy's MemoryError before any work, and the
        // reduction runs straight into its memory (no temporary result)
        let result = NdArray::zeros(ctx, &final_shape, T::DTYPE, Order::C)?;
        // then the identity check (NumPy's `PyArray_CopyInitialReduceValues`, after the
        // allocation: `np.zeros((3, 2**58, 0)).max(axis=2)` is a MemoryError)
        if no_identity {
            return Err(PyError::zero_size_reduction(op.ufunc_name()));
        }
        if result.size() == 0 {
            return Ok(result);
        }
        {
            let keep_shape: Vec<usize> = shape
                .iter()
                .zip(&reduced)
                .map(|(&n, &r)| if r { 1 } else { n })
                .collect();
            let keep = Layout::contiguous(&keep_shape, T::DTYPE.itemsize, Order::C);
            let mut rb = result.buffer().bytes_mut()?;
            let out = typed_view_mut::<T>(&mut rb, &keep).ok_or_else(internal)?;
            let bytes = a.buffer().bytes()?;
            let start = initial.map(T::from_scalar);
            reduce_into::<T>(ctx, op, a.dtype(), &a.layout(), &bytes, &reduced, start, out)?;
        }
        if matches!(op, ReduceOp::Sum | ReduceOp::Prod) && super::fpcheck::inexact::<T>() {
            let rb = result.buffer().bytes()?;
            if let Some(rv) = super::typed_view::<T>(&rb, &result.layout()) {
                super::fpcheck::reduction::<T>(ctx, a, &rv)?;
            }
        }
        Ok(result)
    }, _ => Err(PyError::not_implemented(format!("arrsh cannot yet reduce dtype {}", acc.name()))))
}

/// The axes in the order NumPy's iterator nests them, outermost first (rule 1); length-1 axes
/// go outermost, where they change nothing.
fn iteration_order(layout: &Layout) -> Vec<usize> {
    let mut order: Vec<usize> = (0..layout.ndim()).collect();
    // stable: on equal strides the later axis stays inner (C order)
    order.sort_by_key(|&ax| {
        let n = layout.shape[ax];
        let key = if n <= 1 {
            usize::MAX
        } else {
            layout.strides[ax].unsigned_abs()
        };
        std::cmp::Reverse(key)
    });
    order
}

/// How many innermost axes (in iteration order) form one pairwise lane: reduced axes that are
/// contiguous with each other in memory (rule 1). Zero when the innermost axis is kept.
fn lane_axes(layout: &Layout, order: &[usize], reduced: &[bool]) -> usize {
    let Some(&inner) = order.last() else {
        return 0;
    };
    if !reduced[inner] || layout.shape[inner] <= 1 {
        return usize::from(reduced[inner]);
    }
    let mut count = 1;
    let mut span = layout.strides[inner] * layout.shape[inner] as isize;
    for &ax in order.iter().rev().skip(1) {
        if !reduced[ax] || layout.shape[ax] <= 1 || layout.strides[ax] != span {
            break;
        }
        span *= layout.shape[ax] as isize;
        count += 1;
    }
    count
}

/// The reduction proper, into `out` (keepdims-shaped, in `T`): starting values (rule 3), then
/// every element in NumPy's order. Values already of type `T` are read in place; values to cast
/// go through a block at a time (rule 4), never a whole-array temporary: `x.sum()` of a uint8
/// array costs a block of uint64s, not eight times the array.
#[allow(clippy::too_many_arguments)]
fn reduce_into<T: Arith>(
    ctx: &Ctx,
    op: ReduceOp,
    dt: DType,
    layout: &Layout,
    bytes: &[u8],
    reduced: &[bool],
    initial: Option<T>,
    mut out: ArrayViewMutD<'_, T>,
) -> PyResult<()> {
    match op {
        _ if initial.is_some() => out.fill(initial.unwrap_or_default()),
        ReduceOp::Sum => out.fill(T::from_i64(0)),
        ReduceOp::Prod => out.fill(T::from_i64(1)),
        _ if layout.is_empty() => out.fill(T::default()),
        // min/max start from the first element of each lane (NumPy's reduce without identity)
        _ => {
            let mut first = layout.clone();
            for (ax, &r) in reduced.iter().enumerate() {
                if r {
                    first.shape[ax] = 1;
                }
            }
            let v = read_as::<T>(ctx, dt, &first, bytes)?;
            out.assign(&*v);
        }
    }
    if layout.is_empty() {
        return Ok(());
    }
    let order = iteration_order(layout);
    let lanes = lane_axes(layout, &order, reduced);
    let red: Vec<bool> = order.iter().map(|&ax| reduced[ax]).collect();
    if dt == T::DTYPE {
        // no cast: in place when the bytes are viewable as `T` (a gathered copy otherwise)
        let v = read_as::<T>(ctx, dt, layout, bytes)?;
        ctx.check_interrupt()?;
        let walker = Walker {
            op,
            red: &red,
            lanes,
            cast: false,
        };
        walker.walk(
            v.view().permuted_axes(order.clone()),
            out.permuted_axes(order),
        );
        return ctx.check_interrupt();
    }
    // a cast: the lane axes (stride-contiguous, rule 1) merged into one axis, so a long lane
    // is cut only at multiples of NumPy's buffer and sums exactly as one pass would
    let perm = layout.permuted(&order);
    let mut out = out.permuted_axes(order);
    let nd = perm.ndim();
    let (blk, red) = if lanes > 1 {
        let first_lane = nd - lanes;
        let mut merged = Layout {
            shape: perm.shape[..first_lane].to_vec(),
            strides: perm.strides[..first_lane].to_vec(),
            offset_bytes: perm.offset_bytes,
        };
        merged.shape.push(perm.shape[first_lane..].iter().product());
        merged.strides.push(perm.strides[nd - 1]);
        for _ in 1..lanes {
            let last = out.ndim() - 1;
            out = out.index_axis_move(Axis(last), 0);
        }
        let mut red = red[..first_lane].to_vec();
        red.push(true);
        (merged, red)
    } else {
        (perm, red)
    };
    let walker = Walker {
        op,
        red: &red,
        lanes: lanes.min(1),
        cast: true,
    };
    blocks::for_each_block(ctx, &blk.shape, blocks::BLOCK_ELEMS, &mut |b| {
        let v = read_as::<T>(ctx, dt, &blocks::sub_layout(&blk, b), bytes)?;
        let part = out.slice_each_axis_mut(|d| {
            let ax = d.axis.index();
            if red[ax] {
                Slice::from(..)
            } else {
                Slice::from(b[ax].0..b[ax].0 + b[ax].1)
            }
        });
        walker.walk(v.view(), part);
        Ok(())
    })
}

struct Walker<'r> {
    op: ReduceOp,
    /// Whether each axis (in iteration order) is reduced.
    red: &'r [bool],
    /// Innermost axes forming one lane (see `lane_axes`).
    lanes: usize,
    cast: bool,
}

impl Walker<'_> {
    fn walk<T: Arith>(&self, v: ArrayViewD<'_, T>, mut out: ArrayViewMutD<'_, T>) {
        let depth = self.red.len() - v.ndim();
        if self.lanes > 0 && v.ndim() == self.lanes {
            let slot = out.iter_mut().next();
            if let Some(slot) = slot {
                *slot = match v.as_slice() {
                    Some(lane) => self.lane(*slot, lane),
                    None => self.lane(*slot, &v.iter().copied().collect::<Vec<T>>()),
                };
            }
            return;
        }
        if v.ndim() == 0 {
            if let (Some(slot), Some(&x)) = (out.iter_mut().next(), v.iter().next()) {
                *slot = self.one(*slot, x);
            }
            return;
        }
        if v.ndim() == 1 && !self.red[depth] {
            Zip::from(&mut out)
                .and(&v)
                .for_each(|o, &x| *o = self.one(*o, x));
            return;
        }
        if self.red[depth] {
            for sub in v.axis_iter(Axis(0)) {
                self.walk(sub, out.view_mut().index_axis_move(Axis(0), 0));
            }
        } else {
            for (sub, o) in v.axis_iter(Axis(0)).zip(out.axis_iter_mut(Axis(0))) {
                self.walk(sub, o);
            }
        }
    }

    /// One element into the running value (NumPy's elementwise loop).
    #[inline(always)]
    fn one<T: Arith>(&self, acc: T, x: T) -> T {
        match self.op {
            ReduceOp::Sum => acc.add(x),
            ReduceOp::Prod => acc.mul(x),
            ReduceOp::Min => acc.min_nan(x),
            _ => acc.max_nan(x),
        }
    }

    /// A whole lane into the running value (NumPy's reduce loop; rules 2 and 4).
    fn lane<T: Arith>(&self, acc: T, lane: &[T]) -> T {
        match self.op {
            ReduceOp::Sum if self.cast => lane
                .chunks(BUFFER_ELEMS)
                .fold(acc, |a, chunk| T::add_lane(a, chunk)),
            ReduceOp::Sum => T::add_lane(acc, lane),
            // min/max (NaN-propagating) are associative: eight running values vectorise
            ReduceOp::Min => fold8(acc, lane, |a: T, x: T| a.min_nan(x)),
            ReduceOp::Max => fold8(acc, lane, |a: T, x: T| a.max_nan(x)),
            _ => lane.iter().fold(acc, |a, &x| self.one(a, x)),
        }
    }
}

/// `lane` folded into `acc` with an associative `f`, through eight independent running values.
#[inline(always)]
fn fold8<T: Arith>(acc: T, lane: &[T], f: impl Fn(T, T) -> T + Copy) -> T {
    let mut chunks = lane.chunks_exact(8);
    let mut m = [acc; 8];
    for c in &mut chunks {
        for i in 0..8 {
            m[i] = f(m[i], c[i]);
        }
    }
    let r = m.into_iter().fold(acc, f);
    chunks.remainder().iter().fold(r, |a, &x| f(a, x))
}

/// Index of the first minimum/maximum along `axis` (or of the C-ordered whole); the first NaN
/// wins, as in NumPy.
fn arg_reduce<T: Arith>(
    ctx: &Ctx,
    op: ReduceOp,
    v: ArrayViewD<'_, T>,
    axis: Option<usize>,
) -> PyResult<Rc<NdArray>> {
    let Some(axis) = axis else {
        // over the C-ordered whole: the logical iteration order, no flattened copy
        let i = arg_extreme(op, v.iter().copied()) as i64;
        return finish::<i64>(ctx, ArrayD::from_elem(IxDyn(&[]), i));
    };
    let idx = v.map_axis(Axis(axis), |lane| {
        arg_extreme(op, lane.iter().copied()) as i64
    });
    finish::<i64>(ctx, idx)
}

fn arg_extreme<T: Arith>(op: ReduceOp, lane: impl Iterator<Item = T>) -> usize {
    let mut best: Option<(usize, T)> = None;
    for (i, x) in lane.enumerate() {
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

/// `np.add.accumulate` / `np.multiply.accumulate` (`cumsum`, `cumprod`) in `acc`: along `axis`,
/// or over the C-ordered flattening when `axis` is `None`. Each step rounds, as NumPy's loop.
pub fn accumulate(
    ctx: &Ctx,
    op: ReduceOp,
    a: &NdArray,
    axis: Option<usize>,
    acc: DType,
) -> PyResult<Rc<NdArray>> {
    // the result first (through the budget), the values cast into it block by block, then
    // accumulated in place: no temporary the size of the array
    let out_shape = match axis {
        Some(_) => a.shape().to_vec(),
        None => vec![a.size()],
    };
    let result = NdArray::zeros(ctx, &out_shape, acc, Order::C)?;
    let as_input = Layout::contiguous(&a.shape(), acc.itemsize, Order::C);
    super::copy_between(ctx, a, &a.layout(), &result, &as_input)?;
    dispatch!(acc, T => {
        let mut rb = result.buffer().bytes_mut()?;
        let mut out = typed_view_mut::<T>(&mut rb, &result.layout()).ok_or_else(internal)?;
        let f: fn(T, T) -> T = if op == ReduceOp::Prod { T::mul } else { T::add };
        for (i, mut lane) in out.lanes_mut(Axis(axis.unwrap_or(0))).into_iter().enumerate() {
            if i % 1024 == 0 {
                ctx.check_interrupt()?;
            }
            let mut it = lane.iter_mut();
            if let Some(first) = it.next() {
                let mut run = *first;
                for x in it {
                    run = f(run, *x);
                    *x = run;
                }
            }
        }
        drop(rb);
        ctx.check_interrupt()?;
        if super::fpcheck::inexact::<T>() {
            let rb = result.buffer().bytes()?;
            if let Some(rv) = super::typed_view::<T>(&rb, &result.layout()) {
                super::fpcheck::reduction::<T>(ctx, a, &rv)?;
            }
        }
        Ok(result)
    }, _ => Err(PyError::not_implemented(format!("arrsh cannot yet accumulate dtype {}", acc.name()))))
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
    PyError::internal("reduction view")
}

#[cfg(test)]
mod tests {
    use super::super::arith::pairwise_sum;
    use super::*;

    #[test]
    fn pairwise_matches_numpy_order() {
        // np.sum(np.arange(1, 1001) / 7): pairwise differs from a left fold in the last bits
        let v: Vec<f64> = (1..=1000).map(|i| i as f64 / 7.0).collect();
        let np_result = 0.0 + pairwise_sum(&v, |x| x);
        let naive: f64 = v.iter().sum();
        assert!((np_result - naive).abs() < 1e-9);
        assert_eq!(pairwise_sum::<f64, f64>(&[], |x| x), -0.0);
        assert_eq!(
            0.0 + pairwise_sum(&[0.1, 0.2, 0.3], |x| x),
            0.6000000000000001,
            "numpy: f.sum()"
        );
    }

    #[test]
    fn iteration_order_follows_strides() {
        let lay = |shape: &[usize], strides: &[isize]| Layout {
            shape: shape.to_vec(),
            strides: strides.to_vec(),
            offset_bytes: 0,
        };
        // (layout, reduced, order outer->inner, lane axes, why)
        let cases = [
            (
                lay(&[3, 4], &[32, 8]),
                vec![true, true],
                vec![0, 1],
                2,
                "C array: one lane",
            ),
            (
                lay(&[3, 4], &[8, 24]),
                vec![true, true],
                vec![1, 0],
                2,
                "F array: one lane",
            ),
            (
                lay(&[3, 4], &[64, 8]),
                vec![true, true],
                vec![0, 1],
                1,
                "strided rows: per row",
            ),
            (
                lay(&[3, 4], &[32, 8]),
                vec![true, false],
                vec![0, 1],
                0,
                "axis 0: a fold",
            ),
            (
                lay(&[3, 4], &[32, 8]),
                vec![false, true],
                vec![0, 1],
                1,
                "control: axis 1",
            ),
            (
                lay(&[1, 4], &[8, 8]),
                vec![true, true],
                vec![0, 1],
                1,
                "length 1 goes outside",
            ),
        ];
        for (l, red, order, lanes, why) in cases {
            let o = iteration_order(&l);
            assert_eq!(o, order, "{why}");
            assert_eq!(lane_axes(&l, &o, &red), lanes, "{why}");
        }
    }
}
