//! The evaluator's side of advanced indexing: boolean masks become integer index arrays
//! (`nonzero`), with NumPy's mismatch message, before the runtime gathers or scatters.

use std::rc::Rc;

use super::Interp;
use super::subscript::AdvItem;
use super::value::Value;
use crate::error::{PyError, PyResult};
use crate::runtime::fancy::{self, FancyItem};
use crate::runtime::index::IndexItem;
use crate::runtime::{DType, Kind, NdArray, Order, Scalar, kernels};

impl Interp {
    fn fancy_items(&mut self, a: &NdArray, items: &[AdvItem]) -> PyResult<Vec<FancyItem>> {
        let consumed: usize = items
            .iter()
            .map(|it| match it {
                AdvItem::Basic(IndexItem::Ellipsis | IndexItem::NewAxis) => 0,
                AdvItem::Basic(_) => 1,
                AdvItem::Array(arr) if arr.dtype().kind == Kind::Bool => arr.ndim(),
                AdvItem::Array(_) => 1,
            })
            .sum();
        let mut out = Vec::new();
        let mut axis = 0usize;
        for it in items {
            match it {
                AdvItem::Basic(b) => {
                    match b {
                        IndexItem::Ellipsis => axis += a.ndim().saturating_sub(consumed),
                        IndexItem::NewAxis => {}
                        _ => axis += 1,
                    }
                    out.push(FancyItem::Basic(b.clone()));
                }
                AdvItem::Array(arr) if arr.dtype().kind == Kind::Bool => {
                    if arr.ndim() == 0 {
                        return Err(PyError::not_implemented(
                            "arrsh does not support a 0-d boolean index yet",
                        ));
                    }
                    for (k, &d) in arr.shape().iter().enumerate() {
                        let size = a.shape().get(axis + k).copied().unwrap_or(0);
                        if axis + k >= a.ndim() {
                            return Err(PyError::too_many_indices(a.ndim(), consumed));
                        }
                        if d != size {
                            return Err(PyError::boolean_index_mismatch(axis + k, size, d));
                        }
                    }
                    // nonzero(): one index array per dimension of the mask, C order
                    let nd = arr.ndim();
                    let mut per_dim: Vec<Vec<i64>> = vec![Vec::new(); nd];
                    let mut idx = vec![0usize; nd];
                    let shape = arr.shape().to_vec();
                    let mut offs = Vec::with_capacity(arr.size());
                    arr.layout().for_each_offset(|o| offs.push(o));
                    for &o in &offs {
                        if arr.element_at(o)? == Scalar::Bool(true) {
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
                    for values in per_dim {
                        let n = values.len();
                        out.push(FancyItem::Ints {
                            values,
                            shape: vec![n],
                        });
                    }
                    axis += nd;
                }
                AdvItem::Array(arr) => {
                    let ints = kernels::cast_array(&self.ctx, arr, DType::INT64, Order::C)?;
                    let mut values = Vec::with_capacity(ints.size());
                    let bytes = ints.buffer().bytes()?;
                    for ch in bytes[..ints.size() * 8].chunks_exact(8) {
                        values.push(i64::from_le_bytes([
                            ch[0], ch[1], ch[2], ch[3], ch[4], ch[5], ch[6], ch[7],
                        ]));
                    }
                    out.push(FancyItem::Ints {
                        values,
                        shape: arr.shape().to_vec(),
                    });
                    axis += 1;
                }
            }
        }
        Ok(out)
    }

    pub fn advanced_get(&mut self, a: &Rc<NdArray>, items: &[AdvItem]) -> PyResult<Rc<NdArray>> {
        let f = self.fancy_items(a, items)?;
        fancy::take(&self.ctx, a, &f)
    }

    pub fn advanced_set(&mut self, a: &Rc<NdArray>, items: &[AdvItem], v: &Value) -> PyResult<()> {
        let f = self.fancy_items(a, items)?;
        let values = match v {
            Value::Array(x) => x.clone(),
            other => {
                let s = self.value_to_element(other, a.dtype());
                match s {
                    Ok(s) => self.scalar_to_array(a.dtype(), &s)?,
                    Err(_) => self.to_array(other, None)?,
                }
            }
        };
        fancy::put(&self.ctx, a, &f, &values)
    }
}
