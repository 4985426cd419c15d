//! Scopes, as CPython's symtable decides them: which names of a function are locals (slots),
//! which are cells (captured by an inner function), free (captured from outside), global, or
//! class-namespace names — plus the compile-time errors that come from that analysis ("no
//! binding for nonlocal 'x' found", "name 'x' is assigned to before global declaration").

use std::collections::HashMap;

use crate::error::{PyError, PyResult};
use crate::syntax::ast::{
    Arg, ClassDef, CompKind, Comprehension, Expr, FPart, FunctionDef, Params, Pattern, PatternKind,
    Stmt, StmtKind, Target,
};

/// Where a name lives in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Where {
    /// A function's fast local.
    Local,
    /// A function's local that an inner function captures.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// Declared `global`, or used in a function without being bound there.
    Global,
    /// A name of a class body's namespace (or of the module namespace).
    Name,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Function,
    Class,
    Comprehension,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;

/// One scope: its names in order of first appearance, and its child scopes by AST node.
pub struct Block {
    pub kind: BlockKind,
    /// Names with their flags, in order of first appearance.
    names: Vec<(String, u8)>,
    pub params: Vec<String>,
    /// Child scopes, keyed by the address of the node that makes them.
    pub children: HashMap<usize, Block>,
    child_order: Vec<usize>,
    /// Resolved after analysis.
    pub scopes: HashMap<String, Where>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Whether the body holds a `yield`.
    pub generator: bool,
    /// Class bodies: whether a method needs the implicit `__class__` cell (for `super()`).
    pub needs_class_cell: bool,
    /// Names a class body uses that are free in it (read with its namespace first).
    pub class_free: Vec<String>,
}

impl Block {
    fn new(kind: BlockKind) -> Block {
        Block {
            kind,
            names: Vec::new(),
            params: Vec::new(),
            children: HashMap::new(),
            child_order: Vec::new(),
            scopes: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            generator: false,
            needs_class_cell: false,
            class_free: Vec::new(),
        }
    }

    fn flags(&self, name: &str) -> u8 {
        self.names
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, f)| *f)
    }

    fn add(&mut self, name: &str, flag: u8) {
        match self.names.iter_mut().find(|(n, _)| n == name) {
            Some((_, f)) => *f |= flag,
            None => self.names.push((name.to_string(), flag)),
        }
    }

    /// Where `name` lives here (names never seen are global, or namespace names at the top).
    pub fn lookup(&self, name: &str) -> Where {
        match self.scopes.get(name) {
            Some(w) => *w,
            None => match self.kind {
                BlockKind::Module | BlockKind::Class => Where::Name,
                _ => Where::Global,
            },
        }
    }

    /// Fast locals: parameters first, then other locals in order of appearance.
    pub fn varnames(&self) -> Vec<String> {
        let mut out = self.params.clone();
        for (n, _) in &self.names {
            if self.scopes.get(n) == Some(&Where::Local) && !out.contains(n) {
                out.push(n.clone());
            }
        }
        out
    }

    pub fn child(&self, key: usize) -> &Block {
        self.children
            .get(&key)
            .expect("the symbol table saw every scope the compiler compiles")
    }
}

/// Builds and analyses the scopes of one top-level statement.
pub fn analyse(stmt: &Stmt) -> PyResult<Block> {
    let mut b = Builder {
        stack: vec![Block::new(BlockKind::Module)],
        line: stmt.line,
    };
    b.stmt(stmt)?;
    let mut top = b.stack.pop().expect("the module block");
    resolve(&mut top, &[])?;
    Ok(top)
}

struct Builder {
    stack: Vec<Block>,
    line: u32,
}

fn syntax(msg: String) -> PyError {
    let mut e = PyError::syntax(msg, 0);
    e.col = None;
    e
}

impl Builder {
    fn cur(&mut self) -> &mut Block {
        self.stack.last_mut().expect("a block")
    }

