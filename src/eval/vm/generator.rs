//! Generators: a function whose body yields runs lazily. Its frame stays on the heap between
//! `next()`s; each step resumes it until the next `yield`. `send`, `throw` and `close` as in
//! CPython, and `StopIteration` carries a `return` value.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::eval::vm::frame::{Exit, Frame, GenState};

/// What resuming a generator gives.
pub enum Step {
    Yielded(Value),
    Returned(Value),
}

impl Interp {
    /// A generator object for a frame that has not started.
    pub(crate) fn new_generator(&mut self, frame: Frame) -> Value {
        let code = frame.code.clone();
        let nlocalsplus = code.varnames.len() + code.cellvars.len() + code.freevars.len()
            - code.cell_params.len();
        // CPython 3.11: the generator object embeds its frame
        let size = 168 + 8 * (nlocalsplus + code.stacksize as usize);
        Value::Iter(Rc::new(PyIter {
            id: self.ctx.heap.object(size),
            kind: "generator",
            state: std::cell::RefCell::new(IterState::Gen(Box::new(GenState {
                frame: Some(Box::new(frame)),
                name: code.name.clone(),
                qualname: code.qualname.clone(),
                started: false,
            }))),
        }))
    }

    /// Resumes a generator with a value sent in (None for `next`), or an exception thrown in.
    pub(crate) fn gen_resume(
        &mut self,
        it: &Rc<PyIter>,
        sent: Value,
        thrown: Option<PyError>,
    ) -> PyResult<Step> {
        let (mut frame, started) = {
            let Ok(mut st) = it.state.try_borrow_mut() else {
                return Err(PyError::value("generator already executing"));
            };
            let IterState::Gen(g) = &mut *st else {
                return Ok(Step::Returned(Value::None));
            };
            let Some(frame) = g.frame.take() else {
                // finished (or running: the frame is out while it runs)
                if g.started && thrown.is_none() {
                    return Ok(Step::Returned(Value::None));
                }
                return match thrown {
                    Some(e) => Err(e),
                    None => Err(PyError::value("generator already executing")),
                };
            };
            let started = g.started;
            g.started = true;
            (frame, started)
        };
        if !started && !sent.is_none() && thrown.is_none() {
            self.put_back(it, Some(frame), false);
            return Err(PyError::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        let r = match thrown {
            Some(e) => {
                // raise at the paused `yield`: unwind from there
                self.resume_with_error(&mut frame, e)
            }
            None => {
                if started {
                    frame.stack.push(sent);
                }
                self.run_nested(&mut frame)
            }
        };
        match r {
            Ok(Exit::Yield(v)) => {
                self.put_back(it, Some(frame), true);
                Ok(Step::Yielded(v))
            }
            Ok(Exit::Return(v)) => {
                self.put_back(it, None, true);
                Ok(Step::Returned(v))
            }
            Err(e) => {
                self.put_back(it, None, true);
                if e.kind == ErrorKind::StopIteration && e.object.is_some() {
                    // PEP 479: a StopIteration escaping a generator is a RuntimeError
                    return Err(PyError::new(
                        ErrorKind::RuntimeError,
                        "generator raised StopIteration",
                    ));
                }
                Err(e)
            }
        }
    }

    fn put_back(&mut self, it: &Rc<PyIter>, frame: Option<Box<Frame>>, started: bool) {
        if let Ok(mut st) = it.state.try_borrow_mut()
            && let IterState::Gen(g) = &mut *st
        {
            g.frame = frame;
            g.started = started;
        }
    }

    /// Runs a suspended frame from its `yield` as if that `yield` had raised `e`.
    fn resume_with_error(&mut self, frame: &mut Frame, e: PyError) -> PyResult<Exit> {
        // the frame resumes at the instruction after its yield; an error there unwinds through
        // its handler blocks exactly as one raised by the yield would
        frame.stack.push(Value::None);
        let mut pending = Some(e);
        self.run_nested_with(frame, &mut pending)
    }

    /// `next(g)`: the next value, or `None` when the generator is done.
    pub(crate) fn gen_next(&mut self, it: &Rc<PyIter>) -> PyResult<Option<Value>> {
        match self.gen_resume(it, Value::None, None)? {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Returned(_) => Ok(None),
        }
    }

    /// `yield from sub` one step: `Ok(value)` it yielded, or `Err(return value)` when done.
    pub(crate) fn send_to(&mut self, sub: &Value, v: Value) -> PyResult<Result<Value, Value>> {
        if let Value::Iter(it) = sub
            && matches!(*it.state.borrow(), IterState::Gen(_))
        {
            return Ok(match self.gen_resume(it, v, None)? {
                Step::Yielded(y) => Ok(y),
                Step::Returned(r) => Err(r),
            });
        }
        if !v.is_none() {
            return Err(PyError::attribute(format!(
                "'{}' object has no attribute 'send'",
                sub.type_name()
            )));
        }
        match sub {
            Value::Iter(it) => Ok(match self.iter_next(it)? {
                Some(y) => Ok(y),
                None => Err(Value::None),
            }),
            other => match self.call_dunder(other, "__next__", vec![]) {
                Ok(Some(y)) => Ok(Ok(y)),
                Ok(None) => Err(PyError::type_error(format!(
                    "'{}' object is not an iterator",
                    other.type_name()
                ))),
                Err(e) if e.kind == ErrorKind::StopIteration => {
                    Ok(Err(self.stop_iteration_value(&e)))
                }
                Err(e) => Err(e),
            },
        }
    }
}

/// The methods of generator objects (CPython 3.11's `gen_methods`: METH_O `send`, `throw`'s
/// `_PyArg_CheckPositional`, METH_NOARGS `close`).
pub const ROWS: &[Row] = &[
    Row::method("generator.send", "!(value, /)", send),
    Row::method("generator.throw", "!(typ, val?, tb?, /)", throw),
    Row::method("generator.close", "!()", close),
];

fn this_gen(a: &Bound) -> PyResult<Rc<PyIter>> {
    match &a.this {
        Value::Iter(i) if i.kind == "generator" => Ok(i.clone()),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "generator",
            &other.type_name(),
        )),
    }
}

fn send(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let g = this_gen(&a)?;
    let v = a.req("value")?;
    match it.gen_resume(&g, v, None)? {
        Step::Yielded(y) => Ok(y),
        Step::Returned(r) => Err(it.stop_iteration_with(r)),
    }
}

fn throw(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let g = this_gen(&a)?;
    // the deprecated (type, value, traceback) form raises the type with the value
    let exc = a.req("typ")?;
    let e = it.raise(Some(exc), None)?;
    match it.gen_resume(&g, Value::None, Some(e))? {
        Step::Yielded(y) => Ok(y),
        Step::Returned(r) => Err(it.stop_iteration_with(r)),
    }
}

fn close(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let g = this_gen(&a)?;
    let e = PyError::new(ErrorKind::GeneratorExit, "");
    let running = matches!(&*g.state.borrow(), IterState::Gen(s) if s.frame.is_some() && s.started);
    if !running {
        it.put_back(&g, None, true);
        return Ok(Value::None);
    }
    match it.gen_resume(&g, Value::None, Some(e)) {
        Ok(Step::Yielded(_)) => Err(PyError::new(
            ErrorKind::RuntimeError,
            "generator ignored GeneratorExit",
        )),
        Ok(Step::Returned(_)) => Ok(Value::None),
        Err(e) if matches!(e.kind, ErrorKind::GeneratorExit | ErrorKind::StopIteration) => {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}
