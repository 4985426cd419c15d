//! The registry of callables: every name a user can type — a builtin, a NumPy function, a
//! ufunc, a module attribute, a method or property of a type — is ONE row, and everything that
//! needs the name reads that row.
//!
//! A row is plain data plus a function pointer: the qualified name (`len`, `numpy.arange`,
//! `list.append`, `ndarray.shape`), its kind (which decides its Python type, its repr and who
//! parses its arguments), its parameters written as CPython prints a signature, and the `fn`
//! that runs it (jaq's `(name, arity, fn)` natives; RustPython's `#[pyfunction]` signatures).
//! Rows live beside the code that runs them, in each room's `ROWS` table; `TABLES` below
//! lists the tables.
//!
//! # Adding `np.foo`: one row plus one function
//!
//! 1. Write the function in the room it belongs to. It receives its arguments already bound
//!    by name, checked against the spec with NumPy's own argument errors:
//!    ```ignore
//!    fn foo(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
//!        let x = a.req("x")?;                  // required
//!        let n = it.arg_i64(&mut a, "n")?;     // given, or the spec's default (2)
//!        let axis = a.take_some("axis");       // given and not None
//!        ...
//!    }
//!    ```
//! 2. Add its row to that room's `ROWS`:
//!    `Row::np_py("numpy.foo", "(x, n=2, axis=None)", foo)` — `np_py` for a NumPy function
//!    written in Python (`<function foo at 0x...>`, ceval's argument errors), `np_c` for one
//!    written in C (`<built-in function foo>`, `npy_parse_arguments`' errors), `ufunc` for a
//!    ufunc, `method`/`np_method` for methods, `attr` for constants, types and properties,
//!    `module` for a module (`import` accepts exactly the module rows), `static_value` for a
//!    singleton (`Ellipsis`); `.bare()` makes the name work without `np.` (`as_strided`).
//!    Exception classes are not written as rows: the registry makes theirs from
//!    `error::kind`'s table, which says where each lives.
//!
//! Then `np.foo`, `numpy.foo` in `from numpy import *` (if NumPy exports it), completion,
//! `dir(np)`, `np.foo?`, the pretty repr and every argument-count error follow from the row.
//! A name NumPy 2.4 has and no row provides raises `NotImplementedError: arrsh does not
//! implement numpy.foo yet` (`names.tsv`, made by `gen_names.py`).

pub mod bind;
pub mod call;
pub mod messages;
pub mod names;
pub mod spec;

use std::sync::OnceLock;

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::fxmap::FxHashMap;
use crate::eval::object::objects::Objects;
use crate::eval::object::value::{TypeKind, Value};
pub use bind::{Bound, Conv};
use spec::Spec;

/// The function a row runs: its arguments bound (and its receiver in `Bound::this`).
pub type Native = fn(&mut Interp, Bound) -> PyResult<Value>;

/// What a ufunc's `identity` is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Identity {
    None,
    Int(i64),
    Bool(bool),
    NegInf,
}

/// What kind of object a row names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A CPython builtin or C-module function (`len`, `math.sqrt`): `<built-in function len>`.
    Builtin,
    /// A method of a type written in C (`list.append`, `ndarray.sum`).
    Method,
    /// A method bound to the type when looked up on it (`dict.fromkeys`).
    ClassMethod,
    /// A slot method (`ndarray.__len__`): `<method-wrapper '__len__' of numpy.ndarray object
    /// at 0x...>`.
    Wrapper,
    /// A NumPy function written in C (`numpy.arange`): `<built-in function arange>`.
    NpBuiltin,
    /// A NumPy function written in Python (`numpy.sum`): `<function sum at 0x...>`.
    NpFunction,
    /// A `numpy.ufunc` (`numpy.exp`): `<ufunc 'exp'>`.
    Ufunc {
        nin: u8,
        nout: u8,
        identity: Identity,
    },
    /// A class called to make objects (`numpy.iinfo`): the name is a type object whose call
    /// runs the row.
    Class,
    /// A type object (`numpy.int64`, `numpy.ndarray`).
    Type(TypeKind),
    /// A type object whose call runs the row (`zip`, `enumerate`).
    Constructor(TypeKind),
    /// A value looked up by name: a constant, a type, a submodule, a property. `run` makes it
    /// from the receiver (`Bound::this`).
    Attr,
    /// The same object as another row (`numpy.abs` is `numpy.absolute`).
    Alias(&'static str),
    /// A module `import` accepts (`math`, `numpy.linalg`); a dotted one is also an attribute
    /// of its parent. Where it comes from decides its repr and whether it is a package.
    Module(Origin),
    /// A value that needs no interpreter to make: a singleton of the object model
    /// (`Ellipsis`, `NotImplemented`), made by the row's `value`.
    Static,
}

