//! The evaluator: compiles each statement of a cell and runs it (`vm`) against the session's
//! globals; joins the syntax (AST) and the runtime (arrays). Nothing here prints to a terminal:
//! `print` writes into the cell's captured output.

pub mod builtins;
pub mod modules;
pub mod numpy;
pub mod object;
mod recover;
pub mod registry;
pub mod text;
pub mod vm;
pub mod warnings;

use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::runtime::print::PrintOptions;
use crate::runtime::{Ctx, Heap};
use crate::syntax::ast::{Cell, StmtKind};

pub use object::value::Value;
use object::{iter, objects};
use vm::frame::{Exit, Frame, Namespace};
use vm::globals::Globals;

/// Below this much free stack, a cell's statement moves to a fresh stack segment.
const STACK_RED_ZONE: usize = 256 * 1024;
const STACK_SEGMENT: usize = 8 << 20;

/// What `help(obj)` prints: the shell installs its page maker (the evaluator writes no help).
pub type HelpHook = fn(&mut Interp, &Value) -> PyResult<String>;

/// The interpreter state of one session.
pub struct Interp {
    pub ctx: Ctx,
    /// The session's globals (the namespace cells run in).
    pub globals: Globals,
    /// Exceptions being handled, innermost last (`sys.exc_info()`, bare `raise`).
    pub(crate) exc_info: Vec<Value>,
    /// Exception objects travelling inside errors, by the key the error holds (errors are
    /// `Send`; values are not). Emptied when a cell ends.
    pub(crate) raised: object::fxmap::FxHashMap<u64, Value>,
    /// Tracebacks made so far: an exception's `tb` is the serial of its latest one
    /// (`object::excgroup`).
    pub(crate) tracebacks: u64,
    /// Python frames running (for the recursion limit).
    pub(crate) call_depth: usize,
    /// Buffers of returned frames, for the next call.
    pub(crate) frame_pool: vm::frame::FramePool,
    /// What `print` wrote during the current cell.
    out: String,
    pub print_opts: PrintOptions,
    /// Nesting of container walks: repr, `==`, `<`, `in`, hash (`object::nesting`).
    pub(crate) repr_depth: usize,
    /// Ids of the containers whose repr is being made (`Py_ReprEnter`: `[1, [...]]`).
    pub(crate) repr_active: Vec<u64>,
    pub(crate) objects: objects::Objects,
    /// Origin of `time.perf_counter()`.
    pub(crate) started: std::time::Instant,
    /// IPython's `%precision`: the `%`-format `Out[n]` uses for Python floats (`None`: repr).
    pub float_format: Option<String>,
    /// `help(obj)`'s page maker, set by the shell.
    pub help_page: Option<HelpHook>,
    /// The hidden `RandomState` behind `np.random.rand` and friends (made on first use).
    pub(crate) np_random: Option<Value>,
    /// NumPy's floating-point error state (`np.seterr`, `np.errstate`).
    pub(crate) errstate: numpy::errstate::ErrState,
    /// The warnings the running cell raised.
    pub(crate) warnings: warnings::Warnings,
    /// The hidden `random.Random` behind the `random` module's functions.
    pub(crate) py_random: Option<modules::random::PyRandom>,
}

impl Interp {
    pub fn new(heap: Rc<Heap>, interrupt: Arc<AtomicBool>) -> Interp {
        let ctx = Ctx::new(heap.clone(), interrupt);
        // a new session starts with CPython's default (the limit is per thread, like a session)
        crate::syntax::set_int_max_str_digits(crate::syntax::INT_MAX_STR_DIGITS);
        Interp {
            objects: objects::Objects::new(&heap),
            ctx,
            globals: Globals::default(),
            exc_info: Vec::new(),
            raised: Default::default(),
            tracebacks: 0,
            call_depth: 0,
            frame_pool: Default::default(),
            out: String::new(),
            print_opts: PrintOptions::default(),
            repr_depth: 0,
            repr_active: Vec::new(),
            started: std::time::Instant::now(),
            float_format: None,
            help_page: None,
            np_random: None,
            errstate: Default::default(),
            warnings: Default::default(),
            py_random: None,
        }
    }

