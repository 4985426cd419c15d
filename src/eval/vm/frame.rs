//! Frames and the dispatch loop. A frame lives on the heap (a generator keeps its frame while it
//! is suspended); running one executes instructions until it returns, yields or raises. An
//! exception unwinds to the innermost handler block of the frame, or out of it with a traceback
//! entry.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult, TraceEntry};
use crate::eval::Interp;
use crate::eval::object::iter::ValueIter;
use crate::eval::object::listobj::DisplayItem;
use crate::eval::object::value::*;
use crate::eval::vm::code::{Code, CodeKind, Op};

/// A handler set up by `SetupFinally`: where to go, and the depths to unwind to.
#[derive(Clone, Copy)]
pub struct Block {
    handler: u32,
    depth: u32,
    iters: u32,
    fbuf: u32,
}

/// A class body's namespace, in definition order.
#[derive(Default)]
pub struct Namespace {
    pub items: Vec<(Rc<str>, Value)>,
}

impl Namespace {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.items
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v)
    }
}

pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Option<Value>>,
    /// Cell variables, then free variables.
    pub cells: Vec<Rc<CellRef>>,
    /// The iterators of the loops running in this frame, innermost last.
    pub iters: Vec<ValueIter>,
    pub blocks: Vec<Block>,
    /// f-string text being built.
    pub fbuf: Vec<String>,
    /// A class body's namespace.
    pub ns: Option<Namespace>,
}

/// How a frame stopped.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// A generator's state: its frame while suspended (taken out while it runs), or none once it
/// has finished.
pub struct GenState {
    pub frame: Option<Box<Frame>>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// Whether it has started (a value may only be sent to a started generator).
    pub started: bool,
}

/// The value stack and locals of frames that have returned, kept for the next call (CPython
/// reuses its frames' memory the same way): a call then allocates nothing for its frame.
#[derive(Default)]
pub struct FramePool {
    free: Vec<(Vec<Value>, Vec<Option<Value>>)>,
}

/// Frames nested deeper than this allocate their own buffers.
const POOL_FRAMES: usize = 64;
/// A buffer grown past this many slots is not kept.
const POOL_SLOTS: usize = 256;

impl Frame {
    pub fn new(code: Rc<Code>) -> Frame {
        Frame::with_buffers(code, Vec::new(), Vec::new())
    }

    fn with_buffers(code: Rc<Code>, mut stack: Vec<Value>, mut fast: Vec<Option<Value>>) -> Frame {
        stack.reserve(code.stacksize as usize);
        fast.resize(code.varnames.len(), None);
        Frame {
            pc: 0,
            stack,
            fast,
            cells: Vec::new(),
            iters: Vec::new(),
            blocks: Vec::new(),
            fbuf: Vec::new(),
            ns: None,
            code,
        }
    }

    fn pop(&mut self) -> Value {
        self.stack.pop().expect("the compiler balances the stack")
    }

    fn top(&self) -> &Value {
        self.stack.last().expect("the compiler balances the stack")
    }

    fn top_mut(&mut self) -> &mut Value {
        self.stack
            .last_mut()
            .expect("the compiler balances the stack")
    }

    fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len() - n;
        self.stack.split_off(at)
    }

    fn line(&self) -> u32 {
        let i = self.pc.saturating_sub(1);
        self.code.lines.get(i).copied().unwrap_or(0)
    }
}

impl FramePool {
    /// A frame for `code`, on buffers of a returned frame when there is one.
    pub fn frame(&mut self, code: Rc<Code>) -> Frame {
        match self.free.pop() {
            Some((stack, fast)) => Frame::with_buffers(code, stack, fast),
            None => Frame::new(code),
        }
    }