/// Where a module comes from, as its repr says (`<module 'math' (built-in)>`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Origin {
    /// Compiled into the interpreter (`sys`, `math` in Debian's CPython 3.11).
    BuiltIn,
    /// Frozen into the interpreter (`io` in CPython 3.11).
    Frozen,
    /// A file of the standard library (`random.py`); a `package` is a directory
    /// (`collections/__init__.py`).
    Stdlib { package: bool },
    /// A file of an installed package (`numpy/lib/stride_tricks.py`, `numpy/__init__.py`).
    Site { package: bool },
}

impl Origin {
    /// Whether the module may have submodules (`import numpy.foo` looks for one; `import
    /// math.foo` says `'math' is not a package`).
    pub fn is_package(self) -> bool {
        matches!(
            self,
            Origin::Stdlib { package: true } | Origin::Site { package: true }
        )
    }

    /// What a module's repr says after its name: `(built-in)`, `from '.../random.py'`.
    pub fn describe(self, name: &str) -> String {
        let path = name.replace('.', "/");
        match self {
            Origin::BuiltIn => "(built-in)".into(),
            Origin::Frozen => "(frozen)".into(),
            Origin::Stdlib { package: false } => format!("from '/usr/lib/python3.11/{path}.py'"),
            Origin::Stdlib { package: true } => {
                format!("from '/usr/lib/python3.11/{path}/__init__.py'")
            }
            Origin::Site { package: false } => {
                format!("from '/usr/lib/python3/dist-packages/{path}.py'")
            }
            Origin::Site { package: true } => {
                format!("from '/usr/lib/python3/dist-packages/{path}/__init__.py'")
            }
        }
    }
}

/// Where the top-level modules are rows: `import math` finds the row `math` under this owner
/// (CPython's `sys.modules`), not under `builtins`.
pub const IMPORTABLE: &str = "sys.modules";

/// Whether a row's object is also reachable as a bare name, without `np.` or an import:
/// arrsh's departure from Python for the shell's class use (`as_strided(...)`, `np`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bare {
    No,
    /// By its own short name (`as_strided`).
    Short,
    /// By another name (`np` for `numpy`).
    As(&'static str),
}

/// One name the user can type.
pub struct Row {
    /// Qualified: `len`, `numpy.arange`, `numpy.lib.stride_tricks.as_strided`, `list.append`.
    pub name: &'static str,
    pub kind: Kind,
    /// The parameters, as CPython prints a signature (see `spec`); `()` for attributes.
    pub sig: &'static str,
    pub run: Native,
    /// Who parses the arguments, when not the kind's usual parser.
    pub conv: Option<Conv>,
    /// The signature shown, when it is not the spec's (`ndarray.sum` binds as NumPy's Python
    /// `_sum` but shows `(axis=None, dtype=None, out=None, **kwargs)`).
    pub shown: Option<&'static str>,
    /// The owner whose names what the row gives has (`ndarray.T` gives an `ndarray`,
    /// `ndarray.shape` a `tuple`), for completing `a.T.<Tab>` without running anything.
    pub returns: Option<&'static str>,
    /// Whether (and as what) the object is a bare name too.
    pub bare: Bare,
    /// The value of a `Kind::Static` row.
    pub value: Option<fn(&Objects) -> Value>,
}

/// The spec of a ufunc with `nin` inputs and `nout` outputs (NumPy's `__signature__`).
const fn ufunc_sig(nin: u8, nout: u8) -> &'static str {
    match (nin, nout) {
        (1, 1) => {
            "(x, /, out=None, *, where=True, casting='same_kind', order='K', dtype=None, subok=True, signature=None)"
        }
        (1, _) => {
            "(x, /, out=(None, None), *, where=True, casting='same_kind', order='K', dtype=None, subok=True, signature=None)"
        }
        (_, 1) => {
            "(x1, x2, /, out=None, *, where=True, casting='same_kind', order='K', dtype=None, subok=True, signature=None)"
        }
        _ => {
            "(x1, x2, /, out=(None, None), *, where=True, casting='same_kind', order='K', dtype=None, subok=True, signature=None)"
        }
    }
}

