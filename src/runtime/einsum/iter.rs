//! The iteration NumPy's einsum gets from `NpyIter` (nditer_constr.c), replayed as arithmetic
//! on shapes and byte strides: broadcasting the operands over the iteration axes, ordering the axes by stride (a stable insertion sort
//! in which the first operand wins conflicts), flipping axes every operand walks backwards
//! (only with `out=`: never when the output is allocated), allocating the output in that order, and
//! coalescing axes that step as one. The order decides which additions a float sum makes,
//! so the loops (`kernels::einsum`) add in NumPy's order and print NumPy's digits.

use crate::error::{PyError, PyResult, np_shape_str, np_shape_str_newaxis};
use crate::runtime::layout::{Layout, sort_by_stride_votes};

/// The iteration order asked for (`order=`): NumPy's `K` follows memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IterOrder {
    K,
    C,
    F,
    A,
}

/// One iteration axis: its length and each operand's byte stride (the output last).
#[derive(Clone, Debug, PartialEq)]
pub struct IterAxis {
    pub len: usize,
    pub strides: Vec<isize>,
    /// The iteration axis it started as (output axes first), before coalescing.
    dim: usize,
}

/// What the loops need: the axes innermost first, after ordering and coalescing, and where each
/// operand starts (byte offsets into its buffer; the output's into the output's).
#[derive(Clone, Debug, PartialEq)]
pub struct IterPlan {
    pub axes: Vec<IterAxis>,
    pub starts: Vec<isize>,
    /// The output's shape, and its strides when the iterator allocates it (memory order =
    /// iteration order, as `NpyIter`'s `ALLOCATE` makes it).
    pub out_shape: Vec<usize>,
    pub out_strides: Vec<isize>,
}

/// An input: its (diagonal-combined) layout and, per iteration axis, the axis it reads.
pub struct IterInput<'a> {
    pub layout: &'a Layout,
    pub axes: &'a [Option<usize>],
}

/// The broadcast length of each iteration axis, or the iterator's error naming every operand.
fn broadcast(inputs: &[IterInput], out: Option<&Layout>, ndim: usize) -> PyResult<Vec<usize>> {
    let mut shape = vec![1usize; ndim];
    let mut ok = true;
    for (d, len) in shape.iter_mut().enumerate() {
        let given = inputs
            .iter()
            .filter_map(|op| op.axes[d].map(|ax| op.layout.shape[ax]))
            .chain(out.and_then(|o| o.shape.get(d).copied()));
        for n in given {
            if n != 1 {
                if *len == 1 {
                    *len = n;
                } else if *len != n {
                    ok = false;
                }
            }
        }
    }
    if ok {
        return Ok(shape);
    }
    let mut pairs: Vec<(String, String)> = inputs
        .iter()
        .map(|op| {
            let remapped: Vec<i128> = op
                .axes
                .iter()
                .map(|a| a.map_or(-1, |ax| op.layout.shape[ax] as i128))
                .collect();
            (
                np_shape_str(&op.layout.shape),
                np_shape_str_newaxis(&remapped),
            )
        })
        .collect();
    if let Some(o) = out {
        // reduced axes are the output's `NPY_ITER_REDUCTION_AXIS(-1)`: a newaxis
        let remapped: Vec<i128> = (0..ndim)
            .map(|d| o.shape.get(d).map_or(-1, |&n| n as i128))
            .collect();
        pairs.push((np_shape_str(&o.shape), np_shape_str_newaxis(&remapped)));
    }
    Err(PyError::iterator_remapped_broadcast(&pairs))
}

