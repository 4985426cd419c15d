//! Turning Python values into runtime things: arrays from nested sequences (`np.array`'s shape
//! discovery and dtype inference), dtypes from every spelling, shapes, orders; plus the small
//! container helpers (`len`, dict keys, CPython's list over-allocation).

use std::rc::Rc;

use crate::error::{PyError, PyResult, shape_str};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::dtype::promote;
use crate::runtime::{DType, Kind, NdArray, Order, Scalar, kernels};

/// What a leaf of a nested sequence contributes to dtype inference.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum LeafKind {
    Bool,
    Int,
    Float,
    Complex,
}

impl Interp {
    /// `np.asarray(v, dtype)`: arrays pass through (cast when a dtype is asked for); everything
    /// else is converted into a new array.
    pub fn to_array(&mut self, v: &Value, dtype: Option<DType>) -> PyResult<Rc<NdArray>> {
        if let Value::Array(a) = v {
            return match dtype {
                Some(dt) if dt != a.dtype() => kernels::cast_array(&self.ctx, a, dt, Order::C),
                _ => Ok(a.clone()),
            };
        }
        if let Value::Scalar(s) = v {
            let a = self.scalar_to_array(s.dtype, &s.v)?;
            return match dtype {
                Some(dt) if dt != s.dtype => kernels::cast_array(&self.ctx, &a, dt, Order::C),
                _ => Ok(a),
            };
        }
        // a type written in Rust with an `__array__` row (`np.poly1d`: its coefficients)
        if let Value::Native(_) = v
            && Self::method_entry(v, "__array__").is_some()
        {
            let a = self.call_method(v, "__array__", vec![], vec![])?;
            if let Value::Array(_) = a {
                return self.to_array(&a, dtype);
            }
        }
        if let Some(dt) = dtype
            && dt.fields().is_some()
        {
            return self.records_array(v, dt);
        }
        let mut shape = Vec::new();
        self.discover_shape(v, &[], &mut shape)?;
        let mut leaves = Vec::new();
        self.flatten_leaves(v, shape.len(), &mut leaves)?;
        let dt = match dtype {
            Some(dt) if dt.is_flexible() && dt.itemsize == 0 => {
                self.infer_flexible(&leaves, dt.kind)?
            }
            Some(dt) => dt,
            // empty arrays inside give no leaves, but their dtypes still count
            None if leaves.is_empty() => self.nested_array_dtype(v)?.unwrap_or(DType::FLOAT64),
            None => self.infer_dtype(&leaves)?,
        };
        let arr = NdArray::zeros(&self.ctx, &shape, dt, Order::C)?;
        self.fill_leaves(&arr, &leaves)?;
        Ok(arr)
    }

    /// The promoted dtype of the arrays nested in `v` (`np.asarray((np.array([], int),))` is
    /// int64, not the float64 of an empty list).
    fn nested_array_dtype(&mut self, v: &Value) -> PyResult<Option<DType>> {
        if let Value::Array(a) = v {
            return Ok(Some(a.dtype()));
        }
        if !Self::is_sequence(v) {
            return Ok(None);
        }
        let mut found: Option<DType> = None;
        for item in self.collect(v)? {
            if let Some(d) = self.nested_array_dtype(&item)? {
                found = Some(match found {
                    None => d,
                    Some(f) => {
                        promote(f, d).ok_or_else(|| PyError::type_error("no common dtype"))?
                    }
                });
            }
        }
        Ok(found)
    }

    fn is_sequence(v: &Value) -> bool {
        matches!(
            v,
            Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Array(_)
        )
    }

    /// The shape of a nested sequence, with NumPy's inhomogeneity error; `outer` is the shape
    /// found above `v` (what the error reports as detected).
    fn discover_shape(
        &mut self,
        v: &Value,
        outer: &[usize],
        shape: &mut Vec<usize>,
    ) -> PyResult<()> {
        if outer.len() > crate::runtime::layout::MAX_DIMS {
            return Err(PyError::maximum_dimensions(outer.len()));
        }
        if let Value::Array(a) = v {
            shape.extend_from_slice(&a.shape());
            return Ok(());
        }
        if !Self::is_sequence(v) {
            return Ok(());
        }
        let items = self.collect(v)?;
        shape.push(items.len());
        let mut here = outer.to_vec();
        here.push(items.len());
        if let Some(first) = items.first() {
            let mut sub = Vec::new();
            self.discover_shape(first, &here, &mut sub)?;
            for it in &items[1..] {
                let mut other = Vec::new();
                self.discover_shape(it, &here, &mut other)?;
                if other != sub {
                    let n = here.len();
                    let detected = shape_str(&here);
                    return Err(PyError::value(format!(
                        "setting an array element with a sequence. The requested array has an inhomogeneous shape after {n} dimensions. The detected shape was {detected} + inhomogeneous part."
                    )));
                }
            }
            shape.extend(sub);
        }
        Ok(())
    }