fn no_run(_: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(Value::None)
}

impl Row {
    const fn new(name: &'static str, kind: Kind, sig: &'static str, run: Native) -> Row {
        Row {
            name,
            kind,
            sig,
            run,
            conv: None,
            shown: None,
            returns: None,
            bare: Bare::No,
            value: None,
        }
    }
    /// A CPython builtin or C-module function.
    pub const fn builtin(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::Builtin, sig, run)
    }
    /// A method of a type written in C, with CPython's argument parsing.
    pub const fn method(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::Method, sig, run)
    }
    /// A class method (`dict.fromkeys`): called on the type or an instance, `this` is either.
    pub const fn class_method(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::ClassMethod, sig, run)
    }
    /// A slot method (`__len__`), with the slot wrapper's argument checks.
    pub const fn wrapper(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::Wrapper, sig, run).conv(Conv::Wrapper)
    }
    /// A method NumPy parses with `npy_parse_arguments`.
    pub const fn np_method(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::Method, sig, run).conv(Conv::Npy)
    }
    /// A NumPy function written in C.
    pub const fn np_c(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::NpBuiltin, sig, run)
    }
    /// A NumPy function written in Python (or dispatched through `array_function_dispatch`).
    pub const fn np_py(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::NpFunction, sig, run)
    }
    /// A function of the standard library written in Python (`functools.wraps`).
    pub const fn py(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::NpFunction, sig, run)
    }
    /// A ufunc.
    pub const fn ufunc(
        name: &'static str,
        nin: u8,
        nout: u8,
        identity: Identity,
        run: Native,
    ) -> Row {
        Row::new(
            name,
            Kind::Ufunc {
                nin,
                nout,
                identity,
            },
            ufunc_sig(nin, nout),
            run,
        )
    }
    /// A class written in Python whose call runs `run`: its spec is its `__init__`'s (or
    /// `__new__`'s) without the receiver, bound with ceval's messages, which count it.
    pub const fn class(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::Class, sig, run).conv(Conv::PyInit)
    }
    /// A type written in C whose call runs `run` (`itertools.count`, `collections.deque`).
    pub const fn c_class(name: &'static str, sig: &'static str, run: Native) -> Row {
        Row::new(name, Kind::Class, sig, run).conv(Conv::CType)
    }
    /// A type object.
    pub const fn type_(name: &'static str, kind: TypeKind) -> Row {
        Row::new(name, Kind::Type(kind), "()", no_run)
    }
    /// A type object called through the row, bound as a C type's constructor (`Conv::CType`;
    /// a type written in Python overrides it with `Conv::PyInit`).
    pub const fn constructor(
        name: &'static str,
        kind: TypeKind,
        sig: &'static str,
        run: Native,
    ) -> Row {
        Row::new(name, Kind::Constructor(kind), sig, run).conv(Conv::CType)
    }
    /// A constant, submodule or property.
    pub const fn attr(name: &'static str, run: Native) -> Row {
        Row::new(name, Kind::Attr, "()", run)
    }
    /// A module, from where `origin` says (see `Origin`).
    pub const fn module(name: &'static str, origin: Origin) -> Row {
        Row::new(name, Kind::Module(origin), "()", no_run)
    }
    /// A singleton of the object model, made without an interpreter.
    pub const fn static_value(name: &'static str, value: fn(&Objects) -> Value) -> Row {
        let mut r = Row::new(name, Kind::Static, "()", no_run);
        r.value = Some(value);
        r
    }
    /// Makes the object a bare name by its short name (see `Bare`).
    pub const fn bare(mut self) -> Row {
        self.bare = Bare::Short;
        self
    }
    /// Makes the object a bare name by another name (see `Bare`).
    pub const fn bare_as(mut self, name: &'static str) -> Row {
        self.bare = Bare::As(name);
        self
    }
    /// A second name for another row's object.
    pub const fn alias(name: &'static str, target: &'static str) -> Row {
        Row::new(name, Kind::Alias(target), "()", no_run)
    }
    /// Overrides who parses the arguments.
    pub const fn conv(mut self, conv: Conv) -> Row {
        self.conv = Some(conv);
        self
    }
    /// Replaces the spec a constructor made (a ufunc with NumPy's own `__signature__`).
    pub const fn with_sig(mut self, sig: &'static str) -> Row {
        self.sig = sig;
        self
    }
    /// Says what owner's names the value the row gives has.
    pub const fn returns(mut self, owner: &'static str) -> Row {
        self.returns = Some(owner);
        self
    }
    /// Overrides the signature shown.
    pub const fn shown(mut self, text: &'static str) -> Row {
        self.shown = Some(text);
        self
    }
}

