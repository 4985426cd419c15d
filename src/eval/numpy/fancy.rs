//! The evaluator's side of advanced indexing: index arrays become runtime `FancyItem`s (their
//! values read out in C order), and assignment values are converted to the array's dtype as
//! NumPy's `FORCECAST` does, before the runtime gathers or scatters.

use std::rc::Rc;

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::subscript::AdvItem;
use crate::eval::object::value::Value;
use crate::runtime::array::Indexed;
use crate::runtime::fancy::{self, FancyItem};
use crate::runtime::origin::{CopyKind, CopyOrigin};
use crate::runtime::{Kind, NdArray, Order};

impl Interp {
    fn fancy_items(&mut self, items: &[AdvItem]) -> PyResult<Vec<FancyItem>> {
        items
            .iter()
            .map(|it| match it {
                AdvItem::Basic(b) => Ok(FancyItem::Basic(b.clone())),
                AdvItem::Array(arr) if arr.dtype().kind == Kind::Bool => fancy::bools_of(arr),
                AdvItem::Array(arr) => fancy::ints_of(arr),
            })
            .collect()
    }

    /// `a[index]` with an index holding arrays: an element, or a new array (a copy).
    pub fn advanced_get(&mut self, a: &Rc<NdArray>, items: &[AdvItem]) -> PyResult<Value> {
        let f = self.fancy_items(items)?;
        Ok(match fancy::get(&self.ctx, a, &f)? {
            Indexed::Element(v) => self.element_scalar(a.dtype(), v),
            Indexed::View(v) => {
                if v.owns_data() {
                    let boolean = items
                        .iter()
                        .any(|it| matches!(it, AdvItem::Array(x) if x.dtype().kind == Kind::Bool));
                    let kind = CopyKind::AdvancedIndex { boolean };
                    v.buffer().set_origin(CopyOrigin::of(a, kind, Order::C));
                }
                Value::Array(v)
            }
        })
    }

    /// `a[index] = v` with an index holding arrays.
    pub fn advanced_set(&mut self, a: &Rc<NdArray>, items: &[AdvItem], v: &Value) -> PyResult<()> {
        let f = self.fancy_items(items)?;
        let values = match v {
            Value::Array(x) => x.clone(),
            // PyArray_FromAny(op, a.dtype, FORCECAST): Python values straight to the dtype
            other => match self.value_to_element(other, a.dtype()) {
                Ok(s) => self.scalar_to_array(a.dtype(), &s)?,
                Err(e) if matches!(other, Value::List(_) | Value::Tuple(_)) => {
                    drop(e);
                    self.to_array(other, Some(a.dtype()))?
                }
                Err(e) => return Err(e),
            },
        };
        if let Some(layout) = fancy::set(&self.ctx, a, &f, &values)? {
            // the index was basic after all (a 0-d integer array among slices): assign to the view
            let target = a.view_with(&self.ctx, a.dtype(), layout);
            return self.assign_into(&target, v);
        }
        Ok(())
    }
}
