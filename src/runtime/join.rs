//! Joining arrays (`np.concatenate`, and `np.stack` through it), a port of NumPy's
//! `PyArray_ConcatenateArrays`: checks in NumPy's order, and a result laid out in the
//! inputs' common memory order (`PyArray_CreateMultiSortedStridePerm`).

use std::rc::Rc;

use super::Ctx;
use super::array::{NdArray, normalize_axis};
use super::casting::{Casting, can_cast};
use super::dtype::DType;
use super::kernels;
use super::layout::{Layout, Order, OrderArg};
use crate::error::{PyError, PyResult};

/// One input: an array and the layout it is read through.
pub type Part = (Rc<NdArray>, Layout);

/// Where the joined elements go: a new array (its dtype computed only once the shapes are
/// known good, as NumPy's `PyArray_FindConcatenationDescriptor` runs after the shape checks), or
/// the caller's `out=` array.
#[derive(Clone, Copy)]
pub enum Target<'a> {
    New(&'a dyn Fn() -> PyResult<DType>),
    Into(&'a Rc<NdArray>),
}

/// `np.concatenate(arrays, axis)` of arrays already converted. `layouts` may differ from the
/// arrays' own (stack passes them with a new length-1 axis). Returns the result (`out` itself
/// when given).
pub fn concatenate(
    ctx: &Ctx,
    arrays: &[Part],
    axis: i64,
    target: Target,
    casting: Casting,
) -> PyResult<Rc<NdArray>> {
    let Some((_, first)) = arrays.first() else {
        return Err(PyError::concatenate_none());
    };
    let ndim = first.ndim();
    if ndim == 0 {
        return Err(PyError::concatenate_zero_d());
    }
    let axis = normalize_axis(axis, ndim)?;
    let mut shape = first.shape.clone();
    for (k, (_, l)) in arrays.iter().enumerate().skip(1) {
        if l.ndim() != ndim {
            return Err(PyError::concatenate_ndim(ndim, k, l.ndim()));
        }
        for (d, (&want, &have)) in first.shape.iter().zip(&l.shape).enumerate() {
            if d != axis && want != have {
                return Err(PyError::concatenate_dims(d, want, k, have));
            }
        }
        shape[axis] = shape[axis].saturating_add(l.shape[axis]);
    }
    let dtype = match target {
        Target::Into(out) => {
            if out.ndim() != ndim {
                return Err(PyError::output_wrong_ndim());
            }
            if *out.shape() != *shape {
                return Err(PyError::output_wrong_shape());
            }
            out.dtype()
        }
        Target::New(find) => find()?,
    };
    let layouts: Vec<&Layout> = arrays.iter().map(|(_, l)| l).collect();
    let perm = Layout::multi_sorted_stride_perm(&layouts);
    let mut strides = vec![0isize; ndim];
    let mut step = dtype.itemsize as isize;
    for &ax in perm.iter().rev() {
        strides[ax] = step;
        step = step.saturating_mul(shape[ax] as isize);
    }
    let dst = match target {
        Target::Into(out) => out.clone(),
        Target::New(_) => NdArray::with_strides(ctx, &shape, &strides, dtype)?,
    };
    fill(ctx, arrays, axis, &dst, casting)
}

/// `np.concatenate(arrays, axis=None)`: every input flattened in C order, joined into one
/// 1-d array (NumPy's `PyArray_ConcatenateFlattenedArrays`, with its own `out` messages).
pub fn concatenate_flat(
    ctx: &Ctx,
    arrays: &[Rc<NdArray>],
    target: Target,
    casting: Casting,
) -> PyResult<Rc<NdArray>> {
    if arrays.is_empty() {
        return Err(PyError::concatenate_none());
    }
    let total = arrays
        .iter()
        .fold(0usize, |n, a| n.saturating_add(a.size()));
    let dtype = match target {
        Target::Into(out) => {
            if out.ndim() != 1 {
                return Err(PyError::output_not_1d());
            }
            if out.size() != total {
                return Err(PyError::output_wrong_size());
            }
            out.dtype()
        }
        Target::New(find) => find()?,
    };
    let mut parts = Vec::with_capacity(arrays.len());
    for a in arrays {
        let flat = a.ravel(ctx, OrderArg::C)?;
        let layout = flat.layout().clone();
        parts.push((flat, layout));
    }
    let dst = match target {
        Target::Into(out) => out.clone(),
        Target::New(_) => NdArray::with_strides(ctx, &[total], &[dtype.itemsize as isize], dtype)?,
    };
    fill(ctx, &parts, 0, &dst, casting)
}

/// Copies each input, in order, into its slab of `dst` (a fresh array, or `out`), checking each
/// cast as NumPy's `PyArray_AssignArray` does (destination writeable first, then the rule). As
/// there, an input that shares memory with `out` is copied aside before its slab is written, but
/// a later input sees what earlier ones wrote (`x = arange(4); concatenate((x[2:], x[:2]),
/// out=x)` gives `[2, 3, 2, 3]`).
fn fill(
    ctx: &Ctx,
    arrays: &[Part],
    axis: usize,
    dst: &Rc<NdArray>,
    casting: Casting,
) -> PyResult<Rc<NdArray>> {
    if !dst.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let whole = dst.layout().clone();
    let mut start = 0usize;
    for (a, l) in arrays {
        if !can_cast(a.dtype(), dst.dtype(), casting) {
            return Err(PyError::cannot_cast_array(
                &a.dtype().repr(),
                &dst.dtype().repr(),
                casting.name(),
            ));
        }
        let n = l.shape[axis];
        if n > 0 && !l.is_empty() {
            let mut part = whole.clone();
            part.shape[axis] = n;
            part.offset_bytes = whole.offset_bytes + start as isize * whole.strides[axis];
            if Rc::ptr_eq(a.buffer(), dst.buffer()) {
                let aside = NdArray::zeros(ctx, &l.shape, a.dtype(), Order::C)?;
                kernels::copy_between(ctx, a, l, &aside, &aside.layout())?;
                kernels::copy_between(ctx, &aside, &aside.layout(), dst, &part)?;
            } else {
                kernels::copy_between(ctx, a, l, dst, &part)?;
            }
        }
        start += n;
    }
    Ok(dst.clone())
}

/// The layout `np.stack` gives each input: a new length-1 axis at `axis` (a zero stride, as
/// `arr[np.newaxis]` makes it).
pub fn with_new_axis(layout: &Layout, axis: usize) -> Layout {
    let mut l = layout.clone();
    l.shape.insert(axis, 1);
    l.strides.insert(axis, 0);
    l
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::scalar::Scalar;

    fn arange(ctx: &Ctx, shape: &[i128]) -> Rc<NdArray> {
        let n: i128 = shape.iter().product();
        let a = NdArray::zeros(ctx, &[n as usize], DType::INT64, Order::C).unwrap();
        kernels::fill_arange(ctx, &a, &Scalar::Int(0), &Scalar::Int(1)).unwrap();
        a.reshape(ctx, shape, OrderArg::C).unwrap()
    }

    fn int64() -> PyResult<DType> {
        Ok(DType::INT64)
    }
    const INT64: Target<'static> = Target::New(&int64);

    fn with_layout(a: &Rc<NdArray>) -> (Rc<NdArray>, Layout) {
        (a.clone(), a.layout().clone())
    }

    #[test]
    fn result_follows_the_inputs_memory_order() {
        // np.concatenate((a.T, b.T)) is F-ordered: strides (8, 48); C inputs give C
        let c = Ctx::for_tests();
        let a = arange(&c, &[2, 3]);
        let t = a.transpose(&c, None).unwrap();
        let r = concatenate(
            &c,
            &[with_layout(&t), with_layout(&t)],
            0,
            INT64,
            Casting::SameKind,
        )
        .unwrap();
        assert_eq!((&*r.shape(), &*r.strides()), (&[6, 2][..], &[8, 48][..]));
        let r = concatenate(
            &c,
            &[with_layout(&a), with_layout(&a)],
            0,
            INT64,
            Casting::SameKind,
        )
        .unwrap();
        assert_eq!((&*r.shape(), &*r.strides()), (&[4, 3][..], &[24, 8][..]));
    }

    #[test]
    fn mismatches_name_the_array_and_the_dimension() {
        let c = Ctx::for_tests();
        let a = arange(&c, &[2, 3]);
        let b = arange(&c, &[2, 2]);
        let err = concatenate(
            &c,
            &[with_layout(&a), with_layout(&b)],
            0,
            INT64,
            Casting::SameKind,
        );
        assert_eq!(err.unwrap_err(), PyError::concatenate_dims(1, 3, 1, 2));
        assert!(
            concatenate(
                &c,
                &[with_layout(&a), with_layout(&b)],
                1,
                INT64,
                Casting::SameKind
            )
            .is_ok(),
            "control: along the axis that differs"
        );
        let v = arange(&c, &[3]);
        let err = concatenate(
            &c,
            &[with_layout(&a), with_layout(&v)],
            0,
            INT64,
            Casting::SameKind,
        );
        assert_eq!(err.unwrap_err(), PyError::concatenate_ndim(2, 1, 1));
    }

    #[test]
    fn each_input_is_cast_under_the_rule() {
        // np.concatenate((a, a), casting='no', dtype='f4'): int64 -> float32 is refused
        let c = Ctx::for_tests();
        let a = arange(&c, &[2, 3]);
        let f4 = || Ok(DType::FLOAT32);
        let parts = [with_layout(&a), with_layout(&a)];
        let err = concatenate(&c, &parts, 0, Target::New(&f4), Casting::No);
        assert_eq!(
            err.unwrap_err(),
            PyError::cannot_cast_array("dtype('int64')", "dtype('float32')", "no")
        );
        assert!(
            concatenate(&c, &parts, 0, Target::New(&f4), Casting::SameKind).is_ok(),
            "control: the same cast under same_kind"
        );
    }

    #[test]
    fn out_must_have_the_result_shape_and_may_overlap_an_input() {
        let c = Ctx::for_tests();
        let a = arange(&c, &[2, 3]);
        let parts = [with_layout(&a), with_layout(&a)];
        let wrong = NdArray::zeros(&c, &[4, 2], DType::INT64, Order::C).unwrap();
        let err = concatenate(&c, &parts, 0, Target::Into(&wrong), Casting::SameKind);
        assert_eq!(err.unwrap_err(), PyError::output_wrong_shape());
        let flat = NdArray::zeros(&c, &[12], DType::INT64, Order::C).unwrap();
        let err = concatenate(&c, &parts, 0, Target::Into(&flat), Casting::SameKind);
        assert_eq!(err.unwrap_err(), PyError::output_wrong_ndim());
        // control: x = arange(4); concatenate((x[2:], x[:2]), out=x) copies in order, as NumPy
        // does: the second input is read after the first was written
        let x = arange(&c, &[4]);
        let (mut lo, mut hi) = (x.layout().clone(), x.layout().clone());
        lo.shape[0] = 2;
        hi.shape[0] = 2;
        hi.offset_bytes += 16;
        let parts = [(x.clone(), hi), (x.clone(), lo)];
        let r = concatenate(&c, &parts, 0, Target::Into(&x), Casting::SameKind).unwrap();
        assert!(Rc::ptr_eq(&r, &x), "out= returns out itself");
        let got: Vec<Scalar> = (0..4).map(|i| x.get(&[i]).unwrap()).collect();
        let want: Vec<Scalar> = [2, 3, 2, 3].into_iter().map(Scalar::Int).collect();
        assert_eq!(got, want);
    }
}