/// The rows' tables, one per room. A new room's table is added here.
const TABLES: &[&[Row]] = &[
    crate::eval::builtins::functions::ROWS,
    crate::eval::builtins::functions::TYPE_ROWS,
    crate::eval::builtins::typecalls::ROWS,
    crate::eval::numpy::constructors::ROWS,
    crate::eval::builtins::pyfuncs::ROWS,
    crate::eval::object::listobj::ROWS,
    crate::eval::object::excobj::ROWS,
    crate::eval::object::basemethods::ROWS,
    crate::eval::object::excgroup::ROWS,
    crate::eval::object::dictobj::ROWS,
    crate::eval::object::setobj::ROWS,
    crate::eval::object::iter::ROWS,
    crate::eval::vm::generator::ROWS,
    crate::eval::object::buffer::ROWS,
    crate::eval::object::bytearray::ROWS,
    crate::eval::builtins::strmethods::ROWS,
    crate::eval::builtins::valuemethods::ROWS,
    crate::eval::numpy::arraymethods::NDARRAY_ROWS,
    crate::eval::numpy::arraymethods::GENERIC_ROWS,
    crate::eval::numpy::arraymethods::SCALAR_CLASS_ROWS,
    crate::eval::numpy::arraymethods::DTYPE_ROWS,
    crate::eval::numpy::arrayattrs::NDARRAY_ROWS,
    crate::eval::numpy::arrayattrs::GENERIC_ROWS,
    crate::eval::numpy::arrayattrs::DTYPE_ROWS,
    crate::eval::numpy::arrayattrs::FLAGS_ROWS,
    crate::eval::numpy::module::ROWS,
    crate::eval::numpy::creation::ROWS,
    crate::eval::numpy::einsum::ROWS,
    crate::eval::numpy::editing::ROWS,
    crate::eval::numpy::insert_delete::ROWS,
    crate::eval::numpy::spacing::ROWS,
    crate::eval::numpy::setops::ROWS,
    crate::eval::numpy::shapes::ROWS,
    crate::eval::numpy::stride_tricks::ROWS,
    crate::eval::numpy::info::ROWS,
    crate::eval::numpy::printoptions::ROWS,
    crate::eval::numpy::errstate::ROWS,
    crate::eval::numpy::reductions::ROWS,
    crate::eval::numpy::joining::ROWS,
    crate::eval::numpy::blocks::ROWS,
    crate::eval::numpy::mathfuncs::ROWS,
    crate::eval::numpy::ufuncs::ROWS,
    crate::eval::numpy::outpairs::ROWS,
    crate::eval::numpy::nanfuncs::ROWS,
    crate::eval::numpy::arrange::ROWS,
    crate::eval::numpy::numeric::ROWS,
    crate::eval::numpy::series::ROWS,
    crate::eval::numpy::applying::ROWS,
    crate::eval::numpy::vectorize::ROWS,
    crate::eval::numpy::polynomials::ROWS,
    crate::eval::numpy::poly1d::ROWS,
    crate::eval::numpy::polyarith::ROWS,
    crate::eval::numpy::linalg::ROWS,
    crate::eval::numpy::spectral::ROWS,
    crate::eval::numpy::memory::ROWS,
    crate::eval::numpy::scimath::ROWS,
    crate::eval::numpy::typecheck::ROWS,
    crate::eval::numpy::bits::ROWS,
    crate::eval::numpy::datetimes::ROWS,
    crate::eval::numpy::recarrays::ROWS,
    crate::eval::numpy::recbuilders::ROWS,
    crate::eval::numpy::sorting::ROWS,
    crate::eval::numpy::grids::ROWS,
    crate::eval::numpy::iterators::ROWS,
    crate::eval::numpy::broadcast::ROWS,
    crate::eval::numpy::npyio::ROWS,
    crate::eval::numpy::npyio::npz::ROWS,
    crate::eval::numpy::random::ROWS,
    crate::eval::numpy::random::LEGACY_ROWS,
    crate::eval::numpy::random::GENERATOR_ROWS,
    crate::eval::modules::math::ROWS,
    crate::eval::modules::sys::ROWS,
    crate::eval::modules::time::ROWS,
    crate::eval::modules::itertools::ROWS,
    crate::eval::modules::functools::ROWS,
    crate::eval::modules::operator::ROWS,
    crate::eval::modules::collections::ROWS,
    crate::eval::modules::random::ROWS,
    crate::eval::modules::io::ROWS,
    crate::eval::modules::io::TEXT_ROWS,
    crate::eval::modules::io::BYTES_ROWS,
    crate::eval::modules::io::file::ROWS,
];