    /// Runs a parsed cell; returns the value of a final expression statement, if any. Each
    /// top-level statement is compiled on its own, just before it runs (as IPython does): its
    /// constants live as long as its code.
    pub fn run_cell(&mut self, cell: &Cell) -> PyResult<Option<Value>> {
        self.call_depth = 0;
        self.exc_info.clear();
        self.raised.clear();
        let n = cell.stmts.len();
        for (i, stmt) in cell.stmts.iter().enumerate() {
            let value = i + 1 == n && matches!(stmt.kind, StmtKind::Expr(_));
            // the compiler recurses once per nesting level of a pattern or an expression (the
            // parser allows 200): on a thread with a small stack it moves to a segment of its own
            let globals = &mut self.globals;
            let (code, warnings) = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
                vm::compile::compile_stmt(stmt, value, globals)
            })?;
            for (line, message) in warnings {
                self.warn_compiling(line, message);
            }
            let mut frame = Frame::new(code);
            let r =
                stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.run_frame(&mut frame));
            drop(frame);
            match r? {
                Exit::Return(v) if value => return Ok(Some(v)),
                _ => {}
            }
        }
        Ok(None)
    }

    /// What `print` wrote since the last call.
    pub fn take_output(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    pub(crate) fn write_out(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// The module object for `import name` (the top-level package unless `full`).
    pub(crate) fn import_module(&mut self, full: &str, want_full: bool) -> PyResult<Value> {
        let Some(m) = self.objects.module(full) else {
            return Err(missing_module(full));
        };
        if want_full {
            return Ok(m);
        }
        // `import numpy.lib.stride_tricks` binds `numpy`
        let top = full.split('.').next().unwrap_or(full);
        self.objects
            .module(top)
            .ok_or_else(|| PyError::no_module(top, &objects::provided_modules()))
    }

    /// `from m import name`.
    pub(crate) fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        let Value::Module(module) = m else {
            unreachable!("ImportFrom gets a module")
        };
        let full = module.name;
        // a name arrsh lacks stays a NotImplementedError; a missing one is ImportError
        self.getattr(m, name).map_err(|e| match e.kind {
            ErrorKind::AttributeError => PyError::cannot_import(name, full),
            _ => e,
        })
    }

    /// `from m import *` into a class body's namespace or the globals.
    pub(crate) fn import_star(&mut self, m: &Value, ns: Option<&mut Namespace>) -> PyResult<()> {
        let Value::Module(module) = m else {
            unreachable!("ImportStar gets a module")
        };
        let mut bound = Vec::new();
        for n in self.objects.module_public_names(module.name) {
            if let Ok(v) = self.getattr(m, n) {
                bound.push((n, v));
            }
        }
        match ns {
            Some(ns) => {
                for (n, v) in bound {
                    ns.items.retain(|(k, _)| &**k != n);
                    ns.items.push((Rc::from(n), v));
                }
            }
            None => {
                for (n, v) in bound {
                    self.bind(n, v);
                }
            }
        }
        Ok(())
    }

    /// Binds a global name.
    pub(crate) fn bind(&mut self, name: &str, v: Value) {
        // rebinding drops the old value after the new one is stored, as STORE_NAME does
        let old = self.globals.insert(name.to_string(), v);
        drop(old);
    }

    /// A global, builtin or NumPy shorthand name.
    pub fn lookup(&self, name: &str) -> PyResult<Value> {
        if let Some(v) = self.globals.get(name) {
            return Ok(v.clone());
        }
        self.lookup_builtin(name)
            .ok_or_else(|| PyError::name_not_defined(name))
    }

    /// Truth value (`bool(v)`), with NumPy's ambiguity error for arrays.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => !i.v.is_zero(),
            Value::Float(f) => f.v != 0.0,
            Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
            Value::Str(s) => !s.v.is_empty(),
            Value::Bytes(b) => !b.v.is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::List(l) => !l.items.borrow().is_empty(),
            Value::Dict(d) => !d.items.borrow().is_empty(),
            Value::Set(s) => s.table.borrow().used > 0,
            Value::Range(r) => iter::range_len(r.start, r.stop, r.step) > 0,
            Value::Scalar(s) => s.v.is_truthy(),
            Value::Instance(_) | Value::Exception(_) => return self.user_truthy(v),
            Value::Native(n) if n.slots.len.is_some() => {
                let f = n.slots.len.expect("the match guard saw Some");
                f(self, v)? > 0
            }
            Value::Record(_) if let Some((d, _)) = object::dictobj::dict_view(v) => {
                !d.items.borrow().is_empty()
            }
            Value::Array(a) => match a.size() {
                1 => a
                    .item()
                    .ok_or_else(PyError::truth_value_ambiguous)??
                    .is_truthy(),
                0 => {
                    return Err(PyError::value(
                        "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.",
                    ));
                }
                _ => return Err(PyError::truth_value_ambiguous()),
            },
            _ => true,
        })
    }

    /// Checks a kind of error that is a subclass of another (for `isinstance` on exceptions).
    pub fn error_matches(err: &PyError, kind: ErrorKind) -> bool {
        err.kind.is_subclass_of(kind)
    }
}

/// The error for `import full` when no module row has the name, as CPython words it for the
/// nearest enclosing module arrsh provides: `'math' is not a package`, or no such submodule
/// (one NumPy has is a name arrsh lacks); a top-level module arrsh lacks lists what it provides.
fn missing_module(full: &str) -> PyError {
    let mut parent = full;
    while let Some((p, _)) = parent.rsplit_once('.') {
        parent = p;
        let Some(e) = registry::module(parent) else {
            continue;
        };
        // CPython stops at the first missing piece: `numpy.random.bar` of `numpy.random.bar.baz`
        let child = full[parent.len() + 1..].split('.').next().unwrap_or("");
        let missing = &full[..parent.len() + 1 + child.len()];
        return match e.row.kind {
            registry::Kind::Module(o) if !o.is_package() => PyError::not_a_package(missing, parent),
            // a submodule NumPy has and arrsh lacks (not one arrsh names otherwise: `numpy.emath`
            // is an attribute, not an importable module)
            _ if registry::lookup(parent, child).is_none()
                && registry::names::what(parent, child) == Some("module") =>
            {
                PyError::not_implemented_name(missing)
            }
            _ => PyError::no_submodule(missing),
        };
    }
    PyError::no_module(full, &objects::provided_modules())
}
