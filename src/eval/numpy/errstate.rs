//! NumPy's floating-point error state: `np.seterr`, `np.geterr`, `np.seterrcall`,
//! `np.geterrcall`, `with np.errstate(...)`, and what the flags a ufunc raised become under it
//! (`RuntimeWarning: divide by zero encountered in divide`, `FloatingPointError`, a callback).

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::fpe::FpFlags;

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.seterr",
        "(all=None, divide=None, over=None, under=None, invalid=None)",
        seterr,
    )
    .returns("dict"),
    Row::np_py("numpy.geterr", "()", geterr).returns("dict"),
    Row::np_py("numpy.seterrcall", "(func)", seterrcall),
    Row::np_py("numpy.geterrcall", "()", geterrcall),
    Row::class(
        "numpy.errstate",
        "errstate.__init__(*, call=<unspecified>, all=None, divide=None, over=None, under=None, invalid=None)",
        errstate,
    ),
    Row::method("numpy.errstate.__enter__", "()", enter),
    Row::method("numpy.errstate.__exit__", "(*exc_info)", exit),
];

const ERRSTATE_OWNERS: &[&str] = &["numpy.errstate"];

/// What NumPy does with one kind of floating-point error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrMode {
    Ignore,
    Warn,
    Raise,
    Call,
    Print,
    Log,
}

impl ErrMode {
    const ALL: [ErrMode; 6] = [
        ErrMode::Ignore,
        ErrMode::Warn,
        ErrMode::Raise,
        ErrMode::Call,
        ErrMode::Print,
        ErrMode::Log,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ErrMode::Ignore => "ignore",
            ErrMode::Warn => "warn",
            ErrMode::Raise => "raise",
            ErrMode::Call => "call",
            ErrMode::Print => "print",
            ErrMode::Log => "log",
        }
    }
}

/// The error state (NumPy's `extobj`): a mode per flag, in `FpFlags::ORDER` (divide, over,
/// under, invalid), and the `seterrcall` object.
#[derive(Clone)]
pub struct ErrState {
    pub modes: [ErrMode; 4],
    pub call: Value,
}

impl Default for ErrState {
    fn default() -> Self {
        ErrState {
            modes: [ErrMode::Warn, ErrMode::Warn, ErrMode::Ignore, ErrMode::Warn],
            call: Value::None,
        }
    }
}

/// The keys of `geterr()`'s dict, in its order.
const KEYS: [&str; 4] = ["divide", "over", "under", "invalid"];

impl ErrState {
    /// The flags someone acts on: the kernels check only these.
    fn watched(&self) -> FpFlags {
        let mut f = FpFlags::NONE;
        for ((flag, _), mode) in FpFlags::ORDER.iter().zip(self.modes) {
            if mode != ErrMode::Ignore {
                f = f.union(*flag);
            }
        }
        f
    }
}

/// A `errstate` object: its keyword arguments, and the state it replaced while entered.
struct ErrstateObj {
    /// `call=`, when given.
    call: Option<Value>,
    all: Option<Value>,
    each: [Option<Value>; 4],
    /// The state before `__enter__` (kept after `__exit__`: NumPy's token is never reset, so an
    /// errstate object enters once).
    token: Option<ErrState>,
}

impl Interp {
    /// Installs an error state (and tells the kernels what to watch).
    pub(crate) fn set_errstate(&mut self, s: ErrState) {
        self.ctx.set_fp_watched(s.watched());
        self.errstate = s;
    }

    /// `mode` from a Python value: NumPy's `_make_extobj` message otherwise.
    fn err_mode(&mut self, v: &Value) -> PyResult<ErrMode> {
        if let Value::Str(s) = v
            && let Some(m) = ErrMode::ALL.into_iter().find(|m| m.name() == s.v)
        {
            return Ok(m);
        }
        let r = self.repr(v)?;
        Err(PyError::value(format!("invalid error mode {r}")))
    }

