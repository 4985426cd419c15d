//! `numpy.recarray` and `numpy.record`: record arrays whose fields read as attributes (`r.x` is
//! the strided view `a['x']` is), `np.record` scalars (`r[0].x`), `a.view(np.recarray)` (a view
//! of the same buffer); the builders of `numpy.rec` are in `recbuilders`.
//!
//! The model: a recarray is an `NdArray` whose class is `ArrayClass::RecArray` (views keep it,
//! as NumPy's subclass travels through views), and its structured dtype carries
//! `DType::record` (NumPy's `dtype((numpy.record, ...))`, whose scalars are `numpy.record`).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Origin, Row};
use crate::runtime::{ArrayClass, DType, NdArray, Order};

pub const ROWS: &[Row] = &[
    Row::module("numpy.rec", Origin::Site { package: true }),
    Row::alias("numpy.recarray", "numpy.rec.recarray"),
    Row::type_("numpy.record", TypeKind::NpRecord),
    Row::alias("numpy.rec.record", "numpy.record"),
    Row::constructor(
        "numpy.void",
        TypeKind::NpScalar(DType::void(0)),
        "(length_or_data, /, dtype=None)",
        void_new,
    ),
];

/// `np.void(5)` (five zero bytes), `np.void(b'abc')` (those bytes), `np.void((1, 2.0),
/// dtype=[...])` (a record of that structure).
fn void_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let data = a.req("length_or_data")?;
    let dtype = a.take_some("dtype");
    if let Some(d) = dtype {
        let dt = it.to_dtype(&d)?;
        if !dt.is_void() {
            return Err(PyError::void_needs_void_dtype(&dt.repr()));
        }
        let arr = it.records_array(&data, dt)?;
        let v = arr.element_at(0)?;
        return Ok(it.new_void_scalar(dt, v, None));
    }
    let bytes = match &data {
        Value::Bytes(b) => b.v.clone(),
        other => {
            let n = it
                .index_int(other)
                .and_then(|i| i.to_i64())
                .ok_or_else(|| PyError::void_length_or_data(&other.type_name()))?;
            let n = usize::try_from(n)
                .ok()
                .filter(|&n| n <= i32::MAX as usize)
                .ok_or_else(PyError::void_size_out_of_range)?;
            it.gate(n as u128)?;
            vec![0u8; n]
        }
    };
    Ok(it.new_void_scalar(
        DType::void(bytes.len()),
        crate::runtime::Scalar::Void(bytes),
        None,
    ))
}

impl Interp {
    /// A zero-filled recarray of `descr` (a structure gets the record scalar type).
    pub(super) fn new_recarray(&mut self, shape: &[i128], descr: DType) -> PyResult<Rc<NdArray>> {
        let shape = shape
            .iter()
            .map(|&d| usize::try_from(d).map_err(|_| PyError::negative_dimensions()))
            .collect::<PyResult<Vec<usize>>>()?;
        let a = NdArray::zeros(&self.ctx, &shape, descr.with_record(true), Order::C)?;
        Ok(a.set_class(ArrayClass::RecArray))
    }

    /// `arr.view(cls)`: a view of the same buffer as `class` (a recarray's structure gets the
    /// record scalar type, as `recarray.__array_finalize__` gives it).
    pub fn view_as_class(&mut self, a: &Rc<NdArray>, class: ArrayClass) -> Rc<NdArray> {
        let dt = match class {
            ArrayClass::RecArray => a.dtype().with_record(true),
            ArrayClass::Ndarray => a.dtype(),
        };
        let layout = a.layout().clone();
        a.view_as(&self.ctx, dt, layout, class)
    }

