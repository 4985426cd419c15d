//! Recording why NumPy copied (`runtime::origin`) where the NumPy bindings make the copy:
//! `np.array`'s default copy, `asarray`-style calls that need another order, arrays built from
//! Python sequences.

use std::rc::Rc;

use crate::eval::object::value::Value;
use crate::runtime::origin::{CopyKind, CopyOrigin};
use crate::runtime::{NdArray, Order, OrderArg};

/// `np.array(a)` / `np.asarray(a, order=...)` made `copy` of the array `a`: by default
/// (`copy=True`) or because `a` is not laid out in the order asked for.
pub fn array_copied(a: &Rc<NdArray>, copy: &Rc<NdArray>, copy_arg: Option<bool>, order: OrderArg) {
    let order_of = |o: OrderArg| if o == OrderArg::F { Order::F } else { Order::C };
    let kind = if copy_arg == Some(true) {
        CopyKind::ArrayDefault
    } else {
        CopyKind::ForOrder
    };
    if copy.owns_data() {
        copy.buffer()
            .set_origin(CopyOrigin::of(a, kind, order_of(order)));
    }
}

/// `np.ascontiguousarray(a)` / `np.asfortranarray(a)` had to copy `a` into `order`.
pub fn order_copied(a: &Rc<NdArray>, copy: &Rc<NdArray>, order: Order) {
    if copy.owns_data() {
        copy.buffer()
            .set_origin(CopyOrigin::of(a, CopyKind::ForOrder, order));
    }
}

/// `np.array(seq)`: the values of a list or tuple were read into the new array's buffer.
pub fn sequence_copied(seq: &Value, a: &Rc<NdArray>) {
    let (type_name, len) = match seq {
        Value::List(l) => ("list", l.items.borrow().len()),
        Value::Tuple(t) => ("tuple", t.items.len()),
        _ => return,
    };
    if a.owns_data() {
        a.buffer().set_origin(CopyOrigin::sequence(type_name, len));
    }
}