/// `npyiter_flip_negative_strides`: an axis that some operand walks backwards and none
/// forwards is walked in memory order instead (only when no output is allocated).
fn flip_negative(axes: &mut [IterAxis], starts: &mut [isize]) {
    for ax in axes.iter_mut() {
        let mut any_negative = false;
        let mut all_nonpositive = true;
        for &s in &ax.strides {
            if s < 0 {
                any_negative = true;
            } else if s != 0 {
                all_nonpositive = false;
                break;
            }
        }
        if any_negative && all_nonpositive {
            for (s, start) in ax.strides.iter_mut().zip(starts.iter_mut()) {
                *start += *s * (ax.len as isize - 1);
                *s = -*s;
            }
        }
    }
}

/// `npyiter_find_best_axis_ordering`: a stable insertion sort from the smallest stride out;
/// zero strides never vote, and where operands disagree the first one decides.
fn best_order(axes: &mut Vec<IterAxis>) {
    let nops = axes.first().map_or(0, |a| a.strides.len());
    sort_by_stride_votes(axes, nops, |k, a, b| {
        let (s0, s1) = (a.strides[k], b.strides[k]);
        (s0 != 0 && s1 != 0).then(|| s1.abs() > s0.abs())
    });
}

/// `npyiter_coalesce_axes`: neighbours whose every stride steps as one longer axis merge.
fn coalesce(axes: Vec<IterAxis>) -> Vec<IterAxis> {
    let mut out: Vec<IterAxis> = Vec::with_capacity(axes.len());
    for ax in axes {
        let Some(last) = out.last_mut() else {
            out.push(ax);
            continue;
        };
        let fits = last.strides.iter().zip(&ax.strides).all(|(&s0, &s1)| {
            (last.len == 1 && s0 == 0) || (ax.len == 1 && s1 == 0) || s0 * last.len as isize == s1
        });
        if fits {
            last.len *= ax.len;
            for (s0, &s1) in last.strides.iter_mut().zip(&ax.strides) {
                if *s0 == 0 {
                    *s0 = s1;
                }
            }
        } else {
            out.push(ax);
        }
    }
    out
}

