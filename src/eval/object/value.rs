//! Python values as objects with identity: each heap object carries an `ObjId` from the session's
//! memory model, so `id()`, `is` and CPython's reuse of freed memory are visible.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::eval::object::pyint::Int;
use crate::runtime::{DType, NdArray, ObjId, Scalar};

/// A Python value. Cloning shares the object (like binding another name to it).
#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Ellipsis,
    NotImplemented,
    Int(Rc<PyInt>),
    Float(Rc<PyFloat>),
    Complex(Rc<PyComplex>),
    Str(Rc<PyStr>),
    Bytes(Rc<PyBytes>),
    Tuple(Rc<PyTuple>),
    List(Rc<PyList>),
    Dict(Rc<PyDict>),
    Set(Rc<PySet>),
    Range(Rc<PyRange>),
    Slice(Rc<PySlice>),
    Array(Rc<NdArray>),
    /// A NumPy scalar (`numpy.int64`, `numpy.float64`, `numpy.bytes_`...).
    Scalar(Rc<NpScalar>),
    DType(Rc<PyDType>),
    Type(Rc<PyType>),
    Module(Rc<Module>),
    Builtin(Rc<BuiltinFn>),
    Method(Rc<BoundMethod>),
    /// A function made by `def` or `lambda`.
    Function(Rc<PyFunction>),
    /// A Python function bound to an object (`obj.method`).
    BoundMethod(Rc<PyBoundMethod>),
    /// A class made by `class`.
    Class(Rc<crate::eval::object::classobj::PyClass>),
    /// An instance of a class made by `class`.
    Instance(Rc<crate::eval::object::classobj::PyInstance>),
    /// An exception object (of a builtin exception class or a user's subclass of one).
    Exception(Rc<crate::eval::object::excobj::PyExc>),
    /// `property`, `staticmethod`, `classmethod` objects.
    Descr(Rc<crate::eval::object::classobj::PyDescr>),
    Iter(Rc<PyIter>),
    /// `a.flags`
    Flags(Rc<FlagsObj>),
    /// `np.iinfo(...)` / `np.finfo(...)` results and other small attribute bags.
    Record(Rc<Record>),
    /// A closure cell (a variable shared by a function and the functions inside it).
    Cell(Rc<CellRef>),
    /// NumPy's `DummyArray`: what `as_strided` results report as their `.base`.
    Dummy(Rc<DummyArray>),
    /// An object of a NumPy type arrsh implements in Rust with state of its own
    /// (`numpy.random.Generator`, `RandomState`, iterators): see `NativeObj`.
    Native(Rc<NativeObj>),
}

/// An instance of a type implemented in Rust. Its methods and attributes are registry rows
/// whose owner is one of `owners` (`numpy.random.Generator.integers`); `state` is what those
/// rows downcast and work on.
pub struct NativeObj {
    pub id: ObjId,
    /// The type's qualified name, as `type()` shows it (`numpy.random._generator.Generator`).
    pub type_name: &'static str,
    /// The registry owners of its attributes, nearest first.
    pub owners: &'static [&'static str],
    /// `repr()`: the text before ` at 0x...` for NumPy's random objects
    /// (`Generator(PCG64)`), or `None` for `<type_name object at 0x...>`.
    pub repr_head: Option<&'static str>,
    /// Its protocol slots (subscript, iteration, length), as CPython's `tp_as_mapping`.
    pub slots: &'static NativeSlots,
    pub state: RefCell<Box<dyn std::any::Any>>,
}

