//! The compiler: a top-level statement's AST → `Code`, statement by statement, in CPython 3.11's
//! shapes (its `compile.c`): loops keep their iterator on a stack, `try`/`with` push handler
//! blocks, and `return`/`break`/`continue` unwind the blocks they leave at compile time
//! (finally bodies are copied onto those paths). Loops, `try` and `with` are in `compile_flow`, `match` in `compile_match`,
//! functions and classes in `compile_def`, expressions in `compile_expr`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::object::consts::is_const;
use crate::eval::vm::code::{Code, CodeKind, ConstPool, Op};
use crate::eval::vm::compile_flow::Exit;
use crate::eval::vm::compile_warn;
use crate::eval::vm::globals::Globals;
use crate::eval::vm::symtable::{self, Block, BlockKind, Where};
use crate::syntax::ast::{Expr, Stmt, StmtKind, Target};

/// What a `return`, `break` or `continue` must undo on its way out (CPython's fblocks).
#[derive(Clone)]
pub(super) enum FBlock<'b> {
    /// A `for` loop (its iterator is on the iterator stack) or a `while` loop.
    Loop {
        is_for: bool,
        continue_to: usize,
        breaks: Vec<usize>,
    },
    /// Inside `try` whose handlers are set up.
    TryExcept,
    /// Inside `try` with a `finally` body to run on the way out.
    TryFinally(&'b [Stmt]),
    /// Running a `finally` body for an exception (it is on the stack and being handled).
    FinallyEnd,
    /// Inside an `except` handler (the exception is being handled; `as` name to clear).
    Handler(Option<String>),
    /// Inside a `with` body (its `__exit__` is on the stack).
    With,
    /// Inside an `except*` handler, which no jump may leave.
    StarHandler,
}

/// One code object being built.
pub(super) struct Unit<'b> {
    pub block: &'b Block,
    pub kind: CodeKind,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    pub consts: Vec<Expr>,
    pub names: Vec<Rc<str>>,
    pub texts: Vec<Rc<str>>,
    pub display_flags: Vec<Vec<bool>>,
    pub kwnames: Vec<Vec<Rc<str>>>,
    pub codes: Vec<Rc<Code>>,
    pub varnames: Vec<Rc<str>>,
    pub cells: Vec<Rc<str>>,
    pub ncellvars: usize,
    pub fblocks: Vec<FBlock<'b>>,
    pub line: u32,
    pub depth: i32,
    pub max_depth: i32,
    /// How many more values CPython 3.11's value stack holds here than arrsh's: the previous
    /// exception `PUSH_EXC_INFO` saves and the `lasti` of handlers (arrsh keeps both
    /// elsewhere), the NULL under a callable, `AssertionError` under its message, a
    /// comprehension's function under its iterable. They count toward `co_stacksize` as
    /// CPython's `stackdepth` finds it (negative where arrsh holds a value CPython does not
    /// yet).
    pub hidden: i32,
    /// For each handler being compiled, the depth CPython's cleanup block reaches
    /// (`SETUP_CLEANUP`'s target: the handler's depth, `lasti` and the new exception; then
    /// `COPY 3`), and whether the handler has a hidden `lasti` of its own.
    pub cleanup_peaks: Vec<(i32, bool)>,
}

/// Compiles one statement of a cell. The last statement of a cell, when it is an expression,
/// is compiled with `value` set: its code returns the value (IPython displays it).
/// The `SyntaxWarning`s compiling it gave come with it, each with its line.
pub fn compile_stmt(
    stmt: &Stmt,
    value: bool,
    globals: &mut Globals,
) -> PyResult<(Rc<Code>, compile_warn::SyntaxWarnings)> {
    let table = symtable::analyse(stmt).map_err(|e| at_line(e, stmt.line))?;
    let pool = Rc::new(ConstPool::default());
    let mut c = Compiler {
        globals,
        pool,
        units: Vec::new(),
        warnings: Vec::new(),
    };
    c.enter(
        &table,
        CodeKind::Module,
        "<module>".into(),
        "<module>".into(),
    );
    c.unit().line = stmt.line;
    match (&stmt.kind, value) {
        (StmtKind::Expr(e), true) => {
            c.expr(e)?;
            c.emit(Op::Return);
        }
        _ => {
            c.stmt(stmt)?;
            c.emit(Op::LoadNone);
            c.emit(Op::Return);
        }
    }
    let code = c.leave(&[]);
    Ok((code, c.warnings))
}

