//! Where each element of a fancy-indexed result comes from: the subspace view and the byte offsets of the map iterator.

use super::prepare::Entry;
use super::prepare::Prepared;
use crate::error::{PyError, PyResult, np_shape_str};
use crate::runtime::index::slice_indices;
use crate::runtime::layout::{Layout, Order};

/// NumPy's `get_view_from_index`: the basic part of the index applied to `layout`; advanced
/// entries consume their axis and leave nothing in the view. Integers are bounds-checked here.
pub(super) fn subspace(layout: &Layout, entries: &[Entry]) -> PyResult<Layout> {
    let mut shape = Vec::new();
    let mut strides = Vec::new();
    let mut offset = layout.offset_bytes as i128;
    let mut axis = 0usize;
    for e in entries {
        match e {
            Entry::Int(i) => {
                let dim = layout.shape[axis];
                let idx = if *i < 0 { i + dim as i128 } else { *i };
                if idx < 0 || idx >= dim as i128 {
                    return Err(PyError::index_out_of_bounds(*i, axis, dim));
                }
                offset += idx * layout.strides[axis] as i128;
                axis += 1;
            }
            Entry::Slice(start, stop, step) => {
                let dim = layout.shape[axis];
                let (mut first, mut step, count) = slice_indices(*start, *stop, *step, dim)?;
                if count == 0 {
                    first = 0;
                    step = 1;
                }
                offset += first * layout.strides[axis] as i128;
                shape.push(count);
                strides.push((step * layout.strides[axis] as i128) as isize);
                axis += 1;
            }
            Entry::NewAxis => {
                shape.push(1);
                strides.push(0);
            }
            Entry::Ellipsis(k) => {
                for _ in 0..*k {
                    shape.push(layout.shape[axis]);
                    strides.push(layout.strides[axis]);
                    axis += 1;
                }
            }
            Entry::ZeroDBool(_) => {}
            Entry::Fancy { .. } => axis += 1,
        }
    }
    Ok(Layout {
        shape,
        strides,
        offset_bytes: offset as isize, // layout invariant 5: negative only when empty
    })
}

/// One advanced index as the map iterator sees it.
pub(super) struct AdvIndex<'a> {
    pub(super) values: &'a [i64],
    pub(super) shape: &'a [usize],
    pub(super) f_order: bool,
    /// The array axis it indexes (`None` for a 0-d boolean) with its length and stride.
    pub(super) axis: Option<usize>,
    pub(super) dim: usize,
    pub(super) stride: isize,
}

/// Everything needed to gather or scatter: the source byte offset of every result element (in
/// the C order of the result's final shape), and how NumPy lays the result out.
pub(super) struct Plan {
    /// The result's shape in the map iterator's order: advanced dimensions, then the subspace.
    pub(super) mapiter_shape: Vec<usize>,
    /// NumPy's strides for a freshly allocated result in that order.
    pub(super) mapiter_strides: Vec<isize>,
    /// The axis permutation from map-iterator order to the final shape (identity unless the
    /// advanced indices stand together after other axes: NumPy's `consec`).
    pub(super) perm: Vec<usize>,
    /// Source byte offsets in the C order of the final shape.
    pub(super) offsets: Vec<usize>,
}

impl Plan {
    pub(super) fn final_shape(&self) -> Vec<usize> {
        self.perm.iter().map(|&p| self.mapiter_shape[p]).collect()
    }
}