    fn bind(&mut self, name: &str) -> PyResult<()> {
        let line = self.line;
        let b = self.cur();
        let f = b.flags(name);
        if f & DEF_GLOBAL != 0 && f & DEF_LOCAL == 0 && b.kind != BlockKind::Module {
            // `global x` then `x = ...` is fine; the error is the other order (below)
        }
        let _ = line;
        b.add(name, DEF_LOCAL);
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        self.cur().add(name, USE);
    }

    fn declare(&mut self, names: &[String], global: bool) -> PyResult<()> {
        for n in names {
            let b = self.cur();
            let f = b.flags(n);
            let what = if global { "global" } else { "nonlocal" };
            if f & DEF_PARAM != 0 {
                return Err(syntax(format!("name '{n}' is parameter and {what}")));
            }
            if f & DEF_LOCAL != 0 {
                return Err(syntax(format!(
                    "name '{n}' is assigned to before {what} declaration"
                )));
            }
            if f & USE != 0 {
                return Err(syntax(format!(
                    "name '{n}' is used prior to {what} declaration"
                )));
            }
            if global && f & DEF_NONLOCAL != 0 {
                return Err(syntax(format!("name '{n}' is nonlocal and global")));
            }
            if !global && f & DEF_GLOBAL != 0 {
                return Err(syntax(format!("name '{n}' is nonlocal and global")));
            }
            b.add(n, if global { DEF_GLOBAL } else { DEF_NONLOCAL });
        }
        Ok(())
    }

    fn push_child(&mut self, key: usize, block: Block) {
        let parent = self.cur();
        parent.child_order.push(key);
        parent.children.insert(key, block);
    }

