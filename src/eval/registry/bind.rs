//! Binding a call's arguments to a row's spec, with the argument errors of the machinery that
//! parses them in CPython or NumPy (`Conv`): each convention checks in its own order and words
//! its messages its own way, and the first failing check decides what the student reads.

use crate::error::{PyError, PyResult};
use crate::eval::object::value::Value;
use crate::eval::registry::spec::{ParamKind, Spec};

/// Who parses a callable's arguments in CPython/NumPy, which decides the argument errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conv {
    /// CPython's C functions: METH_O (`len() takes exactly one argument (2 given)`),
    /// METH_NOARGS, `_PyArg_CheckPositional` (`divmod expected 2 arguments, got 1`) or
    /// Argument Clinic / `PyArg_ParseTupleAndKeywords` with keywords (`round() missing
    /// required argument 'number' (pos 1)`), chosen by the shape of the spec.
    CPython,
    /// `PyArg_ParseTuple` without keywords: `startswith() takes at least 1 argument (0
    /// given)`; a spec named `function` is anonymous (`function takes exactly 0 arguments`).
    ParseTuple,
    /// A Python `def` (NumPy's Python-level functions): ceval's messages, `sum() missing 1
    /// required positional argument: 'a'`.
    Python,
    /// A Python class's `__init__` (or `__new__`), called through the class: ceval's messages,
    /// which count the bound receiver the spec leaves out (`iinfo.__init__() takes 2
    /// positional arguments but 3 were given`).
    PyInit,
    /// A C type's constructor: `_PyArg_CheckPositional` and `_PyArg_NoKeywords` named after
    /// the type (`cycle expected 1 argument, got 0`, `cycle() takes no keyword arguments`), or
    /// Argument Clinic when it takes keywords (`count() takes at most 2 arguments (3 given)`).
    CType,
    /// A C method's `PyArg_UnpackTuple` under METH_VARARGS: keywords refused with its qualified
    /// name (`BaseExceptionGroup.split() takes no keyword arguments`), then the count in
    /// `_PyArg_CheckPositional`'s words (`split expected 1 argument, got 0`).
    UnpackTuple,
    /// `PyArg_ParseTupleAndKeywords` (NumPy's scalar types, `np.dtype`, `np.ndarray`): the
    /// keyword path even when only positional parameters exist (`'x' is an invalid keyword
    /// argument for this function`, `function takes at most 1 argument (2 given)` when the
    /// format has no name, i.e. the spec is named `function`).
    ParseTupleAndKeywords,
    /// NumPy's `npy_parse_arguments` (its C functions and methods): `zeros() takes from 1 to
    /// 3 positional arguments but 4 were given`, `array() missing required argument 'object'
    /// (pos 0)`.
    Npy,
    /// A ufunc's own parser, with its number of inputs and outputs: `add() takes from 2 to 3
    /// positional arguments but 1 was given`.
    Ufunc { nin: u8, nout: u8 },
    /// A slot wrapper (`__len__`, `__next__`, `__getitem__`): keywords refused as `wrapper
    /// __next__() takes no keyword arguments`, then `check_num_args` (`expected 1 argument,
    /// got 0`).
    Wrapper,
    /// A C type whose `__new__` takes `(first, /, *rest)` and checks the leading arguments by
    /// hand (`operator.itemgetter`, `functools.partial`, `map`): keywords refused unless the
    /// spec takes `**kwargs` (`itemgetter() takes no keyword arguments`), then its own
    /// sentence when fewer than the spec's required positionals came.
    FirstByHand(Missing),
    /// A callable that takes its positional arguments as one tuple and parses only its
    /// keywords, with `PyArg_ParseTupleAndKeywords` on an empty tuple: named (`zip() takes at
    /// most 1 keyword argument (2 given)`, `'x' is an invalid keyword argument for zip()`), or
    /// anonymous when the spec is named `function` (`ndarray.resize`'s `function takes at most
    /// 1 keyword argument (2 given)`, `'k' is an invalid keyword argument for this function`).
    KeywordsOnly,
    /// The row's function parses its arguments itself: they arrive unbound, positional ones
    /// in `Bound::star` and keywords in `Bound::kwargs`. Only `enumerate` needs it: CPython
    /// 3.11's `enumerate_vectorcall` parses by hand, matching keyword *names* against the
    /// argument count (`enumerate(start=1)` is "'start' is an invalid keyword argument",
    /// `enumerate(iterable=[], start=1, x=2)` is "missing required argument 'iterable'"),
    /// which no spec convention words the same.
    Own,
}

