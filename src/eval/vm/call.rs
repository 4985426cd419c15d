//! Calling Python functions: binding arguments to parameters with CPython 3.11's messages
//! ("f() missing 1 required positional argument: 'x'"), the recursion limit, and frames run on a
//! stack that grows on demand (`stacker`), so deep recursion is a `RecursionError` on any thread.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::iter::ValueIter;
use crate::eval::object::value::*;
use crate::eval::vm::code::Code;
use crate::eval::vm::frame::{Exit, Frame};

/// Python frames a cell may have running at once: CPython's limit of 1000, less the frames the
/// oracle (CPython running IPython-like code) has below a cell (measured: the 996th nested call
/// fails).
pub const RECURSION_LIMIT: usize = 995;

/// Below this much free stack, a call moves to a fresh stack segment.
const STACK_RED_ZONE: usize = 256 * 1024;
/// The size of such a segment (mapped lazily).
const STACK_SEGMENT: usize = 8 << 20;

/// `a`, `'a' and 'b'`, `'a', 'b', and 'c'`: CPython's list of missing names.
fn name_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

impl Interp {
    pub(crate) fn new_function(
        &mut self,
        code: Rc<Code>,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
    ) -> Value {
        let code_doc = code.doc.clone();
        Value::Function(Rc::new(PyFunction {
            id: self.ctx.heap.object(152),
            name: std::cell::RefCell::new(code.name.clone()),
            qualname: std::cell::RefCell::new(code.qualname.clone()),
            code,
            defaults: std::cell::RefCell::new(defaults),
            kwdefaults: std::cell::RefCell::new(kwdefaults),
            closure,
            dict: std::cell::RefCell::new(match &code_doc {
                Some(d) => vec![(Rc::from("__doc__"), self.new_str(d.to_string()))],
                None => Vec::new(),
            }),
        }))
    }

    /// Runs a frame nested in the current one: counted against the recursion limit, on a stack
    /// that grows when it runs low.
    pub(crate) fn run_nested(&mut self, frame: &mut Frame) -> PyResult<Exit> {
        self.run_nested_with(frame, &mut None)
    }

