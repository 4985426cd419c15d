//! The evaluator: runs a cell's statements against a namespace, evaluating expressions to
//! `Value`s; joins the syntax (AST) and the runtime (arrays). Nothing here prints to a terminal:
//! `print` writes into the cell's captured output.

pub mod builtins;
pub mod numpy;
pub mod object;
mod recover;
pub mod registry;
pub mod text;

use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::runtime::print::PrintOptions;
use crate::runtime::{Ctx, Heap};
use crate::syntax::ast::{Arg, BoolOp, Cell, CmpOp, CompKind, Comprehension, Expr, Stmt, Target};

use object::fxmap::FxHashMap;
pub use object::value::Value;
use object::{consts, iter, listobj, objects, value};

/// Deepest expression/call nesting evaluated before `RecursionError` (CPython's default limit is
/// 1000 frames; arrsh counts AST levels, which are cheaper, and runs on a large stack).
const MAX_DEPTH: usize = 3000;

/// Evaluated call arguments: positional values and keyword (name, value) pairs.
type CallArgs = (Vec<Value>, Vec<(String, Value)>);

/// What `help(obj)` prints: the shell installs its page maker (the evaluator writes no help).
pub type HelpHook = fn(&mut Interp, &Value) -> PyResult<String>;

/// Control flow out of a statement: a private signal, never an error value.
enum Flow {
    Normal,
    Break,
    Continue,
}

/// The interpreter state of one session.
pub struct Interp {
    pub ctx: Ctx,
    pub globals: FxHashMap<String, Value>,
    /// Comprehension and lambda scopes, innermost last.
    scopes: Vec<FxHashMap<String, Value>>,
    /// The constants of the statement being run (see `consts`).
    pub(crate) consts: consts::Consts,
    /// What `print` wrote during the current cell.
    out: String,
    pub print_opts: PrintOptions,
    depth: usize,
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
}

impl Interp {
    pub fn new(heap: Rc<Heap>, interrupt: Arc<AtomicBool>) -> Interp {
        let ctx = Ctx::new(heap.clone(), interrupt);
        Interp {
            objects: objects::Objects::new(&heap),
            ctx,
            globals: FxHashMap::default(),
            scopes: Vec::new(),
            consts: consts::Consts::default(),
            out: String::new(),
            print_opts: PrintOptions::default(),
            depth: 0,
            repr_depth: 0,
            repr_active: Vec::new(),
            started: std::time::Instant::now(),
            float_format: None,
            help_page: None,
            np_random: None,
        }
    }