/// How a `Conv::FirstByHand` type words a call without its first argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// `PyArg_UnpackTuple(args, name, 1, 1)` on the lone argument: `itemgetter expected 1
    /// argument, got 0`.
    Unpack,
    /// `methodcaller needs at least one argument, the method name`.
    MethodName,
    /// `type 'partial' takes at least one argument`.
    TypeAtLeastOne,
    /// `map() must have at least two arguments.`
    AtLeastTwo,
}

/// A call's arguments bound to the parameters of its row: what a row's function receives.
pub struct Bound {
    /// The short name of the callable (`round`, `append`), for messages its function writes.
    pub func: &'static str,
    /// The receiver for methods and attributes (`None` for plain functions).
    pub this: Value,
    spec: &'static Spec,
    /// One slot per parameter of the spec, in order (`*args`/`**kwargs` slots stay empty).
    slots: Vec<Option<Value>>,
    /// What `*args` collected.
    pub star: Vec<Value>,
    /// What `**kwargs` collected.
    pub kwargs: Vec<(String, Value)>,
    /// How many arguments came by position.
    pub n_positional: usize,
}

impl Bound {
    /// A receiver with no arguments (attributes and properties).
    pub fn receiver(func: &'static str, this: Value, spec: &'static Spec) -> Bound {
        Bound {
            func,
            this,
            spec,
            slots: vec![None; spec.params.len()],
            star: Vec::new(),
            kwargs: Vec::new(),
            n_positional: 0,
        }
    }

    /// The slot of `name`; `None` when this row's spec lacks it (one function may serve rows
    /// whose specs differ: `array` has `ndmin`, `asarray` has not).
    fn slot(&self, name: &str) -> Option<usize> {
        self.spec.index_of(name)
    }

    /// The value given for `name`, if any (taking it out).
    pub fn take(&mut self, name: &str) -> Option<Value> {
        let i = self.slot(name)?;
        self.slots.get_mut(i).and_then(Option::take)
    }

    /// The value given for `name`, unless it is absent or `None`.
    pub fn take_some(&mut self, name: &str) -> Option<Value> {
        self.take(name).filter(|v| !v.is_none())
    }

    /// The given values of `names`, as keyword arguments (to hand a call on).
    pub fn given_keywords(&mut self, names: &[&str]) -> Vec<(String, Value)> {
        names
            .iter()
            .filter_map(|n| self.take(n).map(|v| (n.to_string(), v)))
            .collect()
    }

    /// Every given named parameter but `skip`, as keyword arguments (to hand a call on).
    pub fn given_keywords_except(&mut self, skip: &[&str]) -> Vec<(String, Value)> {
        let spec = self.spec;
        spec.params
            .iter()
            .zip(self.slots.iter_mut())
            .filter(|(p, _)| !skip.contains(&p.name))
            .filter_map(|(p, s)| s.take().map(|v| (p.name.to_string(), v)))
            .collect()
    }

    /// A required parameter (the binder made sure it is there).
    pub fn req(&mut self, name: &str) -> PyResult<Value> {
        debug_assert!(self.slot(name).is_some(), "no parameter {name}");
        self.take(name)
            .ok_or_else(|| PyError::type_error(format!("missing required argument '{name}'")))
    }

    pub fn given(&self, name: &str) -> bool {
        self.slot(name)
            .is_some_and(|i| self.slots.get(i).is_some_and(Option::is_some))
    }

    /// The default the spec writes for `name` (`None`, `50`, `'K'`, `True`).
    pub fn default_text(&self, name: &str) -> Option<&'static str> {
        let i = self.slot(name)?;
        self.spec.params.get(i).and_then(|p| p.default)
    }
}

