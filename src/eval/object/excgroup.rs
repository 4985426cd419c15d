//! Exception groups (PEP 654) as CPython 3.11's `Objects/exceptions.c` and `ceval.c` build them:
//! `BaseExceptionGroup.__new__`, `split`/`subgroup`/`derive` (`exceptiongroup_split_recursive`,
//! `exceptiongroup_subset`), and what `except*` runs: `exception_group_match` (CHECK_EG_MATCH)
//! and `_PyExc_PrepReraiseStar` (PREP_RERAISE_STAR), which tells a re-raised part of the group
//! from a newly raised exception by comparing `__traceback__`, `__cause__` and `__context__`
//! by identity (`PyExc::tb` stands for the traceback object).

use std::collections::HashSet;
use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::classobj::PyClass;
use crate::eval::object::excobj::{Group, PyExc};
use crate::eval::object::fxmap::FxBuild;
use crate::eval::object::nesting::Nesting;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Conv, Row};

/// The attributes and methods of `BaseExceptionGroup` (`with_traceback` and `add_note` are
/// `BaseException`'s).
pub const ROWS: &[Row] = &[
    Row::attr("BaseExceptionGroup.message", message),
    Row::attr("BaseExceptionGroup.exceptions", exceptions),
    Row::method("BaseExceptionGroup.split", "!(matcher_value, /)", split).conv(Conv::UnpackTuple),
    Row::method(
        "BaseExceptionGroup.subgroup",
        "!(matcher_value, /)",
        subgroup,
    )
    .conv(Conv::UnpackTuple),
    // PyArg_ParseTuple(args, "O"): `function takes exactly 1 argument (0 given)`
    Row::method("BaseExceptionGroup.derive", "!function(excs, /)", derive).conv(Conv::ParseTuple),
];

pub(crate) fn is_group_kind(kind: ErrorKind) -> bool {
    kind.is_subclass_of(ErrorKind::BaseExceptionGroup)
}

fn is_group(v: &Value) -> bool {
    matches!(v, Value::Exception(x) if is_group_kind(x.kind))
}

fn this_group(a: &Bound) -> PyResult<Rc<PyExc>> {
    match &a.this {
        Value::Exception(x) if is_group_kind(x.kind) => Ok(x.clone()),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "BaseExceptionGroup",
            &other.type_name(),
        )),
    }
}

fn message(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let x = this_group(&a)?;
    Ok(it.group_parts(&x)?.0)
}

fn exceptions(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let x = this_group(&a)?;
    Ok(match &x.group {
        Some(g) => g.exceptions.clone(),
        None => {
            let excs = it.group_parts(&x)?.1;
            it.new_tuple(excs)
        }
    })
}

fn split(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.this.clone();
    let m = it.matcher(a.req("matcher_value")?)?;
    let (matched, rest) = it.split_recursive(&x, &m, true)?;
    Ok(it.new_tuple(vec![
        matched.unwrap_or(Value::None),
        rest.unwrap_or(Value::None),
    ]))
}

fn subgroup(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.this.clone();
    let m = it.matcher(a.req("matcher_value")?)?;
    Ok(it.split_recursive(&x, &m, false)?.0.unwrap_or(Value::None))
}

/// `eg.derive(excs)`: `BaseExceptionGroup(eg.message, excs)`, whatever `eg`'s class.
fn derive(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_group(&a)?;
    let excs = a.req("excs")?;
    let message = it.group_parts(&x)?.0;
    it.new_exception_group(
        ErrorKind::BaseExceptionGroup,
        None,
        vec![message, excs],
        Vec::new(),
    )
}

/// What `split` and `subgroup` match leaves with (`get_matcher_type`).
enum Matcher {
    /// An exception class or a tuple of them.
    Type(Value),
    /// A Python function called with each exception.
    Predicate(Value),
    /// The leaves to keep, by identity (the interpreter's own projection).
    Leaves(HashSet<u64, FxBuild>),
}

fn is_exception_class(v: &Value) -> bool {
    match v {
        Value::Type(t) => matches!(t.kind, TypeKind::Exception(_)),
        Value::Class(c) => c.exc_kind.is_some(),
        _ => false,
    }
}

