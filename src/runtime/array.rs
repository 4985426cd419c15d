//! NumPy's ndarray: a shared buffer + dtype + layout + base. Views (basic indexing, `view`,
//! `as_strided`, transpose, no-copy reshape) share the buffer and never copy; the base collapses
//! to the memory owner as NumPy's does.

use std::any::Any;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use super::Ctx;
use super::buffer::Buffer;
use super::dtype::DType;
use super::heap::ObjId;
use super::index::{self, IndexItem};
use super::layout::{Layout, Order, OrderArg};
use super::scalar::Scalar;
use crate::error::{PyError, PyResult};

/// CPython allocation size of an ndarray object (for the id model's size class).
const ARRAY_OBJECT_SIZE: usize = 80;

/// What a view's `.base` is: another array, or a non-array object in between (NumPy's
/// `DummyArray` that `as_strided` creates, or the `bytes` object `frombuffer` reads). The
/// runtime does not look inside a `Foreign` base; the evaluator gives it its Python face.
#[derive(Clone)]
pub enum Base {
    Array(Rc<NdArray>),
    Foreign(Rc<dyn Any>),
}

/// The Python class of an array object. NumPy's subclasses are Python classes; arrsh models
/// the one its lessons meet, `numpy.recarray`, as a tag on the array: views keep their
/// source's class (`r[1:]`, `r.T`, `r.reshape(...)` are recarrays, as NumPy's `Py_TYPE(self)`
/// travels through `PyArray_NewFromDescr`), a fresh array is an ndarray unless made one, and the
/// base collapse stops at a different class (invariant 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrayClass {
    Ndarray,
    RecArray,
}

/// An n-dimensional array object. Invariants:
/// 1. `layout` satisfies `Layout`'s invariants for `dtype.itemsize` inside `buffer` (its
///    invariant 3 is what lets kernels index the buffer without bounds surprises).
/// 2. `base` is `None` exactly when this array owns its data (`flags.owndata`). A view's base is
///    collapsed as NumPy's `PyArray_SetBaseObject` does: to the first array that owns its data,
///    that has a `Foreign` base, or whose base is of another class than the view (so a base is
///    an owner unless classes mix: `a.view(np.recarray)[1:].base` is the recarray).
/// 3. `buffer` is shared with every array reached through `base`.
/// 4. `layout` and `dtype` change only through `set_shape` (NumPy's `a.shape = ...`) and
///    `resize` (`a.resize(...)`, which renews an unshared buffer first), both keeping
///    invariant 1.
pub struct NdArray {
    id: ObjId,
    buffer: Rc<Buffer>,
    dtype: Cell<DType>,
    layout: RefCell<Layout>,
    base: Option<Base>,
    writeable: Cell<bool>,
    /// The dtype object the evaluator handed out for this array, kept so `a.dtype is a.dtype`
    /// (NumPy's array holds one descr; views of the same dtype share it). Opaque here.
    descr_obj: RefCell<Option<Rc<dyn Any>>>,
    /// Set when the array is made (`set_class` on a fresh array), never changed after.
    class: Cell<ArrayClass>,
}

/// Result of indexing: an element (numpy returns a new scalar) or an array (a view, or for
/// advanced indexing a new array).
#[derive(Debug)]
pub enum Indexed {
    Element(Scalar),
    View(Rc<NdArray>),
}

impl NdArray {
    // ------------------------------------------------------------------ construction

    /// A new array owning a zero-filled buffer (`np.zeros`; `np.empty` gives the same bytes).
    pub fn zeros(ctx: &Ctx, shape: &[usize], dtype: DType, order: Order) -> PyResult<Rc<NdArray>> {
        let nbytes = Layout::checked_nbytes(shape, dtype.itemsize)?;
        let buffer = Buffer::zeroed(&ctx.heap, nbytes, shape, &dtype.name())?;
        let mut layout = Layout::contiguous(shape, dtype.itemsize, order);
        if shape.contains(&0) {
            // numpy 2 gives freshly allocated empty arrays all-zero strides (reshape does not)
            layout.strides.iter_mut().for_each(|s| *s = 0);
        }
        Ok(Rc::new(NdArray::owner(ctx, buffer, dtype, layout)))
    }