/// `obj[idx]`: the object, the index.
pub type GetItemSlot = fn(&mut crate::eval::Interp, &Value, &Value) -> crate::PyResult<Value>;
/// `obj[idx] = v`.
pub type SetItemSlot = fn(&mut crate::eval::Interp, &Value, &Value, Value) -> crate::PyResult<()>;
/// `iter(obj)`: something iterable holding its items (a list, a tuple, an iterator).
pub type IterSlot = fn(&mut crate::eval::Interp, &Value) -> crate::PyResult<Value>;
/// `len(obj)`.
pub type LenSlot = fn(&mut crate::eval::Interp, &Value) -> crate::PyResult<usize>;
/// `obj(*args, **kw)`.
pub type CallSlot = fn(
    &mut crate::eval::Interp,
    &Value,
    Vec<Value>,
    Vec<(String, Value)>,
) -> crate::PyResult<Value>;
/// `repr(obj)`.
pub type ReprSlot = fn(&mut crate::eval::Interp, &Value) -> crate::PyResult<String>;
/// `obj.name` for attributes that are not rows (`None`: not found).
pub type GetAttrSlot = fn(&mut crate::eval::Interp, &Value, &str) -> crate::PyResult<Option<Value>>;
/// `hash(obj)`.
pub type HashSlot = fn(&mut crate::eval::Interp, &Value) -> crate::PyResult<i64>;
/// `a <op> b` with `a` or `b` this object (`None`: NotImplemented).
pub type CompareSlot = fn(
    &mut crate::eval::Interp,
    &Value,
    crate::syntax::ast::CmpOp,
    &Value,
) -> crate::PyResult<Option<bool>>;

/// The protocols a native object supports (`None`: Python's TypeError for that protocol).
pub struct NativeSlots {
    pub getitem: Option<GetItemSlot>,
    pub setitem: Option<SetItemSlot>,
    pub iter: Option<IterSlot>,
    pub len: Option<LenSlot>,
    pub call: Option<CallSlot>,
    pub repr: Option<ReprSlot>,
    pub getattr: Option<GetAttrSlot>,
    pub compare: Option<CompareSlot>,
    pub hash: Option<HashSlot>,
}

impl NativeSlots {
    pub const NONE: NativeSlots = NativeSlots {
        getitem: None,
        setitem: None,
        iter: None,
        len: None,
        call: None,
        repr: None,
        getattr: None,
        compare: None,
        hash: None,
    };
}

/// `numpy.lib._stride_tricks_impl.DummyArray`: holds the array `as_strided` was given.
pub struct DummyArray {
    pub id: ObjId,
    pub base: Rc<NdArray>,
}

