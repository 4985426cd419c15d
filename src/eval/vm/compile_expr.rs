//! The compiler's expressions: operands pushed left to right, then the operation (CPython 3.11's
//! order of evaluation), constants folded as its AST optimiser folds them, comprehensions and
//! lambdas as code objects of their own.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::object::consts::is_const;
use crate::eval::vm::code::{CodeKind, Op};
use crate::eval::vm::compile::Compiler;
use crate::eval::vm::compile_def::FnBody;
use crate::eval::vm::compile_warn;
use crate::syntax::ast::{Arg, BoolOp, CompKind, Comprehension, Expr, FPart};

impl<'g, 'b> Compiler<'g, 'b> {
    pub fn expr(&mut self, e: &'b Expr) -> PyResult<()> {
        match e {
            Expr::Name(n) => self.load_name(n),
            Expr::Int(_)
            | Expr::Float(_)
            | Expr::Imag(_)
            | Expr::Str(_)
            | Expr::Bytes(_)
            | Expr::True
            | Expr::False
            | Expr::None
            | Expr::Ellipsis => self.load_const(e),
            Expr::FString(parts) => {
                self.emit(Op::FStart);
                self.fparts(parts)?;
                self.emit(Op::FEnd);
            }
            Expr::Tuple(xs) if is_const(e) => {
                let _ = xs;
                self.load_const(e)
            }
            Expr::Tuple(xs) => {
                if xs.iter().any(|x| matches!(x, Expr::Starred(_))) {
                    let k = self.items_with_stars(xs, false)?;
                    self.emit(Op::BuildTupleUnpack(xs.len() as u32, k));
                } else {
                    for x in xs {
                        self.expr(x)?;
                    }
                    self.emit(Op::BuildTuple(xs.len() as u32));
                }
            }
            Expr::List(xs) => {
                let all_const = xs.iter().all(is_const);
                let k = self.items_with_stars(xs, all_const)?;
                self.emit(Op::BuildListDisplay(xs.len() as u32, k));
            }
            Expr::Set(xs) => {
                let all_const = xs.iter().all(is_const);
                let k = self.items_with_stars(xs, all_const)?;
                self.emit(Op::BuildSetDisplay(xs.len() as u32, k));
            }
            Expr::Dict(kvs) => self.dict_display(kvs)?,
            Expr::Comp { kind, elt, gens } => {
                self.comprehension(e, *kind, CompElt::One(elt), gens)?
            }
            Expr::DictComp { key, value, gens } => {
                self.comprehension(e, CompKind::List, CompElt::Pair(key, value), gens)?
            }
            Expr::BinOp(..) | Expr::Unary(..) if is_const(e) => self.load_const(e),
            Expr::BinOp(a, op, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.emit(Op::Binary(*op));
            }
            Expr::Unary(op, a) => {
                self.expr(a)?;
                self.emit(Op::Unary(*op));
            }
            Expr::Not(a) => {
                self.expr(a)?;
                self.emit(Op::Not);
            }
            Expr::Compare(first, rest) => {
                self.syntax_warning(compile_warn::compare_warning(first, rest));
                self.expr(first)?;
                let mut cleanups = Vec::new();
                for (i, (op, x)) in rest.iter().enumerate() {
                    self.expr(x)?;
                    if i + 1 < rest.len() {
                        // keep the right operand for the next comparison
                        self.emit(Op::Swap(2));
                        self.emit(Op::Copy(2));
                        self.emit(Op::Compare(*op));
                        cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                    } else {
                        self.emit(Op::Compare(*op));
                    }
                }
                if !cleanups.is_empty() {
                    let end = self.emit(Op::Jump(0));
                    let c = self.here();
                    for j in cleanups {
                        self.patch(j, c);
                    }
                    // the false result is on top of the operand kept for the next comparison
                    self.emit(Op::Swap(2));
                    self.emit(Op::Pop);
                    let h = self.here();
                    self.patch(end, h);
                }
            }
            Expr::BoolOp(op, xs) => {
                let mut jumps = Vec::new();
                for (i, x) in xs.iter().enumerate() {
                    self.expr(x)?;
                    if i + 1 < xs.len() {
                        jumps.push(self.emit(match op {
                            BoolOp::And => Op::JumpIfFalseOrPop(0),
                            BoolOp::Or => Op::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            Expr::IfExp { cond, then, orelse } => {
                self.expr(cond)?;
                let skip = self.emit(Op::PopJumpIfFalse(0));
                self.expr(then)?;
                let end = self.emit(Op::Jump(0));
                let h = self.here();
                self.patch(skip, h);
                self.unit().depth -= 1;
                self.expr(orelse)?;
                let h = self.here();
                self.patch(end, h);
            }
            Expr::Lambda { params, body } => {
                let block = self.block().child(e as *const Expr as usize);
                let code = self.function_code(
                    block,
                    CodeKind::Lambda,
                    "<lambda>",
                    params,
                    FnBody::Expr(body),
                )?;
                self.make_function(code, params)?;
            }
            Expr::Call { func, args } => self.call(func, args)?,
            Expr::Attribute(obj, name) => {
                self.expr(obj)?;
                let n = self.name_index(name);
                self.emit(Op::LoadAttr(n));
            }
            Expr::Subscript(obj, index) => {
                self.syntax_warning(compile_warn::subscript_warning(obj, index));
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Op::BinarySubscr);
            }
            Expr::Slice { lower, upper, step } => {
                for p in [lower, upper, step] {
                    match p {
                        Some(x) => self.expr(x)?,
                        None => {
                            self.emit(Op::LoadNone);
                        }
                    }
                }
                self.emit(Op::BuildSlice(3));
            }
            Expr::Starred(_) => {
                return Err(PyError::syntax("can't use starred expression here", 0));
            }
            Expr::Yield(v) => {
                match v {
                    Some(x) => self.expr(x)?,
                    None => {
                        self.emit(Op::LoadNone);
                    }
                }
                self.emit(Op::Yield);
            }
            Expr::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter);
                self.emit(Op::LoadNone);
                let top = self.here();
                let send = self.emit(Op::Send(0));
                self.emit(Op::Yield);
                self.emit(Op::Jump(top as u32));
                let end = self.here();
                self.patch(send, end);
                // SEND's jump leaves the result where the iterator was
                self.unit().depth -= 1;
            }
            Expr::NamedExpr(name, v) => {
                self.expr(v)?;
                self.emit(Op::Dup);
                self.store_name(name);
            }
        }
        Ok(())
    }

    /// A dict display, as CPython compiles it: runs of `k: v` pairs build a dict, and each
    /// `**mapping` (and each later run) updates the first one in order.
    fn dict_display(&mut self, kvs: &'b [(Option<Expr>, Expr)]) -> PyResult<()> {
        let mut built = false;
        for run in kvs.chunk_by(|a, b| a.0.is_some() == b.0.is_some()) {
            if run[0].0.is_none() {
                if !built {
                    self.emit(Op::BuildDictDisplay(0));
                    built = true;
                }
                for (_, m) in run {
                    self.expr(m)?;
                    self.emit(Op::DictUpdate);
                }
                continue;
            }
            for (k, v) in run {
                self.expr(k.as_ref().expect("a pair has a key"))?;
                self.expr(v)?;
            }
            self.emit(Op::BuildDictDisplay(run.len() as u32));
            if built {
                self.emit(Op::DictUpdate);
            }
            built = true;
        }
        if !built {
            self.emit(Op::BuildDictDisplay(0));
        }
        Ok(())
    }

    /// Pushes display items (starred ones as their iterables); returns the index of the flags
    /// saying which are starred, with `all_const` appended.
    fn items_with_stars(&mut self, xs: &'b [Expr], all_const: bool) -> PyResult<u32> {
        let mut flags = Vec::with_capacity(xs.len() + 1);
        for x in xs {
            match x {
                Expr::Starred(inner) => {
                    self.expr(inner)?;
                    flags.push(true);
                }
                other => {
                    self.expr(other)?;
                    flags.push(false);
                }
            }
        }
        flags.push(all_const);
        let u = self.unit();
        u.display_flags.push(flags);
        Ok((u.display_flags.len() - 1) as u32)
    }

    fn fparts(&mut self, parts: &'b [FPart]) -> PyResult<()> {
        for p in parts {
            match p {
                FPart::Lit(t) => {
                    let u = self.unit();
                    u.texts.push(Rc::from(t.as_str()));
                    let k = (u.texts.len() - 1) as u32;
                    self.emit(Op::FLit(k));
                }
                FPart::Expr {
                    expr,
                    conversion,
                    spec,
                    echo,
                } => {
                    self.expr(expr)?;
                    if let Some(src) = echo {
                        let u = self.unit();
                        u.texts.push(Rc::from(src.as_str()));
                        let k = (u.texts.len() - 1) as u32;
                        self.emit(Op::FLit(k));
                    }
                    // `{x=}` without a conversion or spec shows the repr
                    let conv = match conversion {
                        Some(c) => *c as u8,
                        None if echo.is_some() && spec.is_none() => b'r',
                        None => 0,
                    };
                    if let Some(sp) = spec {
                        self.emit(Op::FStart);
                        self.fparts(sp)?;
                    }
                    self.emit(Op::FField(conv, spec.is_some()));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, func: &'b Expr, args: &'b [Arg]) -> PyResult<()> {
        self.syntax_warning(compile_warn::caller_warning(func));
        let simple = args.iter().all(|a| matches!(a, Arg::Pos(_)));
        let no_stars = args.iter().all(|a| matches!(a, Arg::Pos(_) | Arg::Kw(..)));
        if simple && let Expr::Attribute(obj, name) = func {
            self.expr(obj)?;
            let n = self.name_index(name);
            self.emit(Op::LoadMethod(n));
            for a in args {
                if let Arg::Pos(e) = a {
                    self.expr(e)?;
                }
            }
            self.emit(Op::CallMethod(args.len() as u32));
            return Ok(());
        }
        // CPython 3.11 has a NULL under the callable (PUSH_NULL, LOAD_GLOBAL's NULL + name)
        self.unit().hidden += 1;
        let r = self.call_rest(func, args, simple, no_stars);
        self.unit().hidden -= 1;
        r
    }

    /// A call's callable and arguments, then the call.
    fn call_rest(
        &mut self,
        func: &'b Expr,
        args: &'b [Arg],
        simple: bool,
        no_stars: bool,
    ) -> PyResult<()> {
        self.expr(func)?;
        if simple {
            for a in args {
                if let Arg::Pos(e) = a {
                    self.expr(e)?;
                }
            }
            self.emit(Op::Call(args.len() as u32));
            return Ok(());
        }
        if no_stars {
            let mut names = Vec::new();
            for a in args {
                match a {
                    Arg::Pos(e) => self.expr(e)?,
                    Arg::Kw(k, e) => {
                        self.expr(e)?;
                        names.push(Rc::from(k.as_str()));
                    }
                    _ => unreachable!("no stars here"),
                }
            }
            let u = self.unit();
            u.kwnames.push(names);
            let k = (u.kwnames.len() - 1) as u32;
            self.emit(Op::CallKw(args.len() as u32, k));
            return Ok(());
        }
        // *args and **kwargs: a tuple of positionals, a dict of keywords
        let pos: Vec<Expr> = args
            .iter()
            .filter_map(|a| match a {
                Arg::Pos(e) => Some(e.clone()),
                Arg::Star(e) => Some(Expr::Starred(Box::new(e.clone()))),
                _ => None,
            })
            .collect();
        let mut flags = Vec::with_capacity(pos.len() + 1);
        for a in args {
            match a {
                Arg::Pos(e) => {
                    self.expr(e)?;
                    flags.push(false);
                }
                Arg::Star(e) => {
                    self.expr(e)?;
                    flags.push(true);
                }
                _ => {}
            }
        }
        flags.push(false);
        let u = self.unit();
        u.display_flags.push(flags);
        let k = (u.display_flags.len() - 1) as u32;
        self.emit(Op::BuildTupleUnpack(pos.len() as u32, k));
        let has_kw = args
            .iter()
            .any(|a| matches!(a, Arg::Kw(..) | Arg::StarStar(_)));
        if has_kw {
            self.emit(Op::BuildMap(0));
            for a in args {
                match a {
                    Arg::Kw(name, e) => {
                        self.load_const(&Expr::Str(name.clone()));
                        self.expr(e)?;
                        self.emit(Op::BuildMap(1));
                        self.emit(Op::DictMerge);
                    }
                    Arg::StarStar(e) => {
                        self.expr(e)?;
                        self.emit(Op::DictMerge);
                    }
                    _ => {}
                }
            }
        } else {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::CallEx);
        Ok(())
    }

    /// A comprehension: its own code, run over the iterator of its first iterable (evaluated
    /// here, in the enclosing scope).
    fn comprehension(
        &mut self,
        node: &'b Expr,
        kind: CompKind,
        elt: CompElt<'b>,
        gens: &'b [Comprehension],
    ) -> PyResult<()> {
        let block = self.block().child(node as *const Expr as usize);
        let (name, result) = match (&elt, kind) {
            (CompElt::Pair(..), _) => ("<dictcomp>", 3),
            (_, CompKind::List) => ("<listcomp>", 1),
            (_, CompKind::Set) => ("<setcomp>", 2),
            (_, CompKind::Generator) => ("<genexpr>", 0),
        };
        // CPython makes the function first: it is under the iterable while that runs
        self.unit().hidden += 1;
        let r = self.expr(&gens[0].iter);
        if r.is_ok() {
            self.emit(Op::GetIter);
        }
        self.unit().hidden -= 1;
        r?;
        let qualname = self.qualname_of(name);
        self.enter(block, CodeKind::Comprehension, Rc::from(name), qualname);
        // the iterator of `.0` (CPython loads it onto the value stack)
        self.unit().depth += 1;
        self.unit().max_depth = self.unit().max_depth.max(1);
        match result {
            1 => {
                self.emit(Op::BuildList(0));
            }
            2 => {
                self.emit(Op::BuildSet(0));
            }
            3 => {
                self.emit(Op::BuildMap(0));
            }
            _ => {}
        }
        self.comp_level(gens, 0, &elt, result)?;
        if result == 0 {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::Return);
        let code = self.leave(&[]);
        let closure = !code.freevars.is_empty();
        if closure {
            // ... and its closure before that, with no iterator on the stack yet
            self.unit().hidden -= 1;
            for n in code.freevars.clone().iter() {
                let i = self.cell_index_of(n);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            self.unit().hidden += 1;
        }
        let u = self.unit();
        u.codes.push(code);
        let k = (u.codes.len() - 1) as u32;
        self.emit(Op::Comprehension(k, closure as u32));
        Ok(())
    }

    /// One `for` clause (and those inside it) of a comprehension; the container is at depth
    /// `level + 1` below the top while the element is added.
    fn comp_level(
        &mut self,
        gens: &'b [Comprehension],
        level: usize,
        elt: &CompElt<'b>,
        result: u32,
    ) -> PyResult<()> {
        let g = &gens[level];
        if level > 0 {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter);
        }
        let top = self.here();
        let exit = self.for_iter(&g.target)?;
        let mut skips = Vec::new();
        for c in &g.conds {
            self.expr(c)?;
            skips.push(self.emit(Op::PopJumpIfFalse(0)));
        }
        if level + 1 < gens.len() {
            self.comp_level(gens, level + 1, elt, result)?;
        } else {
            match (elt, result) {
                (CompElt::One(e), 0) => {
                    self.expr(e)?;
                    self.emit(Op::Yield);
                    self.emit(Op::Pop);
                }
                (CompElt::One(e), 1) => {
                    self.expr(e)?;
                    self.emit(Op::ListAppend(1));
                }
                (CompElt::One(e), _) => {
                    self.expr(e)?;
                    self.emit(Op::SetAdd(1));
                }
                (CompElt::Pair(k, v), _) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(1));
                }
            }
        }
        let cont = self.here();
        for s in skips {
            self.patch(s, cont);
        }
        self.emit(Op::Jump(top as u32));
        let end = self.here();
        self.patch(exit, end);
        self.unit().depth -= 1;
        Ok(())
    }

    pub fn cell_index_of(&self, name: &str) -> u32 {
        let u = self.units.last().expect("a unit");
        u.cells
            .iter()
            .position(|n| &**n == name)
            .expect("a cell or free variable the symbol table found") as u32
    }
}

/// What a comprehension adds per item.
pub(super) enum CompElt<'b> {
    One(&'b Expr),
    Pair(&'b Expr, &'b Expr),
}
