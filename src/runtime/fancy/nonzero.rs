//! The integer index arrays a boolean mask stands for (`nonzero`), in C order.

use std::rc::Rc;

use crate::error::PyResult;
use crate::runtime::Ctx;
use crate::runtime::array::NdArray;
use crate::runtime::layout::Order;

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
pub(super) fn nonzero(values: &[bool], shape: &[usize]) -> Vec<Vec<i64>> {
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