    fn flatten_leaves(&mut self, v: &Value, depth: usize, out: &mut Vec<Value>) -> PyResult<()> {
        if depth == 0 {
            out.push(v.clone());
            return Ok(());
        }
        if let Value::Array(a) = v {
            // an array inside a list: its elements become leaves
            let mut offs = Vec::with_capacity(a.size());
            a.layout().for_each_offset(|o| offs.push(o));
            for o in offs {
                let s = a.element_at(o)?;
                out.push(self.new_scalar(a.dtype(), s));
            }
            return Ok(());
        }
        for it in self.collect(v)? {
            self.flatten_leaves(&it, depth - 1, out)?;
        }
        Ok(())
    }

    /// NumPy's dtype discovery: Python numbers give the default dtypes of their kind, NumPy
    /// scalars keep theirs, strings make `U<n>`, bytes `S<n>`.
    fn infer_dtype(&mut self, leaves: &[Value]) -> PyResult<DType> {
        if leaves.is_empty() {
            return Ok(DType::FLOAT64);
        }
        if leaves.iter().any(|v| {
            matches!(v, Value::Str(_)) || matches!(v, Value::Scalar(s) if s.dtype.kind == Kind::Str)
        }) {
            return self.infer_flexible(leaves, Kind::Str);
        }
        if leaves.iter().all(|v| {
            matches!(v, Value::Bytes(_))
                || matches!(v, Value::Scalar(s) if s.dtype.kind == Kind::Bytes)
        }) {
            return self.infer_flexible(leaves, Kind::Bytes);
        }
        let mut kind = LeafKind::Bool;
        let mut strong: Option<DType> = None;
        let mut big_positive = false;
        // NumPy 2 discovers each int as int64 (a C long) or, past it, uint64; the two promote
        // to float64 (`np.array([1, 10**19])`)
        let mut fits_long = false;
        let mut too_big = false;
        for v in leaves {
            match v {
                Value::Bool(_) => {}
                Value::Int(i) => {
                    kind = kind.max(LeafKind::Int);
                    if i.v.to_i64().is_none() {
                        if !i.v.is_negative() && i.v.bits() <= 64 {
                            big_positive = true
                        } else {
                            too_big = true
                        }
                    }
                    fits_long |= i.v.to_i64().is_some();
                }
                Value::Float(_) => kind = kind.max(LeafKind::Float),
                Value::Complex(_) => kind = kind.max(LeafKind::Complex),
                Value::Scalar(s) => {
                    strong = Some(match strong {
                        None => s.dtype,
                        Some(d) => promote(d, s.dtype)
                            .ok_or_else(|| PyError::type_error("no common dtype"))?,
                    })
                }
                Value::None | Value::Dict(_) | Value::Set(_) => {
                    return Err(PyError::not_implemented(
                        "arrsh has no object arrays (dtype=object): use numbers, bytes or strings",
                    ));
                }
                other => {
                    return Err(PyError::type_error(format!(
                        "arrsh cannot put a '{}' into an array",
                        other.type_name()
                    )));
                }
            }
        }
        if too_big {
            return Err(PyError::not_implemented(
                "arrsh has no object arrays: integers above 2**64 cannot be stored",
            ));
        }
        let mut py = match kind {
            LeafKind::Bool => None,
            LeafKind::Int if big_positive && fits_long => Some(DType::FLOAT64),
            LeafKind::Int if big_positive => Some(DType::UINT64),
            LeafKind::Int => Some(DType::INT64),
            LeafKind::Float => Some(DType::FLOAT64),
            LeafKind::Complex => Some(DType::COMPLEX128),
        };
        if py.is_none() && leaves.iter().any(|v| matches!(v, Value::Bool(_))) {
            py = Some(DType::BOOL);
        }
        Ok(match (strong, py) {
            (Some(s), Some(p)) => promote(s, p).unwrap_or(p),
            (Some(s), None) => s,
            (None, Some(p)) => p,
            (None, None) => DType::FLOAT64,
        })
    }

