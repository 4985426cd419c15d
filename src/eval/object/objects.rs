//! Making Python objects: constructors that give each new object an id of CPython's size class,
//! the small-int cache and static singletons, and the session's modules, builtins and types.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::fxmap::FxHashMap;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::{DType, Heap, NdArray, ObjId, Scalar};

/// CPython 3.11 (non-PIE build) keeps small ints in a static array; `id(100)` is 9788064 as in
/// the seed session, and neighbours are 32 bytes apart.
const SMALL_INT_BASE: u64 = 9_788_064 - 105 * 32;
const NONE_ID: u64 = 9_484_256;
const TRUE_ID: u64 = 9_483_808;
const FALSE_ID: u64 = 9_483_840;
const ELLIPSIS_ID: u64 = 9_485_600;
const NOT_IMPLEMENTED_ID: u64 = 9_485_648;
/// CPython 3.11's other static singletons follow the small ints in `_PyRuntime`: the empty
/// bytes and the 256 one-byte bytes (40 bytes each), the 128 ASCII and 128 latin-1 one-character
/// strings, the empty string and the empty tuple.
const BYTES_EMPTY_ID: u64 = SMALL_INT_BASE + 262 * 32;
const BYTES_CHAR_BASE: u64 = BYTES_EMPTY_ID + 40;
const ASCII_CHAR_BASE: u64 = BYTES_CHAR_BASE + 256 * 40;
const LATIN1_CHAR_BASE: u64 = ASCII_CHAR_BASE + 128 * 56;
const STR_EMPTY_ID: u64 = LATIN1_CHAR_BASE + 128 * 80;
const TUPLE_EMPTY_ID: u64 = STR_EMPTY_ID + 56;
/// NumPy's builtin descriptors (`np.dtype('int64')`, `np.dtype(float)`) are static objects in
/// `_multiarray_umath`: one per type, never freed, 96 bytes apart here.
const BUILTIN_DTYPE_BASE: u64 = 0x7f3c_2f6a_1e40;
/// NumPy's two `np.bool` scalars (`_PyArrayScalar_BoolValues`) are static objects of
/// `_multiarray_umath` too, `np.False_` 24 bytes before `np.True_`.
const NP_FALSE_ID: u64 = BUILTIN_DTYPE_BASE + 0x5cb8;

/// The top-level modules `import` knows, as the registry's module rows declare them (for the
/// message when one is missing; `builtins` is importable but not advertised).
pub fn provided_modules() -> String {
    use crate::eval::registry;
    let mut names: Vec<&str> = registry::rows_of(registry::IMPORTABLE)
        .map(|e| e.short)
        .filter(|m| *m != "builtins")
        .collect();
    names.sort();
    names.join(", ")
}

pub struct Objects {
    heap: Rc<Heap>,
    small_ints: Vec<Value>,
    /// `''` and the 256 one-character latin-1 strings (CPython never makes another).
    chars: Vec<Value>,
    str_empty: Value,
    /// `b''` and the 256 one-byte bytes.
    bytes: Vec<Value>,
    bytes_empty: Value,
    tuple_empty: Value,
    /// Interned strings (identifier-like constants): alive only while something refers to
    /// them, as in CPython 3.11.
    interned: RefCell<FxHashMap<String, Weak<PyStr>>>,
    modules: RefCell<FxHashMap<&'static str, Value>>,
    functions: RefCell<FxHashMap<&'static str, Value>>,
    types: RefCell<Vec<(TypeKind, Value)>>,
    /// The builtin (native, sized) dtype singletons made so far.
    builtin_dtypes: RefCell<Vec<(DType, Value)>>,
    /// `np.False_` and `np.True_`: the only `np.bool` objects there are (NumPy never makes
    /// another: `np.bool_(1) is np.True_`).
    np_bools: [Value; 2],
    /// Float constants of modules (`np.nan`, `np.pi`): one object each, as a module attribute
    /// is, so `np.nan is np.nan` and `np.nan in {np.nan}`.
    float_constants: RefCell<FxHashMap<&'static str, Value>>,
}