    /// The current state with `all=` then each given mode applied (None leaves a mode alone).
    fn updated_errstate(
        &mut self,
        all: Option<Value>,
        each: [Option<Value>; 4],
    ) -> PyResult<ErrState> {
        let mut s = self.errstate.clone();
        if let Some(v) = all.filter(|v| !v.is_none()) {
            let m = self.err_mode(&v)?;
            s.modes = [m; 4];
        }
        for (i, v) in each.into_iter().enumerate() {
            if let Some(v) = v.filter(|v| !v.is_none()) {
                s.modes[i] = self.err_mode(&v)?;
            }
        }
        Ok(s)
    }

    /// `geterr()`'s dict.
    fn errstate_dict(&mut self) -> PyResult<Value> {
        let modes = self.errstate.modes;
        let items = KEYS
            .iter()
            .zip(modes)
            .map(|(k, m)| (self.new_str((*k).into()), self.new_str(m.name().into())))
            .collect();
        self.new_dict(items)
    }

    /// Runs `f` with the modes of `flags` set to 'ignore' (NumPy's own
    /// `with errstate(invalid='ignore'):` inside `isclose` and friends).
    pub(crate) fn with_fp_ignored<R>(
        &mut self,
        flags: FpFlags,
        f: impl FnOnce(&mut Self) -> PyResult<R>,
    ) -> PyResult<R> {
        let saved = self.errstate.clone();
        let mut quiet = saved.clone();
        for (i, (flag, _)) in FpFlags::ORDER.iter().enumerate() {
            if flags.contains(*flag) {
                quiet.modes[i] = ErrMode::Ignore;
            }
        }
        self.set_errstate(quiet);
        let r = f(self);
        self.set_errstate(saved);
        r
    }

    /// Runs `f` as one NumPy operation named `name` (`scalar <name>` for NumPy's scalar
    /// math): the flags its kernels raise are handled by the error state when it ends (flags
    /// raised before it are kept for whoever runs around it).
    pub(crate) fn fp_scope<R>(
        &mut self,
        scalar: bool,
        name: &str,
        f: impl FnOnce(&mut Self) -> PyResult<R>,
    ) -> PyResult<R> {
        let outer = self.ctx.take_fp();
        let r = f(self);
        let mine = self.ctx.take_fp();
        self.ctx.raise_fp(outer);
        let r = r?;
        if !mine.is_empty() {
            self.fp_report(scalar, name, mine)?;
        }
        Ok(r)
    }

    /// What the error state makes of `flags` raised by the operation `name`, flag by flag in
    /// NumPy's order (`PyUFunc_handlefperr`): a warning, an error, a printed line, a call.
    pub(crate) fn fp_report(&mut self, scalar: bool, name: &str, flags: FpFlags) -> PyResult<()> {
        if flags.contains(FpFlags::COMPLEX_CAST) {
            self.warn(
                "ComplexWarning",
                "Casting complex values to real discards the imaginary part".into(),
            );
        }
        let name = if scalar {
            format!("scalar {name}")
        } else {
            name.to_string()
        };
        for (i, (flag, words)) in FpFlags::ORDER.iter().enumerate() {
            if !flags.contains(*flag) {
                continue;
            }
            let msg = format!("{words} encountered in {name}");
            match self.errstate.modes[i] {
                ErrMode::Ignore => {}
                ErrMode::Warn => self.warn("RuntimeWarning", msg),
                ErrMode::Raise => return Err(PyError::new(ErrorKind::FloatingPointError, msg)),
                // NumPy's C code writes this to stderr itself (the oracle cannot capture it)
                ErrMode::Print => self.warnings_print(format!("Warning: {msg}")),
                ErrMode::Call => {
                    let f = self.errstate.call.clone();
                    if f.is_none() {
                        return Err(PyError::new(
                            ErrorKind::NameError,
                            format!(
                                "python callback specified for {words} (in  {name}) but no function found."
                            ),
                        ));
                    }
                    let args = vec![self.new_str((*words).into()), self.new_i64(flags.0 as i64)];
                    self.call(&f, args, vec![])?;
                }
                ErrMode::Log => {
                    let obj = self.errstate.call.clone();
                    if obj.is_none() {
                        return Err(PyError::new(
                            ErrorKind::NameError,
                            format!(
                                "log specified for {words} (in {name}) but no object with write method found."
                            ),
                        ));
                    }
                    let line = self.new_str(format!("Warning: {msg}\n"));
                    self.call_method(&obj, "write", vec![line], vec![])?;
                }
            }
        }
        Ok(())
    }