    /// A new zero-filled owner with the given strides, which must describe a permutation of a
    /// contiguous layout (NumPy's `NewLikeArray` in `K` order, advanced-indexing results). As
    /// for every fresh allocation in NumPy 2, an empty array gets all-zero strides.
    pub fn with_strides(
        ctx: &Ctx,
        shape: &[usize],
        strides: &[isize],
        dtype: DType,
    ) -> PyResult<Rc<NdArray>> {
        let a = NdArray::zeros(ctx, shape, dtype, Order::C)?;
        if a.size() > 0 {
            let layout = Layout {
                shape: shape.to_vec(),
                strides: strides.to_vec(),
                offset_bytes: 0,
            };
            debug_assert!(
                layout_fits(&layout, dtype.itemsize, a.buffer.nbytes()),
                "invariant 1"
            );
            *a.layout.borrow_mut() = layout;
        }
        Ok(a)
    }

    /// An owner over an existing buffer (used by kernels that filled a fresh buffer).
    pub fn owner(ctx: &Ctx, buffer: Rc<Buffer>, dtype: DType, layout: Layout) -> NdArray {
        NdArray {
            id: ctx.heap.object(ARRAY_OBJECT_SIZE),
            buffer,
            dtype: Cell::new(dtype),
            layout: RefCell::new(layout),
            base: None,
            writeable: Cell::new(true),
            descr_obj: RefCell::new(None),
            class: Cell::new(ArrayClass::Ndarray),
        }
    }

    /// A new view object of the same memory, its base collapsed as NumPy does (invariant 2).
    pub fn view_with(self: &Rc<Self>, ctx: &Ctx, dtype: DType, layout: Layout) -> Rc<NdArray> {
        self.view_as(ctx, dtype, layout, self.class())
    }

    /// A view of another class (`a.view(np.recarray)`, `r.view(np.ndarray)`), its base
    /// collapsed as NumPy collapses it (invariant 2).
    pub fn view_as(
        self: &Rc<Self>,
        ctx: &Ctx,
        dtype: DType,
        layout: Layout,
        class: ArrayClass,
    ) -> Rc<NdArray> {
        debug_assert!(
            layout_fits(&layout, dtype.itemsize, self.buffer.nbytes()),
            "invariant 1"
        );
        let mut base = self.clone();
        // an owner, a view whose base is not an array, or one whose base is of another class
        // than the new view: the collapse stops there
        while let Some(Base::Array(b)) = &base.base
            && b.class() == class
        {
            base = b.clone();
        }
        let v = self.new_view(ctx, dtype, layout, Base::Array(base));
        v.class.set(class);
        v
    }

    /// A view whose `.base` is a non-array object (see `Base::Foreign`).
    pub fn view_with_foreign_base(
        self: &Rc<Self>,
        ctx: &Ctx,
        dtype: DType,
        layout: Layout,
        holder: Rc<dyn Any>,
    ) -> Rc<NdArray> {
        debug_assert!(
            layout_fits(&layout, dtype.itemsize, self.buffer.nbytes()),
            "invariant 1"
        );
        self.new_view(ctx, dtype, layout, Base::Foreign(holder))
    }

    fn new_view(&self, ctx: &Ctx, dtype: DType, layout: Layout, base: Base) -> Rc<NdArray> {
        Rc::new(NdArray {
            id: ctx.heap.object(ARRAY_OBJECT_SIZE),
            buffer: self.buffer.clone(),
            dtype: Cell::new(dtype),
            layout: RefCell::new(layout),
            base: Some(base),
            writeable: Cell::new(self.writeable.get()),
            // a recarray's record dtype is another dtype object than its source's
            descr_obj: RefCell::new(
                if dtype == self.dtype() && dtype.record == self.dtype().record {
                    self.descr_obj.borrow().clone()
                } else {
                    None
                },
            ),
            class: Cell::new(self.class()),
        })
    }

    /// An array over a buffer that a non-array object owns (`np.frombuffer`: the bytes object).
    pub fn over_foreign(
        ctx: &Ctx,
        buffer: Rc<Buffer>,
        dtype: DType,
        layout: Layout,
        holder: Rc<dyn Any>,
    ) -> Rc<NdArray> {
        Rc::new(NdArray {
            id: ctx.heap.object(ARRAY_OBJECT_SIZE),
            buffer,
            dtype: Cell::new(dtype),
            layout: RefCell::new(layout),
            base: Some(Base::Foreign(holder)),
            writeable: Cell::new(false),
            descr_obj: RefCell::new(None),
            class: Cell::new(ArrayClass::Ndarray),
        })
    }

