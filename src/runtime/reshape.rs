//! Shape operations that may view or copy, decided as NumPy decides: `reshape`
//! (`PyArray_Newshape`), `ravel`, `flatten`, `squeeze`, and copies in a memory order
//! (`PyArray_NewLikeArray`), with NumPy's strides for each result.

use std::rc::Rc;

use super::array::{NdArray, normalize_axis};
use super::dtype::DType;
use super::layout::{Layout, MAX_DIMS, Order, OrderArg};
use super::origin::{CopyKind, CopyOrigin};
use super::{Ctx, kernels};
use crate::error::{PyError, PyResult};

impl NdArray {
    /// `a.reshape(shape, order)`, a port of `PyArray_Newshape`:
    /// 1. the shape as given (before `-1` is resolved) equal to the current one: a view with the
    ///    same strides — so `a.reshape(-1)` of a 1-d array still gets fresh strides;
    /// 2. contiguous in `order`: a view with freshly filled strides;
    /// 3. otherwise `_attempt_nocopy_reshape` finds strides over the same memory;
    /// 4. otherwise a view of a fresh copy in `order` (not owning its data, as in NumPy).
    pub fn reshape(
        self: &Rc<Self>,
        ctx: &Ctx,
        shape: &[i128],
        order: OrderArg,
    ) -> PyResult<Rc<NdArray>> {
        let order = match order {
            OrderArg::C => Order::C,
            OrderArg::F => Order::F,
            OrderArg::A if self.layout().is_fortran(self.itemsize()) => Order::F,
            OrderArg::A => Order::C,
            OrderArg::K => return Err(PyError::reshape_order_k()),
        };
        // `PyArray_IntpConverter` reads the shape before anything compares it (`reshape(10**19)`,
        // and `reshape(-10**19)`, which would otherwise be one more unknown dimension)
        if shape.iter().any(|&d| isize::try_from(d).is_err()) {
            return Err(PyError::maximum_dimension_exceeded());
        }
        let same = shape.len() == self.ndim()
            && shape
                .iter()
                .zip(self.shape().iter())
                .all(|(&want, &have)| want == have as i128);
        if same {
            return Ok(self.view_with(ctx, self.dtype(), self.layout().clone()));
        }
        let newshape = fix_unknown_dimension(shape, self.size())?;
        let isz = self.itemsize();
        // the view is a new array: NumPy's size rule holds for it too (`(0, 2**62)`)
        Layout::checked_nbytes(&newshape, isz)?;
        let contiguous = match order {
            Order::C => self.is_c_contiguous(),
            Order::F => self.is_f_contiguous(),
        };
        if !contiguous {
            if let Some(strides) = attempt_nocopy_reshape(&self.layout(), &newshape, isz, order) {
                let layout = Layout {
                    shape: newshape,
                    strides,
                    offset_bytes: self.offset_bytes(),
                };
                return Ok(self.view_with(ctx, self.dtype(), layout));
            }
            let copy = kernels::copy_array(ctx, self, order)?;
            let kind = CopyKind::Reshape {
                shape: newshape.clone(),
            };
            copy.buffer().set_origin(CopyOrigin::of(self, kind, order));
            let layout = Layout::contiguous(&newshape, isz, order);
            return Ok(copy.view_with(ctx, self.dtype(), layout));
        }
        let mut layout = Layout::contiguous(&newshape, isz, order);
        layout.offset_bytes = self.offset_bytes();
        Ok(self.view_with(ctx, self.dtype(), layout))
    }

