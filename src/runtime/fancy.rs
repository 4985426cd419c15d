//! Advanced ("fancy") indexing, a port of NumPy's mapping.c: integer and boolean index arrays
//! mixed with basic items. `prepare` classifies the index and checks it in NumPy's order;
//! results are new arrays laid out as NumPy's map iterator allocates them (advanced dimensions
//! first, the rest in the source's memory order), and, when the advanced indices sit together
//! after other axes, handed back as a transposed view of that allocation, as NumPy does.

use std::rc::Rc;

use super::Ctx;
use super::array::{Indexed, NdArray};
use super::index::{IndexItem, slice_indices};
use super::layout::{Layout, MAX_DIMS, Order, OrderArg};
use super::scalar::Scalar;
use crate::error::{PyError, PyResult, np_shape_str};

/// One component of an index that holds at least one array.
#[derive(Clone, Debug)]
pub enum FancyItem {
    /// An integer, slice, `...` or `None`.
    Basic(IndexItem),
    /// An integer index array, its values in C order. A 0-d one is NumPy's "array scalar":
    /// an integer that forces a copy. `f_order` marks an F-contiguous, not C-contiguous array.
    Ints {
        values: Vec<i64>,
        shape: Vec<usize>,
        f_order: bool,
    },
    /// A boolean index array, its values in C order.
    Bools {
        values: Vec<bool>,
        shape: Vec<usize>,
    },
}

/// An index entry after NumPy's `prepare_index`.
#[derive(Clone, Debug)]
enum Entry {
    Int(i128),
    Slice(Option<i128>, Option<i128>, Option<i128>),
    NewAxis,
    /// `...`, worth this many axes.
    Ellipsis(usize),
    /// An integer array acting on one axis; `bool_len` is the length of the boolean axis it
    /// came from (checked against the array's axis, as NumPy does, only when non-zero).
    Fancy {
        values: Vec<i64>,
        shape: Vec<usize>,
        f_order: bool,
        bool_len: Option<usize>,
    },
    /// A 0-d boolean: a new length-1 (True) or length-0 (False) advanced dimension.
    ZeroDBool(bool),
}

/// NumPy's index_type bits, as flags.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Kinds {
    int: bool,
    newaxis: bool,
    slice: bool,
    ellipsis: bool,
    fancy: bool,
    /// A single boolean array of the array's whole shape (NumPy's `HAS_BOOL`).
    bool_mask: bool,
    /// A 0-d integer array among basic items (NumPy's `HAS_SCALAR_ARRAY`).
    scalar_array: bool,
}

struct Prepared {
    entries: Vec<Entry>,
    kinds: Kinds,
    fancy_ndim: usize,
    /// The whole-shape boolean mask for `Kinds::bool_mask`.
    mask: Vec<bool>,
}

impl Kinds {
    fn only_int(&self) -> bool {
        *self
            == Kinds {
                int: true,
                ..Kinds::default()
            }
    }
    fn only_fancy(&self) -> bool {
        *self
            == Kinds {
                fancy: true,
                ..Kinds::default()
            }
    }
    fn has_view_part(&self) -> bool {
        self.int || self.newaxis || self.slice || self.ellipsis
    }
}