    /// Runs a parsed cell; returns the value of a final expression statement, if any.
    pub fn run_cell(&mut self, cell: &Cell) -> PyResult<Option<Value>> {
        self.depth = 0;
        self.scopes.clear();
        let n = cell.stmts.len();
        for (i, stmt) in cell.stmts.iter().enumerate() {
            // each top-level statement is compiled on its own: its constants live as long as
            // it runs
            self.consts.clear();
            if i + 1 == n
                && let Stmt::Expr(e) = stmt
            {
                let r = self.eval(e);
                self.consts.clear();
                return r.map(Some);
            }
            let flow = self.exec(stmt);
            self.consts.clear();
            match flow? {
                Flow::Normal => {}
                Flow::Break | Flow::Continue => {
                    return Err(PyError::syntax("'break' outside loop", 0));
                }
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

    // ---------------------------------------------------------------- statements

    fn exec_block(&mut self, body: &[Stmt]) -> PyResult<Flow> {
        for s in body {
            match self.exec(s)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn exec(&mut self, stmt: &Stmt) -> PyResult<Flow> {
        self.ctx.check_interrupt()?;
        match stmt {
            Stmt::Expr(e) => {
                self.eval(e)?;
            }
            Stmt::Assign { targets, value } => {
                let v = self.eval(value)?;
                for t in targets {
                    self.assign(t, v.clone())?;
                }
            }
            Stmt::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            Stmt::Del(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            Stmt::Import { module, alias } => self.import(module, alias.as_deref())?,
            Stmt::FromImport { module, names } => self.import_from(module, names)?,
            Stmt::For { target, iter, body } => {
                let it = self.eval(iter)?;
                let mut iter = self.iterate(&it)?;
                drop(it);
                while self.next_into(&mut iter, target)? {
                    match self.exec_block(body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                    }
                }
            }
            Stmt::While { cond, body } => loop {
                let c = self.eval(cond)?;
                if !self.truthy(&c)? {
                    break;
                }
                match self.exec_block(body)? {
                    Flow::Break => break,
                    Flow::Normal | Flow::Continue => {}
                }
            },
            Stmt::If { branches, orelse } => {
                for (cond, body) in branches {
                    let c = self.eval(cond)?;
                    if self.truthy(&c)? {
                        return self.exec_block(body);
                    }
                }
                if let Some(body) = orelse {
                    return self.exec_block(body);
                }
            }
            Stmt::Pass => {}
            Stmt::Break => return Ok(Flow::Break),
            Stmt::Continue => return Ok(Flow::Continue),
        }
        Ok(Flow::Normal)
    }

    fn import(&mut self, module: &[String], alias: Option<&str>) -> PyResult<()> {
        let full = module.join(".");
        let m = self
            .objects
            .module(&full)
            .ok_or_else(|| PyError::no_module(&full))?;
        match alias {
            Some(a) => self.bind(a, m),
            None => {
                // `import numpy.lib.stride_tricks` binds `numpy`
                let top = self
                    .objects
                    .module(&module[0])
                    .ok_or_else(|| PyError::no_module(&module[0]))?;
                self.bind(&module[0], top)
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        module: &[String],
        names: &[(String, Option<String>)],
    ) -> PyResult<()> {
        let full = module.join(".");
        let m = self
            .objects
            .module(&full)
            .ok_or_else(|| PyError::no_module(&full))?;
        for (name, alias) in names {
            if name == "*" {
                for n in self.objects.module_public_names(&full) {
                    if let Ok(v) = self.getattr(&m, n) {
                        self.bind(n, v);
                    }
                }
                continue;
            }
            let v = self
                .getattr(&m, name)
                .map_err(|_| PyError::cannot_import(name, &full))?;
            self.bind(alias.as_deref().unwrap_or(name), v);
        }
        Ok(())
    }

    /// Binds a name in the innermost scope.
    pub(crate) fn bind(&mut self, name: &str, v: Value) {
        let scope = match self.scopes.last_mut() {
            Some(scope) => scope,
            None => &mut self.globals,
        };
        // rebinding drops the old value after the new one is stored, as STORE_NAME does
        match scope.get_mut(name) {
            Some(slot) => {
                let old = std::mem::replace(slot, v);
                drop(old);
            }
            None => {
                scope.insert(name.to_string(), v);
            }
        }
    }

    fn assign(&mut self, target: &Target, v: Value) -> PyResult<()> {
        match target {
            Target::Name(n) => self.bind(n, v),
            Target::Tuple(ts) => {
                let items = self.unpack(&v, ts.len())?;
                drop(v);
                for (t, item) in ts.iter().zip(items) {
                    self.assign(t, item)?;
                }
            }
            Target::Subscript { obj, index } => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                self.setitem(&o, &i, v)?;
            }
            Target::Attribute { obj, name } => {
                let o = self.eval(obj)?;
                self.setattr(&o, name, v)?;
            }
        }
        Ok(())
    }

    /// The next item of a `for` loop or comprehension, bound to its target; false at the end.
    /// `for a, b in zip(x, y)` binds straight from the zipped iterators: CPython's zip reuses
    /// its result tuple once unpacked, so no tuple is ever seen (or allocated) per step.
    fn next_into(&mut self, it: &mut iter::ValueIter, target: &Target) -> PyResult<bool> {
        if let Target::Tuple(ts) = target
            && let Some(z) = it.zip_of(ts.len())
        {
            let Some(parts) = self.zip_next_parts(&z, ts.len())? else {
                return Ok(false);
            };
            for (t, v) in ts.iter().zip(parts) {
                self.assign(t, v)?;
            }
            return Ok(true);
        }
        match it.next(self)? {
            Some(item) => {
                self.assign(target, item)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `a, b = v`: exactly `n` items or CPython's ValueError.
    fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
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

    fn delete(&mut self, target: &Target) -> PyResult<()> {
        match target {
            Target::Name(n) => {
                let removed = match self.scopes.last_mut() {
                    Some(s) => s.remove(n),
                    None => self.globals.remove(n),
                };
                removed
                    .map(|_| ())
                    .ok_or_else(|| PyError::name_not_defined(n))
            }
            Target::Tuple(ts) => ts.iter().try_for_each(|t| self.delete(t)),
            Target::Subscript { obj, index } => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                self.delitem(&o, &i)
            }
            Target::Attribute { name, .. } => Err(PyError::attribute(format!(
                "cannot delete attribute '{name}'"
            ))),
        }
    }

    fn aug_assign(
        &mut self,
        target: &Target,
        op: crate::syntax::ast::BinOp,
        value: &Expr,
    ) -> PyResult<()> {
        match target {
            Target::Name(n) => {
                let cur = self.lookup(n)?;
                let rhs = self.eval(value)?;
                let new = self.inplace_op(&cur, op, &rhs)?;
                drop(cur);
                self.bind(n, new);
            }
            Target::Subscript { obj, index } => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                let cur = self.getitem(&o, &i)?;
                let rhs = self.eval(value)?;
                let new = self.inplace_op(&cur, op, &rhs)?;
                self.setitem(&o, &i, new)?;
            }
            Target::Attribute { obj, name } => {
                let o = self.eval(obj)?;
                let cur = self.getattr(&o, name)?;
                let rhs = self.eval(value)?;
                let new = self.inplace_op(&cur, op, &rhs)?;
                self.setattr(&o, name, new)?;
            }
            Target::Tuple(_) => {
                return Err(PyError::syntax(
                    "'tuple' is an illegal expression for augmented assignment",
                    0,
                ));
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------- names

    pub fn lookup(&self, name: &str) -> PyResult<Value> {
        for scope in self.scopes.iter().rev() {
            if let Some(v) = scope.get(name) {
                return Ok(v.clone());
            }
        }
        if let Some(v) = self.globals.get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.objects.builtin(name) {
            return Ok(v);
        }
        // Departure from Python: NumPy names work bare (`arange(5)`, `as_strided(...)`) and
        // `np` is always there, because the shell is used in class without typing `np.`.
        if let Some(v) = self.objects.numpy_shorthand(name) {
            return Ok(v);
        }
        Err(PyError::name_not_defined(name))
    }

    // ---------------------------------------------------------------- expressions

    pub fn eval(&mut self, e: &Expr) -> PyResult<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(PyError::recursion_depth(""));
        }
        let r = self.eval_inner(e);
        self.depth -= 1;
        r
    }

    pub(crate) fn eval_inner(&mut self, e: &Expr) -> PyResult<Value> {
        Ok(match e {
            Expr::Name(n) => self.lookup(n)?,
            Expr::Int(_) | Expr::Float(_) | Expr::Imag(_) | Expr::Str(_) | Expr::Bytes(_) => {
                self.constant(e)?
            }
            Expr::FString(parts) => {
                let s = self.fstring(parts)?;
                self.new_str(s)
            }
            Expr::True => Value::Bool(true),
            Expr::False => Value::Bool(false),
            Expr::None => Value::None,
            Expr::Ellipsis => Value::Ellipsis,
            Expr::Tuple(xs) if consts::is_const(e) && !xs.is_empty() => self.constant(e)?,
            Expr::Tuple(xs) => {
                let items = self.eval_items(xs)?;
                self.new_tuple(items)
            }
            Expr::List(xs) => {
                let all_const = xs.iter().all(consts::is_const);
                let mut items = Vec::with_capacity(xs.len());
                for x in xs {
                    items.push(match x {
                        Expr::Starred(inner) => listobj::DisplayItem::Starred(self.eval(inner)?),
                        other => listobj::DisplayItem::Item(self.eval(other)?),
                    });
                }
                self.list_display(items, all_const)?
            }
            Expr::Set(xs) => {
                let all_const = xs.iter().all(consts::is_const);
                let items = self.eval_items(xs)?;
                self.set_display(items, all_const)?
            }
            Expr::Dict(kvs) => {
                let mut items = Vec::with_capacity(kvs.len());
                for (k, v) in kvs {
                    let k = self.eval(k)?;
                    let v = self.eval(v)?;
                    items.push((k, v));
                }
                self.dict_display(items)?
            }
            Expr::Comp { kind, elt, gens } => self.comprehension(*kind, elt, gens)?,
            Expr::DictComp { key, value, gens } => {
                let mut items = Vec::new();
                self.scopes.push(FxHashMap::default());
                let r = self.comp_loop(gens, 0, &mut |me| {
                    let k = me.eval(key)?;
                    let v = me.eval(value)?;
                    items.push((k, v));
                    me.check_items(items.len())
                });
                self.scopes.pop();
                r?;
                self.new_dict(items)?
            }
            Expr::BinOp(..) | Expr::Unary(..) if consts::is_const(e) => self.constant(e)?,
            Expr::BinOp(a, op, b) => {
                let x = self.eval(a)?;
                let y = self.eval(b)?;
                self.binary_op(&x, *op, &y)?
            }
            Expr::Unary(op, a) => {
                let x = self.eval(a)?;
                self.unary_op(*op, &x)?
            }
            Expr::Not(a) => {
                let x = self.eval(a)?;
                Value::Bool(!self.truthy(&x)?)
            }
            Expr::Compare(first, rest) => self.compare_chain(first, rest)?,
            Expr::BoolOp(op, xs) => {
                let mut last = Value::None;
                for (i, x) in xs.iter().enumerate() {
                    last = self.eval(x)?;
                    if i + 1 < xs.len() {
                        let t = self.truthy(&last)?;
                        if (*op == BoolOp::And && !t) || (*op == BoolOp::Or && t) {
                            return Ok(last);
                        }
                    }
                }
                last
            }
            Expr::IfExp { cond, then, orelse } => {
                let c = self.eval(cond)?;
                if self.truthy(&c)? {
                    self.eval(then)?
                } else {
                    self.eval(orelse)?
                }
            }
            Expr::Lambda { params, body } => self.new_lambda(params.clone(), (**body).clone()),
            Expr::Call { func, args } => {
                let f = self.eval(func)?;
                let (pos, kw) = self.eval_args(args)?;
                self.call(&f, pos, kw)?
            }
            Expr::Attribute(obj, name) => {
                let o = self.eval(obj)?;
                self.getattr(&o, name)?
            }
            Expr::Subscript(obj, index) => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                self.getitem(&o, &i)?
            }
            Expr::Slice { lower, upper, step } => {
                let mut part = |p: &Option<Box<Expr>>| -> PyResult<Value> {
                    match p {
                        Some(e) => self.eval(e),
                        None => Ok(Value::None),
                    }
                };
                let (a, b, c) = (part(lower)?, part(upper)?, part(step)?);
                self.new_slice(a, b, c)
            }
            Expr::Starred(_) => {
                return Err(PyError::syntax("can't use starred expression here", 0));
            }
        })
    }

    /// Evaluates display items, expanding `*xs`.
    fn eval_items(&mut self, xs: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(xs.len());
        for x in xs {
            if let Expr::Starred(inner) = x {
                let v = self.eval(inner)?;
                let mut it = self.iterate(&v)?;
                while let Some(item) = it.next(self)? {
                    out.push(item);
                }
            } else {
                out.push(self.eval(x)?);
            }
        }
        Ok(out)
    }

    fn eval_args(&mut self, args: &[Arg]) -> PyResult<CallArgs> {
        let mut pos = Vec::new();
        let mut kw: Vec<(String, Value)> = Vec::new();
        for a in args {
            match a {
                Arg::Pos(e) => pos.push(self.eval(e)?),
                Arg::Kw(k, e) => {
                    if kw.iter().any(|(n, _)| n == k) {
                        return Err(PyError::syntax(
                            format!("keyword argument repeated: {k}"),
                            0,
                        ));
                    }
                    let v = self.eval(e)?;
                    kw.push((k.clone(), v));
                }
                Arg::Star(e) => {
                    let v = self.eval(e)?;
                    let mut it = self.iterate(&v)?;
                    while let Some(x) = it.next(self)? {
                        pos.push(x);
                    }
                }
                Arg::StarStar(e) => {
                    let v = self.eval(e)?;
                    let Value::Dict(d) = &v else {
                        return Err(PyError::type_error(format!(
                            "argument after ** must be a mapping, not {}",
                            v.type_name()
                        )));
                    };
                    for (k, val) in d.items.borrow().iter() {
                        let Value::Str(s) = k else {
                            return Err(PyError::type_error("keywords must be strings"));
                        };
                        kw.push((s.v.clone(), val.clone()));
                    }
                }
            }
        }
        Ok((pos, kw))
    }

    fn compare_chain(&mut self, first: &Expr, rest: &[(CmpOp, Expr)]) -> PyResult<Value> {
        let mut left = self.eval(first)?;
        let mut result = Value::Bool(true);
        for (i, (op, e)) in rest.iter().enumerate() {
            let right = self.eval(e)?;
            result = self.compare(&left, *op, &right)?;
            if i + 1 < rest.len() {
                if !self.truthy(&result)? {
                    return Ok(result);
                }
                left = right;
            }
        }
        Ok(result)
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        gens: &[Comprehension],
    ) -> PyResult<Value> {
        let mut items = Vec::new();
        // a comprehension has its own scope: its loop variables do not leak (and `_` stays)
        self.scopes.push(FxHashMap::default());
        let r = self.comp_loop(gens, 0, &mut |me| {
            items.push(me.eval(elt)?);
            me.check_items(items.len())
        });
        self.scopes.pop();
        r?;
        match kind {
            CompKind::List => {
                let cap = listobj::append_capacity(items.len());
                Ok(self.new_list_with_capacity(items, cap))
            }
            CompKind::Set => self.new_set(items),
            CompKind::Generator => {
                Ok(self.new_iter("generator", value::IterState::Values(items.into())))
            }
        }
    }

    fn comp_loop(
        &mut self,
        gens: &[Comprehension],
        level: usize,
        body: &mut dyn FnMut(&mut Interp) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(g) = gens.get(level) else {
            return body(self);
        };
        let src = self.eval(&g.iter)?;
        let mut it = self.iterate(&src)?;
        drop(src);
        'items: while self.next_into(&mut it, &g.target)? {
            for c in &g.conds {
                let v = self.eval(c)?;
                if !self.truthy(&v)? {
                    continue 'items;
                }
            }
            self.comp_loop(gens, level + 1, body)?;
        }
        Ok(())
    }

    /// Calls a lambda with positional arguments.
    pub(crate) fn call_lambda(&mut self, f: &value::Lambda, args: Vec<Value>) -> PyResult<Value> {
        if args.len() != f.params.len() {
            return Err(PyError::type_error(format!(
                "<lambda>() takes {} positional argument{} but {} {} given",
                f.params.len(),
                if f.params.len() == 1 { "" } else { "s" },
                args.len(),
                if args.len() == 1 { "was" } else { "were" }
            )));
        }
        let scope: FxHashMap<String, Value> = f.params.iter().cloned().zip(args).collect();
        self.scopes.push(scope);
        let r = self.eval(&f.body);
        self.scopes.pop();
        r
    }

    fn fstring(&mut self, parts: &[crate::syntax::ast::FPart]) -> PyResult<String> {
        use crate::syntax::ast::FPart;
        let mut s = String::new();
        for p in parts {
            match p {
                FPart::Lit(t) => s.push_str(t),
                FPart::Expr {
                    expr,
                    conversion,
                    spec,
                    echo,
                } => {
                    let v = self.eval(expr)?;
                    if let Some(src) = echo {
                        s.push_str(src);
                    }
                    let v = match conversion {
                        Some('r') => {
                            let r = self.repr(&v)?;
                            self.new_str(r)
                        }
                        Some('s') => {
                            let r = self.str(&v)?;
                            self.new_str(r)
                        }
                        Some('a') => {
                            let r = self.repr(&v)?.escape_default().to_string();
                            self.new_str(r)
                        }
                        _ if echo.is_some() && spec.is_none() => {
                            let r = self.repr(&v)?;
                            self.new_str(r)
                        }
                        _ => v,
                    };
                    let spec_text = match spec {
                        Some(sp) => self.fstring(sp)?,
                        None => String::new(),
                    };
                    s.push_str(&self.format_value(&v, &spec_text)?);
                }
            }
        }
        Ok(s)
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