fn at_line(mut e: PyError, line: u32) -> PyError {
    if e.line.is_none() {
        e.line = Some(line);
    }
    e
}

pub(super) struct Compiler<'g, 'b> {
    pub globals: &'g mut Globals,
    pub pool: Rc<ConstPool>,
    pub units: Vec<Unit<'b>>,
    /// Compile-time `SyntaxWarning`s (`compile_warn`), with their lines.
    pub warnings: compile_warn::SyntaxWarnings,
}

impl<'g, 'b> Compiler<'g, 'b> {
    pub fn unit(&mut self) -> &mut Unit<'b> {
        self.units.last_mut().expect("a unit")
    }

    pub fn block(&self) -> &'b Block {
        self.units.last().expect("a unit").block
    }

    pub fn enter(&mut self, block: &'b Block, kind: CodeKind, name: Rc<str>, qualname: Rc<str>) {
        let varnames: Vec<Rc<str>> = if matches!(kind, CodeKind::Module | CodeKind::Class) {
            Vec::new()
        } else {
            block.varnames().into_iter().map(Rc::from).collect()
        };
        let mut cells: Vec<Rc<str>> = block
            .cellvars
            .iter()
            .map(|s| Rc::from(s.as_str()))
            .collect();
        let ncellvars = cells.len();
        cells.extend(block.freevars.iter().map(|s| Rc::from(s.as_str())));
        let line = self.units.last().map_or(1, |u| u.line);
        self.units.push(Unit {
            block,
            kind,
            name,
            qualname,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            texts: Vec::new(),
            display_flags: Vec::new(),
            kwnames: Vec::new(),
            codes: Vec::new(),
            varnames,
            cells,
            ncellvars,
            fblocks: Vec::new(),
            line,
            depth: 0,
            max_depth: 0,
            hidden: 0,
            cleanup_peaks: Vec::new(),
        });
    }

    /// Finishes the innermost unit.
    pub fn leave(&mut self, params: &[&str]) -> Rc<Code> {
        let u = self.units.pop().expect("a unit");
        let cell_params = u.cells[..u.ncellvars]
            .iter()
            .enumerate()
            .filter_map(|(ci, n)| {
                params
                    .iter()
                    .position(|p| **p == **n)
                    .map(|pi| (ci as u32, pi as u32))
            })
            .collect();
        let generator = u.block.generator && u.kind != CodeKind::Module;
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            kind: u.kind,
            ops: u.ops,
            lines: u.lines,
            cache: RefCell::new(vec![None; u.consts.len()]),
            consts: u.consts,
            pool: self.pool.clone(),
            names: u.names,
            texts: u.texts,
            display_flags: u.display_flags,
            kwnames: u.kwnames,
            codes: u.codes,
            varnames: u.varnames,
            cellvars: u.cells[..u.ncellvars].to_vec(),
            freevars: u.cells[u.ncellvars..].to_vec(),
            cell_params,
            argcount: 0,
            posonlycount: 0,
            kwonlycount: 0,
            varargs: false,
            varkw: false,
            generator,
            signature: Rc::from(""),
            source: Rc::from(""),
            doc: None,
            stacksize: u.max_depth.max(1) as u32,
        })
    }

    pub fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        u.depth += stack_effect(op);
        u.max_depth = u.max_depth.max(u.depth + u.hidden);
        u.ops.push(op);
        u.lines.push(u.line);
        u.ops.len() - 1
    }

    pub fn here(&mut self) -> usize {
        self.unit().ops.len()
    }

    /// Points the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: usize) {
        let t = target as u32;
        let op = &mut self.unit().ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(t),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(t),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(t),
            Op::PopJumpIfNone(_) => Op::PopJumpIfNone(t),
            Op::PopJumpIfNotNone(_) => Op::PopJumpIfNotNone(t),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(t),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(t),
            Op::ForIter(_) => Op::ForIter(t),
            Op::ForIterUnpack(n, _) => Op::ForIterUnpack(n, t),
            Op::SetupFinally(_) => Op::SetupFinally(t),
            Op::Send(_) => Op::Send(t),
            other => unreachable!("not a jump: {other:?}"),
        };
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        u.names.push(Rc::from(name));
        (u.names.len() - 1) as u32
    }

    pub fn const_index(&mut self, e: &Expr) -> u32 {
        let u = self.unit();
        u.consts.push(e.clone());
        (u.consts.len() - 1) as u32
    }

    pub fn load_const(&mut self, e: &Expr) {
        match e {
            Expr::None => {
                self.emit(Op::LoadNone);
            }
            _ => {
                let k = self.const_index(e);
                self.emit(Op::LoadConst(k));
            }
        }
    }

    pub(super) fn cell_index(&self, name: &str) -> u32 {
        let u = self.units.last().expect("a unit");
        u.cells
            .iter()
            .position(|n| &**n == name)
            .expect("a cell or free variable the symbol table found") as u32
    }

    fn fast_index(&self, name: &str) -> u32 {
        let u = self.units.last().expect("a unit");
        u.varnames
            .iter()
            .position(|n| &**n == name)
            .expect("a local the symbol table found") as u32
    }

    /// Loads a name from where the symbol table put it.
    pub fn load_name(&mut self, name: &str) {
        let block = self.block();
        let op = match block.lookup(name) {
            Where::Local => Op::LoadFast(self.fast_index(name)),
            Where::Cell => Op::LoadDeref(self.cell_index(name)),
            Where::Free if block.kind == BlockKind::Class => {
                let n = self.name_index(name);
                Op::LoadClassDeref(n, self.cell_index(name))
            }
            Where::Free => Op::LoadDeref(self.cell_index(name)),
            Where::Global => Op::LoadGlobal(self.globals.slot(name)),
            Where::Name if block.kind == BlockKind::Class => {
                let n = self.name_index(name);
                Op::LoadName(n, self.globals.slot(name))
            }
            Where::Name => Op::LoadGlobal(self.globals.slot(name)),
        };
        self.emit(op);
    }

    pub fn store_name(&mut self, name: &str) {
        let block = self.block();
        let op = match block.lookup(name) {
            Where::Local => Op::StoreFast(self.fast_index(name)),
            Where::Cell | Where::Free => Op::StoreDeref(self.cell_index(name)),
            Where::Global => Op::StoreGlobal(self.globals.slot(name)),
            Where::Name if block.kind == BlockKind::Class => Op::StoreName(self.name_index(name)),
            Where::Name => Op::StoreGlobal(self.globals.slot(name)),
        };
        self.emit(op);
    }

    pub fn delete_name(&mut self, name: &str) {
        let block = self.block();
        let op = match block.lookup(name) {
            Where::Local => Op::DeleteFast(self.fast_index(name)),
            Where::Cell | Where::Free => Op::DeleteDeref(self.cell_index(name)),
            Where::Global => Op::DeleteGlobal(self.globals.slot(name)),
            Where::Name if block.kind == BlockKind::Class => {
                let n = self.name_index(name);
                Op::DeleteName(n, self.globals.slot(name))
            }
            Where::Name => Op::DeleteGlobal(self.globals.slot(name)),
        };
        self.emit(op);
    }

    // ---------------------------------------------------------------- statements

    pub fn stmts(&mut self, body: &'b [Stmt]) -> PyResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'b Stmt) -> PyResult<()> {
        self.unit().line = s.line;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value)?,
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                }
                // module and class level annotations are evaluated (and stored, unmodelled)
                if self.block().kind != BlockKind::Function {
                    self.expr(annotation)?;
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Del(ts) => {
                for t in ts {
                    self.delete(t)?;
                }
            }
            StmtKind::Import { module, alias } => {
                let full = module.join(".");
                let n = self.name_index(&full);
                self.emit(Op::ImportName(n, alias.is_some() as u32));
                self.store_name(alias.as_deref().unwrap_or(&module[0]));
            }
            // the parser checked the feature names; every feature is on in arrsh (deliberate
            // difference: the name, a `__future__._Feature` in CPython, is not bound)
            StmtKind::FromImport { module, .. } if module == &["__future__"] => {}
            StmtKind::FromImport { module, names } => {
                let full = module.join(".");
                let n = self.name_index(&full);
                self.emit(Op::ImportName(n, 1));
                for (name, alias) in names {
                    if name == "*" {
                        self.emit(Op::ImportStar);
                        return Ok(());
                    }
                    let k = self.name_index(name);
                    self.emit(Op::ImportFrom(k));
                    self.store_name(alias.as_deref().unwrap_or(name));
                }
                self.emit(Op::Pop);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_loop(target, iter, body, orelse)?,
            StmtKind::While { cond, body, orelse } => self.while_loop(cond, body, orelse)?,
            StmtKind::If { branches, orelse } => {
                let mut ends = Vec::new();
                for (cond, body) in branches {
                    self.expr(cond)?;
                    let skip = self.emit(Op::PopJumpIfFalse(0));
                    self.stmts(body)?;
                    ends.push(self.emit(Op::Jump(0)));
                    let h = self.here();
                    self.patch(skip, h);
                }
                if let Some(b) = orelse {
                    self.stmts(b)?;
                }
                let end = self.here();
                for j in ends {
                    self.patch(j, end);
                }
            }
            StmtKind::FunctionDef(d) => self.function_def(d)?,
            StmtKind::ClassDef(c) => self.class_def(c)?,
            StmtKind::Return(v) => {
                match v {
                    Some(e) => self.expr(e)?,
                    None => {
                        self.emit(Op::LoadNone);
                    }
                }
                self.unwind(Exit::Return)?;
                self.emit(Op::Return);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                self.syntax_warning(compile_warn::assert_warning(test));
                self.expr(test)?;
                let ok = self.emit(Op::PopJumpIfTrue(0));
                // CPython loads AssertionError first (LOAD_ASSERTION_ERROR), under the message
                self.unit().hidden += 1;
                match msg {
                    Some(m) => {
                        self.expr(m)?;
                        self.emit(Op::RaiseAssert(1));
                    }
                    None => {
                        self.emit(Op::RaiseAssert(0));
                    }
                }
                self.unit().hidden -= 1;
                let h = self.here();
                self.patch(ok, h);
            }
            StmtKind::With { items, body } => self.with_stmt(items, body)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => {}
            StmtKind::Break => {
                self.unwind(Exit::Break)?;
            }
            StmtKind::Continue => {
                self.unwind(Exit::Continue)?;
            }
        }
        Ok(())
    }

    fn assign(&mut self, targets: &'b [Target], value: &'b Expr) -> PyResult<()> {
        // `a, b = x, y` swaps on the stack without a tuple (CPython's optimisation for up to
        // three plain targets and no stars)
        if let ([Target::Tuple(ts)], Expr::Tuple(vs)) = (targets, value)
            && ts.len() == vs.len()
            && ts.len() <= 3
            && !is_const(value)
            && !ts.iter().any(|t| matches!(t, Target::Starred(_)))
            && !vs.iter().any(|v| matches!(v, Expr::Starred(_)))
        {
            for v in vs {
                self.expr(v)?;
            }
            match ts.len() {
                2 => {
                    self.emit(Op::Swap(2));
                }
                3 => {
                    self.emit(Op::Swap(3));
                }
                _ => {}
            }
            for t in ts {
                self.store(t)?;
            }
            return Ok(());
        }
        self.expr(value)?;
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                self.emit(Op::Dup);
            }
            self.store(t)?;
        }
        Ok(())
    }

    /// Stores the value on top into a target.
    pub fn store(&mut self, t: &'b Target) -> PyResult<()> {
        match t {
            Target::Name(n) => self.store_name(n),
            Target::Tuple(ts) => {
                match ts.iter().position(|t| matches!(t, Target::Starred(_))) {
                    Some(k) => {
                        self.emit(Op::UnpackEx(k as u32, (ts.len() - k - 1) as u32));
                    }
                    None => {
                        self.emit(Op::UnpackSequence(ts.len() as u32));
                    }
                }
                for t in ts {
                    self.store(t)?;
                }
            }
            Target::Starred(t) => self.store(t)?,
            Target::Subscript { obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Op::StoreSubscr);
            }
            Target::Attribute { obj, name } => {
                self.expr(obj)?;
                let n = self.name_index(name);
                self.emit(Op::StoreAttr(n));
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &'b Target) -> PyResult<()> {
        match t {
            Target::Name(n) => self.delete_name(n),
            Target::Tuple(ts) => {
                for t in ts {
                    self.delete(t)?;
                }
            }
            Target::Starred(t) => self.delete(t)?,
            Target::Subscript { obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Op::DeleteSubscr);
            }
            Target::Attribute { obj, name } => {
                self.expr(obj)?;
                let n = self.name_index(name);
                self.emit(Op::DeleteAttr(n));
            }
        }
        Ok(())
    }

    fn aug_assign(
        &mut self,
        target: &'b Target,
        op: crate::syntax::ast::BinOp,
        value: &'b Expr,
    ) -> PyResult<()> {
        match target {
            Target::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.store_name(n);
            }
            Target::Subscript { obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Op::Copy(2));
                self.emit(Op::Copy(2));
                self.emit(Op::BinarySubscr);
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                // [obj, index, new] -> [new, obj, index]
                self.emit(Op::Swap(3));
                self.emit(Op::Swap(2));
                self.emit(Op::StoreSubscr);
            }
            Target::Attribute { obj, name } => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let n = self.name_index(name);
                self.emit(Op::LoadAttr(n));
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Swap(2));
                self.emit(Op::StoreAttr(n));
            }
            Target::Tuple(_) | Target::Starred(_) => {
                return Err(PyError::syntax(
                    "'tuple' is an illegal expression for augmented assignment",
                    0,
                ));
            }
        }
        Ok(())
    }
}