/// NumPy's `prepare_index`: classifies every item, appends the implicit `...`, and checks (in
/// this order) a second ellipsis, too many indices, too many result dimensions and boolean
/// lengths. Bounds are checked later, where NumPy checks them.
fn prepare(shape: &[usize], items: &[FancyItem]) -> PyResult<Prepared> {
    let ndim = shape.len();
    let mut entries = Vec::with_capacity(items.len() + 1);
    let mut kinds = Kinds::default();
    let (mut used, mut new_ndim, mut fancy_ndim) = (0usize, 0usize, 0usize);
    let mut ellipsis_at = None;
    let mut mask = Vec::new();
    for it in items {
        match it {
            FancyItem::Basic(IndexItem::Ellipsis) => {
                if kinds.ellipsis {
                    return Err(PyError::single_ellipsis());
                }
                kinds.ellipsis = true;
                ellipsis_at = Some(entries.len());
                entries.push(Entry::Ellipsis(0));
            }
            FancyItem::Basic(IndexItem::NewAxis) => {
                kinds.newaxis = true;
                new_ndim += 1;
                entries.push(Entry::NewAxis);
            }
            FancyItem::Basic(IndexItem::Slice { start, stop, step }) => {
                kinds.slice = true;
                used += 1;
                new_ndim += 1;
                entries.push(Entry::Slice(*start, *stop, *step));
            }
            FancyItem::Basic(IndexItem::Int(i)) => {
                kinds.int = true;
                used += 1;
                entries.push(Entry::Int(*i));
            }
            FancyItem::Ints {
                values, shape: s, ..
            } if s.is_empty() => {
                kinds.int = true;
                kinds.scalar_array = true;
                used += 1;
                entries.push(Entry::Int(values.first().copied().unwrap_or(0) as i128));
            }
            FancyItem::Ints {
                values,
                shape: s,
                f_order,
            } => {
                kinds.fancy = true;
                fancy_ndim = fancy_ndim.max(s.len());
                used += 1;
                entries.push(Entry::Fancy {
                    values: values.clone(),
                    shape: s.clone(),
                    f_order: *f_order,
                    bool_len: None,
                });
            }
            FancyItem::Bools { values, shape: s } => {
                if items.len() == 1 && s.as_slice() == shape {
                    // a single boolean array of the whole shape: NumPy's fast boolean path
                    kinds = Kinds {
                        bool_mask: true,
                        ..Kinds::default()
                    };
                    mask = values.clone();
                    return Ok(Prepared {
                        entries: Vec::new(),
                        kinds,
                        fancy_ndim: ndim,
                        mask,
                    });
                }
                if s.is_empty() {
                    kinds.fancy = true;
                    fancy_ndim = fancy_ndim.max(1);
                    entries.push(Entry::ZeroDBool(values.first().copied().unwrap_or(false)));
                    continue;
                }
                // nonzero(): one index array per dimension of the mask
                let per_dim = nonzero(values, s);
                kinds.fancy = true;
                fancy_ndim = fancy_ndim.max(1);
                for (k, v) in per_dim.into_iter().enumerate() {
                    let n = v.len();
                    used += 1;
                    entries.push(Entry::Fancy {
                        values: v,
                        shape: vec![n],
                        f_order: false,
                        bool_len: Some(s[k]),
                    });
                }
            }
        }
    }
    if used < ndim {
        let fill = ndim - used;
        match ellipsis_at {
            Some(at) => entries[at] = Entry::Ellipsis(fill),
            None => {
                kinds.ellipsis = true;
                entries.push(Entry::Ellipsis(fill));
            }
        }
        new_ndim += fill;
    } else if used > ndim {
        return Err(PyError::too_many_indices(ndim, used));
    }
    // NumPy drops HAS_SCALAR_ARRAY beside a fancy index, and in a full integer index (where
    // the array scalar is just an integer)
    let full_integer = Kinds {
        int: true,
        scalar_array: true,
        ..Kinds::default()
    };
    if kinds.scalar_array && (kinds.fancy || kinds == full_integer) {
        kinds.scalar_array = false;
    }
    if (kinds.newaxis || kinds.fancy) && new_ndim + fancy_ndim > MAX_DIMS {
        return Err(PyError::index_result_too_many_dims(new_ndim + fancy_ndim));
    }
    // boolean lengths, now that the axis each one acts on is known
    let mut axis = 0usize;
    for e in &entries {
        match e {
            Entry::Fancy {
                bool_len: Some(n), ..
            } if *n > 0 && *n != shape[axis] => {
                return Err(PyError::boolean_index_mismatch(axis, shape[axis], *n));
            }
            Entry::Ellipsis(k) => axis += k,
            Entry::NewAxis | Entry::ZeroDBool(_) => {}
            _ => axis += 1,
        }
    }
    Ok(Prepared {
        entries,
        kinds,
        fancy_ndim,
        mask,
    })
}