impl Objects {
    pub fn new(heap: &Rc<Heap>) -> Objects {
        let fixed = |addr: u64, size: usize| {
            if heap.is_real() {
                heap.object(size)
            } else {
                ObjId::fixed(addr)
            }
        };
        let small_ints = (-5i64..=256)
            .map(|v| {
                Value::Int(Rc::new(PyInt {
                    id: fixed(SMALL_INT_BASE + ((v + 5) as u64) * 32, 28),
                    v: Int::Small(v),
                }))
            })
            .collect();
        let chars = (0u32..256)
            .map(|c| {
                let addr = if c < 128 {
                    ASCII_CHAR_BASE + c as u64 * 56
                } else {
                    LATIN1_CHAR_BASE + (c as u64 - 128) * 80
                };
                let v = char::from_u32(c).map(String::from).unwrap_or_default();
                Value::Str(Rc::new(PyStr {
                    id: fixed(addr, str_size(&v)),
                    v,
                }))
            })
            .collect();
        let bytes = (0u64..256)
            .map(|b| {
                Value::Bytes(Rc::new(PyBytes {
                    id: fixed(BYTES_CHAR_BASE + b * 40, 34),
                    v: vec![b as u8],
                }))
            })
            .collect();
        Objects {
            heap: heap.clone(),
            small_ints,
            chars,
            str_empty: Value::Str(Rc::new(PyStr {
                id: fixed(STR_EMPTY_ID, 49),
                v: String::new(),
            })),
            bytes,
            bytes_empty: Value::Bytes(Rc::new(PyBytes {
                id: fixed(BYTES_EMPTY_ID, 33),
                v: Vec::new(),
            })),
            tuple_empty: Value::Tuple(Rc::new(PyTuple {
                id: fixed(TUPLE_EMPTY_ID, 40),
                items: Vec::new(),
            })),
            interned: RefCell::new(FxHashMap::default()),
            modules: RefCell::new(FxHashMap::default()),
            functions: RefCell::new(FxHashMap::default()),
            types: RefCell::new(Vec::new()),
            builtin_dtypes: RefCell::new(Vec::new()),
            np_bools: [false, true].map(|b| {
                Value::Scalar(Rc::new(NpScalar {
                    id: fixed(NP_FALSE_ID + if b { 24 } else { 0 }, 25),
                    dtype: DType::BOOL,
                    v: Scalar::Bool(b),
                    base: None,
                }))
            }),
            float_constants: RefCell::new(FxHashMap::default()),
        }
    }

    /// `np.True_` or `np.False_`.
    pub fn np_bool(&self, b: bool) -> Value {
        self.np_bools[b as usize].clone()
    }

    pub fn small_int(&self, v: i64) -> Option<Value> {
        (-5..=256)
            .contains(&v)
            .then(|| self.small_ints[(v + 5) as usize].clone())
    }

    /// The module object for a dotted name (one object per name per session).
    pub fn module(&self, name: &str) -> Option<Value> {
        let name: &'static str = crate::eval::registry::module(name)?.row.name;
        let mut mods = self.modules.borrow_mut();
        Some(
            mods.entry(name)
                .or_insert_with(|| {
                    Value::Module(Rc::new(Module {
                        id: self.heap.object(72),
                        name,
                    }))
                })
                .clone(),
        )
    }

