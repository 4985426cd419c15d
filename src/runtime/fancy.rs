//! Advanced ("fancy") indexing: integer and boolean index arrays mixed with basic items. Results
//! are always copies; NumPy's placement rule puts the broadcast index dimensions where the
//! advanced indices stood when they are adjacent, and first otherwise.

use std::rc::Rc;

use super::array::NdArray;
use super::index::{IndexItem, apply_basic};
use super::layout::{Layout, Order};
use super::{Ctx, kernels};
use crate::error::{PyError, PyResult, np_shape_str};

/// One component of an advanced index: a basic item, or integer indices with their shape
/// (a boolean array has been turned into one such entry per dimension, its `nonzero()`).
#[derive(Clone, Debug)]
pub enum FancyItem {
    Basic(IndexItem),
    Ints { values: Vec<i64>, shape: Vec<usize> },
}

/// Where each element of the result comes from: byte offsets into `a`'s buffer, plus the shape.
fn plan(a: &NdArray, items: &[FancyItem]) -> PyResult<(Vec<usize>, Vec<usize>)> {
    // integers inside an advanced index are advanced too (0-d index arrays)
    let items: Vec<FancyItem> = items
        .iter()
        .map(|it| match it {
            FancyItem::Basic(IndexItem::Int(i)) => FancyItem::Ints {
                values: vec![*i as i64],
                shape: vec![],
            },
            other => other.clone(),
        })
        .collect();
    let consumed = items
        .iter()
        .filter(|i| {
            !matches!(
                i,
                FancyItem::Basic(IndexItem::Ellipsis | IndexItem::NewAxis)
            )
        })
        .count();
    if consumed > a.ndim() {
        return Err(PyError::too_many_indices(a.ndim(), consumed));
    }
    // the basic view keeps advanced axes whole; remember which view axis each advanced entry is
    let mut basic = Vec::with_capacity(items.len());
    let mut adv: Vec<(usize, &Vec<i64>, &Vec<usize>)> = Vec::new(); // (view axis, values, shape)
    let mut view_axis = 0usize;
    for it in &items {
        match it {
            FancyItem::Ints { values, shape } => {
                adv.push((view_axis, values, shape));
                basic.push(IndexItem::Slice {
                    start: None,
                    stop: None,
                    step: None,
                });
                view_axis += 1;
            }
            FancyItem::Basic(b) => {
                match b {
                    IndexItem::Ellipsis => view_axis += a.ndim() - consumed,
                    IndexItem::Int(_) => {}
                    _ => view_axis += 1,
                }
                basic.push(b.clone());
            }
        }
    }
    let view = apply_basic(&a.layout(), &basic)?.layout;
    // broadcast the index arrays
    let shapes: Vec<&[usize]> = adv.iter().map(|(_, _, s)| s.as_slice()).collect();
    let bshape = kernels::broadcast_shapes(&shapes).map_err(|_| {
        let listed: Vec<String> = shapes.iter().map(|s| np_shape_str(s)).collect();
        PyError::index(format!(
            "shape mismatch: indexing arrays could not be broadcast together with shapes {} ",
            listed.join(" ")
        ))
    })?;
    // bounds, with the axis numbers numpy reports (the original axis)
    for (ax, values, _) in &adv {
        let n = view.shape[*ax] as i64;
        for &v in values.iter() {
            if v < -n || v >= n {
                return Err(PyError::index_out_of_bounds(v as i128, *ax, n as usize));
            }
        }
    }
    let adv_axes: Vec<usize> = adv.iter().map(|(ax, _, _)| *ax).collect();
    let adjacent = adv_axes.windows(2).all(|w| w[1] == w[0] + 1);
    let rest: Vec<usize> = (0..view.ndim())
        .filter(|ax| !adv_axes.contains(ax))
        .collect();
    let insert_at = if adjacent {
        rest.iter().filter(|&&r| r < adv_axes[0]).count()
    } else {
        0
    };
    let mut shape: Vec<usize> = rest.iter().map(|&r| view.shape[r]).collect();
    for (k, &d) in bshape.iter().enumerate() {
        shape.insert(insert_at + k, d);
    }
    // offsets: walk the result in C order
    let total: usize = shape.iter().product();
    let mut offsets = Vec::with_capacity(total);
    let bsize: usize = bshape.iter().product();
    // per broadcast position, the byte offset contributed by the advanced axes
    let mut adv_off = vec![0isize; bsize];
    for (ax, values, s) in &adv {
        let stride = view.strides[*ax];
        let n = view.shape[*ax] as i64;
        let bl = Layout {
            shape: s.to_vec(),
            strides: element_strides(s),
            offset_bytes: 0,
        };
        let bl = kernels::broadcast_layout(&bl, &bshape)
            .ok_or_else(|| PyError::index("shape mismatch"))?;
        let mut k = 0;
        bl.for_each_offset(|o| {
            let v = values[o];
            let v = if v < 0 { v + n } else { v };
            adv_off[k] += v as isize * stride;
            k += 1;
        });
    }
    let rest_layout = Layout {
        shape: rest.iter().map(|&r| view.shape[r]).collect(),
        strides: rest.iter().map(|&r| view.strides[r]).collect(),
        offset_bytes: view.offset_bytes,
    };
    let mut rest_offs = Vec::with_capacity(rest_layout.len());
    rest_layout.for_each_offset(|o| rest_offs.push(o as isize));
    let split = rest_layout.shape[..insert_at].iter().product::<usize>();
    let inner = rest_offs.len() / split.max(1);
    if total > 0 {
        for outer in 0..split {
            for &ao in &adv_off {
                for r in 0..inner {
                    offsets.push((rest_offs[outer * inner + r] + ao) as usize);
                }
            }
        }
    }
    Ok((offsets, shape))
}