    /// Marks a view over a foreign exporter's memory writeable, when the exporter hands out
    /// writable memory (a `bytearray`): `over_foreign` starts read-only.
    pub fn into_writable_export(self: Rc<Self>) -> Rc<NdArray> {
        self.writeable.set(true);
        self
    }

    /// Marks an array read-only (`broadcast_to`, `sliding_window_view`, `frombuffer`).
    pub fn into_readonly(self: Rc<Self>) -> Rc<NdArray> {
        self.writeable.set(false);
        self
    }

    /// `a.flags.writeable = flag`: NumPy refuses to make a view writeable when its base is not.
    pub fn set_writeable(&self, flag: bool) -> PyResult<()> {
        if flag && !self.writeable.get() {
            if let Some(Base::Array(b)) = &self.base
                && !b.is_writeable()
            {
                return Err(PyError::value(
                    "cannot set WRITEABLE flag to True of this array",
                ));
            }
            if matches!(self.base, Some(Base::Foreign(_))) {
                return Err(PyError::value(
                    "cannot set WRITEABLE flag to True of this array",
                ));
            }
        }
        self.writeable.set(flag);
        Ok(())
    }

    /// `a.shape = shape`: NumPy reshapes in C order and keeps the result only if it is a view of
    /// the same data (invariant 4); otherwise it asks for `.reshape()`.
    pub fn set_shape(self: &Rc<Self>, ctx: &Ctx, shape: &[i128]) -> PyResult<()> {
        let r = self.reshape(ctx, shape, OrderArg::C)?;
        if !Rc::ptr_eq(r.buffer(), &self.buffer) || r.offset_bytes() != self.offset_bytes() {
            return Err(PyError::attribute(
                "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.",
            ));
        }
        let new = r.layout().clone();
        *self.layout.borrow_mut() = new;
        Ok(())
    }

    /// The new layout of `resize` (invariant 4), after its buffer was renewed to fit it.
    pub(super) fn replace_layout(&self, layout: Layout) {
        debug_assert!(
            layout_fits(&layout, self.itemsize(), self.buffer.nbytes()),
            "invariant 1"
        );
        *self.layout.borrow_mut() = layout;
    }

    // ------------------------------------------------------------------ attributes