    fn infer_flexible(&mut self, leaves: &[Value], kind: Kind) -> PyResult<DType> {
        let mut n = 0usize;
        for v in leaves {
            let len = match v {
                Value::Str(s) => s.v.chars().count(),
                Value::Bytes(b) => b.v.len(),
                Value::Int(_) if kind == Kind::Str => 21,
                Value::Float(_) if kind == Kind::Str => 32,
                Value::Bool(_) if kind == Kind::Str => 5,
                Value::Scalar(s) if s.dtype.is_flexible() => {
                    s.dtype.itemsize / if s.dtype.kind == Kind::Str { 4 } else { 1 }
                }
                other => self.str(other)?.chars().count(),
            };
            n = n.max(len);
        }
        let n = n.max(1);
        Ok(if kind == Kind::Str {
            DType::unicode(n)
        } else {
            DType::bytes(n)
        })
    }

    fn fill_leaves(&mut self, arr: &NdArray, leaves: &[Value]) -> PyResult<()> {
        let dt = arr.dtype();
        let mut offs = Vec::with_capacity(leaves.len());
        arr.layout().for_each_offset(|o| offs.push(o));
        for (o, v) in offs.into_iter().zip(leaves) {
            let s = match (v, dt.kind) {
                (Value::Int(_) | Value::Float(_) | Value::Bool(_), Kind::Str | Kind::Bytes) => {
                    Scalar::Str(self.str(v)?)
                }
                (Value::Str(s), Kind::Bytes) => Scalar::Bytes(s.v.as_bytes().to_vec()),
                (Value::Bytes(b), Kind::Str) => {
                    Scalar::Str(b.v.iter().map(|&c| c as char).collect())
                }
                _ => self.value_to_element(v, dt)?,
            };
            kernels::store_element(&self.ctx, arr, o, &s)?;
        }
        Ok(())
    }

    /// A dtype from any spelling: `'i4'`, `np.int32`, `int`, `np.dtype('S3')`, `None` (float64).
    pub fn to_dtype(&mut self, v: &Value) -> PyResult<DType> {
        Ok(match v {
            Value::DType(d) => d.dtype,
            Value::Str(s) => DType::parse(&s.v)?,
            Value::None => DType::FLOAT64,
            Value::Type(t) => match t.kind {
                TypeKind::Int => DType::INT64,
                TypeKind::Float => DType::FLOAT64,
                TypeKind::Complex => DType::COMPLEX128,
                TypeKind::Bool => DType::BOOL,
                TypeKind::Str => DType::unicode(0),
                TypeKind::Bytes => DType::bytes(0),
                TypeKind::NpScalar(dt) => dt,
                _ => return Err(self.not_a_dtype(v)?),
            },
            Value::Array(a) => a.dtype(),
            Value::List(_) => self.struct_dtype_from_list(v, false)?,
            // `(np.void, 24)`, `(str, 3)`: an unsized flexible type given its size
            Value::Tuple(t)
                if t.items.len() == 2
                    && matches!(t.items[1], Value::Int(_))
                    && self.to_dtype(&t.items[0]).is_ok_and(|d| {
                        matches!(d.kind, Kind::Bytes | Kind::Str | Kind::Void)
                            && d.itemsize == 0
                            && d.fields().is_none()
                    }) =>
            {
                let base = self.to_dtype(&t.items[0])?;
                let n = self
                    .int_value(&t.items[1], "")?
                    .to_i64()
                    .and_then(|n| usize::try_from(n).ok())
                    .filter(|&n| n <= i32::MAX as usize)
                    .ok_or_else(|| PyError::value("invalid itemsize in generic type tuple"))?;
                match base.kind {
                    Kind::Str => DType::unicode(n),
                    Kind::Bytes => DType::bytes(n),
                    _ => DType::void(n),
                }
            }
            // `(np.record, dt)` / `(np.void, dt)`: the structure with that scalar type
            Value::Tuple(t)
                if t.items.len() == 2
                    && matches!(&t.items[0], Value::Type(ty)
                        if matches!(ty.kind, TypeKind::NpRecord)
                            || matches!(ty.kind, TypeKind::NpScalar(d) if d.is_void())) =>
            {
                let record =
                    matches!(&t.items[0], Value::Type(ty) if ty.kind == TypeKind::NpRecord);
                self.to_dtype(&t.items[1])?.with_record(record)
            }
            Value::Dict(d) => self.struct_dtype_from_dict(d, false)?,
            _ => return Err(self.not_a_dtype(v)?),
        })
    }