/// The exception classes' rows, made from `error::kind`'s table: a class is declared there
/// (its name, base and module) and nowhere else.
fn exception_rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| {
        crate::error::ErrorKind::ALL
            .iter()
            .filter_map(|&k| {
                let row = Row::constructor(
                    k.qualname()?,
                    TypeKind::Exception(k),
                    "(*args, **kwargs)",
                    crate::eval::object::excobj::call_exception_class,
                );
                // IPython's `Init signature` reads `__init__`'s
                Some(row.shown("(self, /, *args, **kwargs)"))
            })
            .collect()
    })
}

/// A row with its spec read and its name split.
pub struct Entry {
    pub row: &'static Row,
    pub spec: Spec,
    pub conv: Conv,
    /// What the name is an attribute of: `builtins`, `numpy`, `list`, `ndarray`.
    pub owner: &'static str,
    /// The name without its owner: `append`, `arange`.
    pub short: &'static str,
}

impl Entry {
    /// The name CPython's generic checks print: `len`, `list.append`, `math.sqrt`.
    pub fn qualname(&self) -> &'static str {
        self.row.name
    }

    /// The Python type of the object the row names, as `type()` shows it.
    pub fn type_name(&self) -> &'static str {
        match self.row.kind {
            Kind::Class => "type",
            Kind::NpFunction if names::what(self.owner, self.short) == Some("dispatched") => {
                "numpy._ArrayFunctionDispatcher"
            }
            Kind::NpFunction => "function",
            Kind::Ufunc { .. } => "numpy.ufunc",
            _ => "builtin_function_or_method",
        }
    }

    /// Whether the row is a method of its owner (bound to a receiver when looked up).
    pub fn is_method(&self) -> bool {
        matches!(
            self.row.kind,
            Kind::Method | Kind::ClassMethod | Kind::Wrapper
        )
    }

    /// Whether calling the name runs the row (rather than looking a value up).
    pub fn is_callable(&self) -> bool {
        !matches!(
            self.row.kind,
            Kind::Attr
                | Kind::Alias(_)
                | Kind::Type(_)
                | Kind::Constructor(_)
                | Kind::Module(_)
                | Kind::Static
        )
    }

    /// The owner whose names the value the row gives has, for completing `a.T.<Tab>` and
    /// `np.arange(3).<Tab>` without running anything: for an attribute, its value; for a
    /// callable, what a call returns. The row's `returns`, else what its kind tells: a ufunc
    /// gives an array, calling a type an instance of it.
    pub fn gives(&'static self) -> Option<&'static str> {
        let e = resolve(self);
        e.row.returns.or(match e.row.kind {
            Kind::Ufunc { .. } => Some("ndarray"),
            Kind::Type(k) | Kind::Constructor(k) => {
                Some(crate::eval::builtins::introspect::type_owner(k)).filter(|o| *o != "object")
            }
            _ => None,
        })
    }

    /// The signature `?` and the pretty printer show, if CPython shows one.
    pub fn signature(&self) -> Option<String> {
        if let Some(t) = self.row.shown {
            return Some(t.to_string());
        }
        self.spec.shown.then(|| self.spec.text())
    }
}