/// `np.nonzero` of a bool array: one int64 index array per dimension, the coordinates of the
/// true elements in C order.
pub fn nonzero_arrays(ctx: &Ctx, mask: &NdArray) -> PyResult<Vec<Rc<NdArray>>> {
    let values: Vec<bool> = {
        let bytes = mask.buffer().bytes()?;
        let mut v = Vec::with_capacity(mask.size());
        mask.layout().for_each_offset(|o| v.push(bytes[o] != 0));
        v
    };
    let mut out = Vec::new();
    for idx in nonzero(&values, &mask.shape()) {
        let a = NdArray::zeros(ctx, &[idx.len()], crate::runtime::DType::INT64, Order::C)?;
        {
            let mut b = a.buffer().bytes_mut()?;
            for (c, v) in b.chunks_exact_mut(8).zip(&idx) {
                c.copy_from_slice(&v.to_le_bytes());
            }
        }
        out.push(a);
    }
    Ok(out)
}

/// The coordinates of the true elements of a C-ordered boolean array, one list per dimension.
fn nonzero(values: &[bool], shape: &[usize]) -> Vec<Vec<i64>> {
    let nd = shape.len();
    let mut per_dim: Vec<Vec<i64>> = vec![Vec::new(); nd];
    let mut idx = vec![0usize; nd];
    for &v in values {
        if v {
            for d in 0..nd {
                per_dim[d].push(idx[d] as i64);
            }
        }
        for d in (0..nd).rev() {
            idx[d] += 1;
            if idx[d] < shape[d] {
                break;
            }
            idx[d] = 0;
        }
    }
    per_dim
}

/// NumPy's `get_view_from_index`: the basic part of the index applied to `layout`; advanced
/// entries consume their axis and leave nothing in the view. Integers are bounds-checked here.
fn subspace(layout: &Layout, entries: &[Entry]) -> PyResult<Layout> {
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
struct AdvIndex<'a> {
    values: &'a [i64],
    shape: &'a [usize],
    f_order: bool,
    /// The array axis it indexes (`None` for a 0-d boolean) with its length and stride.
    axis: Option<usize>,
    dim: usize,
    stride: isize,
}

/// Everything needed to gather or scatter: the source byte offset of every result element (in
/// the C order of the result's final shape), and how NumPy lays the result out.
struct Plan {
    /// The result's shape in the map iterator's order: advanced dimensions, then the subspace.
    mapiter_shape: Vec<usize>,
    /// NumPy's strides for a freshly allocated result in that order.
    mapiter_strides: Vec<isize>,
    /// The axis permutation from map-iterator order to the final shape (identity unless the
    /// advanced indices stand together after other axes: NumPy's `consec`).
    perm: Vec<usize>,
    /// Source byte offsets in the C order of the final shape.
    offsets: Vec<usize>,
}

impl Plan {
    fn final_shape(&self) -> Vec<usize> {
        self.perm.iter().map(|&p| self.mapiter_shape[p]).collect()
    }
}