    fn not_a_dtype(&mut self, v: &Value) -> PyResult<PyError> {
        let r = self.repr(v)?;
        Ok(PyError::type_error(format!(
            "Cannot interpret '{r}' as a data type"
        )))
    }

    /// A shape argument: one integer or a sequence of them (as i128, so negatives can be refused
    /// with NumPy's message later).
    pub fn to_shape(&mut self, v: &Value) -> PyResult<Vec<i128>> {
        if let Some(i) = self.index_int(v) {
            return Ok(vec![i.to_i128_saturating()]);
        }
        match v {
            Value::Tuple(_) | Value::List(_) => {
                let items = self.collect(v)?;
                items
                    .iter()
                    .map(|x| {
                        self.index_int(x)
                            .map(|i| i.to_i128_saturating())
                            .ok_or_else(|| {
                                PyError::type_error(format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    x.type_name()
                                ))
                            })
                    })
                    .collect()
            }
            other => {
                let r = self.repr(other)?;
                Err(PyError::type_error(format!(
                    "expected a sequence of integers or a single integer, got '{r}'"
                )))
            }
        }
    }

    pub fn to_order(&mut self, v: Option<&Value>, allow_ak: bool) -> PyResult<Option<Order>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => match s.v.as_str() {
                "C" | "c" => Ok(Some(Order::C)),
                "F" | "f" => Ok(Some(Order::F)),
                "A" | "a" | "K" | "k" if allow_ak => Ok(None),
                other => Err(PyError::value(format!(
                    "order must be one of 'C', 'F', 'A', or 'K' (got '{other}')"
                ))),
            },
            Some(other) => Err(PyError::type_error(format!(
                "order must be str, not {}",
                other.type_name()
            ))),
        }
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: &Value) -> PyResult<usize> {
        if crate::eval::object::dunder::is_user(v) {
            return self.user_len(v);
        }
        Ok(match v {
            Value::Str(s) => s.v.chars().count(),
            Value::Bytes(b) => b.v.len(),
            Value::Tuple(t) => t.items.len(),
            Value::List(l) => l.items.borrow().len(),
            Value::Dict(d) => d.items.borrow().len(),
            Value::Set(s) => s.table.borrow().used,
            Value::Range(r) => usize::try_from(crate::eval::object::iter::range_len(
                r.start, r.stop, r.step,
            ))
            .ok()
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(PyError::too_large_for_ssize_t)?,
            Value::Array(a) => {
                if a.ndim() == 0 {
                    return Err(PyError::unsized_object());
                }
                a.shape()[0]
            }
            // numpy.bytes_ and numpy.str_ are bytes and str
            Value::Scalar(s) if s.dtype.is_flexible() => match &s.v {
                crate::runtime::Scalar::Bytes(b) => b.len(),
                crate::runtime::Scalar::Str(t) => t.chars().count(),
                _ => 0,
            },
            Value::Native(n) if n.slots.len.is_some() => {
                let f = n.slots.len.expect("the match guard saw Some");
                return f(self, v);
            }
            Value::Record(_) if let Some((d, _)) = crate::eval::object::dictobj::dict_view(v) => {
                d.items.borrow().len()
            }
            other => return Err(PyError::len_of_unsized(&other.type_name())),
        })
    }

    /// Refuses unhashable keys with CPython's message.
    pub fn hash_key(&mut self, v: &Value) -> PyResult<()> {
        self.py_hash(v).map(|_| ())
    }

    /// `np.dot` for 1-d and 2-d operands in their promoted dtype.
    pub fn dot_arrays(&mut self, a: &Rc<NdArray>, b: &Rc<NdArray>) -> PyResult<Rc<NdArray>> {
        let dt = promote(a.dtype(), b.dtype())
            .ok_or_else(|| PyError::type_error("no common dtype for dot"))?;
        kernels::dot(&self.ctx, a, b, dt)
    }

    pub fn int_value(&self, v: &Value, what: &str) -> PyResult<Int> {
        self.index_int(v).ok_or_else(|| {
            PyError::type_error(format!(
                "'{}' object cannot be interpreted as an integer{what}",
                v.type_name()
            ))
        })
    }
}