struct Registry {
    entries: Vec<Entry>,
    by_name: FxHashMap<(&'static str, &'static str), usize>,
    /// The rows whose object is a bare name too, by that name.
    bare: FxHashMap<&'static str, usize>,
    /// Rows whose spec did not read, or whose name came twice (the test reports them).
    #[cfg_attr(not(test), allow(dead_code))]
    broken: Vec<String>,
}

/// `numpy.lib.stride_tricks.as_strided` → (`numpy.lib.stride_tricks`, `as_strided`); a name
/// without a dot is a builtin.
pub fn split_name(name: &'static str) -> (&'static str, &'static str) {
    match name.rsplit_once('.') {
        Some((owner, short)) => (owner, short),
        None => ("builtins", name),
    }
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut entries = Vec::new();
        let mut by_name = FxHashMap::default();
        let mut bare = FxHashMap::default();
        let mut broken = Vec::new();
        let rows = TABLES.iter().flat_map(|t| t.iter());
        for row in rows.chain(exception_rows()) {
            let spec = match Spec::parse(row.sig) {
                Ok(s) => s,
                Err(e) => {
                    broken.push(format!("{}: {e}", row.name));
                    continue;
                }
            };
            let conv = row.conv.unwrap_or(match row.kind {
                Kind::NpBuiltin => Conv::Npy,
                Kind::NpFunction => Conv::Python,
                Kind::Ufunc { nin, nout, .. } => Conv::Ufunc { nin, nout },
                _ => Conv::CPython,
            });
            let (owner, short) = match row.kind {
                Kind::Module(_) if !row.name.contains('.') => (IMPORTABLE, row.name),
                _ => split_name(row.name),
            };
            if by_name.insert((owner, short), entries.len()).is_some() {
                broken.push(format!("{}: two rows", row.name));
            }
            let bare_name = match row.bare {
                Bare::No => None,
                Bare::Short => Some(short),
                Bare::As(n) => Some(n),
            };
            if let Some(n) = bare_name
                && bare.insert(n, entries.len()).is_some()
            {
                broken.push(format!("{}: bare name {n} twice", row.name));
            }
            entries.push(Entry {
                row,
                spec,
                conv,
                owner,
                short,
            });
        }
        Registry {
            entries,
            by_name,
            bare,
            broken,
        }
    })
}

/// The row for `owner.name` (`("numpy", "arange")`, `("list", "append")`).
pub fn lookup(owner: &str, name: &str) -> Option<&'static Entry> {
    let r = registry();
    let map: &FxHashMap<(&str, &str), usize> = &r.by_name;
    map.get(&(owner, name)).map(|&i| &r.entries[i])
}

/// The row for a qualified name (`len`, `numpy.arange`).
pub fn get(qualname: &str) -> Option<&'static Entry> {
    match qualname.rsplit_once('.') {
        Some((owner, short)) => lookup(owner, short),
        None => lookup("builtins", qualname),
    }
}

/// The module row for a dotted name (`math`, `numpy.linalg`).
pub fn module(name: &str) -> Option<&'static Entry> {
    let e = match name.rsplit_once('.') {
        Some((owner, short)) => lookup(owner, short),
        None => lookup(IMPORTABLE, name),
    }?;
    matches!(e.row.kind, Kind::Module(_)).then_some(e)
}

/// Every module row (`import` accepts exactly these).
pub fn modules() -> impl Iterator<Item = &'static Entry> {
    entries()
        .iter()
        .filter(|e| matches!(e.row.kind, Kind::Module(_)))
}

/// The row whose object the bare name stands for (see `Bare`).
pub fn bare(name: &str) -> Option<&'static Entry> {
    let r = registry();
    let map: &FxHashMap<&str, usize> = &r.bare;
    map.get(name).map(|&i| &r.entries[i])
}

/// The bare names rows declare (`np`, `as_strided`, `getsizeof`).
pub fn bare_names() -> impl Iterator<Item = &'static str> {
    registry().bare.keys().copied()
}