/// The iteration over `inputs` and an output with `n_out` axes (the first iteration axes):
/// given (`out`, its strides taking part in the ordering) or allocated with `itemsize`.
pub fn plan(
    inputs: &[IterInput],
    out: Option<&Layout>,
    n_out: usize,
    itemsize: usize,
    order: IterOrder,
) -> PyResult<IterPlan> {
    let ndim = inputs.first().map_or(0, |op| op.axes.len());
    let shape = broadcast(inputs, out, ndim)?;
    let nops = inputs.len() + 1;
    let mut starts: Vec<isize> = inputs.iter().map(|op| op.layout.offset_bytes).collect();
    starts.push(out.map_or(0, |o| o.offset_bytes));
    // innermost first: the last iteration axis leads, as NpyIter's reversed axis data
    let mut axes: Vec<IterAxis> = (0..ndim)
        .rev()
        .map(|d| {
            let mut strides: Vec<isize> = inputs
                .iter()
                .map(|op| match op.axes[d] {
                    Some(ax) if op.layout.shape[ax] != 1 => op.layout.strides[ax],
                    _ => 0,
                })
                .collect();
            strides.push(match out {
                Some(o) if d < n_out && o.shape[d] != 1 => o.strides[d],
                _ => 0,
            });
            IterAxis {
                len: shape[d],
                strides,
                dim: d,
            }
        })
        .collect();
    let order = match order {
        IterOrder::A => {
            let all_f = inputs.iter().all(|op| op.layout.is_f_contiguous(itemsize))
                && out.is_none_or(|o| o.is_f_contiguous(itemsize));
            if all_f { IterOrder::F } else { IterOrder::C }
        }
        o => o,
    };
    match order {
        IterOrder::K => {
            best_order(&mut axes);
            // "If there's an output being allocated, we must not negate any strides."
            if out.is_some() {
                flip_negative(&mut axes, &mut starts);
            }
        }
        IterOrder::F => axes.reverse(),
        _ => {}
    }
    // the allocated output: strides grow along the iteration order (reduced axes take none)
    let out_shape: Vec<usize> = shape[..n_out].to_vec();
    let mut out_strides = vec![0isize; n_out];
    if out.is_none() {
        let mut stride = itemsize as isize;
        for ax in &axes {
            if ax.dim < n_out {
                out_strides[ax.dim] = stride;
                stride *= ax.len as isize;
            }
        }
        for ax in axes.iter_mut() {
            if ax.dim < n_out && ax.len != 1 {
                ax.strides[nops - 1] = out_strides[ax.dim];
            }
        }
    }
    Ok(IterPlan {
        axes: coalesce(axes),
        starts,
        out_shape,
        out_strides,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::layout::Order;

    fn c(shape: &[usize]) -> Layout {
        Layout::contiguous(shape, 8, Order::C)
    }

    #[test]
    fn matmul_iterates_k_innermost_then_j_then_i() {
        // 'ij,jk->ik': iteration axes (i, k, j); NumPy walks k fastest, the sum over j next
        let (a, b) = (c(&[3, 4]), c(&[4, 5]));
        let (xa, xb) = ([Some(0), None, Some(1)], [None, Some(1), Some(0)]);
        let ins = [
            IterInput {
                layout: &a,
                axes: &xa,
            },
            IterInput {
                layout: &b,
                axes: &xb,
            },
        ];
        let p = plan(&ins, None, 2, 8, IterOrder::K).unwrap();
        let lens: Vec<usize> = p.axes.iter().map(|a| a.len).collect();
        assert_eq!(lens, vec![5, 4, 3]);
        assert_eq!(p.axes[0].strides, vec![0, 8, 8]);
        assert_eq!(p.axes[1].strides, vec![8, 40, 0]);
        assert_eq!(p.out_strides, vec![40, 8]);
    }

    #[test]
    fn output_follows_iteration_order() {
        // 'ij,jk->ki' allocates an F-ordered (4, 3) result, as NumPy's does
        let (a, b) = (c(&[3, 3]), c(&[3, 4]));
        let (xa, xb) = ([None, Some(0), Some(1)], [Some(1), None, Some(0)]);
        let ins = [
            IterInput {
                layout: &a,
                axes: &xa,
            },
            IterInput {
                layout: &b,
                axes: &xb,
            },
        ];
        let p = plan(&ins, None, 2, 8, IterOrder::K).unwrap();
        assert_eq!(p.out_strides, vec![8, 32]);
    }

    #[test]
    fn contiguous_sum_coalesces_to_one_axis() {
        // 'ij->' of a C-contiguous array is one run of 12 elements (a neighbour that cannot
        // coalesce: a column slice stays two axes)
        let a = c(&[3, 4]);
        let xa = [Some(0), Some(1)];
        let p = plan(
            &[IterInput {
                layout: &a,
                axes: &xa,
            }],
            None,
            0,
            8,
            IterOrder::K,
        )
        .unwrap();
        assert_eq!(p.axes.len(), 1);
        assert_eq!(p.axes[0].len, 12);
        let s = Layout {
            shape: vec![3, 4],
            strides: vec![40, 8],
            offset_bytes: 0,
        };
        let p = plan(
            &[IterInput {
                layout: &s,
                axes: &xa,
            }],
            None,
            0,
            8,
            IterOrder::K,
        )
        .unwrap();
        assert_eq!(p.axes.len(), 2);
    }

    #[test]
    fn mismatched_lengths_name_every_operand() {
        let (a, b) = (c(&[3, 2]), c(&[4]));
        let (xa, xb) = ([Some(0), Some(1)], [None, Some(0)]);
        let ins = [
            IterInput {
                layout: &a,
                axes: &xa,
            },
            IterInput {
                layout: &b,
                axes: &xb,
            },
        ];
        let e = plan(&ins, None, 1, 8, IterOrder::K).unwrap_err();
        assert_eq!(
            e.msg,
            "operands could not be broadcast together with remapped shapes [original->remapped]: (3,2)->(3,2) (4,)->(4) "
        );
    }
}