    /// `a.ravel(order)`, a port of `PyArray_Ravel`: `K` means C or F when the array is
    /// contiguous that way; a contiguous array reshapes to `(-1,)` (a view); in `K` order an
    /// array whose axes, sorted by stride, are contiguous gives a 1-d view too; anything else is
    /// `flatten`'s copy.
    pub fn ravel(self: &Rc<Self>, ctx: &Ctx, order: OrderArg) -> PyResult<Rc<NdArray>> {
        let isz = self.itemsize();
        let order = match order {
            OrderArg::K if self.is_c_contiguous() => OrderArg::C,
            OrderArg::K if self.is_f_contiguous() => OrderArg::F,
            OrderArg::A if self.layout().is_fortran(isz) => OrderArg::F,
            OrderArg::A => OrderArg::C,
            other => other,
        };
        match order {
            OrderArg::C if self.is_c_contiguous() => return self.reshape(ctx, &[-1], order),
            OrderArg::F if self.is_f_contiguous() => return self.reshape(ctx, &[-1], order),
            OrderArg::K => {
                let layout = self.layout().clone();
                let mut step = isz as isize;
                let fits = layout.sorted_stride_perm().iter().rev().all(|&ax| {
                    if layout.shape[ax] == 1 {
                        return true; // a length-1 axis does not matter
                    }
                    let ok = layout.strides[ax] == step;
                    step *= layout.shape[ax] as isize;
                    ok
                });
                if fits {
                    let flat = Layout {
                        shape: vec![layout.len()],
                        strides: vec![isz as isize],
                        offset_bytes: layout.offset_bytes,
                    };
                    return Ok(self.view_with(ctx, self.dtype(), flat));
                }
            }
            _ => {}
        }
        let copy = self.flatten(ctx, order)?;
        let order = if order == OrderArg::F {
            Order::F
        } else {
            Order::C
        };
        copy.buffer()
            .set_origin(CopyOrigin::of(self, CopyKind::Ravel, order));
        Ok(copy)
    }

    /// `a.flatten(order)`, a port of `PyArray_Flatten`: always a new 1-d owner, filled by
    /// visiting the elements in C order, F order, or (for `K`) the iterator's memory order.
    pub fn flatten(self: &Rc<Self>, ctx: &Ctx, order: OrderArg) -> PyResult<Rc<NdArray>> {
        let isz = self.itemsize();
        let layout = self.layout().clone();
        let perm: Vec<usize> = match order {
            OrderArg::A if layout.is_fortran(isz) => (0..layout.ndim()).rev().collect(),
            OrderArg::C | OrderArg::A => (0..layout.ndim()).collect(),
            OrderArg::F => (0..layout.ndim()).rev().collect(),
            OrderArg::K => layout.iteration_perm_keep(),
        };
        let out = NdArray::zeros(ctx, &[layout.len()], self.dtype(), Order::C)?;
        let src = layout.permuted(&perm);
        let dst = Layout::contiguous(&src.shape, isz, Order::C);
        kernels::copy_between(ctx, self, &src, &out, &dst)?;
        Ok(out)
    }

    /// A new owner holding this array's values in `dtype`, laid out like NumPy's
    /// `PyArray_NewLikeArray(a, order)` (`a.copy(order)`, `np.copy`, `astype`; see
    /// `Layout::like_strides`).
    pub fn copy_as(
        self: &Rc<Self>,
        ctx: &Ctx,
        dtype: DType,
        order: OrderArg,
    ) -> PyResult<Rc<NdArray>> {
        let layout = self.layout().clone();
        let strides = layout.like_strides(self.itemsize(), &layout.shape, dtype.itemsize, order);
        let out = NdArray::with_strides(ctx, &layout.shape, &strides, dtype)?;
        kernels::assign(ctx, &out, self)?;
        Ok(out)
    }

    /// A new zero-filled owner of `shape` and `dtype` laid out "like" this array
    /// (`zeros_like` & co., `PyArray_NewLikeArrayWithShape`).
    pub fn new_like(
        &self,
        ctx: &Ctx,
        shape: &[usize],
        dtype: DType,
        order: OrderArg,
    ) -> PyResult<Rc<NdArray>> {
        let strides = self
            .layout()
            .like_strides(self.itemsize(), shape, dtype.itemsize, order);
        NdArray::with_strides(ctx, shape, &strides, dtype)
    }