    /// The names `from <name> import *` binds: the module's `__all__` in CPython/NumPy
    /// (`names.tsv`); the caller skips those arrsh lacks, and NumPy's `sum`, `min`, `max`,
    /// `abs`, `round`... shadow the builtins as they do in NumPy.
    pub fn module_public_names(&self, name: &str) -> Vec<&'static str> {
        crate::eval::registry::names::star(name).collect()
    }

    /// A builtin function object by qualified name (`print`, `numpy.arange`, `sys.getsizeof`).
    pub fn function(&self, name: &'static str) -> Value {
        let mut fs = self.functions.borrow_mut();
        fs.entry(name)
            .or_insert_with(|| {
                Value::Builtin(Rc::new(BuiltinFn {
                    id: self.heap.object(72),
                    name,
                }))
            })
            .clone()
    }

    /// The singleton for a builtin dtype (native order, not flexible, no explicit `'<'`), so
    /// `np.dtype(float) is np.dtype('f8')` as in NumPy; `None` for the others, which NumPy
    /// makes anew each time (`np.dtype('>i4') is np.dtype('>i4')` is False).
    pub fn builtin_dtype(&self, dtype: DType) -> Option<Value> {
        // void and structured dtypes are made anew too (a record dtype equals its plain one)
        if dtype.is_flexible() || dtype.is_void() || dtype.big_endian || dtype.explicit_little {
            return None;
        }
        let mut ds = self.builtin_dtypes.borrow_mut();
        if let Some((_, v)) = ds.iter().find(|(d, _)| d.is_same_c_type(dtype)) {
            return Some(v.clone());
        }
        let id = if self.heap.is_real() {
            self.heap.object(88)
        } else {
            let slot = dtype.kind as u64 * 8
                + dtype.itemsize.trailing_zeros() as u64
                + if dtype.longlong { 128 } else { 0 };
            ObjId::fixed(BUILTIN_DTYPE_BASE + slot * 96)
        };
        let v = Value::DType(Rc::new(PyDType { id, dtype }));
        ds.push((dtype, v.clone()));
        Some(v)
    }

    /// The module float constant `name` (made on first use, then always the same object).
    pub fn float_constant(&self, name: &'static str, v: f64) -> Value {
        self.float_constants
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                Value::Float(Rc::new(PyFloat {
                    id: self.heap.object(24),
                    v,
                }))
            })
            .clone()
    }

    pub fn type_object(&self, kind: TypeKind) -> Value {
        let mut ts = self.types.borrow_mut();
        // numpy.longlong is its own type though its dtype equals int64's
        let same = |k: &TypeKind| match (k, &kind) {
            (TypeKind::NpScalar(a), TypeKind::NpScalar(b)) => a.is_same_c_type(*b),
            _ => *k == kind,
        };
        if let Some((_, v)) = ts.iter().find(|(k, _)| same(k)) {
            return v.clone();
        }
        let v = Value::Type(Rc::new(PyType {
            id: self.heap.object(904),
            kind,
        }));
        ts.push((kind, v.clone()));
        v
    }

    /// Python builtins by bare name: the registry's rows under `builtins` (functions, types,
    /// the exception classes made from `error::kind`'s table, `Ellipsis`).
    pub fn builtin(&self, name: &str) -> Option<Value> {
        if let Some(v) = crate::eval::registry::lookup("builtins", name)
            .and_then(|e| crate::eval::registry::call::static_value(e, self))
        {
            return Some(v);
        }
        // a builtin that panics, so the containment tests can make a bug happen mid-cell;
        // test builds only, it never ships
        #[cfg(test)]
        if name == crate::eval::builtins::functions::TEST_PANIC {
            return Some(self.function(crate::eval::builtins::functions::TEST_PANIC));
        }
        None
    }

    /// Names usable without `np.` or an import: the rows marked bare (`np`, `as_strided`,
    /// `getsizeof`), then every NumPy function and type.
    pub fn numpy_shorthand(&self, name: &str) -> Option<Value> {
        if let Some(e) = crate::eval::registry::bare(name) {
            return crate::eval::registry::call::static_value(e, self);
        }
        crate::eval::numpy::module::numpy_attr(self, name)
    }

    pub fn heap(&self) -> &Rc<Heap> {
        &self.heap
    }
}

/// CPython 3.11's `sys.getsizeof` of a str: compact ASCII 49 + n, latin-1 73 + n,
/// UCS-2 74 + 2n, UCS-4 76 + 4n.
pub fn str_size(s: &str) -> usize {
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let n = s.chars().count();
    match max {
        0..=0x7f => 49 + n,
        0x80..=0xff => 73 + n,
        0x100..=0xffff => 74 + 2 * n,
        _ => 76 + 4 * n,
    }
}

/// `sys.getsizeof` of an int on CPython 3.11: 24 bytes of header and 4 per 30-bit digit, with
/// at least one digit (so 0 and `False` are 28 too).
pub fn int_size(v: &Int) -> usize {
    24 + 4 * v.digits30().max(1) as usize
}