fn is_group_class(v: &Value) -> bool {
    match v {
        Value::Type(t) => matches!(t.kind, TypeKind::Exception(k) if is_group_kind(k)),
        Value::Class(c) => c.exc_kind.is_some_and(is_group_kind),
        _ => false,
    }
}

impl Interp {
    /// `BaseExceptionGroup.__new__` (then `__init__`'s keyword check), in CPython 3.11's order:
    /// `PyArg_ParseTuple("UO")`, a non-empty sequence of exceptions; `BaseExceptionGroup` of
    /// `Exception`s only is an `ExceptionGroup`. `class` is a user's subclass, whose own
    /// `__init__` (`has_init`) takes the keywords.
    pub(crate) fn new_exception_group(
        &mut self,
        kind: ErrorKind,
        class: Option<Rc<PyClass>>,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        const NEW: &str = "BaseExceptionGroup.__new__";
        let [message, excs] = <[Value; 2]>::try_from(args)
            .map_err(|a| PyError::parse_tuple_count(NEW, 2, 2, a.len()))?;
        if !matches!(message, Value::Str(_)) {
            return Err(PyError::str_argument_must_be_str(
                NEW,
                1,
                &message.type_name(),
            ));
        }
        // PySequence_Check: what indexes by position (not sets, dicts or iterators)
        let is_sequence = matches!(
            excs,
            Value::List(_)
                | Value::Tuple(_)
                | Value::Range(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Array(_)
        );
        if !is_sequence {
            return Err(PyError::exception_group_not_sequence());
        }
        let items = self.collect(&excs)?;
        if items.is_empty() {
            return Err(PyError::exception_group_empty());
        }
        let mut all_exceptions = true;
        for (i, x) in items.iter().enumerate() {
            match x {
                Value::Exception(e) => {
                    all_exceptions &= e.kind.is_subclass_of(ErrorKind::Exception);
                }
                _ => return Err(PyError::exception_group_item(i)),
            }
        }
        let kind = match (&class, kind) {
            (None, ErrorKind::BaseExceptionGroup) if all_exceptions => ErrorKind::ExceptionGroup,
            (None, ErrorKind::ExceptionGroup) if !all_exceptions => {
                return Err(PyError::cannot_nest_base_exceptions());
            }
            (Some(c), k) if !all_exceptions && k.is_subclass_of(ErrorKind::Exception) => {
                return Err(PyError::cannot_nest_base_exceptions_in(&c.name));
            }
            (_, k) => k,
        };
        let has_init = class
            .as_ref()
            .is_some_and(|c| c.lookup("__init__").is_some());
        if !kw.is_empty() && !has_init {
            let name = class.as_ref().map_or(kind.name(), |c| c.name.as_str());
            return Err(PyError::takes_no_keyword_arguments(name));
        }
        let exceptions = match &excs {
            Value::Tuple(_) => excs.clone(),
            _ => self.new_tuple(items),
        };
        let t = self.new_tuple(vec![message.clone(), excs]);
        let group = Group {
            message,
            exceptions,
        };
        Ok(self.make_exception(kind, class, t, None, Some(group)))
    }

    /// An exception group's message and its exceptions.
    pub(crate) fn group_parts(&mut self, x: &PyExc) -> PyResult<(Value, Vec<Value>)> {
        if let Some(g) = &x.group {
            let excs = match &g.exceptions {
                Value::Tuple(t) => t.items.clone(),
                _ => Vec::new(),
            };
            return Ok((g.message.clone(), excs));
        }
        let args = x.args.borrow().clone();
        let (message, excs) = match &args {
            Value::Tuple(t) if t.items.len() == 2 => (t.items[0].clone(), t.items[1].clone()),
            _ => (Value::None, Value::None),
        };
        let excs = if excs.is_none() {
            Vec::new()
        } else {
            self.collect(&excs)?
        };
        Ok((message, excs))
    }

    /// `get_matcher_type`: a Python function, an exception class, or an exact tuple of them.
    fn matcher(&mut self, v: Value) -> PyResult<Matcher> {
        match &v {
            Value::Function(_) => Ok(Matcher::Predicate(v)),
            _ if is_exception_class(&v) => Ok(Matcher::Type(v)),
            Value::Tuple(t) if t.items.iter().all(is_exception_class) => Ok(Matcher::Type(v)),
            _ => Err(PyError::split_matcher_type()),
        }
    }

    fn split_matches(&mut self, exc: &Value, m: &Matcher) -> PyResult<bool> {
        match m {
            Matcher::Type(t) => self.exception_matches(exc, t),
            Matcher::Predicate(f) => {
                let r = self.call(f, vec![exc.clone()], vec![])?;
                self.truthy(&r)
            }
            Matcher::Leaves(ids) => Ok(!is_group(exc) && ids.contains(&self.id_of(exc))),
        }
    }

    /// `exceptiongroup_split_recursive`: the part of `exc` that matches and (when
    /// `construct_rest`) the part that does not, each derived from the group it came from.
    fn split_recursive(
        &mut self,
        exc: &Value,
        m: &Matcher,
        construct_rest: bool,
    ) -> PyResult<(Option<Value>, Option<Value>)> {
        if self.split_matches(exc, m)? {
            return Ok((Some(exc.clone()), None));
        }
        let Value::Exception(x) = exc else {
            return Ok((None, None));
        };
        if !is_group_kind(x.kind) {
            return Ok((None, construct_rest.then(|| exc.clone())));
        }
        let excs = self.group_parts(x)?.1;
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for e in &excs {
            let (mt, rs) = self.nested(Nesting::Split, |it| {
                it.split_recursive(e, m, construct_rest)
            })?;
            matched.extend(mt);
            rest.extend(rs);
        }
        let matched = self.group_subset(exc, matched)?;
        let rest = if construct_rest {
            self.group_subset(exc, rest)?
        } else {
            None
        };
        Ok((matched, rest))
    }

    /// `exceptiongroup_subset`: `orig.derive(excs)` carrying `orig`'s traceback, cause and
    /// context; nothing for no exceptions.
    fn group_subset(&mut self, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
        if excs.is_empty() {
            return Ok(None);
        }
        let list = self.new_list(excs);
        let eg = self.call_method(orig, "derive", vec![list], Vec::new())?;
        let (Value::Exception(new), Value::Exception(old)) = (&eg, orig) else {
            return Err(PyError::derive_must_return_group());
        };
        if !is_group_kind(new.kind) {
            return Err(PyError::derive_must_return_group());
        }
        if old.tb.get() != 0 {
            new.tb.set(old.tb.get());
        }
        *new.context.borrow_mut() = old.context.borrow().clone();
        *new.cause.borrow_mut() = old.cause.borrow().clone();
        // PyException_SetCause, even of None, sets __suppress_context__
        new.suppress_context.set(true);
        // each part gets its own copy of a sequence of notes (3.11 keeps them in `__dict__`)
        let notes = old
            .dict
            .borrow()
            .iter()
            .find(|(k, _)| &**k == "__notes__")
            .map(|(_, v)| v.clone());
        if let Some(n @ (Value::List(_) | Value::Tuple(_))) = notes {
            let items = self.collect(&n)?;
            let copy = self.new_list(items);
            let mut dict = new.dict.borrow_mut();
            dict.retain(|(k, _)| &**k != "__notes__");
            dict.push((Rc::from("__notes__"), copy));
        }
        Ok(Some(eg))
    }

    /// CHECK_EG_MATCH's `check_except_star_type_valid`: exception classes, and no group class.
    fn check_except_star_type(&mut self, ty: &Value) -> PyResult<()> {
        let items = match ty {
            Value::Tuple(t) => t.items.clone(),
            _ => vec![ty.clone()],
        };
        if !items.iter().all(is_exception_class) {
            return Err(PyError::catching_non_exception());
        }
        if items.iter().any(is_group_class) {
            return Err(PyError::except_star_group());
        }
        Ok(())
    }

    /// CHECK_EG_MATCH (`exception_group_match`): `except* ty` against what is left of the
    /// exception. `Some((rest, match))` when part of it matches (a naked exception is wrapped in
    /// `ExceptionGroup('', (exc,))`); `None` when nothing does.
    pub(crate) fn exception_group_match(
        &mut self,
        exc: &Value,
        ty: &Value,
    ) -> PyResult<Option<(Value, Value)>> {
        self.check_except_star_type(ty)?;
        if exc.is_none() {
            return Ok(None);
        }
        if self.exception_matches(exc, ty)? {
            let matched = if is_group(exc) {
                exc.clone()
            } else {
                let message = self.new_str(String::new());
                let excs = self.new_tuple(vec![exc.clone()]);
                self.new_exception_group(
                    ErrorKind::BaseExceptionGroup,
                    None,
                    vec![message, excs],
                    Vec::new(),
                )?
            };
            return Ok(Some((Value::None, matched)));
        }
        if is_group(exc) {
            let m = Matcher::Type(ty.clone());
            let (matched, rest) = self.split_recursive(exc, &m, true)?;
            return Ok(matched.map(|mt| (rest.unwrap_or(Value::None), mt)));
        }
        Ok(None)
    }

    /// `_PyExc_PrepReraiseStar`: what a `try`/`except*` raises at its end, from the exception
    /// it caught and the list of what its handlers raised plus the unhandled rest (`None`s
    /// skipped). Re-raised parts keep the original group's nesting (its projection on their
    /// leaves); newly raised exceptions join them in `ExceptionGroup('', [...])`.
    pub(crate) fn prep_reraise_star(&mut self, orig: &Value, excs: Vec<Value>) -> PyResult<Value> {
        if excs.is_empty() {
            return Ok(Value::None);
        }
        if !is_group(orig) {
            // a naked exception was wrapped: only one handler ran
            return Ok(excs.into_iter().next().unwrap_or(Value::None));
        }
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for e in excs {
            if e.is_none() {
                continue;
            }
            if self.same_exception_metadata(&e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let mut leaves = HashSet::default();
        for e in &reraised {
            self.leaf_ids(e, &mut leaves)?;
        }
        let projection = self
            .split_recursive(orig, &Matcher::Leaves(leaves), false)?
            .0;
        if raised.is_empty() {
            return Ok(projection.unwrap_or(Value::None));
        }
        raised.extend(projection);
        if raised.len() == 1 {
            return Ok(raised.pop().unwrap_or(Value::None));
        }
        let message = self.new_str(String::new());
        let list = self.new_list(raised);
        self.new_exception_group(
            ErrorKind::BaseExceptionGroup,
            None,
            vec![message, list],
            Vec::new(),
        )
    }

    /// `is_same_exception_metadata` (3.11 keeps notes in `__dict__` and does not compare them).
    fn same_exception_metadata(&self, a: &Value, b: &Value) -> bool {
        let (Value::Exception(x), Value::Exception(y)) = (a, b) else {
            return false;
        };
        let same = |p: &Option<Value>, q: &Option<Value>| match (p, q) {
            (None, None) => true,
            (Some(p), Some(q)) => self.is_same(p, q),
            _ => false,
        };
        x.tb.get() == y.tb.get()
            && same(&x.cause.borrow(), &y.cause.borrow())
            && same(&x.context.borrow(), &y.context.borrow())
    }

    /// `collect_exception_group_leaf_ids`.
    fn leaf_ids(&mut self, exc: &Value, ids: &mut HashSet<u64, FxBuild>) -> PyResult<()> {
        match exc {
            Value::Exception(x) if is_group_kind(x.kind) => {
                for e in self.group_parts(x)?.1 {
                    self.nested(Nesting::LeafIds, |it| it.leaf_ids(&e, ids))?;
                }
            }
            Value::Exception(_) => {
                ids.insert(self.id_of(exc));
            }
            _ => {}
        }
        Ok(())
    }

    /// An exception entering a frame by being raised there, or by propagating out of a frame
    /// it was raised in: CPython's `PyTraceBack_Here` gives it a new traceback object.
    pub(crate) fn new_traceback(&mut self, e: &PyError) {
        if let Some(key) = e.object
            && let Some(Value::Exception(x)) = self.raised.get(&key)
        {
            self.tracebacks += 1;
            x.tb.set(self.tracebacks);
        }
    }
}