/// Binds positional and keyword arguments to `spec` as `conv` would, or its TypeError.
/// `qualname` is the callable's name as CPython's generic checks print it (`list.append`,
/// `len`, `math.sqrt`); `name` the short one parsers print (`append`, `sum`).
pub fn bind(
    conv: Conv,
    spec: &'static Spec,
    qualname: &str,
    func: &'static str,
    this: Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Bound> {
    let name = spec.call_name.unwrap_or(func);
    let mut b = Bound {
        func,
        this,
        spec,
        slots: vec![None; spec.params.len()],
        star: Vec::new(),
        kwargs: Vec::new(),
        n_positional: args.len(),
    };
    match conv {
        Conv::CPython => cpython(&mut b, qualname, name, args, kw, false)?,
        Conv::CType => cpython(&mut b, name, name, args, kw, true)?,
        Conv::ParseTuple => parse_tuple(&mut b, qualname, name, args, kw)?,
        Conv::ParseTupleAndKeywords => unpack_keywords(&mut b, name, args, kw)?,
        Conv::UnpackTuple => {
            if !kw.is_empty() {
                return Err(PyError::takes_no_keyword_arguments(qualname));
            }
            let (min, max, n) = (spec.required_positional(), spec.positional(), args.len());
            if n < min || n > max {
                return Err(PyError::positional_count(name, min, max, n));
            }
            fill_positional(&mut b, args);
        }
        Conv::Python => python(&mut b, name, args, kw, 0)?,
        Conv::PyInit => python(&mut b, name, args, kw, 1)?,
        Conv::Npy => npy(&mut b, qualname, name, args, kw)?,
        Conv::Ufunc { nin, nout } => ufunc(&mut b, name, (nin as usize, nout as usize), args, kw)?,
        Conv::Wrapper => {
            if !kw.is_empty() {
                return Err(PyError::wrapper_no_keywords(func));
            }
            let expected = spec.positional();
            if args.len() != expected {
                return Err(PyError::wrapper_arg_count(expected, args.len()));
            }
            fill_positional(&mut b, args);
        }
        Conv::FirstByHand(missing) => {
            if !spec.has_varkeywords() && !kw.is_empty() {
                return Err(PyError::takes_no_keyword_arguments(name));
            }
            if args.len() < spec.required_positional() {
                return Err(match missing {
                    Missing::Unpack => PyError::positional_count(name, 1, 1, 0),
                    Missing::MethodName => PyError::methodcaller_needs_name(),
                    Missing::TypeAtLeastOne => PyError::type_takes_at_least_one_argument(name),
                    Missing::AtLeastTwo => PyError::map_needs_two_arguments(),
                });
            }
            fill_positional(&mut b, args);
            b.kwargs = kw;
        }
        Conv::Own => {
            b.star = args;
            b.kwargs = kw;
        }
        Conv::KeywordsOnly => {
            let named = spec.named();
            let anonymous = name == "function";
            if kw.len() > named {
                return Err(if anonymous {
                    PyError::anonymous_too_many_keywords(named, kw.len())
                } else {
                    PyError::takes_at_most_arguments_kw(name, named, true, kw.len())
                });
            }
            for (k, v) in kw {
                match keyword_slot(spec, &k) {
                    Some(i) => b.slots[i] = Some(v),
                    None if anonymous => return Err(PyError::anonymous_invalid_keyword(&k)),
                    None => return Err(PyError::invalid_keyword_argument(&k, name)),
                }
            }
            b.star = args;
        }
    }
    Ok(b)
}

/// Fills the positional slots in order; what is left over goes to `*args` (if there is one)
/// and is returned.
fn fill_positional(b: &mut Bound, args: Vec<Value>) -> Vec<Value> {
    let npos = b.spec.positional();
    let mut extra = Vec::new();
    for (i, v) in args.into_iter().enumerate() {
        if i < npos {
            b.slots[i] = Some(v);
        } else {
            extra.push(v);
        }
    }
    if b.spec.has_varargs() {
        b.star = std::mem::take(&mut extra);
    }
    extra
}

/// The slot a keyword fills: a named parameter that is not positional-only.
fn keyword_slot(spec: &Spec, k: &str) -> Option<usize> {
    spec.params.iter().position(|p| {
        p.name == k
            && matches!(
                p.kind,
                ParamKind::PositionalOrKeyword | ParamKind::KeywordOnly
            )
    })
}

fn cpython(
    b: &mut Bound,
    qualname: &str,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
    is_type: bool,
) -> PyResult<()> {
    let spec = b.spec;
    let n = args.len();
    let keywords_taken = spec.params.iter().any(|p| {
        matches!(
            p.kind,
            ParamKind::PositionalOrKeyword | ParamKind::KeywordOnly
        )
    });
    if !keywords_taken && !spec.has_varkeywords() {
        if !kw.is_empty() {
            return Err(PyError::takes_no_keyword_arguments(qualname));
        }
        let (min, max) = (
            spec.required_positional(),
            if spec.has_varargs() {
                usize::MAX
            } else {
                spec.positional()
            },
        );
        // METH_O and METH_NOARGS name the function with its qualified name (a type's
        // constructor always checks with `_PyArg_CheckPositional`)
        if is_type {
            if n < min || n > max {
                return Err(PyError::positional_count(name, min, max, n));
            }
        } else if spec.params.len() == 1 && min == 1 && max == 1 {
            if n != 1 {
                return Err(PyError::takes_exactly_one_argument(qualname, n));
            }
        } else if spec.params.is_empty() {
            if n != 0 {
                return Err(PyError::takes_no_arguments(qualname, n));
            }
        } else if n < min || n > max {
            return Err(PyError::positional_count(name, min, max, n));
        }
        fill_positional(b, args);
        return Ok(());
    }
    unpack_keywords(b, name, args, kw)
}

/// Argument Clinic's `_PyArg_UnpackKeywords` (and `PyArg_ParseTupleAndKeywords`), in its order;
/// a spec named `function` is anonymous.
fn unpack_keywords(
    b: &mut Bound,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<()> {
    let spec = b.spec;
    let n = args.len();
    let posonly = spec.positional_only();
    let maxpos = spec.positional();
    let maxargs = spec.named();
    let minpos = spec.required_positional();
    let minposonly = posonly.min(minpos);
    if !spec.has_varargs() && !spec.has_varkeywords() && n + kw.len() > maxargs {
        return Err(PyError::takes_at_most_arguments_kw(
            name,
            maxargs,
            n == 0,
            n + kw.len(),
        ));
    }
    if !spec.has_varargs() && n > maxpos {
        return Err(if maxpos == 0 {
            PyError::takes_no_positional_arguments(name)
        } else {
            let how = if minpos < maxpos {
                "at most"
            } else {
                "exactly"
            };
            PyError::takes_positional_arguments(name, how, maxpos, n)
        });
    }
    if n < minposonly {
        let how = if minposonly < maxpos {
            "at least"
        } else {
            "exactly"
        };
        return Err(PyError::takes_positional_arguments(
            name, how, minposonly, n,
        ));
    }
    fill_positional(b, args);
    let mut rest: Vec<(String, Value)> = Vec::new();
    let mut twice: Option<(String, usize)> = None;
    for (k, v) in kw {
        match keyword_slot(spec, &k) {
            Some(i) if b.slots[i].is_none() => b.slots[i] = Some(v),
            Some(i) => {
                // reported after the missing ones, first by parameter order
                if twice.as_ref().is_none_or(|(_, j)| i < *j) {
                    twice = Some((k, i));
                }
            }
            None => rest.push((k, v)),
        }
    }
    for (i, p) in spec.params.iter().enumerate() {
        let named = !matches!(p.kind, ParamKind::VarArgs | ParamKind::VarKeywords);
        if named && !p.optional && b.slots[i].is_none() {
            return Err(PyError::missing_required_argument_pos(name, p.name, i + 1));
        }
    }
    if let Some((k, i)) = twice {
        return Err(PyError::given_by_name_and_position(name, &k, i + 1));
    }
    if spec.has_varkeywords() {
        b.kwargs = rest;
    } else if let Some((k, _)) = rest.first() {
        return Err(match name {
            "function" => PyError::anonymous_invalid_keyword(k),
            _ => PyError::invalid_keyword_argument(k, name),
        });
    }
    Ok(())
}

fn parse_tuple(
    b: &mut Bound,
    qualname: &str,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<()> {
    let spec = b.spec;
    if !kw.is_empty() {
        return Err(PyError::takes_no_keyword_arguments(qualname));
    }
    let n = args.len();
    let min = spec.required_positional();
    let max = spec.positional();
    if !spec.has_varargs() && (n < min || n > max) {
        return Err(PyError::parse_tuple_count(name, min, max, n));
    }
    fill_positional(b, args);
    Ok(())
}

/// ceval's binding; `receiver` is 1 when a bound `self`/`cls` precedes the spec's parameters
/// (it counts in the too-many-positional message, never in the others).
fn python(
    b: &mut Bound,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
    receiver: usize,
) -> PyResult<()> {
    let spec = b.spec;
    let n = args.len();
    let extra = fill_positional(b, args);
    // ceval's keyword loop comes first
    let mut posonly_by_name = Vec::new();
    for (k, v) in kw {
        match keyword_slot(spec, &k) {
            Some(i) if b.slots[i].is_none() => b.slots[i] = Some(v),
            Some(_) => return Err(PyError::multiple_values(name, &k)),
            None if spec.has_varkeywords() => b.kwargs.push((k, v)),
            None if spec
                .params
                .iter()
                .any(|p| p.name == k && p.kind == ParamKind::PositionalOnly) =>
            {
                posonly_by_name.push(k);
            }
            None => return Err(PyError::unexpected_keyword(name, &k)),
        }
    }
    if !posonly_by_name.is_empty() {
        return Err(PyError::positional_only_as_keyword(
            name,
            &posonly_by_name.join(", "),
        ));
    }
    if !extra.is_empty() {
        let kwonly_given = spec
            .params
            .iter()
            .zip(&b.slots)
            .filter(|(p, s)| p.kind == ParamKind::KeywordOnly && s.is_some())
            .count();
        return Err(PyError::too_many_positional(
            name,
            spec.required_positional() + receiver,
            spec.positional() + receiver,
            n + receiver,
            kwonly_given,
        ));
    }
    let missing = |kind: ParamKind| -> Vec<&'static str> {
        spec.params
            .iter()
            .zip(&b.slots)
            .filter(|(p, s)| {
                let same = match kind {
                    ParamKind::KeywordOnly => p.kind == ParamKind::KeywordOnly,
                    _ => matches!(
                        p.kind,
                        ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
                    ),
                };
                same && !p.optional && s.is_none()
            })
            .map(|(p, _)| p.name)
            .collect()
    };
    let pos = missing(ParamKind::PositionalOrKeyword);
    if !pos.is_empty() {
        return Err(PyError::missing_arguments(name, "positional", &pos));
    }
    let kwonly = missing(ParamKind::KeywordOnly);
    if !kwonly.is_empty() {
        return Err(PyError::missing_arguments(name, "keyword-only", &kwonly));
    }
    Ok(())
}

fn npy(
    b: &mut Bound,
    qualname: &str,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<()> {
    let spec = b.spec;
    // a METH_FASTCALL function without keywords is refused before its parser runs
    let keywords_taken = spec.params.iter().any(|p| {
        matches!(
            p.kind,
            ParamKind::PositionalOrKeyword | ParamKind::KeywordOnly | ParamKind::VarKeywords
        )
    });
    if !keywords_taken && !kw.is_empty() {
        return Err(PyError::takes_no_keyword_arguments(qualname));
    }
    let n = args.len();
    let (nrequired, npositional) = (spec.required_positional(), spec.positional());
    if n > npositional && !spec.has_varargs() {
        return Err(PyError::npy_positional_count(
            name,
            nrequired,
            npositional,
            n,
        ));
    }
    fill_positional(b, args);
    for (k, v) in kw {
        match keyword_slot(spec, &k) {
            Some(i) if b.slots[i].is_none() => b.slots[i] = Some(v),
            Some(i) => return Err(PyError::npy_given_by_name_and_position(name, &k, i)),
            None if spec.has_varkeywords() => b.kwargs.push((k, v)),
            None => return Err(PyError::unexpected_keyword(name, &k)),
        }
    }
    if let Some(i) = (0..nrequired).find(|&i| b.slots[i].is_none()) {
        let p = &spec.params[i];
        return Err(if p.kind == ParamKind::PositionalOnly {
            PyError::npy_missing_positional(name, i)
        } else {
            PyError::npy_missing_argument(name, p.name, i)
        });
    }
    Ok(())
}

/// A ufunc: `nin` inputs and up to `nout` outputs by position (the outputs go to `star`), or
/// `out=` by keyword, and the keyword-only options of its spec.
fn ufunc(
    b: &mut Bound,
    name: &str,
    (nin, nout): (usize, usize),
    mut args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<()> {
    let spec = b.spec;
    let n = args.len();
    if n < nin || n > nin + nout {
        return Err(PyError::too_many_positional(name, nin, nin + nout, n, 0));
    }
    b.star = args.split_off(nin);
    for (i, v) in args.into_iter().enumerate() {
        b.slots[i] = Some(v);
    }
    for (k, v) in kw {
        if k == "out" && n > nin {
            return Err(PyError::out_given_twice());
        }
        match keyword_slot(spec, &k) {
            Some(i) => b.slots[i] = Some(v),
            None => return Err(PyError::unexpected_keyword(name, &k)),
        }
    }
    Ok(())
}
