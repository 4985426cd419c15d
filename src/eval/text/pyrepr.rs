//! `repr()`, `str()`, `format()` and `%`-formatting of values with CPython's exact text; arrays
//! and NumPy scalars are printed by the runtime's NumPy-identical printer.

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::dictobj::dict_view;
use crate::eval::object::nesting::Nesting;
use crate::eval::object::value::*;
use crate::runtime::print::{self, Elements};
use crate::runtime::{DType, NdArray, Scalar};

pub use crate::runtime::print::{bytes_repr, str_repr};

/// An array as the printer sees it (its shape copied out of the array's cell).
pub struct ArrayElems<'a>(pub &'a NdArray, Vec<usize>);

impl<'a> ArrayElems<'a> {
    pub fn new(a: &'a NdArray) -> ArrayElems<'a> {
        ArrayElems(a, a.shape().to_vec())
    }
}

impl Elements for ArrayElems<'_> {
    fn dtype(&self) -> DType {
        self.0.dtype()
    }
    fn shape(&self) -> &[usize] {
        &self.1
    }
    fn get(&self, index: &[usize]) -> Scalar {
        // the printer only asks for in-range indices; a buffer conflict cannot happen while
        // printing (nothing writes), so the fallback is never shown
        self.0.get(index).unwrap_or(Scalar::Bool(false))
    }
}

fn float_repr(x: f64) -> String {
    print::python_float_repr(x)
}

pub fn complex_repr(re: f64, im: f64) -> String {
    let part = |x: f64| {
        let s = float_repr(x);
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part(im))
    } else {
        // CPython's format_float_short ignores the sign of a NaN
        let sign = if im.is_sign_negative() && !im.is_nan() {
            "-"
        } else {
            "+"
        };
        format!("({}{}{}j)", part(re), sign, part(im.abs()))
    }
}

impl Interp {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        self.nested(Nesting::Repr, |me| me.repr_inner(v))
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Int(i) => i.v.to_string_checked()?,
            Value::Float(f) => float_repr(f.v),
            Value::Complex(c) => complex_repr(c.re, c.im),
            Value::Str(s) => str_repr(&s.v),
            Value::Bytes(b) => bytes_repr(&b.v),
            Value::Tuple(_) | Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                // Py_ReprEnter: a container already being shown prints as `[...]`
                let id = self.id_of(v);
                if self.repr_active.contains(&id) {
                    return Ok(match v {
                        Value::Tuple(_) => "(...)".into(),
                        Value::List(_) => "[...]".into(),
                        Value::Dict(_) => "{...}".into(),
                        _ => format!("{}(...)", v.type_name()),
                    });
                }
                self.repr_active.push(id);
                let r = self.container_repr(v);
                self.repr_active.pop();
                r?
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                format!(
                    "slice({}, {}, {})",
                    self.repr(&s.start)?,
                    self.repr(&s.stop)?,
                    self.repr(&s.step)?
                )
            }
            Value::Array(a) if a.is_recarray() => {
                print::recarray_repr(&ArrayElems::new(a), &self.print_opts)
            }
            Value::Array(a) => print::array_repr(&ArrayElems::new(a), &self.print_opts),
            Value::Scalar(s) => print::scalar_repr(s.dtype, &s.v, &self.print_opts),
            Value::DType(d) => d.dtype.repr(),
            Value::Type(t) => format!("<class '{}'>", type_qualname(t.kind)),
            Value::Module(m) => match crate::eval::registry::module(m.name).map(|e| e.row.kind) {
                Some(crate::eval::registry::Kind::Module(o)) => {
                    format!("<module '{}' {}>", m.name, o.describe(m.name))
                }
                _ => format!("<module '{}'>", m.name),
            },
            Value::Builtin(b) => match crate::eval::registry::get(b.name) {
                Some(e) => self.function_repr(e, b.id.addr()),
                None => format!(
                    "<built-in function {}>",
                    b.name.rsplit('.').next().unwrap_or(b.name)
                ),
            },
            Value::Method(m) => self.method_repr(m),
            Value::Function(f) => {
                format!("<function {} at {:#x}>", f.qualname.borrow(), self.id_of(v))
            }
            Value::BoundMethod(_)
            | Value::Class(_)
            | Value::Instance(_)
            | Value::Exception(_)
            | Value::Descr(_) => self.language_repr(v)?,
            Value::Iter(it) if self.native_iter_repr(it).is_some() => self
                .native_iter_repr(it)
                .unwrap_or_else(|| Ok(String::new()))?,
            Value::Iter(it) => {
                let name = match &*it.state.borrow() {
                    IterState::Gen(g) => format!("generator object {}", g.qualname),
                    _ => format!("{} object", it.kind),
                };
                format!("<{name} at {:#x}>", self.id_of(v))
            }
            Value::Flags(f) => flags_repr(&f.array),
            Value::Record(rec) if let Some((d, part)) = dict_view(v) => {
                // dictview_repr: `dict_keys([...])`, `...` when the view is already being shown
                let id = self.id_of(v);
                if self.repr_active.contains(&id) {
                    return Ok("...".into());
                }
                self.repr_active.push(id);
                let items = self.dict_part(&d, part);
                let l = self.new_list(items);
                let r = self.repr(&l);
                self.repr_active.pop();
                format!("{}({})", rec.type_name, r?)
            }
            Value::Record(r) => r.repr.clone(),
            Value::Cell(_) => format!("<cell at {:#x}>", self.id_of(v)),
            Value::Dummy(_) => format!(
                "<numpy.lib._stride_tricks_impl.DummyArray object at {:#x}>",
                self.id_of(v)
            ),
            // NumPy's random objects print `Generator(PCG64) at 0x7F...` (upper-case hex)
            Value::Native(n) if n.slots.repr.is_some() => {
                let f = n.slots.repr.expect("the match guard saw Some");
                f(self, v)?
            }
            Value::Native(n) => match n.repr_head {
                Some(head) => format!("{head} at 0x{:X}", self.id_of(v)),
                None => format!("<{} object at {:#x}>", n.type_name, self.id_of(v)),
            },
        })
    }

    fn container_repr(&mut self, v: &Value) -> PyResult<String> {
        let join = |me: &mut Interp, items: &[Value]| -> PyResult<String> {
            let mut parts = Vec::with_capacity(items.len());
            for x in items {
                parts.push(me.repr(x)?);
            }
            Ok(parts.join(", "))
        };
        Ok(match v {
            Value::Tuple(t) => {
                let items = t.items.clone();
                let inner = join(self, &items)?;
                if items.len() == 1 {
                    format!("({inner},)")
                } else {
                    format!("({inner})")
                }
            }
            Value::List(l) => {
                let items = l.items.borrow().clone();
                format!("[{}]", join(self, &items)?)
            }
            Value::Dict(d) if d.flavor.is_some() => {
                let flavor = d.flavor.clone().expect("the match guard saw Some");
                crate::eval::modules::collections::flavored_repr(self, d, &flavor)?
            }
            Value::Dict(d) => {
                let items = d.items.borrow().clone();
                let mut parts = Vec::with_capacity(items.len());
                for (k, v) in &items {
                    parts.push(format!("{}: {}", self.repr(k)?, self.repr(v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                let items = Self::set_items(s);
                let name = if s.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    format!("{name}()")
                } else if s.frozen {
                    format!("frozenset({{{}}})", join(self, &items)?)
                } else {
                    format!("{{{}}}", join(self, &items)?)
                }
            }
            _ => unreachable!("container_repr is only called for containers (repr_inner)"),
        })
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Str(s) => s.v.clone(),
            Value::Instance(_) | Value::Exception(_) => self.user_str(v)?,
            Value::Array(a) => print::array_str(&ArrayElems::new(a), &self.print_opts),
            Value::Scalar(s) => print::scalar_str(s.dtype, &s.v, &self.print_opts),
            Value::DType(d) => d.dtype.str_form(),
            Value::Record(_) if dict_view(v).is_some() => self.repr(v)?,
            // a type written in Rust with its own `__str__` row (`np.poly1d`)
            Value::Native(_) if Self::method_entry(v, "__str__").is_some() => {
                let s = self.call_method(v, "__str__", vec![], vec![])?;
                self.str(&s)?
            }
            // records with their own print() text (np.iinfo / np.finfo)
            Value::Record(r) => match r.fields.iter().find(|(k, _)| *k == "__str__") {
                Some((_, Value::Str(s))) => s.v.clone(),
                _ => r.repr.clone(),
            },
            _ => self.repr(v)?,
        })
    }
}