    pub fn id(&self) -> u64 {
        self.id.addr()
    }
    pub fn class(&self) -> ArrayClass {
        self.class.get()
    }
    pub fn is_recarray(&self) -> bool {
        self.class() == ArrayClass::RecArray
    }
    /// Makes a freshly made array an instance of `class` (`r.copy()` is a recarray too).
    pub fn set_class(self: Rc<Self>, class: ArrayClass) -> Rc<NdArray> {
        self.class.set(class);
        self
    }
    pub fn dtype(&self) -> DType {
        self.dtype.get()
    }
    /// The evaluator's dtype object for this array, if it made one (see `descr_obj`).
    pub fn descr_obj(&self) -> Option<Rc<dyn Any>> {
        self.descr_obj.borrow().clone()
    }
    pub fn set_descr_obj(&self, obj: Rc<dyn Any>) {
        *self.descr_obj.borrow_mut() = Some(obj);
    }
    pub fn layout(&self) -> Ref<'_, Layout> {
        self.layout.borrow()
    }
    pub fn shape(&self) -> Ref<'_, [usize]> {
        Ref::map(self.layout.borrow(), |l| l.shape.as_slice())
    }
    pub fn strides(&self) -> Ref<'_, [isize]> {
        Ref::map(self.layout.borrow(), |l| l.strides.as_slice())
    }
    pub fn ndim(&self) -> usize {
        self.layout.borrow().ndim()
    }
    pub fn size(&self) -> usize {
        self.layout.borrow().len()
    }
    pub fn itemsize(&self) -> usize {
        self.dtype().itemsize
    }
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }
    pub fn offset_bytes(&self) -> isize {
        self.layout.borrow().offset_bytes
    }
    pub fn buffer(&self) -> &Rc<Buffer> {
        &self.buffer
    }
    pub fn base(&self) -> Option<&Base> {
        self.base.as_ref()
    }
    /// The array `base` names when it is one.
    pub fn base_array(&self) -> Option<&Rc<NdArray>> {
        match &self.base {
            Some(Base::Array(b)) => Some(b),
            _ => None,
        }
    }
    pub fn owns_data(&self) -> bool {
        self.base.is_none()
    }
    pub fn is_writeable(&self) -> bool {
        self.writeable.get()
    }
    pub fn is_c_contiguous(&self) -> bool {
        self.layout.borrow().is_c_contiguous(self.itemsize())
    }
    pub fn is_f_contiguous(&self) -> bool {
        self.layout.borrow().is_f_contiguous(self.itemsize())
    }
    /// `ALIGNED`: data pointer and strides are multiples of the dtype's alignment.
    pub fn is_aligned(&self) -> bool {
        let align = self.dtype().alignment().max(1) as isize;
        let l = self.layout.borrow();
        (self.data_address() as isize) % align == 0
            && l.strides
                .iter()
                .zip(&l.shape)
                .all(|(&s, &n)| n <= 1 || s % align == 0)
    }
    /// The address of the first element as arrsh shows it (model or real, see `Heap`).
    pub fn data_address(&self) -> u64 {
        self.buffer
            .address()
            .wrapping_add_signed(self.offset_bytes() as i64)
    }

    /// Whether two arrays' byte extents overlap (`np.may_share_memory`).
    pub fn may_share_memory(&self, other: &NdArray) -> bool {
        if !Rc::ptr_eq(&self.buffer, &other.buffer) {
            return false;
        }
        match (
            self.layout().byte_extent(self.itemsize()),
            other.layout().byte_extent(other.itemsize()),
        ) {
            (Some((a0, a1)), Some((b0, b1))) => a0 < b1 && b0 < a1,
            _ => false,
        }
    }

    /// Whether the arrays have a byte in common, NumPy's solver bounded by `max_work`
    /// (`np.shares_memory`: -1 exact; `np.may_share_memory`: 0, extents only).
    pub fn overlap(&self, other: &NdArray, max_work: i64) -> super::overlap::Overlap {
        if !Rc::ptr_eq(&self.buffer, &other.buffer) {
            return super::overlap::Overlap::No;
        }
        super::overlap::solve_may_share_memory(
            &self.layout(),
            self.itemsize(),
            &other.layout(),
            other.itemsize(),
            max_work,
        )
    }

    /// `np.shares_memory(a, b)`: exact.
    pub fn shares_memory(&self, other: &NdArray) -> bool {
        self.overlap(other, super::overlap::MAY_SHARE_EXACT) == super::overlap::Overlap::Yes
    }

    // ------------------------------------------------------------------ element access

    /// The element at a byte offset (from `Layout::offset_of` or an index walk).
    pub fn element_at(&self, offset: usize) -> PyResult<Scalar> {
        let bytes = self.buffer.bytes()?;
        // invariant 1: an in-range element's bytes are inside the buffer
        Ok(Scalar::decode(
            self.dtype(),
            &bytes[offset..offset + self.itemsize()],
        ))
    }

    /// The element at a C-order multi-index (each index in range).
    pub fn get(&self, index: &[usize]) -> PyResult<Scalar> {
        self.element_at(self.layout().offset_of(index))
    }

    /// The single element of a size-1 array (`a.item()`, `int(a)`).
    pub fn item(&self) -> Option<PyResult<Scalar>> {
        (self.size() == 1).then(|| self.element_at(self.layout().offset_of(&vec![0; self.ndim()])))
    }

    // ------------------------------------------------------------------ views

    /// Basic indexing: integers, slices, `...`, `None`.
    pub fn index_basic(self: &Rc<Self>, ctx: &Ctx, items: &[IndexItem]) -> PyResult<Indexed> {
        let r = index::apply_basic(&self.layout(), items)?;
        if r.is_element {
            return Ok(Indexed::Element(
                self.element_at(r.layout.offset_bytes as usize)?,
            ));
        }
        Ok(Indexed::View(self.view_with(ctx, self.dtype(), r.layout)))
    }

    /// `a.view(dtype)`: NumPy ≥ 1.23's rule, checks in NumPy's order (getset.c, array_descr_set):
    /// a 0-d array first, then a non-contiguous last axis, then a size that does not divide.
    pub fn view_dtype(self: &Rc<Self>, ctx: &Ctx, dtype: DType) -> PyResult<Rc<NdArray>> {
        let old = self.itemsize();
        let new = dtype.itemsize;
        let mut layout = self.layout().clone();
        if new != old {
            if self.ndim() == 0 {
                return Err(PyError::view_zero_dim());
            }
            let axis = self.ndim() - 1;
            if layout.shape[axis] != 1 && self.size() != 0 && layout.strides[axis] != old as isize {
                return Err(PyError::view_last_axis_not_contiguous());
            }
            if new < old {
                if new == 0 || !old.is_multiple_of(new) {
                    return Err(PyError::view_smaller_not_divisor());
                }
                layout.shape[axis] *= old / new;
            } else {
                let last_bytes = layout.shape[axis] * old;
                if !last_bytes.is_multiple_of(new) {
                    return Err(PyError::view_larger_not_divisor());
                }
                layout.shape[axis] = last_bytes / new;
            }
            layout.strides[axis] = new as isize;
        }
        Ok(self.view_with(ctx, dtype, layout))
    }

    /// `np.lib.stride_tricks.as_strided`: the one operation that builds an arbitrary layout.
    /// arrsh is a safe shell, so (unlike NumPy ≤ 2.4) a layout reaching outside the memory
    /// owner's buffer is refused, with NumPy 2.5's `check_bounds=True` message. The whole extent
    /// is checked (sum over axes) in i128, so no shape or stride can overflow the check.
    /// `holder` becomes the result's `.base`, as NumPy's `DummyArray` does.
    pub fn as_strided(
        self: &Rc<Self>,
        ctx: &Ctx,
        shape: &[i128],
        strides: &[i128],
        writeable: bool,
        holder: Rc<dyn Any>,
    ) -> PyResult<Rc<NdArray>> {
        if shape.len() != strides.len() {
            return Err(PyError::value("mismatch in length of strides and shape"));
        }
        let ushape = Layout::checked_size(shape, self.itemsize())?;
        let mut lo = self.layout().offset_bytes as i128;
        let mut hi = lo;
        let empty = ushape.contains(&0);
        for (&n, &s) in shape.iter().zip(strides) {
            if n > 0 {
                let span = (n - 1)
                    .checked_mul(s)
                    .ok_or_else(|| PyError::strided_view_ends_after(u128::MAX))?;
                if span < 0 {
                    lo += span;
                } else {
                    hi += span;
                }
            }
        }
        hi += self.itemsize() as i128;
        let limit = self.buffer.nbytes() as i128;
        if !empty {
            if hi > limit {
                return Err(PyError::strided_view_ends_after((hi - limit) as u128));
            }
            if lo < 0 {
                return Err(PyError::strided_view_starts_before((-lo) as u128));
            }
        }
        let strides: Vec<isize> = strides
            .iter()
            .map(|&s| isize::try_from(s).map_err(|_| PyError::strided_view_ends_after(u128::MAX)))
            .collect::<PyResult<_>>()?;
        let layout = Layout {
            shape: ushape,
            strides,
            offset_bytes: self.layout().offset_bytes,
        };
        let v = self.view_with_foreign_base(ctx, self.dtype(), layout, holder);
        Ok(if writeable && self.is_writeable() {
            v
        } else {
            v.into_readonly()
        })
    }

    /// `a.transpose(axes)` / `a.T`: a view with permuted shape and strides.
    pub fn transpose(self: &Rc<Self>, ctx: &Ctx, axes: Option<&[i64]>) -> PyResult<Rc<NdArray>> {
        let nd = self.ndim();
        let perm: Vec<usize> = match axes {
            None => (0..nd).rev().collect(),
            Some(axes) => {
                if axes.len() != nd {
                    return Err(PyError::axes_dont_match());
                }
                let mut seen = vec![false; nd];
                let mut perm = Vec::with_capacity(nd);
                for &ax in axes {
                    let a = normalize_axis(ax, nd)?;
                    if seen[a] {
                        return Err(PyError::repeated_axis());
                    }
                    seen[a] = true;
                    perm.push(a);
                }
                perm
            }
        };
        let layout = Layout {
            shape: perm.iter().map(|&p| self.layout().shape[p]).collect(),
            strides: perm.iter().map(|&p| self.layout().strides[p]).collect(),
            offset_bytes: self.layout().offset_bytes,
        };
        Ok(self.view_with(ctx, self.dtype(), layout))
    }
}