    fn new_errstate(&mut self, obj: ErrstateObj) -> Value {
        Value::Native(Rc::new(NativeObj {
            id: self.ctx.heap.object(72),
            type_name: "numpy.errstate",
            owners: ERRSTATE_OWNERS,
            repr_head: None,
            slots: &NativeSlots::NONE,
            state: std::cell::RefCell::new(Box::new(obj)),
        }))
    }
}

fn seterr(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let all = a.take("all");
    let each = KEYS.map(|k| a.take(k));
    let s = it.updated_errstate(all, each)?;
    let old = it.errstate_dict()?;
    it.set_errstate(s);
    Ok(old)
}

fn geterr(it: &mut Interp, _: Bound) -> PyResult<Value> {
    it.errstate_dict()
}

/// `seterrcall(func)`: a callable, an object with a callable `write`, or None.
fn check_errcall(it: &mut Interp, f: &Value) -> PyResult<()> {
    if f.is_none() || it.is_callable(f) {
        return Ok(());
    }
    if let Ok(w) = it.getattr(f, "write")
        && it.is_callable(&w)
    {
        return Ok(());
    }
    Err(PyError::type_error(
        "python object must be callable or have a callable write method",
    ))
}

fn seterrcall(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let f = a.req("func")?;
    check_errcall(it, &f)?;
    Ok(std::mem::replace(&mut it.errstate.call, f))
}

fn geterrcall(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.errstate.call.clone())
}

fn errstate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let obj = ErrstateObj {
        call: a.take("call"),
        all: a.take("all"),
        each: KEYS.map(|k| a.take(k)),
        token: None,
    };
    Ok(it.new_errstate(obj))
}

fn with_obj<R>(v: &Value, f: impl FnOnce(&mut ErrstateObj) -> R) -> PyResult<R> {
    let Value::Native(n) = v else {
        return Err(PyError::type_error("not an errstate object"));
    };
    let mut state = n
        .state
        .try_borrow_mut()
        .map_err(|_| PyError::type_error("errstate busy"))?;
    let obj = state
        .downcast_mut::<ErrstateObj>()
        .ok_or_else(|| PyError::type_error("not an errstate object"))?;
    Ok(f(obj))
}

/// `errstate.__enter__`: the modes (and callback) given, on top of the current state.
fn enter(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (entered, call, all, each) = with_obj(&a.this, |o| {
        (
            o.token.is_some(),
            o.call.clone(),
            o.all.clone(),
            o.each.clone(),
        )
    })?;
    if entered {
        return Err(PyError::type_error("Cannot enter `np.errstate` twice."));
    }
    let mut s = it.updated_errstate(all, each)?;
    if let Some(c) = call {
        check_errcall(it, &c)?;
        s.call = c;
    }
    let old = it.errstate.clone();
    with_obj(&a.this, |o| o.token = Some(old))?;
    it.set_errstate(s);
    Ok(Value::None)
}

/// `errstate.__exit__`: the state from before `__enter__` comes back.
fn exit(it: &mut Interp, a: Bound) -> PyResult<Value> {
    if let Some(old) = with_obj(&a.this, |o| o.token.clone())? {
        it.set_errstate(old);
    }
    Ok(Value::None)
}