    /// `a.squeeze(axis)` (`PyArray_Squeeze` / `PyArray_SqueezeSelected`): `None` when there is
    /// nothing to remove — NumPy then returns the array itself — otherwise a view without the
    /// length-1 axes (all of them, or the selected ones, which must have length 1).
    pub fn squeeze(
        self: &Rc<Self>,
        ctx: &Ctx,
        axes: Option<&[i64]>,
    ) -> PyResult<Option<Rc<NdArray>>> {
        let nd = self.ndim();
        let mut drop = vec![false; nd];
        match axes {
            None => {
                for (ax, &n) in self.shape().iter().enumerate() {
                    drop[ax] = n == 1;
                }
            }
            Some(list) => {
                for &a in list {
                    let ax = normalize_axis(a, nd)?;
                    if drop[ax] {
                        return Err(PyError::duplicate_axis_value());
                    }
                    drop[ax] = true;
                }
                if drop
                    .iter()
                    .zip(self.shape().iter())
                    .any(|(&d, &n)| d && n != 1)
                {
                    return Err(PyError::squeeze_not_one());
                }
            }
        }
        if !drop.contains(&true) {
            return Ok(None);
        }
        let keep: Vec<usize> = (0..nd).filter(|&ax| !drop[ax]).collect();
        let layout = self.layout().permuted(&keep);
        Ok(Some(self.view_with(ctx, self.dtype(), layout)))
    }
}

/// numpy's `_fix_unknown_dimension`: one negative entry is inferred; sizes must match.
pub fn fix_unknown_dimension(shape: &[i128], size: usize) -> PyResult<Vec<usize>> {
    let mut unknown = None;
    let mut known: i128 = 1;
    let mismatch =
        || PyError::reshape_size_mismatch(size, &crate::error::np_shape_str_newaxis(shape));
    for (i, &d) in shape.iter().enumerate() {
        if d < 0 {
            if unknown.is_some() {
                return Err(PyError::reshape_one_unknown());
            }
            unknown = Some(i);
        } else {
            // `npy_mul_sizes_with_overflow`: past npy_intp is a mismatch (a zero dim later on
            // does not rescue it)
            known = known
                .checked_mul(d)
                .filter(|&k| k <= isize::MAX as i128)
                .ok_or_else(mismatch)?;
        }
    }
    let mut out: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
    match unknown {
        Some(i) => {
            if known == 0 || size as i128 % known != 0 {
                return Err(mismatch());
            }
            out[i] = (size as i128 / known) as usize;
        }
        None if known != size as i128 => return Err(mismatch()),
        None => {}
    }
    if out.len() > MAX_DIMS {
        return Err(PyError::maximum_dimensions(out.len()));
    }
    Ok(out)
}