    /// `r.name` when no ndarray attribute has that name (`recarray.__getattribute__`): the
    /// field's view through the recarray, then as a plain ndarray when the field is not a
    /// structure (so its `.base` is that intermediate recarray, as in NumPy).
    pub fn recarray_field(&mut self, a: &Rc<NdArray>, name: &str) -> PyResult<Value> {
        let has = a.dtype().has_field(name);
        if !has {
            return Err(PyError::recarray_no_attribute(name));
        }
        let key = self.new_str(name.into());
        let v = self
            .record_view(a, &key)?
            .ok_or_else(|| PyError::recarray_no_attribute(name))?;
        Ok(Value::Array(self.recarray_result(a, v)))
    }

    /// What `recarray.__getitem__` makes of an array result: a structure stays a recarray (with
    /// the record scalar type), anything else becomes a plain ndarray view of it.
    pub fn recarray_result(&mut self, source: &NdArray, v: Rc<NdArray>) -> Rc<NdArray> {
        if v.dtype().fields().is_some() {
            let record = source.dtype().record;
            if v.is_recarray() && v.dtype().record == record {
                return v;
            }
            let dt = v.dtype().with_record(record);
            let layout = v.layout().clone();
            return v.view_as(&self.ctx, dt, layout, ArrayClass::RecArray);
        }
        if !v.is_recarray() {
            return v;
        }
        self.view_as_class(&v, ArrayClass::Ndarray)
    }

    /// `r.name = value` for a field of a recarray: written into the field's view.
    pub fn recarray_setattr(&mut self, a: &Rc<NdArray>, name: &str, v: &Value) -> PyResult<bool> {
        if !(a.is_recarray() && a.dtype().has_field(name)) {
            return Ok(false);
        }
        if !a.is_writeable() {
            return Err(PyError::read_only_destination());
        }
        let key = self.new_str(name.into());
        if let Some(target) = self.record_view(a, &key)? {
            self.assign_into(&target, v)?;
        }
        Ok(true)
    }

    /// `rec.name` on a `np.record` scalar: the field's value (`record.__getattribute__`).
    pub fn record_field(&mut self, s: &NpScalar, name: &str) -> PyResult<Value> {
        if !s.dtype.has_field(name) {
            return Err(PyError::no_attribute("record", name));
        }
        let key = self.new_str(name.into());
        self.void_getitem(s, &key)?
            .ok_or_else(|| PyError::no_attribute("record", name))
    }
}

impl Interp {
    /// `a.view(dtype=None, type=None)`: a new view of the same buffer, of another dtype (NumPy's
    /// checks in `view_dtype`) and/or class; an ndarray subclass given first is the type.
    pub fn array_view_method(
        &mut self,
        a: &Rc<NdArray>,
        dtype: Option<Value>,
        ty: Option<Value>,
    ) -> PyResult<Value> {
        let class_of = |v: &Value| match v {
            Value::Type(t) if t.kind == TypeKind::Ndarray => Some(ArrayClass::Ndarray),
            Value::Type(t) if t.kind == TypeKind::RecArray => Some(ArrayClass::RecArray),
            _ => None,
        };
        let (dtype, ty) = match (dtype, ty) {
            (Some(d), None) if class_of(&d).is_some() => (None, Some(d)),
            other => other,
        };
        let class = match ty.filter(|v| !v.is_none()) {
            None => a.class(),
            Some(t) => class_of(&t).ok_or_else(PyError::view_type_not_ndarray_subtype)?,
        };
        let (dt, layout) = match dtype.filter(|v| !v.is_none()) {
            None => (a.dtype(), a.layout().clone()),
            Some(d) => {
                let dt = self.to_dtype(&d)?;
                let v = a.view_dtype(&self.ctx, dt)?;
                let layout = v.layout().clone();
                (v.dtype(), layout)
            }
        };
        // `recarray.__array_finalize__` gives a structure the record scalar type
        let dt = match class {
            ArrayClass::RecArray if !dt.record => dt.with_record(true),
            _ => dt,
        };
        Ok(Value::Array(a.view_as(&self.ctx, dt, layout, class)))
    }
}
