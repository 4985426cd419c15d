//! `ndarray.resize` in place: NumPy's `PyArray_Resize` (`shape.c`), its checks in its order.
//! A size change renews the owner's buffer (a new allocation and address, growth zero-filled);
//! the same size only re-strides the array.

use std::rc::Rc;

use super::array::NdArray;
use super::layout::{Layout, Order};
use crate::error::{PyError, PyResult};

impl NdArray {
    /// `a.resize(shape, refcheck=...)`. `referenced` is the evaluator's answer to NumPy's
    /// `Py_REFCNT(self) > 2` (something besides the caller's own name holds the array), false
    /// under `refcheck=False`.
    pub fn resize(&self, shape: &[i128], referenced: bool) -> PyResult<()> {
        let (c, f) = (self.is_c_contiguous(), self.is_f_contiguous());
        if !c && !f {
            return Err(PyError::resize_not_one_segment());
        }
        // NumPy stops at the first 0: `(0, -1)` is a valid empty shape here
        let mut size: i128 = 1;
        for &d in shape {
            if d == 0 {
                size = 0;
                break;
            }
            if d < 0 {
                return Err(PyError::resize_negative_dimensions());
            }
            size = size
                .checked_mul(d)
                .filter(|&n| n <= isize::MAX as i128)
                .ok_or_else(PyError::resize_no_memory)?;
        }
        let itemsize = self.itemsize() as i128;
        let new_nbytes = size
            .checked_mul(itemsize)
            .filter(|&n| n <= isize::MAX as i128)
            .ok_or_else(PyError::resize_no_memory)? as usize;
        if new_nbytes != self.nbytes() {
            if !self.owns_data() {
                return Err(PyError::resize_not_owner());
            }
            if referenced {
                return Err(PyError::resize_referenced());
            }
            // NumPy reallocates under a view when refcheck=False; arrsh keeps views valid
            if Rc::strong_count(self.buffer()) > 1 {
                return Err(PyError::resize_under_view());
            }
            // allocating 0 bytes is forbidden: NumPy asks for one element
            let alloc = new_nbytes.max(self.itemsize());
            self.buffer().renew(alloc, PyError::resize_no_memory)?;
        }
        let dims: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
        // `_array_fill_strides`: Fortran strides only for an array that was F- and not C-ordered
        let order = if f && !c { Order::F } else { Order::C };
        let mut layout = Layout::contiguous(&dims, self.itemsize(), order);
        layout.offset_bytes = self.offset_bytes();
        self.replace_layout(layout);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    use super::*;
    use crate::runtime::{Ctx, DType, Heap};

    fn ctx() -> Ctx {
        Ctx::new(Heap::new(false, 1 << 30), Arc::new(AtomicBool::new(false)))
    }

    #[test]
    fn growth_moves_the_buffer_and_zero_fills() {
        let ctx = ctx();
        let a = NdArray::zeros(&ctx, &[3], DType::INT64, Order::C).unwrap();
        a.buffer().bytes_mut().unwrap()[..8].copy_from_slice(&7i64.to_le_bytes());
        let before = a.buffer().address();
        a.resize(&[2, 4], false).unwrap();
        assert_ne!(a.buffer().address(), before, "a new allocation");
        assert_eq!(&*a.shape(), &[2, 4]);
        assert_eq!(&*a.strides(), &[32, 8]);
        let bytes = a.buffer().bytes().unwrap();
        assert_eq!(bytes.len(), 64);
        assert_eq!(&bytes[..8], &7i64.to_le_bytes(), "the prefix is kept");
        assert!(bytes[24..].iter().all(|&b| b == 0), "growth is zeros");
    }

    #[test]
    fn each_refusal_has_a_neighbour_that_succeeds() {
        let ctx = ctx();
        let cases: [(&str, &[i128], bool, Option<&str>); 6] = [
            (
                "a name besides the caller's",
                &[4],
                true,
                Some("references"),
            ),
            ("same size: no reference check", &[1, 3], true, None),
            ("a negative dimension", &[-1], false, Some("negative")),
            ("a zero first stops the scan", &[0, -1], false, None),
            (
                "overflowing size",
                &[1 << 62, 1 << 62],
                false,
                Some("memory"),
            ),
            ("a large but fine size", &[1 << 10], false, None),
        ];
        for (why, shape, referenced, want) in cases {
            let a = NdArray::zeros(&ctx, &[3], DType::INT64, Order::C).unwrap();
            let got = a.resize(shape, referenced);
            match want {
                None => assert!(got.is_ok(), "{why}"),
                Some(w) => assert!(got.unwrap_err().to_string().contains(w), "{why}"),
            }
        }
    }

    #[test]
    fn a_view_blocks_resizing_even_without_refcheck() {
        let ctx = ctx();
        let a = NdArray::zeros(&ctx, &[4], DType::INT64, Order::C).unwrap();
        let v = a.view_with(&ctx, DType::INT64, a.layout().clone());
        assert!(a.resize(&[8], false).is_err());
        let err = v.resize(&[8], false).unwrap_err().to_string();
        assert!(err.contains("does not own its data"), "{err}");
        drop(v);
        assert!(a.resize(&[8], false).is_ok(), "the view is gone");
    }
}