/// NumPy's `mapiter_fill_info` + `PyArray_MapIterNew` + `PyArray_MapIterCheckIndices`.
/// `check_shape` sees the final result shape after the index arrays are broadcast and before
/// their bounds are checked (where NumPy's assignment checks the values' shape).
fn plan(
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
        let Some(b) = super::kernels::broadcast_layout(&elem, &bshape) else {
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

/// `a[index]` for an index holding arrays, as NumPy's `array_subscript`.
pub fn get(ctx: &Ctx, a: &Rc<NdArray>, items: &[FancyItem]) -> PyResult<Indexed> {
    let layout = a.layout().clone();
    let p = prepare(&layout.shape, items)?;
    let isz = a.itemsize();
    if p.kinds.only_int() {
        let view = subspace(&layout, &p.entries)?;
        return Ok(Indexed::Element(a.element_at(view.offset_bytes as usize)?));
    }
    if p.kinds.bool_mask {
        let mut offs = Vec::new();
        let mut k = 0;
        layout.for_each_offset(|o| {
            if p.mask[k] {
                offs.push(o);
            }
            k += 1;
        });
        let out = NdArray::zeros(ctx, &[offs.len()], a.dtype(), Order::C)?;
        gather(a, &out, &offs)?;
        return Ok(Indexed::View(out));
    }
    if !p.kinds.fancy {
        // only basic items and a 0-d integer array: the view, copied (NumPy forces a copy)
        let view = subspace(&layout, &p.entries)?;
        let v = a.view_with(ctx, a.dtype(), view);
        return Ok(Indexed::View(v.copy_as(ctx, a.dtype(), OrderArg::K)?));
    }
    let plan = plan(&layout, isz, &p, |dims| result_fits(ctx, dims, a.dtype()))?;
    if p.kinds.only_fancy() && p.entries.len() == 1 {
        // NumPy's trivial path for a 1-d array and one index array: the index's own order
        let Some(Entry::Fancy { shape, f_order, .. }) = p.entries.first() else {
            unreachable!("one fancy entry");
        };
        let order = if *f_order { Order::F } else { Order::C };
        let out = NdArray::zeros(ctx, shape, a.dtype(), order)?;
        let mut dst = Vec::with_capacity(plan.offsets.len());
        out.layout().for_each_offset(|o| dst.push(o));
        copy_elements(a, &out, &plan.offsets, &dst)?;
        return Ok(Indexed::View(out));
    }
    let out = NdArray::with_strides(ctx, &plan.mapiter_shape, &plan.mapiter_strides, a.dtype())?;
    let result = if plan.perm.iter().enumerate().all(|(i, &p)| i == p) {
        out
    } else {
        // NumPy hands back a transposed view of its allocation (PyArray_MapIterSwapAxes)
        let l = out.layout().permuted(&plan.perm);
        out.view_with(ctx, a.dtype(), l)
    };
    let mut dst = Vec::with_capacity(plan.offsets.len());
    result.layout().for_each_offset(|o| dst.push(o));
    copy_elements(a, &result, &plan.offsets, &dst)?;
    ctx.check_interrupt()?;
    Ok(Indexed::View(result))
}

/// Before any offset is listed: NumPy's size check of the result, then the budget for the
/// result and the two offset lists (8 bytes per element each) that copying it takes here.
fn result_fits(ctx: &Ctx, dims: &[usize], dtype: crate::runtime::DType) -> PyResult<()> {
    let nbytes = Layout::checked_nbytes(dims, dtype.itemsize)?;
    let n: u128 = dims.iter().map(|&d| d as u128).product();
    if ctx.heap.fits(nbytes as u128 + 16 * n) {
        Ok(())
    } else {
        Err(PyError::unable_to_allocate(
            nbytes as u128,
            dims,
            &dtype.name(),
        ))
    }
}

/// Copies elements at `offs` of `src` into the fresh C-ordered `out`.
fn gather(src: &NdArray, out: &NdArray, offs: &[usize]) -> PyResult<()> {
    let isz = src.itemsize();
    let dst: Vec<usize> = (0..offs.len()).map(|k| k * isz).collect();
    copy_elements(src, out, offs, &dst)
}

fn copy_elements(src: &NdArray, out: &NdArray, from: &[usize], to: &[usize]) -> PyResult<()> {
    let isz = src.itemsize();
    let s = src.buffer().bytes()?;
    let mut d = out.buffer().bytes_mut()?;
    for (&f, &t) in from.iter().zip(to) {
        d[t..t + isz].copy_from_slice(&s[f..f + isz]);
    }
    Ok(())
}

/// `a[index] = values` for an index holding arrays, as NumPy's `array_assign_subscript`:
/// boolean masks of the whole shape with their own messages, otherwise the map iterator,
/// which checks the values' shape before the indices' bounds. Later duplicates win.
/// Returns `Ok(None)` when the index turned out to be basic-only (the caller assigns to the
/// view it gets back).
pub fn set(
    ctx: &Ctx,
    a: &Rc<NdArray>,
    items: &[FancyItem],
    values: &NdArray,
) -> PyResult<Option<Layout>> {
    if !a.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let layout = a.layout().clone();
    let p = prepare(&layout.shape, items)?;
    if p.kinds.bool_mask {
        if values.ndim() > 1 {
            return Err(PyError::bool_assign_ndim(values.ndim()));
        }
        let count = p.mask.iter().filter(|&&m| m).count();
        let vlen = values.shape().first().copied().unwrap_or(1);
        if values.ndim() == 1 && vlen != 1 && vlen != count {
            return Err(PyError::bool_assign_count(vlen, count));
        }
        let mut offs = Vec::with_capacity(count);
        let mut k = 0;
        layout.for_each_offset(|o| {
            if p.mask[k] {
                offs.push(o);
            }
            k += 1;
        });
        return scatter(ctx, a, &offs, &[count], values);
    }
    if !p.kinds.fancy {
        return Ok(Some(subspace(&layout, &p.entries)?));
    }
    let vshape = values.shape().to_vec();
    let plan = plan(&layout, a.itemsize(), &p, |dims| {
        // values may carry extra leading length-1 axes; otherwise they broadcast right-aligned
        let mut v: &[usize] = &vshape;
        while v.len() > dims.len() && v[0] == 1 {
            v = &v[1..];
        }
        let fits = v.len() <= dims.len()
            && v.iter()
                .rev()
                .zip(dims.iter().rev())
                .all(|(&x, &d)| x == 1 || x == d);
        if fits {
            Layout::checked_nbytes(dims, a.itemsize())?;
            let n: u128 = dims.iter().map(|&d| d as u128).product();
            // the offset lists only (the result is `a` itself)
            if ctx.heap.fits(16 * n) {
                Ok(())
            } else {
                Err(PyError::unable_to_allocate(16 * n, dims, "intp"))
            }
        } else {
            Err(PyError::value_shape_mismatch(
                &np_shape_str(&vshape),
                &np_shape_str(dims),
            ))
        }
    })?;
    let shape = plan.final_shape();
    scatter(ctx, a, &plan.offsets, &shape, values)
}

/// Writes `values` (broadcast to `shape`, right-aligned, leading length-1 axes dropped) to the
/// byte offsets `offs` of `a`, in order, so that a repeated index keeps the last value.
fn scatter(
    ctx: &Ctx,
    a: &NdArray,
    offs: &[usize],
    shape: &[usize],
    values: &NdArray,
) -> PyResult<Option<Layout>> {
    let staged = NdArray::zeros(ctx, shape, a.dtype(), Order::C)?;
    let mut vl = values.layout().clone();
    while vl.ndim() > shape.len() && vl.shape[0] == 1 {
        vl.shape.remove(0);
        vl.strides.remove(0);
    }
    let Some(src) = super::kernels::broadcast_layout(&vl, shape) else {
        return Err(PyError::value_shape_mismatch(
            &np_shape_str(&values.shape()),
            &np_shape_str(shape),
        ));
    };
    let dst = staged.layout().clone();
    super::kernels::copy_between(ctx, values, &src, &staged, &dst)?;
    let isz = a.itemsize();
    let s = staged.buffer().bytes()?;
    let mut d = a.buffer().bytes_mut()?;
    for (k, &o) in offs.iter().enumerate() {
        d[o..o + isz].copy_from_slice(&s[k * isz..(k + 1) * isz]);
    }
    Ok(None)
}

/// Turns a boolean NdArray into an index item (its values in C order).
pub fn bools_of(mask: &NdArray) -> PyResult<FancyItem> {
    let mut values = Vec::with_capacity(mask.size());
    let bytes = mask.buffer().bytes()?;
    mask.layout()
        .for_each_offset(|o| values.push(bytes[o] != 0));
    Ok(FancyItem::Bools {
        values,
        shape: mask.shape().to_vec(),
    })
}

/// Turns an integer NdArray (any integer dtype) into an index item.
pub fn ints_of(ix: &NdArray) -> PyResult<FancyItem> {
    let mut values = Vec::with_capacity(ix.size());
    let bytes = ix.buffer().bytes()?;
    let (dt, isz) = (ix.dtype(), ix.itemsize());
    ix.layout().for_each_offset(|o| {
        let v = Scalar::decode(dt, &bytes[o..o + isz]).to_i64_wrapping();
        values.push(v);
    });
    Ok(FancyItem::Ints {
        values,
        shape: ix.shape().to_vec(),
        f_order: ix.layout().is_fortran(isz),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::dtype::DType;
    use crate::runtime::kernels;

    fn ctx() -> Ctx {
        Ctx::for_tests()
    }

    /// `np.arange(n).reshape(shape)` as int64.
    fn arange(ctx: &Ctx, shape: &[usize]) -> Rc<NdArray> {
        let n: usize = shape.iter().product();
        let a = NdArray::zeros(ctx, &[n], DType::INT64, Order::C).unwrap();
        kernels::fill_arange(ctx, &a, &Scalar::Int(0), &Scalar::Int(1)).unwrap();
        let shape: Vec<i128> = shape.iter().map(|&d| d as i128).collect();
        a.reshape(ctx, &shape, OrderArg::C).unwrap()
    }

    fn ints(values: &[i64]) -> FancyItem {
        FancyItem::Ints {
            values: values.to_vec(),
            shape: vec![values.len()],
            f_order: false,
        }
    }

    fn all() -> FancyItem {
        FancyItem::Basic(IndexItem::Slice {
            start: None,
            stop: None,
            step: None,
        })
    }

    fn array(r: Indexed) -> Rc<NdArray> {
        match r {
            Indexed::View(v) => v,
            Indexed::Element(_) => panic!("expected an array"),
        }
    }

    fn values(a: &NdArray) -> Vec<i64> {
        let mut out = Vec::new();
        a.layout()
            .for_each_offset(|o| out.push(a.element_at(o).unwrap().to_i64_wrapping()));
        out
    }

    #[test]
    fn results_are_laid_out_as_numpys_map_iterator_allocates() {
        // t = np.arange(24).reshape(2, 3, 4); (index, shape, strides, owns data) from NumPy
        let c = ctx();
        let t = arange(&c, &[2, 3, 4]);
        type Case = (Vec<FancyItem>, Vec<usize>, Vec<isize>, bool);
        let cases: Vec<Case> = vec![
            // advanced dims first and kept there: a fresh C array
            (vec![ints(&[0, 1])], vec![2, 3, 4], vec![96, 32, 8], true),
            // separated by a slice: still first, still owned
            (
                vec![ints(&[0, 1]), all(), ints(&[2, 3])],
                vec![2, 3],
                vec![24, 8],
                true,
            ),
            // together after a slice: a transposed view of the allocation (NumPy's consec)
            (
                vec![all(), ints(&[0, 1]), ints(&[2, 3])],
                vec![2, 2],
                vec![8, 16],
                false,
            ),
            (
                vec![all(), all(), ints(&[0, 1])],
                vec![2, 3, 2],
                vec![24, 8, 48],
                false,
            ),
            // an integer counts as advanced for that rule: t[:, 0, [1, 2]] vs t[0, :, [1, 2]]
            (
                vec![all(), FancyItem::Basic(IndexItem::Int(0)), ints(&[1, 2])],
                vec![2, 2],
                vec![8, 16],
                false,
            ),
            (
                vec![FancyItem::Basic(IndexItem::Int(0)), all(), ints(&[1, 2])],
                vec![2, 3],
                vec![24, 8],
                true,
            ),
        ];
        for (items, shape, strides, owns) in cases {
            let r = array(get(&c, &t, &items).unwrap());
            assert_eq!(
                (&*r.shape(), &*r.strides(), r.owns_data()),
                (&shape[..], &strides[..], owns),
                "{items:?}"
            );
        }
        // the subspace keeps the source's memory order: t.T[[0, 1]] is (2, 3, 2) (48, 8, 24)
        let tt = t.transpose(&c, None).unwrap();
        let r = array(get(&c, &tt, &[ints(&[0, 1])]).unwrap());
        assert_eq!(
            (&*r.strides(), values(&r)[..3].to_vec()),
            (&[48, 8, 24][..], vec![0, 12, 4])
        );
    }

    #[test]
    fn checks_come_in_numpys_order() {
        let c = ctx();
        let m = arange(&c, &[3, 4]);
        let mask3 = FancyItem::Bools {
            values: vec![true; 3],
            shape: vec![3],
        };
        let mask2 = FancyItem::Bools {
            values: vec![true; 2],
            shape: vec![2],
        };
        // too many indices before a boolean length mismatch
        let err = get(&c, &m, &[mask2.clone(), all(), all()]).unwrap_err();
        assert_eq!(err, PyError::too_many_indices(2, 3));
        let err = get(&c, &m, &[mask2]).unwrap_err();
        assert_eq!(err, PyError::boolean_index_mismatch(0, 3, 2));
        assert!(get(&c, &m, &[mask3]).is_ok(), "control: matching length");
        // an empty boolean axis is not checked (its nonzero() is empty anyway)
        let none = FancyItem::Bools {
            values: vec![],
            shape: vec![0],
        };
        assert_eq!(&*array(get(&c, &m, &[none]).unwrap()).shape(), &[0, 4]);
        // an integer's bounds (the view) before the index arrays broadcast
        let err = get(
            &c,
            &m,
            &[FancyItem::Basic(IndexItem::Int(9)), ints(&[1, 2])],
        );
        assert_eq!(err.unwrap_err(), PyError::index_out_of_bounds(9, 0, 3));
        // broadcasting before the arrays' bounds
        let err = get(&c, &m, &[ints(&[0, 5]), ints(&[0, 1, 2])]).unwrap_err();
        assert_eq!(
            err,
            PyError::index_shape_mismatch(&["(2,)".into(), "(3,)".into()])
        );
        let err = get(&c, &m, &[ints(&[0, 5]), ints(&[0, 1])]).unwrap_err();
        assert_eq!(err, PyError::index_out_of_bounds(5, 0, 3));
    }

    #[test]
    fn assignment_checks_values_before_bounds_and_keeps_the_last_duplicate() {
        let c = ctx();
        let a = arange(&c, &[4]);
        let three = arange(&c, &[3]);
        let err = set(&c, &a, &[ints(&[0, 9])], &three).unwrap_err();
        assert_eq!(err, PyError::value_shape_mismatch("(3,)", "(2,)"));
        let two = arange(&c, &[2]);
        let err = set(&c, &a, &[ints(&[0, 9])], &two).unwrap_err();
        assert_eq!(
            err,
            PyError::index_out_of_bounds(9, 0, 4),
            "control: shape fits"
        );
        set(&c, &a, &[ints(&[3, 3, 3])], &three).unwrap();
        assert_eq!(values(&a), [0, 1, 2, 2]);
        // a whole-shape mask has its own messages
        let mask = FancyItem::Bools {
            values: vec![true, false, true, false],
            shape: vec![4],
        };
        let err = set(&c, &a, std::slice::from_ref(&mask), &three).unwrap_err();
        assert_eq!(err, PyError::bool_assign_count(3, 2));
        set(&c, &a, &[mask], &two).unwrap();
        assert_eq!(values(&a), [0, 1, 1, 2]);
    }

    #[test]
    fn zero_d_indices() {
        let c = ctx();
        let m = arange(&c, &[3, 4]);
        // a 0-d integer array alone is an integer; beside a slice it forces a copy
        let scalar = FancyItem::Ints {
            values: vec![1],
            shape: vec![],
            f_order: false,
        };
        let r = get(
            &c,
            &m,
            &[scalar.clone(), FancyItem::Basic(IndexItem::Int(2))],
        )
        .unwrap();
        assert!(matches!(r, Indexed::Element(Scalar::Int(6))));
        let row = array(get(&c, &m, &[scalar]).unwrap());
        assert!(row.owns_data(), "a copy, unlike m[1]");
        // a 0-d boolean adds an axis of length 1 (True) or 0 (False)
        let yes = FancyItem::Bools {
            values: vec![true],
            shape: vec![],
        };
        assert_eq!(&*array(get(&c, &m, &[yes]).unwrap()).shape(), &[1, 3, 4]);
        let no = FancyItem::Bools {
            values: vec![false],
            shape: vec![],
        };
        let err = get(&c, &m, &[no, ints(&[1, 2])]).unwrap_err();
        assert_eq!(
            err,
            PyError::index_shape_mismatch(&["(0,)".into(), "(2,)".into()])
        );
    }
}