    /// Ends a frame that has run, keeping its buffers. Its parts are freed in the order
    /// dropping the frame frees them (code, stack, locals in order, cells, iterators...), so
    /// ids are handed back as before.
    pub fn recycle(&mut self, frame: Frame) {
        let Frame {
            code,
            mut stack,
            mut fast,
            cells,
            iters,
            blocks,
            fbuf,
            ns,
            ..
        } = frame;
        drop(code);
        stack.clear();
        fast.clear();
        drop((cells, iters, blocks, fbuf, ns));
        if self.free.len() < POOL_FRAMES
            && stack.capacity() <= POOL_SLOTS
            && fast.capacity() <= POOL_SLOTS
        {
            self.free.push((stack, fast));
        }
    }
}

fn unbound_local(name: &str) -> PyError {
    PyError::new(
        ErrorKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn unbound_free(name: &str) -> PyError {
    PyError::new(
        ErrorKind::NameError,
        format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ),
    )
}

impl Interp {
    /// Runs a frame until it returns or yields; an exception it does not handle leaves it with
    /// this frame in its traceback.
    pub(crate) fn run_frame(&mut self, f: &mut Frame) -> PyResult<Exit> {
        self.run_frame_pending(f, None)
    }

    /// `run_frame`, starting by raising `pending` where the frame stands (a generator's
    /// `throw`).
    pub(crate) fn run_frame_pending(
        &mut self,
        f: &mut Frame,
        mut pending: Option<PyError>,
    ) -> PyResult<Exit> {
        loop {
            let r = match pending.take() {
                Some(e) => Err(e),
                None => self.execute(f),
            };
            match r {
                Ok(exit) => return Ok(exit),
                Err(mut e) => {
                    if !e.reraised {
                        self.new_traceback(&e);
                    }
                    e.reraised = false;
                    if self.warnings_pending() {
                        // warnings raised before the error keep its line (a raise here is moot)
                        let code = f.code.clone();
                        let _ = self.place_warnings(&code, f.line());
                    }
                    if e.kind == ErrorKind::KeyboardInterrupt && e.object.is_none() {
                        // Ctrl-C is not caught by `except Exception`, but `except` clauses that
                        // name it or are bare do catch it, as in Python
                    }
                    let line = f.line();
                    match f.blocks.pop() {
                        Some(b) => {
                            f.stack.truncate(b.depth as usize);
                            f.iters.truncate(b.iters as usize);
                            f.fbuf.truncate(b.fbuf as usize);
                            if e.line.is_none() && f.code.kind == CodeKind::Module {
                                e.line = Some(line);
                            }
                            let exc = self.exception_object(e);
                            f.stack.push(exc);
                            f.pc = b.handler as usize;
                        }
                        None => {
                            if f.code.kind == CodeKind::Module {
                                e.line = Some(line);
                            } else {
                                e.traceback.push(TraceEntry {
                                    name: f.code.qualname.to_string(),
                                    line,
                                });
                            }
                            f.stack.clear();
                            f.iters.clear();
                            return Err(e);
                        }
                    }
                }
            }
        }
    }

    fn load_global(&mut self, slot: u32) -> PyResult<Value> {
        if let Some(v) = self.globals.get_slot(slot) {
            return Ok(v.clone());
        }
        let s = &self.globals.slots[slot as usize];
        if let Some(v) = &s.fallback {
            return Ok(v.clone());
        }
        let name = s.name.clone();
        match self.lookup_builtin(&name) {
            Some(v) => {
                self.globals.slots[slot as usize].fallback = Some(v.clone());
                Ok(v)
            }
            None => Err(PyError::name_not_defined(&name)),
        }
    }

    fn execute(&mut self, f: &mut Frame) -> PyResult<Exit> {
        let code = f.code.clone();
        let ops = &code.ops[..];
        loop {
            // what the last instruction warned about is located at its line
            if self.warnings_pending() && f.pc > 0 {
                self.place_warnings(&code, f.line())?;
            }
            let op = ops[f.pc];
            f.pc += 1;
            match op {
                Op::Nop => {}
                Op::LoadConst(k) => {
                    let v = self.load_const(&code, k)?;
                    f.stack.push(v);
                }
                Op::LoadNone => f.stack.push(Value::None),
                Op::LoadFast(i) => match &f.fast[i as usize] {
                    Some(v) => f.stack.push(v.clone()),
                    None => return Err(unbound_local(&code.varnames[i as usize])),
                },
                Op::StoreFast(i) => {
                    let v = f.pop();
                    let old = f.fast[i as usize].replace(v);
                    drop(old);
                }
                Op::DeleteFast(i) => {
                    if f.fast[i as usize].take().is_none() {
                        return Err(unbound_local(&code.varnames[i as usize]));
                    }
                }
                Op::LoadDeref(i) => {
                    let v = f.cells[i as usize].value.borrow().clone();
                    match v {
                        Some(v) => f.stack.push(v),
                        None => return Err(self.unbound_cell(&code, i)),
                    }
                }
                Op::StoreDeref(i) => {
                    let v = f.pop();
                    let old = f.cells[i as usize].value.borrow_mut().replace(v);
                    drop(old);
                }
                Op::DeleteDeref(i) => {
                    let old = f.cells[i as usize].value.borrow_mut().take();
                    if old.is_none() {
                        return Err(self.unbound_cell(&code, i));
                    }
                }
                Op::LoadClosure(i) => f.stack.push(Value::Cell(f.cells[i as usize].clone())),
                Op::LoadClassDeref(n, i) => {
                    let name = &code.names[n as usize];
                    let v = f.ns.as_ref().and_then(|ns| ns.get(name).cloned());
                    match v {
                        Some(v) => f.stack.push(v),
                        None => {
                            let v = f.cells[i as usize].value.borrow().clone();
                            match v {
                                Some(v) => f.stack.push(v),
                                None => return Err(self.unbound_cell(&code, i)),
                            }
                        }
                    }
                }
                Op::LoadGlobal(slot) => {
                    let v = self.load_global(slot)?;
                    f.stack.push(v);
                }
                Op::StoreGlobal(slot) => {
                    let v = f.pop();
                    let old = self.globals.set(slot, v);
                    drop(old);
                }
                Op::DeleteGlobal(slot) => {
                    if self.globals.take_slot(slot).is_none() {
                        let name = self.globals.slots[slot as usize].name.clone();
                        return Err(PyError::name_not_defined(&name));
                    }
                }
                Op::LoadName(n, slot) => {
                    let name = &code.names[n as usize];
                    let v = f.ns.as_ref().and_then(|ns| ns.get(name).cloned());
                    let v = match v {
                        Some(v) => v,
                        None => self.load_global(slot)?,
                    };
                    f.stack.push(v);
                }
                Op::StoreName(n) => {
                    let v = f.pop();
                    let name = code.names[n as usize].clone();
                    let ns = f.ns.get_or_insert_with(Namespace::default);
                    match ns.items.iter_mut().find(|(k, _)| *k == name) {
                        Some((_, slot)) => {
                            let old = std::mem::replace(slot, v);
                            drop(old);
                        }
                        None => ns.items.push((name, v)),
                    }
                }
                Op::DeleteName(n, slot) => {
                    let name = code.names[n as usize].clone();
                    let ns = f.ns.get_or_insert_with(Namespace::default);
                    match ns.items.iter().position(|(k, _)| *k == name) {
                        Some(p) => {
                            ns.items.remove(p);
                        }
                        None => {
                            let _ = slot;
                            return Err(PyError::name_not_defined(&name));
                        }
                    }
                }
                Op::LoadAttr(n) => {
                    let obj = f.pop();
                    let v = self.getattr(&obj, &code.names[n as usize])?;
                    drop(obj);
                    f.stack.push(v);
                }
                Op::StoreAttr(n) => {
                    let obj = f.pop();
                    let v = f.pop();
                    self.setattr(&obj, &code.names[n as usize], v)?;
                }
                Op::DeleteAttr(n) => {
                    let obj = f.pop();
                    self.delattr(&obj, &code.names[n as usize])?;
                }
                Op::LoadMethod(n) => {
                    let obj = f.pop();
                    let name = &code.names[n as usize];
                    match self.method_of(&obj, name)? {
                        Some(func) => {
                            f.stack.push(func);
                            f.stack.push(obj);
                        }
                        None => {
                            let v = self.getattr(&obj, name)?;
                            drop(obj);
                            f.stack.push(v);
                            // marks "no receiver" (never a real receiver of a Python method)
                            f.stack.push(Value::NotImplemented);
                        }
                    }
                }
                Op::CallMethod(n) => {
                    let at = f.stack.len() - n as usize;
                    if let Value::Function(func) = &f.stack[at - 2]
                        && !matches!(f.stack[at - 1], Value::NotImplemented)
                        && Self::binds_positionally(func, n as usize + 1)
                    {
                        // a Python method: the receiver and arguments bind from the stack
                        let func = func.clone();
                        let r = self.call_from_stack(&func, &mut f.stack, n as usize + 1);
                        let callee = f.pop();
                        let r = r?;
                        drop(callee);
                        f.stack.push(r);
                        continue;
                    }
                    let mut args = f.pop_n(n as usize);
                    let recv = f.pop();
                    let func = f.pop();
                    let r = if matches!(recv, Value::NotImplemented) {
                        self.call(&func, args, Vec::new())?
                    } else {
                        args.insert(0, recv);
                        self.call(&func, args, Vec::new())?
                    };
                    drop(func);
                    f.stack.push(r);
                }
                Op::BinarySubscr => {
                    let i = f.pop();
                    let o = f.pop();
                    let r = self.getitem(&o, &i)?;
                    drop(o);
                    drop(i);
                    f.stack.push(r);
                }
                Op::StoreSubscr => {
                    let i = f.pop();
                    let o = f.pop();
                    let v = f.pop();
                    self.setitem(&o, &i, v)?;
                }
                Op::DeleteSubscr => {
                    let i = f.pop();
                    let o = f.pop();
                    self.delitem(&o, &i)?;
                }
                Op::Binary(op) => {
                    let b = f.pop();
                    let a = f.pop();
                    let r = match self.fast_binary(&a, op, &b) {
                        Some(r) => r,
                        None => self.binary_op(&a, op, &b)?,
                    };
                    drop(a);
                    drop(b);
                    f.stack.push(r);
                }
                Op::Inplace(op) => {
                    let b = f.pop();
                    let a = f.pop();
                    let r = match self.fast_binary(&a, op, &b) {
                        Some(r) => r,
                        None => self.inplace_op(&a, op, &b)?,
                    };
                    drop(a);
                    drop(b);
                    f.stack.push(r);
                }
                Op::Unary(op) => {
                    let a = f.pop();
                    let r = self.unary_op(op, &a)?;
                    f.stack.push(r);
                }
                Op::Not => {
                    let a = f.pop();
                    let t = self.truthy(&a)?;
                    f.stack.push(Value::Bool(!t));
                }
                Op::Compare(op) => {
                    let b = f.pop();
                    let a = f.pop();
                    let r = match self.fast_compare(&a, op, &b) {
                        Some(r) => Value::Bool(r),
                        None => self.compare(&a, op, &b)?,
                    };
                    drop(a);
                    drop(b);
                    f.stack.push(r);
                }
                Op::Pop => {
                    f.pop();
                }
                Op::Dup => {
                    let v = f.top().clone();
                    f.stack.push(v);
                }
                Op::Swap(n) => {
                    let len = f.stack.len();
                    f.stack.swap(len - 1, len - n as usize);
                }
                Op::Copy(n) => {
                    let v = f.stack[f.stack.len() - n as usize].clone();
                    f.stack.push(v);
                }
                Op::BuildTuple(n) => {
                    let items = f.pop_n(n as usize);
                    let t = self.new_tuple(items);
                    f.stack.push(t);
                }
                Op::BuildList(n) => {
                    let v = if n == 0 {
                        Value::List(self.new_empty_list())
                    } else {
                        let items = f.pop_n(n as usize);
                        self.new_list(items)
                    };
                    f.stack.push(v);
                }
                Op::BuildSet(n) => {
                    let items = f.pop_n(n as usize);
                    let s = self.new_set(items)?;
                    f.stack.push(s);
                }
                Op::BuildMap(n) => {
                    let flat = f.pop_n(2 * n as usize);
                    let mut items = Vec::with_capacity(n as usize);
                    let mut it = flat.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        items.push((k, v));
                    }
                    let d = self.new_dict(items)?;
                    f.stack.push(d);
                }
                Op::BuildSlice(_) => {
                    let c = f.pop();
                    let b = f.pop();
                    let a = f.pop();
                    let s = self.new_slice(a, b, c);
                    f.stack.push(s);
                }
                Op::BuildTupleUnpack(n, k) => {
                    let items = f.pop_n(n as usize);
                    let flags = &code.display_flags[k as usize];
                    let vals = self.expand_stars(items, flags)?;
                    let t = self.new_tuple(vals);
                    f.stack.push(t);
                }
                Op::BuildListDisplay(n, k) => {
                    let items = f.pop_n(n as usize);
                    let flags = &code.display_flags[k as usize];
                    let all_const = *flags.last().expect("the all-constant flag");
                    let items = items
                        .into_iter()
                        .zip(flags)
                        .map(|(v, star)| {
                            if *star {
                                DisplayItem::Starred(v)
                            } else {
                                DisplayItem::Item(v)
                            }
                        })
                        .collect();
                    let l = self.list_display(items, all_const)?;
                    f.stack.push(l);
                }
                Op::BuildSetDisplay(n, k) => {
                    let items = f.pop_n(n as usize);
                    let flags = &code.display_flags[k as usize];
                    let all_const = *flags.last().expect("the all-constant flag");
                    let vals = self.expand_stars(items, flags)?;
                    let s = self.set_display(vals, all_const)?;
                    f.stack.push(s);
                }
                Op::BuildDictDisplay(n) => {
                    let flat = f.pop_n(2 * n as usize);
                    let mut items = Vec::with_capacity(n as usize);
                    let mut it = flat.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        items.push((k, v));
                    }
                    let d = self.dict_display(items)?;
                    f.stack.push(d);
                }
                Op::DictUpdate => {
                    let m = f.pop();
                    let Value::Dict(d) = f.top().clone() else {
                        unreachable!("DictUpdate updates a dict display")
                    };
                    let Value::Dict(m) = m else {
                        return Err(PyError::not_a_mapping(&m));
                    };
                    self.dict_merge(&d, &m)?;
                }
                Op::DictMerge => {
                    let m = f.pop();
                    let d = f.top().clone();
                    self.merge_kwargs(&d, &m)?;
                }
                Op::ListAppend(k) => {
                    let v = f.pop();
                    let at = f.stack.len() - k as usize;
                    let Value::List(l) = &f.stack[at] else {
                        unreachable!("ListAppend finds its list")
                    };
                    let l = l.clone();
                    self.list_append(&l, v)?;
                    self.check_items(l.items.borrow().len())?;
                }
                Op::SetAdd(k) => {
                    let v = f.pop();
                    let at = f.stack.len() - k as usize;
                    let Value::Set(s) = &f.stack[at] else {
                        unreachable!("SetAdd finds its set")
                    };
                    let s = s.clone();
                    self.set_add(&s, v)?;
                }
                Op::MapAdd(k) => {
                    let v = f.pop();
                    let key = f.pop();
                    let at = f.stack.len() - k as usize;
                    let Value::Dict(d) = &f.stack[at] else {
                        unreachable!("MapAdd finds its dict")
                    };
                    let d = d.clone();
                    self.dict_set(&d, key, v)?;
                    self.check_items(d.items.borrow().len())?;
                }
                Op::Jump(t) => {
                    if (t as usize) < f.pc {
                        self.ctx.check_interrupt()?;
                    }
                    f.pc = t as usize;
                }
                Op::PopJumpIfFalse(t) => {
                    let v = f.pop();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => self.truthy(&other)?,
                    };
                    if !truth {
                        f.pc = t as usize;
                    }
                }
                Op::PopJumpIfTrue(t) => {
                    let v = f.pop();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => self.truthy(&other)?,
                    };
                    if truth {
                        f.pc = t as usize;
                    }
                }
                Op::JumpIfFalseOrPop(t) => {
                    let v = f.top().clone();
                    if !self.truthy(&v)? {
                        f.pc = t as usize;
                    } else {
                        f.pop();
                    }
                }
                Op::JumpIfTrueOrPop(t) => {
                    let v = f.top().clone();
                    if self.truthy(&v)? {
                        f.pc = t as usize;
                    } else {
                        f.pop();
                    }
                }
                Op::GetIter => {
                    let v = f.pop();
                    let it = self.iterate(&v)?;
                    drop(v);
                    f.iters.push(it);
                }
                Op::PopIter => {
                    f.iters.pop();
                }
                Op::ForIter(end) => {
                    let it = f.iters.last_mut().expect("ForIter has an iterator");
                    match it.next(self)? {
                        Some(v) => f.stack.push(v),
                        None => {
                            f.iters.pop();
                            f.pc = end as usize;
                        }
                    }
                }
                Op::ForIterUnpack(n, end) => {
                    let it = f.iters.last_mut().expect("ForIter has an iterator");
                    if let Some(z) = it.zip_of(n as usize) {
                        if self.zip_next_into(&z, n as usize, &mut f.stack)? {
                            // the first target is stored first: it goes on top
                            let at = f.stack.len() - n as usize;
                            f.stack[at..].reverse();
                        } else {
                            f.iters.pop();
                            f.pc = end as usize;
                        }
                    } else {
                        match it.next(self)? {
                            // `for a, b in pairs`: a tuple of the right length needs no Vec
                            Some(Value::Tuple(t)) if t.items.len() == n as usize => {
                                f.stack.extend(t.items.iter().rev().cloned());
                            }
                            Some(v) => {
                                let items = self.unpack(&v, n as usize)?;
                                drop(v);
                                f.stack.extend(items.into_iter().rev());
                            }
                            None => {
                                f.iters.pop();
                                f.pc = end as usize;
                            }
                        }
                    }
                }
                Op::Comprehension(k, has_closure) => {
                    let closure = if has_closure != 0 {
                        Some(f.pop())
                    } else {
                        None
                    };
                    let it = f.iters.pop().expect("a comprehension has an iterator");
                    let ccode = code.codes[k as usize].clone();
                    let v = self.run_comprehension(ccode, it, closure)?;
                    f.stack.push(v);
                }
                Op::Call(n) => {
                    let at = f.stack.len() - n as usize;
                    if let Value::Function(func) = &f.stack[at - 1]
                        && Self::binds_positionally(func, n as usize)
                    {
                        let func = func.clone();
                        let r = self.call_from_stack(&func, &mut f.stack, n as usize);
                        let callee = f.pop();
                        let r = r?;
                        drop(callee);
                        f.stack.push(r);
                        continue;
                    }
                    let args = f.pop_n(n as usize);
                    let func = f.pop();
                    if n == 0
                        && let Value::Builtin(b) = &func
                        && b.name == "super"
                    {
                        let s = self.zero_arg_super(f)?;
                        f.stack.push(s);
                        continue;
                    }
                    let r = self.call(&func, args, Vec::new())?;
                    drop(func);
                    f.stack.push(r);
                }
                Op::CallKw(n, k) => {
                    let mut args = f.pop_n(n as usize);
                    let names = &code.kwnames[k as usize];
                    let kwvals = args.split_off(args.len() - names.len());
                    let kw = names.iter().map(|n| n.to_string()).zip(kwvals).collect();
                    let func = f.pop();
                    let r = self.call(&func, args, kw)?;
                    drop(func);
                    f.stack.push(r);
                }
                Op::CallEx => {
                    let kwd = f.pop();
                    let args = f.pop();
                    let func = f.pop();
                    let pos = match &args {
                        Value::Tuple(t) => t.items.clone(),
                        _ => Vec::new(),
                    };
                    let kw = self.kwargs_of(&kwd)?;
                    drop(args);
                    drop(kwd);
                    let r = self.call(&func, pos, kw)?;
                    drop(func);
                    f.stack.push(r);
                }
                Op::MakeFunction(k, flags) => {
                    let closure = if flags & 8 != 0 { Some(f.pop()) } else { None };
                    let kwdefaults = if flags & 2 != 0 { Some(f.pop()) } else { None };
                    let defaults = if flags & 1 != 0 { Some(f.pop()) } else { None };
                    let fcode = code.codes[k as usize].clone();
                    let func = self.new_function(fcode, defaults, kwdefaults, closure);
                    f.stack.push(func);
                }
                Op::BuildClass(n) => {
                    let bases = f.pop_n(n as usize);
                    let name = f.pop();
                    let body = f.pop();
                    let c = self.build_class(&body, &name, bases)?;
                    f.stack.push(c);
                }
                Op::Return => {
                    let v = f.pop();
                    f.stack.clear();
                    return Ok(Exit::Return(v));
                }
                Op::Yield => {
                    let v = f.pop();
                    return Ok(Exit::Yield(v));
                }
                Op::Send(t) => {
                    let v = f.pop();
                    let sub = f.top().clone();
                    match self.send_to(&sub, v)? {
                        Ok(y) => f.stack.push(y),
                        Err(r) => {
                            f.pop();
                            f.stack.push(r);
                            f.pc = t as usize;
                        }
                    }
                }
                Op::GetYieldFromIter => {
                    let v = f.pop();
                    let it = self.make_iter(&v)?;
                    f.stack.push(it);
                }
                Op::SetupFinally(h) => f.blocks.push(Block {
                    handler: h,
                    depth: f.stack.len() as u32,
                    iters: f.iters.len() as u32,
                    fbuf: f.fbuf.len() as u32,
                }),
                Op::PopBlock => {
                    f.blocks.pop();
                }
                Op::PushExcInfo => {
                    let e = f.top().clone();
                    self.exc_info.push(e);
                }
                Op::PopExcept => {
                    self.exc_info.pop();
                }
                Op::Reraise => {
                    let e = f.pop();
                    let mut e = self.error_from_object(e);
                    e.reraised = true;
                    return Err(e);
                }
                Op::Raise(n) => {
                    let cause = if n == 2 { Some(f.pop()) } else { None };
                    let exc = if n >= 1 { Some(f.pop()) } else { None };
                    return Err(self.raise(exc, cause)?);
                }
                Op::CheckEgMatch => {
                    let ty = f.pop();
                    let exc = f.top().clone();
                    match self.exception_group_match(&exc, &ty)? {
                        Some((rest, matched)) => {
                            *f.top_mut() = rest;
                            // the matched part is the exception being handled now
                            if let Some(last) = self.exc_info.last_mut() {
                                *last = matched.clone();
                            }
                            f.stack.push(matched);
                        }
                        None => f.stack.push(Value::None),
                    }
                }
                Op::PrepReraiseStar => {
                    let list = f.pop();
                    let orig = f.pop();
                    let excs = match &list {
                        Value::List(l) => l.items.borrow().clone(),
                        _ => Vec::new(),
                    };
                    let v = self.prep_reraise_star(&orig, excs)?;
                    f.stack.push(v);
                }
                Op::PopJumpIfNone(t) => {
                    if f.pop().is_none() {
                        f.pc = t as usize;
                    }
                }
                Op::PopJumpIfNotNone(t) => {
                    if !f.pop().is_none() {
                        f.pc = t as usize;
                    }
                }
                Op::CheckExcMatch => {
                    let ty = f.pop();
                    let exc = f.top().clone();
                    let m = self.exception_matches(&exc, &ty)?;
                    f.stack.push(Value::Bool(m));
                }
                Op::RaiseAssert(n) => {
                    let msg = if n == 1 { Some(f.pop()) } else { None };
                    return Err(self.assertion_error(msg)?);
                }
                Op::BeforeWith => {
                    let mgr = f.pop();
                    let (exit, entered) = self.enter_context(&mgr)?;
                    drop(mgr);
                    f.stack.push(exit);
                    f.stack.push(entered);
                }
                Op::WithExit => {
                    let exit = f.pop();
                    let r =
                        self.call(&exit, vec![Value::None, Value::None, Value::None], vec![])?;
                    drop(r);
                }
                Op::WithExceptStart => {
                    let exc = f.top().clone();
                    let exit = f.stack[f.stack.len() - 2].clone();
                    let ty = self.type_of_value(&exc);
                    let r = self.call(&exit, vec![ty, exc, Value::None], vec![])?;
                    let t = self.truthy(&r)?;
                    f.stack.push(Value::Bool(t));
                }
                Op::UnpackSequence(n) => {
                    let v = f.pop();
                    let items = self.unpack(&v, n as usize)?;
                    drop(v);
                    f.stack.extend(items.into_iter().rev());
                }
                Op::UnpackEx(before, after) => {
                    let v = f.pop();
                    let items = self.unpack_ex(&v, before as usize, after as usize)?;
                    drop(v);
                    f.stack.extend(items.into_iter().rev());
                }
                Op::ImportName(n, full) => {
                    let m = self.import_module(&code.names[n as usize], full != 0)?;
                    f.stack.push(m);
                }
                Op::ImportFrom(n) => {
                    let m = f.top().clone();
                    let v = self.import_from(&m, &code.names[n as usize])?;
                    f.stack.push(v);
                }
                Op::MatchSequence => {
                    let b = self.is_match_sequence(f.top());
                    f.stack.push(Value::Bool(b));
                }
                Op::MatchMapping => {
                    let b = self.is_match_mapping(f.top());
                    f.stack.push(Value::Bool(b));
                }
                Op::GetLen => {
                    let top = f.top().clone();
                    let n = self.len_of(&top)?;
                    drop(top);
                    let v = self.new_i64(n as i64);
                    f.stack.push(v);
                }
                Op::MatchKeys => {
                    let keys = f.top().clone();
                    let map = f.stack[f.stack.len() - 2].clone();
                    let r = self.match_keys(&map, &keys)?;
                    f.stack.push(r);
                }
                Op::MatchClass(nargs) => {
                    let names = f.pop();
                    let cls = f.pop();
                    let subject = f.pop();
                    let r = self.match_class(&subject, &cls, nargs as usize, &names)?;
                    drop(subject);
                    f.stack.push(r);
                }
                Op::ImportStar => {
                    let m = f.pop();
                    self.import_star(&m, f.ns.as_mut())?;
                }
                Op::FStart => f.fbuf.push(String::new()),
                Op::FLit(k) => {
                    let t = &code.texts[k as usize];
                    f.fbuf.last_mut().expect("an f-string buffer").push_str(t);
                }
                Op::FField(conv, has_spec) => {
                    let spec = if has_spec {
                        f.fbuf.pop().expect("a spec buffer")
                    } else {
                        String::new()
                    };
                    let v = f.pop();
                    let text = self.format_field(v, conv, &spec)?;
                    f.fbuf
                        .last_mut()
                        .expect("an f-string buffer")
                        .push_str(&text);
                }
                Op::FEnd => {
                    let s = f.fbuf.pop().expect("an f-string buffer");
                    let v = self.new_str(s);
                    f.stack.push(v);
                }
            }
        }
    }

    fn unbound_cell(&self, code: &Code, i: u32) -> PyError {
        let i = i as usize;
        if i < code.cellvars.len() {
            unbound_local(&code.cellvars[i])
        } else {
            unbound_free(&code.freevars[i - code.cellvars.len()])
        }
    }
}