impl std::fmt::Debug for NdArray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "NdArray({} shape {:?} strides {:?} offset {} owns {})",
            self.dtype().str(),
            self.shape(),
            self.strides(),
            self.offset_bytes(),
            self.owns_data()
        )
    }
}

/// Maps a possibly negative axis into `0..ndim`, or NumPy's AxisError.
pub fn normalize_axis(axis: i64, ndim: usize) -> PyResult<usize> {
    let a = if axis < 0 { axis + ndim as i64 } else { axis };
    if a < 0 || a >= ndim as i64 {
        return Err(PyError::axis_out_of_bounds(axis, ndim));
    }
    Ok(a as usize)
}

fn layout_fits(layout: &Layout, itemsize: usize, nbytes: usize) -> bool {
    match layout.byte_extent(itemsize) {
        None => true,
        Some((lo, hi)) => lo >= 0 && hi <= nbytes as i128,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::dtype::DType;

    fn ctx() -> Ctx {
        Ctx::for_tests()
    }

    fn arange(ctx: &Ctx, n: usize, dtype: DType) -> Rc<NdArray> {
        let a = NdArray::zeros(ctx, &[n], dtype, Order::C).unwrap();
        crate::runtime::kernels::fill_arange(ctx, &a, &Scalar::Int(0), &Scalar::Int(1)).unwrap();
        a
    }

    #[test]
    fn views_collapse_base_to_the_owner() {
        let c = ctx();
        let a = arange(&c, 10, DType::INT64);
        let sl = IndexItem::Slice {
            start: None,
            stop: None,
            step: Some(2),
        };
        let Indexed::View(b) = a.index_basic(&c, std::slice::from_ref(&sl)).unwrap() else {
            panic!()
        };
        let Indexed::View(d) = b.index_basic(&c, &[sl]).unwrap() else {
            panic!()
        };
        assert!(
            Rc::ptr_eq(d.base_array().unwrap(), &a),
            "view of a view: base is the owner"
        );
        assert!(a.owns_data() && !d.owns_data());
        assert_eq!(&*d.strides(), &[32]);
    }

    /// Invariant 2 with classes (NumPy's `PyArray_SetBaseObject` stops at another type):
    /// each row views `src` as `class` and names the expected base.
    #[test]
    fn base_collapse_stops_where_the_class_changes() {
        use ArrayClass::{Ndarray, RecArray};
        let c = ctx();
        let a = arange(&c, 4, DType::INT64);
        let view =
            |src: &Rc<NdArray>, class| src.view_as(&c, src.dtype(), src.layout().clone(), class);
        let v = view(&a, RecArray); // a.view(np.recarray)
        let w = view(&v, RecArray); // v[...]: the chain passes v only if v's base is a recarray
        let x = view(&v, Ndarray); // v.view(np.ndarray): v's base a is an ndarray
        let y = view(&w, Ndarray); // w's base is v, a recarray: the ndarray stops at w
        let cases: [(&Rc<NdArray>, &Rc<NdArray>, &str); 4] = [
            (&v, &a, "an owner is the base"),
            (
                &w,
                &v,
                "same class, but v's base is another class: stops at v",
            ),
            (&x, &a, "back to ndarray: collapses through v to the owner"),
            (
                &y,
                &w,
                "ndarray view of a recarray whose base is a recarray: stops at w",
            ),
        ];
        for (view, base, why) in cases {
            assert!(Rc::ptr_eq(view.base_array().unwrap(), base), "{why}");
        }
        assert!(v.is_recarray() && w.is_recarray() && !x.is_recarray());
    }

    #[test]
    fn dtype_view_rules_in_numpy_order() {
        // numpy TestViewDtype: each failure next to a control that differs in one property
        let c = ctx();
        let a = arange(&c, 4, DType::UINT32);
        // 0-d first
        let zero_d = a
            .index_basic(&c, &[IndexItem::Int(0), IndexItem::Ellipsis])
            .ok();
        if let Some(Indexed::View(z)) = zero_d {
            assert_eq!(
                z.view_dtype(&c, DType::UINT8).unwrap_err(),
                PyError::view_zero_dim()
            );
            assert!(
                z.view_dtype(&c, DType::INT32).is_ok(),
                "control: same itemsize on 0-d is fine"
            );
        }
        let m = a.reshape(&c, &[2, 2], OrderArg::C).unwrap();
        let col = m
            .index_basic(
                &c,
                &[
                    IndexItem::Slice {
                        start: None,
                        stop: None,
                        step: None,
                    },
                    IndexItem::Int(0),
                ],
            )
            .ok()
            .and_then(|i| {
                if let Indexed::View(v) = i {
                    Some(v)
                } else {
                    None
                }
            })
            .unwrap();
        assert_eq!(
            col.view_dtype(&c, DType::UINT64).unwrap_err(),
            PyError::view_last_axis_not_contiguous()
        );
        assert_eq!(
            &*m.view_dtype(&c, DType::UINT64).unwrap().shape(),
            &[2, 1],
            "control: contiguous rows"
        );
        assert_eq!(
            m.view_dtype(&c, DType::bytes(3)).unwrap_err(),
            PyError::view_smaller_not_divisor()
        );
        assert_eq!(
            m.view_dtype(&c, DType::bytes(16)).unwrap_err(),
            PyError::view_larger_not_divisor()
        );
        let small = m.view_dtype(&c, DType::UINT8).unwrap();
        assert_eq!(
            (&*small.shape(), &*small.strides()),
            (&[2usize, 8][..], &[8isize, 1][..])
        );
    }

    #[test]
    fn seed_non_contiguous_rows_widen() {
        // np.empty((8, 4), 'uint32')[:, :2].view('uint64') -> shape (8, 1), strides (16, 8)
        let c = ctx();
        let e = NdArray::zeros(&c, &[8, 4], DType::UINT32, Order::C).unwrap();
        let full = IndexItem::Slice {
            start: None,
            stop: None,
            step: None,
        };
        let two = IndexItem::Slice {
            start: None,
            stop: Some(2),
            step: None,
        };
        let Indexed::View(v) = e.index_basic(&c, &[full, two]).unwrap() else {
            panic!()
        };
        let w = v.view_dtype(&c, DType::UINT64).unwrap();
        assert_eq!(
            (&*w.shape(), &*w.strides()),
            (&[8usize, 1][..], &[16isize, 8][..])
        );
    }

    #[test]
    fn as_strided_refuses_out_of_bounds() {
        let c = ctx();
        let a = arange(&c, 5, DType::INT64);
        let ok = a
            .as_strided(&c, &[3, 3], &[8, 8], true, Rc::new(()))
            .unwrap();
        assert_eq!(&*ok.shape(), &[3, 3]);
        let err = a
            .as_strided(&c, &[4, 3], &[8, 8], true, Rc::new(()))
            .unwrap_err();
        assert_eq!(err, PyError::strided_view_ends_after(8));
        let err = a
            .as_strided(&c, &[2], &[-8], true, Rc::new(()))
            .unwrap_err();
        assert_eq!(err, PyError::strided_view_starts_before(8));
        assert!(
            a.as_strided(&c, &[0, 1 << 50], &[1 << 60, 1 << 60], true, Rc::new(()))
                .is_ok(),
            "empty touches nothing"
        );
        assert_eq!(
            a.as_strided(&c, &[0, 1 << 60], &[1 << 60, 1 << 60], true, Rc::new(()))
                .unwrap_err(),
            PyError::array_too_big(),
            "but its size is NumPy's to check (NumPy 2.4.6)"
        );
        assert!(
            a.as_strided(&c, &[1 << 62], &[1 << 62], true, Rc::new(()))
                .is_err(),
            "huge extent is refused, no overflow"
        );
    }

    #[test]
    fn shares_memory_is_exact() {
        let c = ctx();
        let a = arange(&c, 10, DType::INT64);
        let even = IndexItem::Slice {
            start: None,
            stop: None,
            step: Some(2),
        };
        let odd = IndexItem::Slice {
            start: Some(1),
            stop: None,
            step: Some(2),
        };
        let Indexed::View(e) = a.index_basic(&c, &[even]).unwrap() else {
            panic!()
        };
        let Indexed::View(o) = a.index_basic(&c, &[odd]).unwrap() else {
            panic!()
        };
        assert!(e.may_share_memory(&o), "extents overlap");
        assert!(!e.shares_memory(&o), "but no byte is shared");
        assert!(e.shares_memory(&a), "control");
    }
}