/// Strides in "elements" for a C-ordered index array (used to walk `values` by position).
fn element_strides(shape: &[usize]) -> Vec<isize> {
    Layout::contiguous(shape, 1, Order::C).strides
}

/// `a[index]` with an advanced index: a new array (a copy).
pub fn take(ctx: &Ctx, a: &NdArray, items: &[FancyItem]) -> PyResult<Rc<NdArray>> {
    let (offsets, shape) = plan(a, items)?;
    let out = NdArray::zeros(ctx, &shape, a.dtype(), Order::C)?;
    let isz = a.itemsize();
    {
        let src = a.buffer().bytes()?;
        let mut dst = out.buffer().bytes_mut()?;
        for (k, &o) in offsets.iter().enumerate() {
            dst[k * isz..(k + 1) * isz].copy_from_slice(&src[o..o + isz]);
        }
    }
    ctx.check_interrupt()?;
    Ok(out)
}

/// `a[index] = values` with an advanced index (`values` broadcast to the indexed shape; later
/// duplicates win, as in NumPy).
pub fn put(ctx: &Ctx, a: &NdArray, items: &[FancyItem], values: &NdArray) -> PyResult<()> {
    if !a.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let (offsets, shape) = plan(a, items)?;
    if kernels::broadcast_layout(&values.layout(), &shape).is_none() {
        return Err(PyError::value(format!(
            "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
            np_shape_str(&values.shape()),
            np_shape_str(&shape)
        )));
    }
    // values cast to a's dtype first, in a separate buffer (so overlap cannot matter)
    let staged = NdArray::zeros(ctx, &shape, a.dtype(), Order::C)?;
    kernels::assign(ctx, &staged, values)?;
    let isz = a.itemsize();
    let src = staged.buffer().bytes()?;
    let mut dst = a.buffer().bytes_mut()?;
    for (k, &o) in offsets.iter().enumerate() {
        dst[o..o + isz].copy_from_slice(&src[k * isz..(k + 1) * isz]);
    }
    Ok(())
}