/// A port of numpy's `_attempt_nocopy_reshape` (shape.c): strides for `newshape` over the same
/// memory, or `None` when the old axes cannot be merged/split without copying.
pub fn attempt_nocopy_reshape(
    old: &Layout,
    newshape: &[usize],
    itemsize: usize,
    order: Order,
) -> Option<Vec<isize>> {
    let f_order = order == Order::F;
    let (olddims, oldstrides): (Vec<usize>, Vec<isize>) = old
        .shape
        .iter()
        .zip(&old.strides)
        .filter(|(d, _)| **d != 1)
        .map(|(d, s)| (*d, *s))
        .unzip();
    let oldnd = olddims.len();
    let newnd = newshape.len();
    let mut newstrides = vec![0isize; newnd];
    let (mut oi, mut oj, mut ni, mut nj) = (0usize, 1usize, 0usize, 1usize);
    while ni < newnd && oi < oldnd {
        let mut np = newshape[ni];
        let mut op = olddims[oi];
        while np != op {
            if np < op {
                // misses trailing 1s, handled below
                np *= *newshape.get(nj)?;
                nj += 1;
            } else {
                op *= *olddims.get(oj)?;
                oj += 1;
            }
        }
        for ok in oi..oj - 1 {
            let mergeable = if f_order {
                oldstrides[ok + 1] == olddims[ok] as isize * oldstrides[ok]
            } else {
                oldstrides[ok] == olddims[ok + 1] as isize * oldstrides[ok + 1]
            };
            if !mergeable {
                return None;
            }
        }
        if f_order {
            newstrides[ni] = oldstrides[oi];
            for nk in ni + 1..nj {
                newstrides[nk] = newstrides[nk - 1] * newshape[nk - 1] as isize;
            }
        } else {
            newstrides[nj - 1] = oldstrides[oj - 1];
            for nk in (ni + 1..nj).rev() {
                newstrides[nk - 1] = newstrides[nk] * newshape[nk] as isize;
            }
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    let mut last = if ni >= 1 {
        newstrides[ni - 1]
    } else {
        itemsize as isize
    };
    if f_order && ni >= 1 {
        last *= newshape[ni - 1] as isize;
    }
    for s in newstrides.iter_mut().skip(ni) {
        *s = last;
    }
    Some(newstrides)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::scalar::Scalar;

    fn ctx() -> Ctx {
        Ctx::for_tests()
    }

    fn arange(ctx: &Ctx, n: usize, dtype: DType) -> Rc<NdArray> {
        let a = NdArray::zeros(ctx, &[n], dtype, Order::C).unwrap();
        kernels::fill_arange(ctx, &a, &Scalar::Int(0), &Scalar::Int(1)).unwrap();
        a
    }

    #[test]
    fn reshape_views_or_copies_like_numpy() {
        let c = ctx();
        let a = arange(&c, 6, DType::INT64);
        let m = a.reshape(&c, &[2, 3], OrderArg::C).unwrap();
        assert_eq!(&*m.strides(), &[24, 8]);
        assert!(Rc::ptr_eq(m.base_array().unwrap(), &a));
        let t = m.transpose(&c, None).unwrap();
        assert_eq!(&*t.strides(), &[8, 24]);
        let flat = t.reshape(&c, &[6], OrderArg::C).unwrap();
        assert!(
            !Rc::ptr_eq(flat.buffer(), a.buffer()),
            "transpose then flatten needs a copy"
        );
        assert!(!flat.owns_data(), "numpy returns a view of the copy");
        let f = t.reshape(&c, &[6], OrderArg::F).unwrap();
        assert!(
            Rc::ptr_eq(f.buffer(), a.buffer()),
            "control: F order reads it in place"
        );
        let split = a.reshape(&c, &[3, -1], OrderArg::C).unwrap();
        assert_eq!(&*split.shape(), &[3, 2]);
        let err = a.reshape(&c, &[4, -1], OrderArg::C).unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: cannot reshape array of size 6 into shape (4,newaxis)"
        );
        let err = a.reshape(&c, &[-1, 4], OrderArg::C).unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: cannot reshape array of size 6 into shape (4)"
        );
        let err = a.reshape(&c, &[7], OrderArg::C).unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: cannot reshape array of size 6 into shape (7,)"
        );
    }

    #[test]
    fn nocopy_reshape_of_strided_views() {
        // a[:, ::2] of a (4, 6) int64 array reshaped to (2, 2, 3): strides (96, 48, 16)
        let l = Layout {
            shape: vec![4, 3],
            strides: vec![48, 16],
            offset_bytes: 0,
        };
        assert_eq!(
            attempt_nocopy_reshape(&l, &[2, 2, 3], 8, Order::C),
            Some(vec![96, 48, 16])
        );
        assert_eq!(
            attempt_nocopy_reshape(&l, &[12], 8, Order::C),
            Some(vec![16]),
            "uniformly strided"
        );
        // a[:, :4:2] of the same array: rows of two, 48 bytes apart, cannot be flattened
        let l = Layout {
            shape: vec![4, 2],
            strides: vec![48, 16],
            offset_bytes: 0,
        };
        assert_eq!(attempt_nocopy_reshape(&l, &[8], 8, Order::C), None);
    }

    fn values(a: &NdArray) -> Vec<i64> {
        let mut out = Vec::new();
        a.layout()
            .for_each_offset(|o| out.push(a.element_at(o).unwrap().to_i64_wrapping()));
        out
    }

    #[test]
    fn reshape_compares_the_shape_as_given() {
        // NumPy's shortcut looks at the requested dims before -1 is resolved
        let c = ctx();
        let a = arange(&c, 6, DType::INT64);
        // an empty view with a stride of 16 (a[:0:2]) is contiguous
        let empty = a.view_with(
            &c,
            DType::INT64,
            Layout {
                shape: vec![0],
                strides: vec![16],
                offset_bytes: 0,
            },
        );
        let same = empty.reshape(&c, &[0], OrderArg::C).unwrap();
        assert_eq!(
            &*same.strides(),
            &[16],
            "same shape: a view with the same strides"
        );
        let inferred = empty.reshape(&c, &[-1], OrderArg::C).unwrap();
        assert_eq!(
            &*inferred.strides(),
            &[8],
            "control: -1 makes fresh strides"
        );
        let err = a.reshape(&c, &[2, 3], OrderArg::K).unwrap_err();
        assert_eq!(err, PyError::reshape_order_k());
        let m = a.reshape(&c, &[2, 3], OrderArg::A).unwrap();
        assert_eq!(&*m.strides(), &[24, 8], "control: A on a C array is C");
    }

    #[test]
    fn ravel_views_when_memory_already_runs_that_way() {
        let c = ctx();
        let a = arange(&c, 24, DType::INT64);
        let t = a.reshape(&c, &[2, 3, 4], OrderArg::C).unwrap();
        // (order, source perm, view?) — K views any permutation of contiguous memory
        type Case = (OrderArg, [i64; 3], bool);
        let cases: &[Case] = &[
            (OrderArg::C, [0, 1, 2], true),
            (OrderArg::C, [1, 0, 2], false), // permuted: C order needs a copy
            (OrderArg::K, [1, 0, 2], true),  // control: K reads memory order
            (OrderArg::F, [2, 1, 0], true),
            (OrderArg::A, [2, 1, 0], true), // Fortran-ordered, so A means F
            (OrderArg::A, [1, 0, 2], false),
        ];
        for (order, perm, view) in cases {
            let p = t.transpose(&c, Some(perm)).unwrap();
            let r = p.ravel(&c, *order).unwrap();
            assert_eq!(
                Rc::ptr_eq(r.buffer(), a.buffer()),
                *view,
                "{order:?} of transpose {perm:?}"
            );
            assert_eq!(&*r.strides(), &[8]);
        }
        // a gap between rows: even K must copy
        let gap = t
            .view_with(
                &c,
                DType::INT64,
                Layout {
                    shape: vec![2, 3, 2],
                    strides: vec![96, 32, 8],
                    offset_bytes: 0,
                },
            )
            .ravel(&c, OrderArg::K)
            .unwrap();
        assert!(gap.owns_data());
    }

    #[test]
    fn flatten_k_follows_memory_without_flipping() {
        let c = ctx();
        let a = arange(&c, 6, DType::INT64);
        let m = a.reshape(&c, &[2, 3], OrderArg::C).unwrap();
        let t = m.transpose(&c, None).unwrap();
        assert_eq!(
            values(&t.flatten(&c, OrderArg::K).unwrap()),
            [0, 1, 2, 3, 4, 5]
        );
        assert_eq!(
            values(&t.flatten(&c, OrderArg::C).unwrap()),
            [0, 3, 1, 4, 2, 5]
        );
        let rev = m.view_with(
            &c,
            DType::INT64,
            Layout {
                shape: vec![2, 3],
                strides: vec![-24, 8],
                offset_bytes: 24,
            },
        );
        assert_eq!(
            values(&rev.flatten(&c, OrderArg::K).unwrap()),
            [3, 4, 5, 0, 1, 2],
            "negative strides are not flipped"
        );
        let empty = NdArray::zeros(&c, &[2, 0], DType::INT64, Order::C).unwrap();
        assert_eq!(&*empty.flatten(&c, OrderArg::C).unwrap().strides(), &[0]);
        assert_eq!(
            &*empty.ravel(&c, OrderArg::C).unwrap().strides(),
            &[8],
            "control: ravel of a contiguous array reshapes (fills strides)"
        );
    }

    #[test]
    fn squeeze_returns_nothing_when_nothing_goes() {
        let c = ctx();
        let a = arange(&c, 6, DType::INT64);
        let m = a.reshape(&c, &[1, 2, 1, 3], OrderArg::C).unwrap();
        assert_eq!(&*m.squeeze(&c, None).unwrap().unwrap().shape(), &[2, 3]);
        assert_eq!(
            &*m.squeeze(&c, Some(&[-2])).unwrap().unwrap().shape(),
            &[1, 2, 3]
        );
        assert_eq!(
            m.squeeze(&c, Some(&[1])).unwrap_err(),
            PyError::squeeze_not_one()
        );
        assert_eq!(
            m.squeeze(&c, Some(&[0, 0])).unwrap_err(),
            PyError::duplicate_axis_value()
        );
        let flat = a.reshape(&c, &[2, 3], OrderArg::C).unwrap();
        assert!(
            flat.squeeze(&c, None).unwrap().is_none(),
            "no length-1 axis"
        );
        assert!(
            flat.squeeze(&c, Some(&[])).unwrap().is_none(),
            "no axis selected"
        );
    }
}
