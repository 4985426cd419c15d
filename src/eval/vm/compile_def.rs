//! The compiler's functions and classes: code objects for `def`, `lambda` and class bodies,
//! their defaults and closures (CPython's MAKE_FUNCTION).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::object::consts::is_const;
use crate::eval::vm::code::{Code, CodeKind, Op};
use crate::eval::vm::compile::Compiler;
use crate::eval::vm::symtable::Block;
use crate::syntax::ast::{ClassDef, Expr, FunctionDef, Params, Stmt, StmtKind};

impl<'b> Compiler<'_, 'b> {
    /// Pushes defaults and the closure, then makes the function (CPython's MAKE_FUNCTION).
    pub fn make_function(&mut self, code: Rc<Code>, params: &'b Params) -> PyResult<()> {
        let mut flags = 0;
        let defaults: Vec<&Expr> = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            let all = Expr::Tuple(defaults.iter().map(|e| (*e).clone()).collect());
            if is_const(&all) {
                self.load_const(&all);
            } else {
                for d in &defaults {
                    self.expr(d)?;
                }
                self.emit(Op::BuildTuple(defaults.len() as u32));
            }
            flags |= 1;
        }
        let kwdefaults: Vec<(&str, &Expr)> = params
            .kwonly
            .iter()
            .filter_map(|p| p.default.as_ref().map(|d| (p.name.as_str(), d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                self.load_const(&Expr::Str(n.to_string()));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        if !code.freevars.is_empty() {
            for n in code.freevars.clone().iter() {
                let i = self.cell_index(n);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            flags |= 8;
        }
        let u = self.unit();
        u.codes.push(code);
        let k = (u.codes.len() - 1) as u32;
        self.emit(Op::MakeFunction(k, flags));
        Ok(())
    }

    /// The qualified name of something defined in the current unit.
    pub fn qualname_of(&self, name: &str) -> Rc<str> {
        let u = self.units.last().expect("a unit");
        match u.kind {
            CodeKind::Module => Rc::from(name),
            CodeKind::Class => Rc::from(format!("{}.{name}", u.qualname)),
            _ => Rc::from(format!("{}.<locals>.{name}", u.qualname)),
        }
    }

    /// Compiles a function body (or a lambda's expression) in its own unit.
    pub fn function_code(
        &mut self,
        block: &'b Block,
        kind: CodeKind,
        name: &str,
        params: &'b Params,
        body: FnBody<'b>,
    ) -> PyResult<Rc<Code>> {
        let qualname = self.qualname_of(name);
        self.enter(block, kind, Rc::from(name), qualname);
        match &body {
            FnBody::Stmts(stmts) => {
                self.stmts(stmts)?;
                self.emit(Op::LoadNone);
                self.emit(Op::Return);
            }
            FnBody::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Return);
            }
        }
        let names: Vec<&str> = block.params.iter().map(|s| s.as_str()).collect();
        let code = self.leave(&names);
        let mut code = Rc::try_unwrap(code).unwrap_or_else(|_| unreachable!("a fresh code"));
        code.posonlycount = params.posonly.len() as u32;
        code.argcount = (params.posonly.len() + params.args.len()) as u32;
        code.kwonlycount = params.kwonly.len() as u32;
        code.varargs = params.vararg.is_some();
        code.varkw = params.kwarg.is_some();
        code.signature = Rc::from(params.to_string());
        if let FnBody::Stmts(stmts) = &body
            && let Some(first) = stmts.first()
            && let StmtKind::Expr(Expr::Str(s)) = &first.kind
        {
            code.doc = Some(Rc::from(s.as_str()));
        }
        code.source = Rc::from(match body {
            FnBody::Stmts(_) => format!("def {name}({params}): ..."),
            FnBody::Expr(e) => format!("lambda {params}: {e}"),
        });
        Ok(Rc::new(code))
    }

    pub(super) fn function_def(&mut self, d: &'b FunctionDef) -> PyResult<()> {
        for dec in &d.decorators {
            self.expr(dec)?;
        }
        let block = self.block().child(d as *const FunctionDef as usize);
        let code = self.function_code(
            block,
            CodeKind::Function,
            &d.name,
            &d.params,
            FnBody::Stmts(&d.body),
        )?;
        self.make_function(code, &d.params)?;
        for _ in &d.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&d.name);
        Ok(())
    }

    pub(super) fn class_def(&mut self, c: &'b ClassDef) -> PyResult<()> {
        for dec in &c.decorators {
            self.expr(dec)?;
        }
        let block = self.block().child(c as *const ClassDef as usize);
        let qualname = self.qualname_of(&c.name);
        self.enter(block, CodeKind::Class, Rc::from(c.name.as_str()), qualname);
        self.stmts(&c.body)?;
        if block.needs_class_cell {
            let i = self.cell_index("__class__");
            self.emit(Op::LoadClosure(i));
        } else {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::Return);
        let code = self.leave(&[]);
        // the body function, the name, then the bases and keywords as call arguments
        self.make_function(code, &NO_PARAMS)?;
        self.load_const(&Expr::Str(c.name.clone()));
        for b in &c.bases {
            match b {
                crate::syntax::ast::Arg::Pos(e) => self.expr(e)?,
                _ => {
                    return Err(PyError::not_implemented(
                        "arrsh does not support class keywords or unpacked bases",
                    ));
                }
            }
        }
        self.emit(Op::BuildClass(c.bases.len() as u32));
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }
}

/// A class body's (empty) parameter list.
static NO_PARAMS: Params = Params {
    posonly: Vec::new(),
    args: Vec::new(),
    vararg: None,
    kwonly: Vec::new(),
    kwarg: None,
};

/// A function's body: statements, or a lambda's expression.
pub(super) enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}