impl Interp {
    pub fn new_int(&self, v: Int) -> Value {
        if let Int::Small(s) = v
            && let Some(cached) = self.objects.small_int(s)
        {
            return cached;
        }
        let id = self.ctx.heap.object(int_size(&v));
        Value::Int(Rc::new(PyInt { id, v }))
    }
    pub fn new_i64(&self, v: i64) -> Value {
        self.new_int(Int::Small(v))
    }
    pub fn new_float(&self, v: f64) -> Value {
        Value::Float(Rc::new(PyFloat {
            id: self.ctx.heap.object(24),
            v,
        }))
    }
    pub fn new_complex(&self, re: f64, im: f64) -> Value {
        Value::Complex(Rc::new(PyComplex {
            id: self.ctx.heap.object(32),
            re,
            im,
        }))
    }
    /// A new str — or CPython's cached object for `''` and one latin-1 character.
    pub fn new_str(&self, v: String) -> Value {
        if v.len() <= 2 {
            let mut cs = v.chars();
            match (cs.next(), cs.next()) {
                (None, _) => return self.objects.str_empty.clone(),
                (Some(c), None) if (c as u32) < 256 => {
                    return self.objects.chars[c as usize].clone();
                }
                _ => {}
            }
        }
        Value::Str(Rc::new(PyStr {
            id: self.ctx.heap.object(str_size(&v)),
            v,
        }))
    }
    /// A string constant: CPython interns those made only of name characters (`'hello'`, not
    /// `'hello world'`), so equal ones compiled in different cells are one object.
    pub fn new_const_str(&self, v: &str) -> Value {
        let name_like = v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !name_like || v.len() <= 1 {
            return self.new_str(v.to_string());
        }
        if let Some(s) = self
            .objects
            .interned
            .borrow()
            .get(v)
            .and_then(Weak::upgrade)
        {
            return Value::Str(s);
        }
        let s = Rc::new(PyStr {
            id: self.ctx.heap.object(str_size(v)),
            v: v.to_string(),
        });
        let mut table = self.objects.interned.borrow_mut();
        if table.len() > 4096 {
            table.retain(|_, w| w.strong_count() > 0);
        }
        table.insert(v.to_string(), Rc::downgrade(&s));
        Value::Str(s)
    }
    /// New bytes — or the cached `b''` and one-byte objects.
    pub fn new_bytes(&self, v: Vec<u8>) -> Value {
        match v.len() {
            0 => return self.objects.bytes_empty.clone(),
            1 => return self.objects.bytes[v[0] as usize].clone(),
            _ => {}
        }
        Value::Bytes(Rc::new(PyBytes {
            id: self.ctx.heap.object(33 + v.len()),
            v,
        }))
    }
    /// A new tuple — or the one empty tuple.
    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.objects.tuple_empty.clone();
        }
        Value::Tuple(Rc::new(PyTuple {
            id: self.ctx.heap.object(40 + 8 * items.len()),
            items,
        }))
    }
    /// A list built from a display or comprehension: capacity as CPython leaves it.
    pub fn new_list(&self, items: Vec<Value>) -> Value {
        let cap = items.len();
        self.new_list_with_capacity(items, cap)
    }
    pub fn new_list_with_capacity(&self, items: Vec<Value>, capacity: usize) -> Value {
        // the slots count against the budget for the list's life (`listobj::set_capacity`)
        self.ctx
            .heap
            .charge_objects(capacity as i128 * super::budget::SLOT_BYTES as i128);
        Value::List(Rc::new(PyList {
            id: self.ctx.heap.object(56),
            items: RefCell::new(items),
            capacity: Cell::new(capacity),
            buffer: Cell::new(capacity > 0),
        }))
    }
    /// A dict built by inserting `items` one by one into an empty dict.
    pub fn new_dict(&mut self, items: Vec<(Value, Value)>) -> PyResult<Value> {
        let d = self.new_empty_dict();
        for (k, v) in items {
            self.dict_set(&d, k, v)?;
        }
        Ok(Value::Dict(d))
    }
    /// A set built by adding `items` one by one.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        self.set_display(items, false)
    }
    pub fn new_i128(&self, v: i128) -> Value {
        match i64::try_from(v) {
            Ok(x) => self.new_i64(x),
            Err(_) => self.new_int(Int::from_i128(v)),
        }
    }
    pub fn new_range(&self, start: i128, stop: i128, step: i128) -> Value {
        Value::Range(Rc::new(PyRange {
            id: self.ctx.heap.object(48),
            start,
            stop,
            step,
        }))
    }
    pub fn new_slice(&self, start: Value, stop: Value, step: Value) -> Value {
        Value::Slice(Rc::new(PySlice {
            id: self.ctx.heap.object(56),
            start,
            stop,
            step,
        }))
    }
    pub fn new_array(&self, a: Rc<NdArray>) -> Value {
        Value::Array(a)
    }
    /// A new NumPy scalar object (every `a[i]` makes one; CPython size 32 for 8-byte numbers).
    pub fn new_scalar(&self, dtype: DType, v: Scalar) -> Value {
        // NumPy scalars are always in native byte order (a['>i4'][0].dtype is int32)
        let dtype = dtype.to_native();
        // every np.bool is one of NumPy's two singletons
        if let Scalar::Bool(b) = v
            && dtype == DType::BOOL
        {
            return self.objects.np_bool(b);
        }
        let size = 16 + dtype.itemsize.max(8);
        Value::Scalar(Rc::new(NpScalar {
            id: self.ctx.heap.object(size),
            dtype,
            v,
            base: None,
        }))
    }
    /// A `np.void` scalar; `base` is the array element it views, if any.
    pub fn new_void_scalar(
        &self,
        dtype: DType,
        v: Scalar,
        base: Option<(Rc<NdArray>, usize)>,
    ) -> Value {
        Value::Scalar(Rc::new(NpScalar {
            id: self.ctx.heap.object(16 + dtype.itemsize.max(8)),
            dtype,
            v,
            base,
        }))
    }
    pub fn new_dtype(&self, dtype: DType) -> Value {
        if let Some(v) = self.objects.builtin_dtype(dtype) {
            return v;
        }
        Value::DType(Rc::new(PyDType {
            id: self.ctx.heap.object(88),
            dtype,
        }))
    }
    /// `a.dtype`: one object per array for the dtypes that are not singletons (`S3`, `>i4`,
    /// structured), shared by its views of the same dtype, so `a.dtype is a.dtype` as in NumPy.
    pub fn array_dtype(&self, a: &NdArray) -> Value {
        if let Some(v) = self.objects.builtin_dtype(a.dtype()) {
            return v;
        }
        if let Some(obj) = a.descr_obj()
            && let Ok(d) = obj.downcast::<PyDType>()
            && d.dtype == a.dtype()
        {
            return Value::DType(d);
        }
        let d = Rc::new(PyDType {
            id: self.ctx.heap.object(88),
            dtype: a.dtype(),
        });
        a.set_descr_obj(d.clone());
        Value::DType(d)
    }
    pub fn new_method(&self, obj: Value, name: &str) -> Value {
        Value::Method(Rc::new(BoundMethod {
            id: self.ctx.heap.object(48),
            obj,
            name: Rc::from(name),
        }))
    }
    pub fn new_iter(&self, kind: &'static str, state: IterState) -> Value {
        Value::Iter(Rc::new(PyIter {
            id: self.ctx.heap.object(48),
            kind,
            state: RefCell::new(state),
        }))
    }
    pub fn new_flags(&self, array: Rc<NdArray>) -> Value {
        Value::Flags(Rc::new(FlagsObj {
            id: self.ctx.heap.object(32),
            array,
        }))
    }
    pub fn new_record(
        &self,
        type_name: &'static str,
        repr: String,
        fields: Vec<(&'static str, Value)>,
    ) -> Value {
        Value::Record(Rc::new(Record {
            id: self.ctx.heap.object(64),
            type_name,
            repr,
            fields,
        }))
    }

    /// `id(v)`.
    pub fn id_of(&self, v: &Value) -> u64 {
        match v {
            Value::None => NONE_ID,
            Value::Bool(true) => TRUE_ID,
            Value::Bool(false) => FALSE_ID,
            Value::Ellipsis => ELLIPSIS_ID,
            Value::NotImplemented => NOT_IMPLEMENTED_ID,
            Value::Int(x) => x.id.addr(),
            Value::Float(x) => x.id.addr(),
            Value::Complex(x) => x.id.addr(),
            Value::Str(x) => x.id.addr(),
            Value::Bytes(x) => x.id.addr(),
            Value::Tuple(x) => x.id.addr(),
            Value::List(x) => x.id.addr(),
            Value::Dict(x) => x.id.addr(),
            Value::Set(x) => x.id.addr(),
            Value::Range(x) => x.id.addr(),
            Value::Slice(x) => x.id.addr(),
            Value::Array(x) => x.id(),
            Value::Scalar(x) => x.id.addr(),
            Value::DType(x) => x.id.addr(),
            Value::Type(x) => x.id.addr(),
            Value::Module(x) => x.id.addr(),
            Value::Builtin(x) => x.id.addr(),
            Value::Method(x) => x.id.addr(),
            Value::Function(x) => x.id.addr(),
            Value::BoundMethod(x) => x.id.addr(),
            Value::Class(x) => x.id.addr(),
            Value::Instance(x) => x.id.addr(),
            Value::Exception(x) => x.id.addr(),
            Value::Descr(x) => x.id.addr(),
            Value::Iter(x) => x.id.addr(),
            Value::Flags(x) => x.id.addr(),
            Value::Record(x) => x.id.addr(),
            Value::Cell(x) => x.id.addr(),
            Value::Dummy(x) => x.id.addr(),
            Value::Native(x) => x.id.addr(),
        }
    }

    /// `a is b`.
    pub fn is_same(&self, a: &Value, b: &Value) -> bool {
        self.id_of(a) == self.id_of(b) && std::mem::discriminant(a) == std::mem::discriminant(b)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    use super::*;

    fn interp() -> Interp {
        Interp::new(Heap::new(false, 1 << 30), Arc::new(AtomicBool::new(false)))
    }

    /// Runs one cell; the value of its last expression, if any.
    fn run(it: &mut Interp, src: &str) -> Option<Value> {
        let cell = crate::syntax::parse(src).expect("the test's cell parses");
        it.run_cell(&cell).expect("the test's cell runs")
    }

    fn truth(it: &mut Interp, src: &str) -> bool {
        matches!(run(it, src), Some(Value::Bool(true)))
    }

    #[test]
    fn identity_follows_cpythons_caches_and_constants() {
        let mut it = interp();
        // (cells, expression, CPython 3.11's answer, why)
        let cases: [(&[&str], &str, bool, &str); 8] = [
            (&["e = 5", "f = 5"], "e is f", true, "small ints are cached"),
            (
                &["e = 257", "f = 257"],
                "e is f",
                false,
                "257 is made twice",
            ),
            (
                &["a, b = 1000, 1000"],
                "a is b",
                true,
                "one statement merges constants",
            ),
            (
                &["a = 1000; b = 1000"],
                "a is b",
                false,
                "statements compile separately",
            ),
            (
                &["x = 1000 + 1"],
                "x is 1001",
                false,
                "folded, but in another statement",
            ),
            (
                &[],
                "1000 + 1 is 1001",
                true,
                "folded and merged in one statement",
            ),
            (
                &["s = 'hello'", "t = 'hello'"],
                "s is t",
                true,
                "name-like strings are interned",
            ),
            (
                &["s = 'a b'", "t = 'a b'"],
                "s is t",
                false,
                "other strings are not",
            ),
        ];
        for (setup, expr, want, why) in cases {
            for c in setup {
                run(&mut it, c);
            }
            assert_eq!(truth(&mut it, expr), want, "{why}");
        }
    }

    #[test]
    fn singletons_for_empty_and_one_character_values() {
        let mut it = interp();
        assert!(
            truth(&mut it, "'abc'[0] is 'a'"),
            "latin-1 characters are cached"
        );
        assert!(truth(&mut it, "tuple() is ()"), "one empty tuple");
        assert!(
            truth(&mut it, "b'xy'[:1] is b'x'"),
            "one-byte bytes are cached"
        );
        assert!(!truth(&mut it, "[] is []"), "control: lists are always new");
    }

    #[test]
    fn the_seeds_multiline_loop_reuses_two_ids() {
        let mut it = interp();
        run(&mut it, "import numpy as np");
        run(&mut it, "a = np.arange(5)");
        it.take_output();
        run(
            &mut it,
            "for i in a:\n    print(\"Id of {} : {} \\n\".format(i, id(i)))",
        );
        let out = it.take_output();
        let ids: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with("Id of"))
            .map(|l| l.rsplit(" : ").next().unwrap_or("").trim())
            .collect();
        assert_eq!(ids.len(), 5, "one line per element:\n{out}");
        assert_eq!(ids[0], ids[2], "freed scalars hand their block back");
        assert_eq!(ids[1], ids[3]);
        assert_ne!(
            ids[0], ids[1],
            "the new scalar is made before the old one is freed"
        );
        // a list that keeps the scalars alive shows five different ids
        run(&mut it, "kept = [i for i in a]");
        assert!(truth(&mut it, "len(set(id(x) for x in kept)) == 5"));
    }
}