pub struct PyInt {
    pub id: ObjId,
    pub v: Int,
}
pub struct PyFloat {
    pub id: ObjId,
    pub v: f64,
}
pub struct PyComplex {
    pub id: ObjId,
    pub re: f64,
    pub im: f64,
}
pub struct PyStr {
    pub id: ObjId,
    pub v: String,
}
pub struct PyBytes {
    pub id: ObjId,
    pub v: Vec<u8>,
}
pub struct PyTuple {
    pub id: ObjId,
    pub items: Vec<Value>,
}
pub struct PyList {
    pub id: ObjId,
    pub items: RefCell<Vec<Value>>,
    /// CPython's allocated slots (`getsizeof` = 56 + 8 × capacity).
    pub capacity: Cell<usize>,
    /// Whether `ob_item` points at a buffer: `PyList_New(0)` and `clear()` leave none, which
    /// changes how the next `extend` sizes it (see `listobj`).
    pub buffer: Cell<bool>,
}
pub struct PyDict {
    pub id: ObjId,
    /// Items in insertion order.
    pub items: RefCell<Vec<(Value, Value)>>,
    /// The model of CPython's keys table (for `getsizeof`).
    pub keys: Cell<crate::eval::object::dictobj::DictKeys>,
    /// The hash index over `items` (kept by `dictobj`, the only place that changes `items`).
    pub index: RefCell<crate::eval::object::dictobj::DictIndex>,
    /// Where CPython's entries table has deleted entries (its `dk_entries` positions, sorted)
    /// since the table was last compacted: with `items`, the position of every live entry,
    /// which iteration follows (see `dictobj::PyDict::live_at_or_after`).
    pub holes: RefCell<Vec<usize>>,
    /// Which `dict` subclass of `collections` it is (`None`: a plain dict).
    pub flavor: Option<Rc<crate::eval::modules::collections::DictFlavor>>,
}
/// `set` and `frozenset`.
pub struct PySet {
    pub id: ObjId,
    pub table: RefCell<crate::eval::object::setobj::SetTable>,
    pub frozen: bool,
}
/// A range's bounds (Python allows any int; arrsh keeps 128 bits).
pub struct PyRange {
    pub id: ObjId,
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}
pub struct PySlice {
    pub id: ObjId,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
pub struct NpScalar {
    pub id: ObjId,
    pub dtype: DType,
    pub v: Scalar,
    /// A `np.void` taken from a structured array: that array and the element's byte offset
    /// (NumPy's void scalars are views: `a[0]['x'] = 1` writes into `a`).
    pub base: Option<(Rc<NdArray>, usize)>,
}
pub struct PyDType {
    pub id: ObjId,
    pub dtype: DType,
}
pub struct Module {
    pub id: ObjId,
    /// Dotted name: `numpy`, `numpy.lib.stride_tricks`, `sys`, `time`.
    pub name: &'static str,
}
pub struct BuiltinFn {
    pub id: ObjId,
    /// Qualified name, e.g. `print`, `numpy.arange`, `sys.getsizeof`.
    pub name: &'static str,
}
pub struct BoundMethod {
    pub id: ObjId,
    pub obj: Value,
    pub name: Rc<str>,
}
/// A function: its code, defaults, closure and attributes.
pub struct PyFunction {
    pub id: ObjId,
    pub code: Rc<crate::eval::vm::code::Code>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// The defaults of the last positional parameters (a tuple), as `__defaults__`.
    pub defaults: RefCell<Option<Value>>,
    /// Keyword-only defaults (a dict), as `__kwdefaults__`.
    pub kwdefaults: RefCell<Option<Value>>,
    /// The cells of its free variables (a tuple of cells), as `__closure__`.
    pub closure: Option<Value>,
    /// Attributes set on it (`f.calls = 0`, `__doc__`, `__wrapped__`).
    pub dict: RefCell<Vec<(Rc<str>, Value)>>,
}

/// `obj.method` for a Python function: the function and the object it is bound to.
pub struct PyBoundMethod {
    pub id: ObjId,
    pub func: Value,
    pub obj: Value,
}
pub struct FlagsObj {
    pub id: ObjId,
    pub array: Rc<NdArray>,
}
pub struct Record {
    pub id: ObjId,
    pub type_name: &'static str,
    pub repr: String,
    pub fields: Vec<(&'static str, Value)>,
}
impl Record {
    /// The value of one of its fields.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.fields.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}
pub struct CellRef {
    pub id: ObjId,
    pub value: RefCell<Option<Value>>,
}

/// A type object: builtins, NumPy scalar types, `numpy.ndarray`, exception classes.
pub struct PyType {
    pub id: ObjId,
    pub kind: TypeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Int,
    Float,
    Complex,
    Bool,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    NoneType,
    Type,
    Object,
    Ndarray,
    /// `numpy.recarray` (`numpy.rec.recarray`): arrays whose class is `ArrayClass::RecArray`.
    RecArray,
    /// `numpy.record`: the scalars of a record dtype (`DType::record`), a `numpy.void` subclass.
    NpRecord,
    /// `numpy.int64` and friends: the scalar type of a dtype.
    NpScalar(DType),
    /// NumPy's abstract scalar classes (`numpy.integer`, `numpy.floating`, `numpy.generic`...),
    /// only good for `isinstance`.
    NpAbstract(&'static str),
    DTypeClass,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator(&'static str),
    Flags,
    Ellipsis,
    Exception(crate::error::ErrorKind),
    Record(&'static str),
}

/// Iterator state for `iter()`, `zip`, `enumerate`, `map`, `reversed`, and `for` over values.
pub struct PyIter {
    pub id: ObjId,
    pub kind: &'static str,
    pub state: RefCell<IterState>,
}

/// What iterating a dict gives: `iter(d)`/`d.keys()`, `d.values()` or `d.items()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// `range_iterator`: the next value and how many are left.
    Range {
        next: i128,
        left: u128,
        step: i128,
    },
    /// A `str` iterator: the byte offset of the next character.
    Chars {
        s: Rc<PyStr>,
        byte: usize,
    },
    /// Index into a sequence (list/tuple/bytes/array), re-read each step, so a list that grows
    /// while it is iterated is seen growing.
    Seq {
        seq: Value,
        pos: usize,
        reversed: bool,
    },
    Zip(Vec<Rc<PyIter>>),
    Enumerate {
        inner: Rc<PyIter>,
        count: Int,
    },
    Map {
        func: Value,
        iters: Vec<Rc<PyIter>>,
    },
    /// Items computed up front (`filter`, reversed strings).
    Values(std::collections::VecDeque<Value>),
    /// A dict (or one of its views) read live as CPython's `dictiter_iternext*` does: `pos` is
    /// a position in the entries table (deleted entries included), `used` the dict's size when
    /// the iteration began (a different size is a RuntimeError, and stays one: `usize::MAX`,
    /// as CPython sets `di_used = -1`), `left` the items still owed (one more is "keys
    /// changed"). `pos == usize::MAX` once exhausted (CPython drops `di_dict`).
    Dict {
        dict: Rc<PyDict>,
        pos: usize,
        used: usize,
        left: usize,
        part: DictPart,
    },
    /// A set's items, taken when the iteration began, and the set itself to check its size.
    Set {
        set: Rc<PySet>,
        items: std::collections::VecDeque<Value>,
        len: usize,
    },
    /// The old sequence protocol over an object with `__getitem__` but no `__iter__`.
    GetItem {
        obj: Value,
        pos: usize,
    },
    /// A generator: its suspended frame (taken out while it runs).
    Gen(Box<crate::eval::vm::frame::GenState>),
    /// A native iterator implemented in Rust (itertools and friends).
    Native(Box<dyn crate::eval::modules::NativeIter>),
    Done,
}

impl Value {
    /// The Python type name used in messages (`'int' object is not callable`).
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Ellipsis => "ellipsis".into(),
            Value::NotImplemented => "NotImplementedType".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Complex(_) => "complex".into(),
            Value::Str(_) => "str".into(),
            Value::Bytes(_) => "bytes".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::List(_) => "list".into(),
            Value::Dict(d) => match &d.flavor {
                Some(f) => f.type_name().into(),
                None => "dict".into(),
            },
            Value::Set(s) => if s.frozen { "frozenset" } else { "set" }.into(),
            Value::Range(_) => "range".into(),
            Value::Slice(_) => "slice".into(),
            Value::Array(a) if a.is_recarray() => "numpy.rec.recarray".into(),
            Value::Array(_) => "numpy.ndarray".into(),
            Value::Scalar(s) => format!("numpy.{}", s.dtype.scalar_type_name()),
            Value::DType(d) => format!("numpy.dtypes.{}", dtype_class_name(d.dtype)),
            Value::Type(_) => "type".into(),
            Value::Module(_) => "module".into(),
            Value::Builtin(b) => crate::eval::registry::get(b.name)
                .map_or("builtin_function_or_method", |e| e.type_name())
                .into(),
            Value::Method(_) => "builtin_function_or_method".into(),
            Value::Function(_) => "function".into(),
            Value::BoundMethod(_) => "method".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.clone(),
            Value::Exception(e) => e.class_name(),
            Value::Descr(d) => d.kind.type_name().into(),
            Value::Iter(it) => it.kind.into(),
            Value::Flags(_) => "numpy._core.multiarray.flagsobj".into(),
            Value::Record(r) => r.type_name.into(),
            Value::Cell(_) => "cell".into(),
            Value::Dummy(_) => "numpy.lib._stride_tricks_impl.DummyArray".into(),
            Value::Native(n) => n.type_name.into(),
        }
    }

    /// The short type name CPython uses in `'X' object has no attribute` (no module prefix).
    pub fn short_type_name(&self) -> String {
        let full = self.type_name();
        full.rsplit('.').next().unwrap_or(&full).to_string()
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_array(&self) -> Option<&Rc<NdArray>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// The class name NumPy 2 gives a dtype's type: `Int64DType`, `BytesDType`, `Float64DType`.
pub fn dtype_class_name(dt: DType) -> String {
    use crate::runtime::Kind;
    match dt.kind {
        Kind::Bool => "BoolDType".into(),
        Kind::Int => format!("Int{}DType", dt.itemsize * 8),
        Kind::UInt => format!("UInt{}DType", dt.itemsize * 8),
        Kind::Float => format!("Float{}DType", dt.itemsize * 8),
        Kind::Complex => format!("Complex{}DType", dt.itemsize * 8),
        Kind::Bytes => "BytesDType".into(),
        Kind::Str => "StrDType".into(),
        Kind::Void => "VoidDType".into(),
        Kind::Datetime => "DateTime64DType".into(),
        Kind::Timedelta => "TimeDelta64DType".into(),
    }
}