/// How an instruction changes the depth of the value stack (for `co_stacksize`).
fn stack_effect(op: Op) -> i32 {
    use Op::*;
    match op {
        LoadConst(_) | LoadNone | LoadFast(_) | LoadDeref(_) | LoadClosure(_)
        | LoadClassDeref(..) | LoadGlobal(_) | LoadName(..) | Dup | Copy(_) => 1,
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | Pop => -1,
        StoreAttr(_) => -2,
        StoreSubscr => -3,
        DeleteSubscr => -2,
        DeleteAttr(_) => -1,
        LoadMethod(_) => 1,
        CallMethod(n) => -(n as i32) - 1,
        BinarySubscr | Binary(_) | Inplace(_) | Compare(_) => -1,
        BuildTuple(n) | BuildList(n) | BuildSet(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        BuildSlice(n) => 1 - n as i32,
        BuildTupleUnpack(n, _) | BuildListDisplay(n, _) | BuildSetDisplay(n, _) => 1 - n as i32,
        BuildDictDisplay(n) => 1 - 2 * n as i32,
        DictMerge | DictUpdate | ListAppend(_) | SetAdd(_) => -1,
        MapAdd(_) => -2,
        PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => -1,
        CheckEgMatch => 0,
        PrepReraiseStar => -1,
        GetIter => 0,
        PopIter => -1,
        ForIter(_) => 1,
        ForIterUnpack(n, _) => n as i32,
        Call(n) => -(n as i32),
        CallKw(n, _) => -(n as i32),
        CallEx => -2,
        MakeFunction(_, f) => -((f & 1 != 0) as i32 + (f & 2 != 0) as i32 + (f & 8 != 0) as i32),
        BuildClass(n) => -1 - n as i32,
        Return => -1,
        Raise(n) => -(n as i32),
        CheckExcMatch => 0,
        RaiseAssert(n) => -(n as i32),
        BeforeWith => 1,
        WithExit => -1,
        WithExceptStart => 1,
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(a, b) => (a + b) as i32,
        ImportName(..) => 1,
        ImportFrom(_) => 1,
        ImportStar => -1,
        MatchSequence | MatchMapping | GetLen | MatchKeys => 1,
        MatchClass(_) => -2,
        FField(..) => -1,
        FEnd => 1,
        Reraise => -1,
        _ => 0,
    }
}