/// NumPy's `mapiter_fill_info` + `PyArray_MapIterNew` + `PyArray_MapIterCheckIndices`.
/// `check_shape` sees the final result shape after the index arrays are broadcast and before
/// their bounds are checked (where NumPy's assignment checks the values' shape).
pub(super) fn plan(
    layout: &Layout,
    itemsize: usize,
    p: &Prepared,
    check_shape: impl FnOnce(&[usize]) -> PyResult<()>,
) -> PyResult<Plan> {
    let sub = if p.kinds.has_view_part() {
        Some(subspace(layout, &p.entries)?)
    } else {
        None
    };
    // consec: where the advanced dimensions go (integers count as advanced here)
    let (mut consec, mut status, mut result_dim) = (0usize, -1i32, 0usize);
    let mut adv: Vec<AdvIndex> = Vec::new();
    let zeros: Vec<i64> = vec![0];
    let mut axis = 0usize;
    for e in &p.entries {
        let advanced = matches!(e, Entry::Int(_) | Entry::Fancy { .. } | Entry::ZeroDBool(_));
        if advanced {
            if status == -1 {
                consec = result_dim;
                status = 0;
            } else if status == 1 {
                status = 2;
                consec = 0;
            }
        } else if status == 0 {
            status = 1;
        }
        match e {
            Entry::Fancy {
                values,
                shape,
                f_order,
                ..
            } => {
                adv.push(AdvIndex {
                    values,
                    shape,
                    f_order: *f_order,
                    axis: Some(axis),
                    dim: layout.shape[axis],
                    stride: layout.strides[axis],
                });
                axis += 1;
            }
            Entry::ZeroDBool(b) => adv.push(AdvIndex {
                values: if *b { &zeros } else { &zeros[..0] },
                shape: if *b { &[1] } else { &[0] },
                f_order: false,
                axis: None,
                dim: 1,
                stride: 0,
            }),
            Entry::Ellipsis(k) => {
                axis += k;
                result_dim += k;
            }
            Entry::NewAxis => result_dim += 1,
            Entry::Int(_) | Entry::Slice(..) => {
                axis += 1;
                result_dim += usize::from(matches!(e, Entry::Slice(..)));
            }
        }
    }
    // broadcast the advanced indices (NumPy lists every index array's shape on failure)
    let nd_fancy = p.fancy_ndim;
    let mut bshape = vec![1usize; nd_fancy];
    for a in &adv {
        for (k, &d) in a.shape.iter().rev().enumerate() {
            let slot = &mut bshape[nd_fancy - 1 - k];
            if d != 1 && d != *slot {
                if *slot != 1 {
                    let listed: Vec<String> = adv.iter().map(|a| np_shape_str(a.shape)).collect();
                    return Err(PyError::index_shape_mismatch(&listed));
                }
                *slot = d;
            }
        }
    }
    let bsize: usize = bshape.iter().product();
    let sub = sub.unwrap_or(Layout {
        shape: Vec::new(),
        strides: Vec::new(),
        offset_bytes: layout.offset_bytes,
    });
    let mut mapiter_shape = bshape.clone();
    mapiter_shape.extend_from_slice(&sub.shape);
    // NumPy's _get_transpose with getmap=1: (n1..n1+n2-1, 0..n1-1, n1+n2..n3-1)
    let nd = mapiter_shape.len();
    let perm: Vec<usize> = if consec > 0 {
        (nd_fancy..nd_fancy + consec)
            .chain(0..nd_fancy)
            .chain(nd_fancy + consec..nd)
            .collect()
    } else {
        (0..nd).collect()
    };
    let final_shape: Vec<usize> = perm.iter().map(|&k| mapiter_shape[k]).collect();
    check_shape(&final_shape)?;
    // bounds, array by array, in each array's order (skipped when the broadcast is empty)
    if bsize > 0 {
        for a in &adv {
            if let Some(ax) = a.axis {
                let n = a.dim as i64;
                if let Some(&bad) = a.values.iter().find(|&&v| v < -n || v >= n) {
                    return Err(PyError::index_out_of_bounds(bad as i128, ax, a.dim));
                }
            }
        }
    }
    // byte offset contributed by the advanced indices at each broadcast position
    let mut adv_off = vec![0isize; bsize];
    for a in &adv {
        let elem = Layout::contiguous(a.shape, 1, Order::C);
        let Some(b) = crate::runtime::kernels::broadcast_layout(&elem, &bshape) else {
            unreachable!("shapes were broadcast above");
        };
        let n = a.dim as i64;
        let mut k = 0;
        b.for_each_offset(|o| {
            let v = a.values[o];
            let v = if v < 0 { v + n } else { v };
            adv_off[k] += v as isize * a.stride;
            k += 1;
        });
    }
    let sub_size = sub.len();
    // nothing to visit when the broadcast index is empty, however big the subspace
    let mut sub_offs: Vec<isize> = Vec::new();
    if bsize > 0 {
        sub_offs.reserve_exact(sub_size);
        sub.for_each_offset(|o| sub_offs.push(o as isize));
    }
    // the allocation: advanced dims outermost (C order, or the index arrays' F order when the
    // subspace is a single element or absent, as NpyIter's K order would give), then the
    // subspace in its own memory order (PyArray_CreateSortedStridePerm)
    let mut strides = vec![0isize; mapiter_shape.len()];
    let mut step = itemsize as isize;
    for &ax in sub.sorted_stride_perm().iter().rev() {
        strides[nd_fancy + ax] = step;
        step *= sub.shape[ax] as isize;
    }
    let fancy_f = sub_size == 1
        && adv.iter().any(|a| a.shape.len() > 1)
        && adv.iter().all(|a| a.shape.len() <= 1 || a.f_order);
    let fancy_order = if fancy_f { Order::F } else { Order::C };
    let fancy = Layout::contiguous(&bshape, 1, fancy_order);
    for (k, &s) in fancy.strides.iter().enumerate() {
        strides[k] = s * step;
    }
    // source offsets: the mapiter order is (advanced position, subspace position); walk the
    // final order through an element-index layout permuted like the result
    let total = bsize * sub_size;
    let mut offsets = Vec::with_capacity(total);
    if total > 0 {
        let index = Layout::contiguous(&mapiter_shape, 1, Order::C).permuted(&perm);
        index.for_each_offset(|k| {
            let (f, s) = (k / sub_size, k % sub_size);
            offsets.push((sub_offs[s] + adv_off[f]) as usize); // layout invariant 3
        });
    }
    Ok(Plan {
        mapiter_shape,
        mapiter_strides: strides,
        perm,
        offsets,
    })
}