    fn stmts(&mut self, body: &[Stmt]) -> PyResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult<()> {
        self.line = s.line;
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let Target::Name(n) = target {
                    self.use_name(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                if self.cur().kind != BlockKind::Function {
                    self.expr(annotation)?;
                }
                if value.is_some() || !matches!(target, Target::Name(_)) {
                    self.target(target)?;
                } else if let Target::Name(n) = target {
                    // `x: int` alone makes x local in a function, without binding it
                    self.bind(n)?;
                }
            }
            StmtKind::Del(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            StmtKind::Import { module, alias } => {
                let n = alias.clone().unwrap_or_else(|| module[0].clone());
                self.bind(&n)?;
            }
            StmtKind::FromImport { names, .. } => {
                for (n, a) in names {
                    if n != "*" {
                        self.bind(a.as_deref().unwrap_or(n))?;
                    }
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { cond, body, orelse } => {
                self.expr(cond)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::If { branches, orelse } => {
                for (c, b) in branches {
                    self.expr(c)?;
                    self.stmts(b)?;
                }
                if let Some(b) = orelse {
                    self.stmts(b)?;
                }
            }
            StmtKind::FunctionDef(d) => self.function_def(d)?,
            StmtKind::ClassDef(c) => self.class_def(c)?,
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::With { items, body } => {
                for (e, t) in items {
                    self.expr(e)?;
                    if let Some(t) = t {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::Global(names) => self.declare(names, true)?,
            StmtKind::Nonlocal(names) => self.declare(names, false)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn params_defaults(&mut self, p: &Params) -> PyResult<()> {
        for x in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &x.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn function_block(&mut self, p: &Params) -> Block {
        let mut b = Block::new(BlockKind::Function);
        let mut add = |n: &str| {
            b.params.push(n.to_string());
            b.add(n, DEF_PARAM);
        };
        for x in p.posonly.iter().chain(&p.args) {
            add(&x.name);
        }
        for x in &p.kwonly {
            add(&x.name);
        }
        if let Some(v) = &p.vararg {
            add(v);
        }
        if let Some(k) = &p.kwarg {
            add(k);
        }
        b
    }

    fn function_def(&mut self, d: &FunctionDef) -> PyResult<()> {
        for e in &d.decorators {
            self.expr(e)?;
        }
        self.params_defaults(&d.params)?;
        self.bind(&d.name)?;
        let block = self.function_block(&d.params);
        self.stack.push(block);
        self.stmts(&d.body)?;
        let block = self.stack.pop().expect("the function block");
        self.push_child(d as *const FunctionDef as usize, block);
        Ok(())
    }

    fn class_def(&mut self, c: &ClassDef) -> PyResult<()> {
        for e in &c.decorators {
            self.expr(e)?;
        }
        self.args(&c.bases)?;
        self.bind(&c.name)?;
        self.stack.push(Block::new(BlockKind::Class));
        self.stmts(&c.body)?;
        let block = self.stack.pop().expect("the class block");
        self.push_child(c as *const ClassDef as usize, block);
        Ok(())
    }

    fn args(&mut self, args: &[Arg]) -> PyResult<()> {
        for a in args {
            match a {
                Arg::Pos(e) | Arg::Kw(_, e) | Arg::Star(e) | Arg::StarStar(e) => self.expr(e)?,
            }
        }
        Ok(())
    }

    /// A `case` pattern: its captures bind, its values and classes are read.
    fn pattern(&mut self, p: &Pattern) -> PyResult<()> {
        match &p.kind {
            PatternKind::Value(e) | PatternKind::Singleton(e) => self.expr(e)?,
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => {
                for p in ps {
                    self.pattern(p)?;
                }
            }
            PatternKind::Star(n) => {
                if let Some(n) = n {
                    self.bind(n)?;
                }
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                for k in keys {
                    self.expr(k)?;
                }
                for p in patterns {
                    self.pattern(p)?;
                }
                if let Some(n) = rest {
                    self.bind(n)?;
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for p in patterns.iter().chain(kwd_patterns) {
                    self.pattern(p)?;
                }
            }
            PatternKind::As { pattern, name } => {
                if let Some(p) = pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = name {
                    self.bind(n)?;
                }
            }
        }
        Ok(())
    }

    fn target(&mut self, t: &Target) -> PyResult<()> {
        match t {
            Target::Name(n) => self.bind(n)?,
            Target::Tuple(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            Target::Starred(t) => self.target(t)?,
            Target::Subscript { obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
            }
            Target::Attribute { obj, .. } => self.expr(obj)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        key: usize,
        gens: &[Comprehension],
        elts: &[&Expr],
        kind: CompKind,
    ) -> PyResult<()> {
        // the outermost iterable is evaluated in the enclosing scope
        self.expr(&gens[0].iter)?;
        let mut block = Block::new(BlockKind::Comprehension);
        block.params.push(".0".into());
        block.add(".0", DEF_PARAM);
        block.generator = kind == CompKind::Generator;
        self.stack.push(block);
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.conds {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        let block = self.stack.pop().expect("the comprehension block");
        self.push_child(key, block);
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> PyResult<()> {
        match e {
            Expr::Name(n) => {
                self.use_name(n);
                if n == "super" && self.cur().kind == BlockKind::Function {
                    self.use_name("__class__");
                }
            }
            Expr::Int(_)
            | Expr::Float(_)
            | Expr::Imag(_)
            | Expr::Str(_)
            | Expr::Bytes(_)
            | Expr::True
            | Expr::False
            | Expr::None
            | Expr::Ellipsis => {}
            Expr::FString(parts) => self.fparts(parts)?,
            Expr::Tuple(xs) | Expr::List(xs) | Expr::Set(xs) | Expr::BoolOp(_, xs) => {
                for x in xs {
                    self.expr(x)?;
                }
            }
            Expr::Dict(kvs) => {
                for (k, v) in kvs {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            Expr::Comp { kind, elt, gens } => {
                if yield_inside(elt, gens).is_some() {
                    let what = match kind {
                        CompKind::List => "list comprehension",
                        CompKind::Set => "set comprehension",
                        CompKind::Generator => "generator expression",
                    };
                    return Err(syntax(format!("'yield' inside {what}")));
                }
                self.comprehension(e as *const Expr as usize, gens, &[elt], *kind)?
            }
            Expr::DictComp { key, value, gens } => {
                if yield_inside(key, gens).is_some() || yield_inside(value, &[]).is_some() {
                    return Err(syntax("'yield' inside dict comprehension".into()));
                }
                self.comprehension(
                    e as *const Expr as usize,
                    gens,
                    &[key, value],
                    CompKind::List,
                )?
            }
            Expr::BinOp(a, _, b) => {
                self.expr(a)?;
                self.expr(b)?;
            }
            Expr::Unary(_, a) | Expr::Not(a) | Expr::Starred(a) | Expr::Attribute(a, _) => {
                self.expr(a)?
            }
            Expr::Compare(a, rest) => {
                self.expr(a)?;
                for (_, x) in rest {
                    self.expr(x)?;
                }
            }
            Expr::IfExp { cond, then, orelse } => {
                self.expr(cond)?;
                self.expr(then)?;
                self.expr(orelse)?;
            }
            Expr::Lambda { params, body } => {
                self.params_defaults(params)?;
                let block = self.function_block(params);
                self.stack.push(block);
                self.expr(body)?;
                let block = self.stack.pop().expect("the lambda block");
                self.push_child(e as *const Expr as usize, block);
            }
            Expr::Call { func, args } => {
                self.expr(func)?;
                self.args(args)?;
            }
            Expr::Subscript(a, i) => {
                self.expr(a)?;
                self.expr(i)?;
            }
            Expr::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p)?;
                }
            }
            Expr::Yield(v) => {
                self.cur().generator = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(v) => {
                self.cur().generator = true;
                self.expr(v)?;
            }
            Expr::NamedExpr(name, v) => {
                self.expr(v)?;
                // binds in the nearest scope that is not a comprehension
                let k = self
                    .stack
                    .iter()
                    .rposition(|b| b.kind != BlockKind::Comprehension)
                    .expect("the module block");
                if k + 1 < self.stack.len() {
                    if self.stack[k].kind == BlockKind::Class {
                        return Err(syntax(
                            "assignment expression within a comprehension cannot be used in a class body"
                                .into(),
                        ));
                    }
                    // the comprehensions in between see it as free
                    self.stack[k].add(name, DEF_LOCAL);
                    for b in &mut self.stack[k + 1..] {
                        b.add(name, DEF_NONLOCAL);
                    }
                    if self.stack[k].kind == BlockKind::Module {
                        for b in &mut self.stack[k + 1..] {
                            if let Some((_, f)) = b.names.iter_mut().find(|(n, _)| n == name) {
                                *f = (*f & !DEF_NONLOCAL) | DEF_GLOBAL;
                            }
                        }
                    }
                } else {
                    self.bind(name)?;
                }
            }
        }
        Ok(())
    }

    fn fparts(&mut self, parts: &[FPart]) -> PyResult<()> {
        for p in parts {
            if let FPart::Expr { expr, spec, .. } = p {
                self.expr(expr)?;
                if let Some(s) = spec {
                    self.fparts(s)?;
                }
            }
        }
        Ok(())
    }
}

/// Whether a comprehension's element or conditions hold a `yield` (not its first iterable).
fn yield_inside(elt: &Expr, gens: &[Comprehension]) -> Option<()> {
    fn has(e: &Expr) -> bool {
        match e {
            Expr::Yield(_) | Expr::YieldFrom(_) => true,
            Expr::Tuple(xs) | Expr::List(xs) | Expr::Set(xs) | Expr::BoolOp(_, xs) => {
                xs.iter().any(has)
            }
            Expr::BinOp(a, _, b) | Expr::Subscript(a, b) => has(a) || has(b),
            Expr::Unary(_, a) | Expr::Not(a) | Expr::Starred(a) | Expr::Attribute(a, _) => has(a),
            Expr::Call { func, args } => {
                has(func)
                    || args.iter().any(|a| match a {
                        Arg::Pos(e) | Arg::Kw(_, e) | Arg::Star(e) | Arg::StarStar(e) => has(e),
                    })
            }
            Expr::IfExp { cond, then, orelse } => has(cond) || has(then) || has(orelse),
            Expr::Compare(a, rest) => has(a) || rest.iter().any(|(_, x)| has(x)),
            _ => false,
        }
    }
    let in_gens = gens
        .iter()
        .enumerate()
        .any(|(i, g)| (i > 0 && has(&g.iter)) || g.conds.iter().any(has));
    (has(elt) || in_gens).then_some(())
}

/// Decides each name's place, CPython's `analyze_block`: `bound` holds the names bound in the
/// enclosing functions (visible to this block), and `__class__` inside a class. Returns the
/// block's free variables.
fn resolve(b: &mut Block, bound: &[String]) -> PyResult<Vec<String>> {
    let mut scopes = HashMap::new();
    for (n, f) in &b.names {
        let w = if f & DEF_GLOBAL != 0 {
            Where::Global
        } else if f & DEF_NONLOCAL != 0 {
            if !bound.contains(n) {
                return Err(syntax(format!("no binding for nonlocal '{n}' found")));
            }
            Where::Free
        } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
            match b.kind {
                BlockKind::Module | BlockKind::Class => Where::Name,
                _ => Where::Local,
            }
        } else if bound.contains(n) {
            Where::Free
        } else {
            match b.kind {
                BlockKind::Module => Where::Name,
                BlockKind::Class => Where::Name,
                _ => Where::Global,
            }
        };
        scopes.insert(n.clone(), w);
    }
    // what children may capture from here
    let mut newbound: Vec<String> = bound.to_vec();
    if matches!(b.kind, BlockKind::Function | BlockKind::Comprehension) {
        for (n, w) in &scopes {
            if matches!(w, Where::Local) && !newbound.contains(n) {
                newbound.push(n.clone());
            }
        }
    }
    if b.kind == BlockKind::Class && !newbound.iter().any(|n| n == "__class__") {
        // methods see the implicit `__class__`, nothing else of the class body
        newbound.push("__class__".into());
    }
    let mut child_free: Vec<String> = Vec::new();
    for key in b.child_order.clone() {
        let child = b.children.get_mut(&key).expect("a child");
        for n in resolve(child, &newbound)? {
            if !child_free.contains(&n) {
                child_free.push(n);
            }
        }
    }
    let mut my_free = Vec::new();
    for n in child_free {
        if b.kind == BlockKind::Class && n == "__class__" {
            b.needs_class_cell = true;
            continue;
        }
        match scopes.get(&n).copied() {
            Some(Where::Local) => {
                scopes.insert(n.clone(), Where::Cell);
            }
            Some(Where::Cell) => {}
            Some(Where::Free) => {}
            Some(Where::Name) if b.kind == BlockKind::Class => {
                // bound in the class body and free in a method: the method sees the
                // enclosing function's variable, the class body its namespace
                if bound.contains(&n) && !my_free.contains(&n) {
                    my_free.push(n.clone());
                }
            }
            _ => {
                if bound.contains(&n) && b.kind != BlockKind::Module {
                    if b.kind == BlockKind::Class && scopes.get(&n) == Some(&Where::Name) {
                        b.class_free.push(n.clone());
                    }
                    if !matches!(scopes.get(&n), Some(Where::Name)) {
                        scopes.insert(n.clone(), Where::Free);
                    }
                    if !my_free.contains(&n) {
                        my_free.push(n);
                    }
                }
            }
        }
    }
    // a class body reading a name that is free in it: namespace first, then the cell
    if b.kind == BlockKind::Class {
        for (n, w) in scopes.iter_mut() {
            if *w == Where::Free && !b.class_free.contains(n) {
                b.class_free.push(n.clone());
            }
            let _ = w;
        }
    }
    // parameters that are captured stay parameters (copied into their cell at entry)
    for (n, w) in &scopes {
        match w {
            Where::Cell => b.cellvars.push(n.clone()),
            Where::Free if !my_free.contains(n) => my_free.push(n.clone()),
            _ => {}
        }
    }
    // deterministic order: by first appearance
    let order: Vec<String> = b.names.iter().map(|(n, _)| n.clone()).collect();
    let pos = |n: &String| order.iter().position(|m| m == n).unwrap_or(usize::MAX);
    b.cellvars.sort_by_key(pos);
    if b.needs_class_cell {
        b.cellvars.push("__class__".into());
    }
    my_free.sort_by_key(pos);
    b.freevars = my_free.clone();
    b.scopes = scopes;
    Ok(my_free)
}
