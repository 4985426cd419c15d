//! Python's `sorted` / `list.sort`: a stable merge sort driven by `<` on values, where a failing
//! comparison (`'<' not supported...`) is an error value, never a panic, and O(n log n) always.

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::syntax::ast::CmpOp;

impl Interp {
    fn less(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let r = self.compare(a, CmpOp::Lt, b)?;
        self.truthy(&r)
    }

    /// Sorts the positions `order` stably by `keys[position]` with `<` (bottom-up merge sort;
    /// `list.sort(key=...)` sorts positions so each key is computed once).
    pub fn merge_sort_by_keys(&mut self, keys: &[Value], order: &mut Vec<usize>) -> PyResult<()> {
        let n = order.len();
        let mut src = std::mem::take(order);
        let mut width = 1;
        while width < n {
            let mut dst = Vec::with_capacity(n);
            let mut start = 0;
            while start < n {
                let mid = (start + width).min(n);
                let end = (start + 2 * width).min(n);
                let (mut i, mut j) = (start, mid);
                while i < mid && j < end {
                    self.ctx.check_interrupt()?;
                    // take from the right only when it is strictly less: stability
                    if self.less(&keys[src[j]], &keys[src[i]])? {
                        dst.push(src[j]);
                        j += 1;
                    } else {
                        dst.push(src[i]);
                        i += 1;
                    }
                }
                dst.extend_from_slice(&src[i..mid]);
                dst.extend_from_slice(&src[j..end]);
                start = end;
            }
            src = dst;
            width *= 2;
        }
        *order = src;
        Ok(())
    }
}
