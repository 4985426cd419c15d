//! The compiler's control flow: `for` and `while` loops, `try`/`except`/`finally`, `with`, and
//! the unwinding of those blocks that `return`/`break`/`continue` compile to (CPython 3.11's
//! `compile.c` shapes: finally bodies are copied onto each exit path).

use crate::error::{PyError, PyResult};
use crate::eval::vm::code::Op;
use crate::eval::vm::compile::{Compiler, FBlock};
use crate::syntax::ast::{Expr, Stmt, Target};

impl<'b> Compiler<'_, 'b> {
    /// `for` items: the next item bound to the target, with `for a, b in zip(...)` bound
    /// straight from the zipped iterators.
    pub fn for_iter(&mut self, target: &'b Target) -> PyResult<usize> {
        if let Target::Tuple(ts) = target
            && !ts.iter().any(|t| matches!(t, Target::Starred(_)))
        {
            let at = self.emit(Op::ForIterUnpack(ts.len() as u32, 0));
            for t in ts {
                self.store(t)?;
            }
            return Ok(at);
        }
        let at = self.emit(Op::ForIter(0));
        self.store(target)?;
        Ok(at)
    }

    pub(super) fn for_loop(
        &mut self,
        target: &'b Target,
        iter: &'b Expr,
        body: &'b [Stmt],
        orelse: &'b [Stmt],
    ) -> PyResult<()> {
        if self.unit().fblocks.len() >= 20 {
            return Err(PyError::syntax("too many statically nested blocks", 0));
        }
        self.expr(iter)?;
        self.emit(Op::GetIter);
        let top = self.here();
        let exit = self.for_iter(target)?;
        self.loop_rest(true, top, exit, body, orelse)
    }

    pub(super) fn while_loop(
        &mut self,
        cond: &'b Expr,
        body: &'b [Stmt],
        orelse: &'b [Stmt],
    ) -> PyResult<()> {
        let top = self.here();
        self.expr(cond)?;
        let exit = self.emit(Op::PopJumpIfFalse(0));
        self.loop_rest(false, top, exit, body, orelse)
    }

    /// A loop after its test: the body (jumping back to `top`), the `else` block where the test's
    /// `exit` jump lands, and the `break`s patched to after it.
    fn loop_rest(
        &mut self,
        is_for: bool,
        top: usize,
        exit: usize,
        body: &'b [Stmt],
        orelse: &'b [Stmt],
    ) -> PyResult<()> {
        self.unit().fblocks.push(FBlock::Loop {
            is_for,
            continue_to: top,
            breaks: Vec::new(),
        });
        self.stmts(body)?;
        self.emit(Op::Jump(top as u32));
        let fb = self.unit().fblocks.pop();
        let h = self.here();
        self.patch(exit, h);
        if is_for {
            // the iterator is gone after the loop (CPython counts it on the value stack)
            self.unit().depth -= 1;
        }
        self.stmts(orelse)?;
        let end = self.here();
        if let Some(FBlock::Loop { breaks, .. }) = fb {
            for b in breaks {
                self.patch(b, end);
            }
        }
        Ok(())
    }

    /// Emits what leaving the enclosing blocks needs, for a `return` (the value on top is
    /// kept), a `break` or a `continue` (which then jump).
    pub(super) fn unwind(&mut self, exit: Exit) -> PyResult<()> {
        let fblocks = self.unit().fblocks.clone();
        let keep = exit == Exit::Return;
        for (i, fb) in fblocks.iter().enumerate().rev() {
            match fb {
                FBlock::Loop {
                    is_for,
                    continue_to,
                    ..
                } => match exit {
                    Exit::Continue => {
                        self.emit(Op::Jump(*continue_to as u32));
                        return Ok(());
                    }
                    Exit::Break => {
                        if *is_for {
                            self.emit(Op::PopIter);
                        }
                        let j = self.emit(Op::Jump(0));
                        if let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.get_mut(i) {
                            breaks.push(j);
                        }
                        return Ok(());
                    }
                    Exit::Return => {
                        if *is_for {
                            self.emit(Op::PopIter);
                        }
                    }
                },
                FBlock::TryExcept => {
                    self.emit(Op::PopBlock);
                }
                FBlock::StarHandler => return Err(PyError::jump_out_of_except_star()),
                FBlock::TryFinally(body) => {
                    self.emit(Op::PopBlock);
                    // the finally body runs with the blocks outside this one only
                    let saved = std::mem::take(&mut self.unit().fblocks);
                    self.unit().fblocks = saved[..i].to_vec();
                    let r = self.stmts(body);
                    self.unit().fblocks = saved;
                    r?;
                }
                FBlock::FinallyEnd => {
                    self.emit(Op::PopBlock);
                    self.emit(Op::PopExcept);
                    if keep {
                        self.emit(Op::Swap(2));
                    }
                    self.emit(Op::Pop);
                }
                FBlock::Handler(name) => {
                    if name.is_some() {
                        self.emit(Op::PopBlock);
                    }
                    self.emit(Op::PopBlock);
                    self.emit(Op::PopExcept);
                    if let Some(n) = name {
                        self.clear_name(n);
                    }
                }
                FBlock::With => {
                    self.emit(Op::PopBlock);
                    if keep {
                        self.emit(Op::Swap(2));
                    }
                    self.emit(Op::WithExit);
                }
            }
        }
        match exit {
            Exit::Return => Ok(()),
            Exit::Break => Err(PyError::syntax("'break' outside loop", 0)),
            Exit::Continue => Err(PyError::syntax("'continue' not properly in loop", 0)),
        }
    }

    /// `name = None; del name`: an `except ... as name` target does not outlive its handler.
    fn clear_name(&mut self, n: &str) {
        self.emit(Op::LoadNone);
        self.store_name(n);
        self.delete_name(n);
    }

    /// A `try` body under a handler block; gives the `SetupFinally` to patch to the handler.
    fn guarded(&mut self, body: &'b [Stmt]) -> PyResult<usize> {
        let setup = self.emit(Op::SetupFinally(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        Ok(setup)
    }

    /// Where `setup`'s handler starts: the exception (and `pushed - 1` more values) on the
    /// stack, marked as being handled, under a cleanup block; gives the cleanup's
    /// `SetupFinally` (for `pop_except_and_reraise`). `lasti`: CPython's handler also has the
    /// instruction offset under the exception (`SETUP_WITH`'s does, `SETUP_FINALLY`'s not).
    fn enter_handler(&mut self, setup: usize, pushed: i32, lasti: bool) -> usize {
        let h = self.here();
        self.patch(setup, h);
        let u = self.unit();
        u.depth += pushed;
        u.hidden += lasti as i32;
        // CPython: SETUP_CLEANUP here lands with `lasti` and the exception pushed, then
        // COPY 3; PUSH_EXC_INFO keeps the previous exception under this one
        let at = u.depth + u.hidden;
        u.cleanup_peaks.push((at + 3, lasti));
        u.hidden += 1;
        self.emit(Op::PushExcInfo);
        self.emit(Op::SetupFinally(0))
    }

    /// The depth CPython's cleanup block for a handler body reaches (SETUP_CLEANUP lands with
    /// `lasti` and the new exception pushed; a named handler then loads None to clear its name).
    fn cleanup_landing(&mut self, clears_name: bool) {
        let u = self.unit();
        u.max_depth = u.max_depth.max(u.depth + u.hidden + 2 + clears_name as i32);
    }

    /// CPython's POP_EXCEPT_AND_RERAISE, where the cleanup block `at` lands: an exception
    /// raised while handling another ends its handling and goes on.
    fn pop_except_and_reraise(&mut self, at: usize) {
        let c = self.here();
        self.patch(at, c);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        // the end of the handler `enter_handler` began
        let u = self.unit();
        if let Some((peak, lasti)) = u.cleanup_peaks.pop() {
            u.max_depth = u.max_depth.max(peak);
            u.hidden -= 1 + lasti as i32;
        }
    }

    pub(super) fn try_stmt(
        &mut self,
        body: &'b [Stmt],
        handlers: &'b [crate::syntax::ast::ExceptHandler],
        orelse: &'b [Stmt],
        finalbody: &'b [Stmt],
    ) -> PyResult<()> {
        let star = handlers.iter().any(|h| h.star);
        if finalbody.is_empty() {
            return match star {
                true => self.try_star(body, handlers, orelse),
                false => self.try_except(body, handlers, orelse),
            };
        }
        let start = self.unit().depth;
        let setup = self.emit(Op::SetupFinally(0));
        self.unit().fblocks.push(FBlock::TryFinally(finalbody));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else if star {
            self.try_star(body, handlers, orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        let done = self.emit(Op::Jump(0));
        // the exceptional path: the exception is on the stack while the body runs again
        let clean = self.enter_handler(setup, 1, false);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.pop_except_and_reraise(clean);
        let end = self.here();
        self.patch(done, end);
        // the paths that reach the end left the stack as they found it
        self.unit().depth = start;
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'b [Stmt],
        handlers: &'b [crate::syntax::ast::ExceptHandler],
        orelse: &'b [Stmt],
    ) -> PyResult<()> {
        let start = self.unit().depth;
        let setup = self.guarded(body)?;
        self.stmts(orelse)?;
        let mut ends = vec![self.emit(Op::Jump(0))];
        let cleanup = self.enter_handler(setup, 1, false);
        for (i, handler) in handlers.iter().enumerate() {
            self.unit().line = handler.line;
            if handler.typ.is_none() && i + 1 < handlers.len() {
                return Err(PyError::syntax("default 'except:' must be last", 0));
            }
            let next = match &handler.typ {
                Some(t) => {
                    // CHECK_EXC_MATCH keeps the exception under its answer (3.11: no COPY)
                    self.expr(t)?;
                    self.emit(Op::CheckExcMatch);
                    Some(self.emit(Op::PopJumpIfFalse(0)))
                }
                None => None,
            };
            match &handler.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            let name_clean = handler.name.as_ref().map(|_| {
                self.cleanup_landing(true);
                self.emit(Op::SetupFinally(0))
            });
            self.unit()
                .fblocks
                .push(FBlock::Handler(handler.name.clone()));
            self.stmts(&handler.body)?;
            self.unit().fblocks.pop();
            if name_clean.is_some() {
                self.emit(Op::PopBlock);
            }
            self.emit(Op::PopBlock);
            self.emit(Op::PopExcept);
            if let Some(n) = &handler.name {
                self.clear_name(n);
            }
            ends.push(self.emit(Op::Jump(0)));
            if let (Some(at), Some(n)) = (name_clean, &handler.name) {
                // an exception inside the handler: clear the name, then on to the cleanup
                let c = self.here();
                self.patch(at, c);
                self.clear_name(n);
                self.emit(Op::Reraise);
            }
            if let Some(at) = next {
                let h = self.here();
                self.patch(at, h);
            }
        }
        // no handler matched
        self.emit(Op::Reraise);
        self.pop_except_and_reraise(cleanup);
        let end = self.here();
        for e in ends {
            self.patch(e, end);
        }
        self.unit().depth = start;
        Ok(())
    }

    /// `try`/`except*` as CPython 3.11's `compiler_try_star_except` lays it out: the caught
    /// exception is kept (`orig`) beside a list of what the handlers raise; each handler
    /// splits what is left of it (`CheckEgMatch`), runs on the matching part with its own
    /// exceptions caught into the list, and the last one adds the unhandled rest;
    /// `PrepReraiseStar` makes of them what to raise.
    fn try_star(
        &mut self,
        body: &'b [Stmt],
        handlers: &'b [crate::syntax::ast::ExceptHandler],
        orelse: &'b [Stmt],
    ) -> PyResult<()> {
        let start = self.unit().depth;
        let setup = self.guarded(body)?;
        let to_orelse = self.emit(Op::Jump(0));
        let cleanup = self.enter_handler(setup, 1, false);
        // [orig, [], exc]
        self.emit(Op::Copy(1));
        self.emit(Op::BuildList(0));
        self.emit(Op::Swap(2));
        for (i, handler) in handlers.iter().enumerate() {
            self.unit().line = handler.line;
            let Some(typ) = &handler.typ else {
                // the parser refuses it first (`except_clause`)
                return Err(PyError::syntax("expected one or more exception types", 0));
            };
            self.expr(typ)?;
            // [orig, list, rest, match]
            self.emit(Op::CheckEgMatch);
            self.emit(Op::Copy(1));
            let no_match = self.emit(Op::PopJumpIfNone(0));
            match &handler.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            // [orig, list, rest]: what the body raises goes into the list
            self.cleanup_landing(handler.name.is_some());
            let raised = self.emit(Op::SetupFinally(0));
            self.unit().fblocks.push(FBlock::StarHandler);
            self.stmts(&handler.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            if let Some(n) = &handler.name {
                self.clear_name(n);
            }
            let done = self.emit(Op::Jump(0));
            let at = self.here();
            self.patch(raised, at);
            self.unit().depth += 1;
            if let Some(n) = &handler.name {
                self.clear_name(n);
            }
            self.emit(Op::ListAppend(2));
            let done2 = self.emit(Op::Jump(0));
            let at = self.here();
            self.patch(no_match, at);
            // [orig, list, rest, None]
            self.unit().depth += 1;
            self.emit(Op::Pop);
            let at = self.here();
            self.patch(done, at);
            self.patch(done2, at);
            if i + 1 == handlers.len() {
                // the unhandled rest (or None) joins the list
                self.emit(Op::ListAppend(1));
            }
        }
        // [orig, list] -> [what to raise]
        self.emit(Op::PrepReraiseStar);
        self.emit(Op::Copy(1));
        let reraise = self.emit(Op::PopJumpIfNotNone(0));
        self.emit(Op::Pop);
        self.emit(Op::PopBlock);
        self.emit(Op::PopExcept);
        let to_end = self.emit(Op::Jump(0));
        let at = self.here();
        self.patch(reraise, at);
        self.unit().depth += 1;
        self.emit(Op::PopBlock);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.pop_except_and_reraise(cleanup);
        let at = self.here();
        self.patch(to_orelse, at);
        self.unit().depth = start;
        self.stmts(orelse)?;
        let end = self.here();
        self.patch(to_end, end);
        Ok(())
    }

    pub(super) fn with_stmt(
        &mut self,
        items: &'b [(Expr, Option<Target>)],
        body: &'b [Stmt],
    ) -> PyResult<()> {
        let Some(((ctx, target), rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let start = self.unit().depth;
        self.expr(ctx)?;
        self.emit(Op::BeforeWith);
        let setup = self.emit(Op::SetupFinally(0));
        match target {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.unit().fblocks.push(FBlock::With);
        self.with_stmt(rest, body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::WithExit);
        let done = self.emit(Op::Jump(0));
        let clean = self.enter_handler(setup, 2, true);
        self.emit(Op::WithExceptStart);
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Reraise);
        let s = self.here();
        self.patch(suppress, s);
        self.emit(Op::PopBlock);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        let done2 = self.emit(Op::Jump(0));
        self.pop_except_and_reraise(clean);
        let end = self.here();
        self.patch(done, end);
        self.patch(done2, end);
        self.unit().depth = start;
        Ok(())
    }
}

/// How control leaves the blocks `unwind` compiles.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Exit {
    Return,
    Break,
    Continue,
}