    /// `run_nested`, raising `pending` first where the frame stands.
    pub(crate) fn run_nested_with(
        &mut self,
        frame: &mut Frame,
        pending: &mut Option<PyError>,
    ) -> PyResult<Exit> {
        if self.call_depth >= RECURSION_LIMIT {
            return Err(PyError::recursion_depth(""));
        }
        self.call_depth += 1;
        let p = pending.take();
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            self.run_frame_pending(frame, p)
        });
        self.call_depth -= 1;
        r
    }

    /// `f(*args, **kw)` for a Python function.
    pub(crate) fn call_function(
        &mut self,
        func: &Rc<PyFunction>,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let mut frame = self.frame_pool.frame(func.code.clone());
        self.bind_arguments(func, &mut frame, args, kw)?;
        self.enter_function(func, frame)
    }

    /// Whether `func(n positional arguments)` binds them straight to its first `n` locals.
    pub(crate) fn binds_positionally(func: &PyFunction, n: usize) -> bool {
        let code = &func.code;
        code.argcount as usize == n && !code.varargs && !code.varkw && code.kwonlycount == 0
    }

    /// `func(...)` with the `n` arguments on top of the caller's `stack` (no argument Vec),
    /// when `binds_positionally` says they bind in order: most calls.
    pub(crate) fn call_from_stack(
        &mut self,
        func: &Rc<PyFunction>,
        stack: &mut Vec<Value>,
        n: usize,
    ) -> PyResult<Value> {
        self.ctx.check_interrupt()?;
        let mut frame = self.frame_pool.frame(func.code.clone());
        let at = stack.len() - n;
        for (slot, a) in frame.fast.iter_mut().zip(stack.drain(at..)) {
            *slot = Some(a);
        }
        self.enter_function(func, frame)
    }

    /// Runs a function's frame whose parameters are bound (or makes its generator).
    fn enter_function(&mut self, func: &Rc<PyFunction>, mut frame: Frame) -> PyResult<Value> {
        self.attach_closure(&mut frame, func.closure.as_ref());
        for &(ci, pi) in &func.code.cell_params {
            let v = frame.fast[pi as usize].take();
            *frame.cells[ci as usize].value.borrow_mut() = v;
        }
        if func.code.generator {
            return Ok(self.new_generator(frame));
        }
        let r = self.run_nested(&mut frame);
        self.frame_pool.recycle(frame);
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => unreachable!("only generators yield"),
        }
    }

    /// Puts the arguments of a call into the frame's parameters, in CPython's order of checks.
    fn bind_arguments(
        &mut self,
        func: &PyFunction,
        frame: &mut Frame,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<()> {
        let code = &func.code;
        let argc = code.argcount as usize;
        let kwonly = code.kwonlycount as usize;
        let nargs = args.len();
        // fast path: exactly the positional parameters
        if kw.is_empty() && nargs == argc && !code.varargs && !code.varkw && kwonly == 0 {
            for (slot, a) in frame.fast.iter_mut().zip(args) {
                *slot = Some(a);
            }
            return Ok(());
        }
        let qual = func.qualname.borrow().clone();
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            if i < argc {
                frame.fast[i] = Some(a);
            } else {
                extra.push(a);
            }
        }
        let mut next = argc + kwonly;
        if code.varargs {
            let t = self.new_tuple(std::mem::take(&mut extra));
            frame.fast[next] = Some(t);
            next += 1;
        }
        let kwargs_slot = code.varkw.then_some(next);
        let mut kwdict: Vec<(Value, Value)> = Vec::new();
        let mut posonly_kw: Vec<String> = Vec::new();
        for (name, v) in kw {
            let pos = code.varnames[code.posonlycount as usize..argc + kwonly]
                .iter()
                .position(|n| **n == *name)
                .map(|p| p + code.posonlycount as usize);
            match pos {
                Some(p) => {
                    if frame.fast[p].is_some() {
                        return Err(PyError::type_error(format!(
                            "{qual}() got multiple values for argument '{name}'"
                        )));
                    }
                    frame.fast[p] = Some(v);
                }
                None => {
                    let is_posonly = code.varnames[..code.posonlycount as usize]
                        .iter()
                        .any(|n| **n == *name);
                    match kwargs_slot {
                        Some(_) => {
                            let k = self.new_str(name);
                            kwdict.push((k, v));
                        }
                        None if is_posonly => posonly_kw.push(name),
                        None => {
                            return Err(PyError::type_error(format!(
                                "{qual}() got an unexpected keyword argument '{name}'"
                            )));
                        }
                    }
                }
            }
        }
        if !posonly_kw.is_empty() {
            let names: Vec<String> = posonly_kw.iter().map(|n| format!("'{n}'")).collect();
            return Err(PyError::type_error(format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: {}",
                names.join(", ")
            )));
        }
        if !extra.is_empty() {
            let ndefaults = self.ndefaults(func);
            let given_kwonly = (argc..argc + kwonly)
                .filter(|&i| frame.fast[i].is_some())
                .count();
            let takes = if ndefaults > 0 {
                format!("from {} to {} positional arguments", argc - ndefaults, argc)
            } else {
                plural(argc, "positional argument", "positional arguments")
            };
            let given = if given_kwonly > 0 {
                format!(
                    "{} (and {}) were",
                    plural(nargs, "positional argument", "positional arguments"),
                    plural(
                        given_kwonly,
                        "keyword-only argument",
                        "keyword-only arguments"
                    )
                )
            } else if nargs == 1 {
                "1 was".to_string()
            } else {
                format!("{nargs} were")
            };
            return Err(PyError::type_error(format!(
                "{qual}() takes {takes} but {given} given"
            )));
        }
        // defaults of the last positional parameters
        let defaults: Vec<Value> = match &*func.defaults.borrow() {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Vec::new(),
        };
        let first_default = argc - defaults.len().min(argc);
        let mut missing = Vec::new();
        for i in 0..argc {
            if frame.fast[i].is_none() {
                if i >= first_default {
                    frame.fast[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(&*code.varnames[i]);
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyError::type_error(format!(
                "{qual}() missing {} {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "required positional argument"
                } else {
                    "required positional arguments"
                },
                name_list(&missing)
            )));
        }
        let kwdefaults = func.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argc..argc + kwonly {
            if frame.fast[i].is_none() {
                let name = &code.varnames[i];
                let d = match &kwdefaults {
                    Some(Value::Dict(d)) => d
                        .items
                        .borrow()
                        .iter()
                        .find(|(k, _)| matches!(k, Value::Str(s) if *s.v == **name))
                        .map(|(_, v)| v.clone()),
                    _ => None,
                };
                match d {
                    Some(v) => frame.fast[i] = Some(v),
                    None => missing.push(&**name),
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyError::type_error(format!(
                "{qual}() missing {} {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "required keyword-only argument"
                } else {
                    "required keyword-only arguments"
                },
                name_list(&missing)
            )));
        }
        if let Some(slot) = kwargs_slot {
            let d = self.new_dict(kwdict)?;
            frame.fast[slot] = Some(d);
        }
        Ok(())
    }

    fn ndefaults(&self, func: &PyFunction) -> usize {
        match &*func.defaults.borrow() {
            Some(Value::Tuple(t)) => t.items.len(),
            _ => 0,
        }
    }

    /// Constant `k` of a code object: made the first time, then read from the code's cache.
    pub(crate) fn load_const(&mut self, code: &Code, k: u32) -> PyResult<Value> {
        if let Some(v) = &code.cache.borrow()[k as usize] {
            return Ok(v.clone());
        }
        let e: &crate::syntax::ast::Expr = &code.consts[k as usize];
        let v = self.pool_constant(&code.pool, e)?;
        code.cache.borrow_mut()[k as usize] = Some(v.clone());
        Ok(v)
    }

    /// A name no cell has bound: a builtin, or (arrsh's shorthand) a NumPy name.
    pub(crate) fn lookup_builtin(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.objects.builtin(name) {
            return Some(v);
        }
        // Departure from Python: NumPy names work bare (`arange(5)`, `as_strided(...)`) and
        // `np` is always there, because the shell is used in class without typing `np.`.
        self.objects.numpy_shorthand(name)
    }

    /// Small-int arithmetic without the general machinery (the result is the same object kind
    /// `binary_op` makes).
    pub(crate) fn fast_binary(
        &mut self,
        a: &Value,
        op: crate::syntax::ast::BinOp,
        b: &Value,
    ) -> Option<Value> {
        use crate::eval::object::pyint::Int;
        use crate::syntax::ast::BinOp;
        let (Value::Int(x), Value::Int(y)) = (a, b) else {
            if let (Value::Float(x), Value::Float(y)) = (a, b) {
                let r = match op {
                    BinOp::Add => x.v + y.v,
                    BinOp::Sub => x.v - y.v,
                    BinOp::Mul => x.v * y.v,
                    _ => return None,
                };
                return Some(self.new_float(r));
            }
            return None;
        };
        let (Int::Small(x), Int::Small(y)) = (&x.v, &y.v) else {
            return None;
        };
        let r = match op {
            BinOp::Add => x.checked_add(*y)?,
            BinOp::Sub => x.checked_sub(*y)?,
            BinOp::Mul => x.checked_mul(*y)?,
            _ => return None,
        };
        Some(self.new_i64(r))
    }

    /// Comparisons of small ints and floats without the general machinery.
    pub(crate) fn fast_compare(
        &mut self,
        a: &Value,
        op: crate::syntax::ast::CmpOp,
        b: &Value,
    ) -> Option<bool> {
        use crate::eval::object::pyint::Int;
        use crate::syntax::ast::CmpOp;
        let ord = match (a, b) {
            (Value::Int(x), Value::Int(y)) => match (&x.v, &y.v) {
                (Int::Small(x), Int::Small(y)) => x.cmp(y),
                _ => return None,
            },
            (Value::Float(x), Value::Float(y)) => x.v.partial_cmp(&y.v)?,
            _ => return None,
        };
        use std::cmp::Ordering::*;
        Some(match op {
            CmpOp::Eq => ord == Equal,
            CmpOp::NotEq => ord != Equal,
            CmpOp::Lt => ord == Less,
            CmpOp::LtE => ord != Greater,
            CmpOp::Gt => ord == Greater,
            CmpOp::GtE => ord != Less,
            _ => return None,
        })
    }

    /// `a, b = v`: exactly `n` items or CPython's ValueError.
    pub(crate) fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        // UNPACK_SEQUENCE's fast path: a tuple or list of the right length
        match v {
            Value::Tuple(t) if t.items.len() == n => return Ok(t.items.clone()),
            Value::List(l) if l.items.borrow().len() == n => return Ok(l.items.borrow().clone()),
            _ => {}
        }
        let mut it = match self.iterate(v) {
            Ok(it) => it,
            Err(e) if e.kind == ErrorKind::TypeError => {
                return Err(PyError::cannot_unpack_non_iterable(&v.type_name()));
            }
            Err(e) => return Err(e),
        };
        let mut items = Vec::with_capacity(n);
        while let Some(x) = it.next(self)? {
            if items.len() == n {
                return Err(PyError::cannot_unpack(n, n + 1));
            }
            items.push(x);
        }
        if items.len() < n {
            return Err(PyError::cannot_unpack(n, items.len()));
        }
        Ok(items)
    }

    /// A comprehension over `it`: runs it (list, set, dict) or makes the generator object.
    pub(super) fn run_comprehension(
        &mut self,
        code: Rc<Code>,
        it: ValueIter,
        closure: Option<Value>,
    ) -> PyResult<Value> {
        let mut frame = self.frame_pool.frame(code.clone());
        frame.iters.push(it);
        self.attach_closure(&mut frame, closure.as_ref());
        if code.generator {
            return Ok(self.new_generator(frame));
        }
        let r = self.run_nested(&mut frame);
        self.frame_pool.recycle(frame);
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => unreachable!("a comprehension that is not a generator never yields"),
        }
    }

    /// Gives a frame its cells: fresh ones for its cell variables, the closure's for its free
    /// variables.
    pub(crate) fn attach_closure(&mut self, frame: &mut Frame, closure: Option<&Value>) {
        let n = frame.code.cellvars.len();
        for _ in 0..n {
            let c = self.new_cell();
            frame.cells.push(c);
        }
        if let Some(Value::Tuple(t)) = closure {
            for c in &t.items {
                if let Value::Cell(c) = c {
                    frame.cells.push(c.clone());
                }
            }
        }
    }

    pub(crate) fn new_cell(&self) -> Rc<CellRef> {
        Rc::new(CellRef {
            id: self.ctx.heap.object(40),
            value: std::cell::RefCell::new(None),
        })
    }
}