/// `__qualname__` with module for type objects as IPython prints them: `int`, `numpy.int64`.
pub fn type_qualname(kind: TypeKind) -> String {
    match kind {
        TypeKind::Int => "int".into(),
        TypeKind::Float => "float".into(),
        TypeKind::Complex => "complex".into(),
        TypeKind::Bool => "bool".into(),
        TypeKind::Str => "str".into(),
        TypeKind::Bytes => "bytes".into(),
        TypeKind::List => "list".into(),
        TypeKind::Tuple => "tuple".into(),
        TypeKind::Dict => "dict".into(),
        TypeKind::Set => "set".into(),
        TypeKind::FrozenSet => "frozenset".into(),
        TypeKind::Range => "range".into(),
        TypeKind::Slice => "slice".into(),
        TypeKind::NoneType => "NoneType".into(),
        TypeKind::Type => "type".into(),
        TypeKind::Object => "object".into(),
        TypeKind::Ndarray => "numpy.ndarray".into(),
        TypeKind::RecArray => "numpy.rec.recarray".into(),
        TypeKind::NpRecord => "numpy.record".into(),
        TypeKind::NpScalar(dt) => format!("numpy.{}", dt.scalar_type_name()),
        TypeKind::NpAbstract(name) => format!("numpy.{name}"),
        TypeKind::DTypeClass => "numpy.dtype".into(),
        TypeKind::Function => "function".into(),
        TypeKind::BuiltinFunction => "builtin_function_or_method".into(),
        TypeKind::Method => "method".into(),
        TypeKind::Module => "module".into(),
        TypeKind::Iterator(k) => k.into(),
        TypeKind::Flags => "numpy._core.multiarray.flagsobj".into(),
        TypeKind::Ellipsis => "ellipsis".into(),
        TypeKind::Exception(k) => k.qualname().unwrap_or(k.name()).into(),
        TypeKind::Record(name) => name.into(),
    }
}

/// NumPy's `flags` repr.
pub fn flags_repr(a: &NdArray) -> String {
    let t = |b: bool| if b { "True" } else { "False" };
    format!(
        "  C_CONTIGUOUS : {}\n  F_CONTIGUOUS : {}\n  OWNDATA : {}\n  WRITEABLE : {}\n  ALIGNED : {}\n  WRITEBACKIFCOPY : False\n",
        t(a.is_c_contiguous()),
        t(a.is_f_contiguous()),
        t(a.owns_data()),
        t(a.is_writeable()),
        t(a.is_aligned())
    )
}