/// Follows an alias to the row whose object the name is.
pub fn resolve(e: &'static Entry) -> &'static Entry {
    match e.row.kind {
        Kind::Alias(target) => get(target).unwrap_or(e),
        _ => e,
    }
}

/// Every row.
pub fn entries() -> &'static [Entry] {
    &registry().entries
}

/// The rows that are attributes of `owner`, in table order.
pub fn rows_of(owner: &str) -> impl Iterator<Item = &'static Entry> + '_ {
    entries().iter().filter(move |e| e.owner == owner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_reads_and_every_name_is_one_row() {
        let r = registry();
        assert!(r.broken.is_empty(), "{:#?}", r.broken);
        assert!(r.entries.len() > 10, "control: rows were read");
    }

    #[test]
    fn modules_and_bare_names_are_rows() {
        // (name, is a module row, why)
        let modules = [
            ("math", true, "a standard module"),
            ("numpy.linalg", true, "a submodule, also numpy's attribute"),
            ("builtins", true, "importable though not advertised"),
            ("len", false, "a builtin function is no module"),
            ("numpy.arange", false, "nor is a NumPy function"),
            ("os", false, "a module arrsh lacks"),
        ];
        for (name, is_module, why) in modules {
            assert_eq!(module(name).is_some(), is_module, "{why}");
        }
        assert!(
            lookup("builtins", "math").is_none(),
            "a top-level module is not a builtin name"
        );
        assert_eq!(
            lookup("numpy", "linalg").map(|e| e.row.name),
            Some("numpy.linalg")
        );
        // (bare name, the row it stands for)
        let bare_names = [
            ("np", Some("numpy")),
            ("as_strided", Some("numpy.lib.stride_tricks.as_strided")),
            ("getsizeof", Some("sys.getsizeof")),
            ("sqrt", None),
        ];
        for (name, row) in bare_names {
            assert_eq!(bare(name).map(|e| e.row.name), row, "{name}");
        }
    }

    #[test]
    fn exception_classes_are_rows_made_from_the_error_table() {
        use crate::error::ErrorKind;
        // (qualified name, the kind its row makes, why)
        let cases = [
            ("ValueError", Some(ErrorKind::ValueError), "a builtin class"),
            (
                "numpy.linalg.LinAlgError",
                Some(ErrorKind::LinAlgError),
                "a class of a NumPy module",
            ),
            ("LinAlgError", None, "not a builtin name"),
            ("UsageError", None, "IPython's: no name reaches it"),
        ];
        for (name, kind, why) in cases {
            let made = get(name).and_then(|e| match e.row.kind {
                Kind::Constructor(TypeKind::Exception(k)) => Some(k),
                _ => None,
            });
            assert_eq!(made, kind, "{why}");
        }
        assert_eq!(
            get("IOError").map(|e| resolve(e).row.name),
            Some("OSError"),
            "CPython 3.3's alias"
        );
    }

    #[test]
    fn aliases_point_at_rows() {
        for e in entries() {
            if let Kind::Alias(target) = e.row.kind {
                let t = get(target).unwrap_or_else(|| panic!("{} -> {target}", e.row.name));
                assert!(
                    !matches!(t.row.kind, Kind::Alias(_)),
                    "{target} is one step"
                );
            }
        }
    }

    #[test]
    fn numpy_rows_name_real_numpy_names() {
        // arrsh never invents a NumPy name: each numpy row is in NumPy 2.4's dir()
        for e in entries() {
            if e.owner.starts_with("numpy") || names::is_numpy_owner(e.owner) {
                assert!(
                    names::knows(e.owner, e.short),
                    "{} is not a NumPy 2.4 name",
                    e.row.name
                );
            }
        }
    }

    #[test]
    fn ufunc_rows_agree_with_numpy() {
        for e in entries() {
            if let Kind::Ufunc {
                nin,
                nout,
                identity,
            } = e.row.kind
            {
                let what = names::what(e.owner, e.short).unwrap_or("");
                let ident = match identity {
                    Identity::None => "None".to_string(),
                    Identity::Int(i) => i.to_string(),
                    Identity::Bool(b) => if b { "True" } else { "False" }.to_string(),
                    Identity::NegInf => "-inf".to_string(),
                };
                assert_eq!(
                    what,
                    format!("ufunc {nin} {nout} {ident}"),
                    "{}",
                    e.row.name
                );
            }
        }
    }
}
