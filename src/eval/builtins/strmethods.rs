//! The methods of `str` with CPython 3.11's semantics and argument errors: splitting, joining,
//! stripping, searching (with `start`/`end`), padding, case changes and the `is...` tests.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::builtins::args::Args;
use crate::eval::object::sequences::adjust_slice;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::eval::text::{codecs, search};

/// `len(s)`: characters, counted without a scan when the text is ASCII.
fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The methods of `str` (their bodies still parse their own arguments, in `str_method`).
pub const ROWS: &[Row] = &[
    Row::own_method("str.capitalize", "()", method),
    Row::own_method("str.casefold", "()", method),
    Row::own_method("str.center", "(width, fillchar=' ', /)", method),
    Row::own_method("str.count", "!(*args, **kwargs)", method),
    Row::own_method("str.encode", "(encoding='utf-8', errors='strict')", method),
    Row::own_method("str.endswith", "!(*args, **kwargs)", method),
    Row::own_method("str.expandtabs", "(tabsize=8)", method),
    Row::own_method("str.find", "!(*args, **kwargs)", method),
    Row::own_method("str.format", "!(*args, **kwargs)", method),
    Row::own_method("str.index", "!(*args, **kwargs)", method),
    Row::own_method("str.isalnum", "()", method),
    Row::own_method("str.isalpha", "()", method),
    Row::own_method("str.isascii", "()", method),
    Row::own_method("str.isdecimal", "()", method),
    Row::own_method("str.isdigit", "()", method),
    Row::own_method("str.isidentifier", "()", method),
    Row::own_method("str.islower", "()", method),
    Row::own_method("str.isnumeric", "()", method),
    Row::own_method("str.isspace", "()", method),
    Row::own_method("str.istitle", "()", method),
    Row::own_method("str.isupper", "()", method),
    Row::own_method("str.join", "(iterable, /)", method),
    Row::own_method("str.ljust", "(width, fillchar=' ', /)", method),
    Row::own_method("str.lower", "()", method),
    Row::own_method("str.lstrip", "(chars=None, /)", method),
    Row::own_method("str.partition", "(sep, /)", method),
    Row::own_method("str.removeprefix", "(prefix, /)", method),
    Row::own_method("str.removesuffix", "(suffix, /)", method),
    Row::own_method("str.replace", "(old, new, count=-1, /)", method),
    Row::own_method("str.rfind", "!(*args, **kwargs)", method),
    Row::own_method("str.rindex", "!(*args, **kwargs)", method),
    Row::own_method("str.rjust", "(width, fillchar=' ', /)", method),
    Row::own_method("str.rpartition", "(sep, /)", method),
    Row::own_method("str.rsplit", "(sep=None, maxsplit=-1)", method),
    Row::own_method("str.rstrip", "(chars=None, /)", method),
    Row::own_method("str.split", "(sep=None, maxsplit=-1)", method),
    Row::own_method("str.splitlines", "(keepends=False)", method),
    Row::own_method("str.startswith", "!(*args, **kwargs)", method),
    Row::own_method("str.strip", "(chars=None, /)", method),
    Row::own_method("str.swapcase", "()", method),
    Row::own_method("str.title", "()", method),
    Row::own_method("str.upper", "()", method),
    Row::own_method("str.zfill", "(width, /)", method),
];

fn method(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Str(s) => {
            let s = s.v.clone();
            it.str_method(&s, a.func, a.star, a.kwargs)
        }
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "str",
            &other.type_name(),
        )),
    }
}

/// Python's whitespace for `split()` and `strip()`.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// `str.title`: a cased character after an uncased one starts a word.
fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_lowercase() || c.is_uppercase();
    }
    out
}

/// CPython's `pad` for `center`: the odd space goes left when the width is odd.
fn center(s: &str, width: usize, fill: char) -> String {
    let n = s.chars().count();
    if n >= width {
        return s.to_string();
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    let pad = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    format!("{}{s}{}", pad(left), pad(marg - left))
}

/// `str.split(sep, maxsplit)` / `rsplit`: `None` splits on runs of whitespace.
fn split(s: &str, sep: Option<&str>, maxsplit: i64, from_right: bool) -> Vec<String> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some(sep) => {
            if from_right {
                let mut parts: Vec<String> = s
                    .rsplitn(max.saturating_add(1), sep)
                    .map(String::from)
                    .collect();
                parts.reverse();
                parts
            } else {
                s.splitn(max.saturating_add(1), sep)
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let cs: Vec<char> = s.chars().collect();
            let mut parts = Vec::new();
            if from_right {
                let mut end = cs.len();
                loop {
                    while end > 0 && is_py_space(cs[end - 1]) {
                        end -= 1;
                    }
                    if end == 0 {
                        break;
                    }
                    if parts.len() == max {
                        parts.push(cs[..end].iter().collect());
                        break;
                    }
                    let mut start = end;
                    while start > 0 && !is_py_space(cs[start - 1]) {
                        start -= 1;
                    }
                    parts.push(cs[start..end].iter().collect());
                    end = start;
                }
                parts.reverse();
            } else {
                let mut i = 0;
                loop {
                    while i < cs.len() && is_py_space(cs[i]) {
                        i += 1;
                    }
                    if i == cs.len() {
                        break;
                    }
                    if parts.len() == max {
                        parts.push(cs[i..].iter().collect::<String>());
                        break;
                    }
                    let start = i;
                    while i < cs.len() && !is_py_space(cs[i]) {
                        i += 1;
                    }
                    parts.push(cs[start..i].iter().collect());
                }
            }
            parts
        }
    }
}

/// `str.splitlines(keepends)`: `\n`, `\r`, `\r\n` and the other Unicode line breaks.
fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\u{b}'
                | '\u{c}'
                | '\u{1c}'
                | '\u{1d}'
                | '\u{1e}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + 1;
            if c == '\r' && cs.get(i + 1) == Some(&'\n') {
                end += 1;
            }
            let stop = if keepends { end } else { i };
            out.push(cs[start..stop].iter().collect());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < cs.len() {
        out.push(cs[start..].iter().collect());
    }
    out
}

impl Interp {
    fn str_arg(v: &Value, what: &str) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.v.clone()),
            other => Err(PyError::type_error(format!(
                "{what}must be str, not {}",
                other.type_name()
            ))),
        }
    }

    fn opt_str_arg(v: Option<&Value>) -> PyResult<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.v.clone())),
            Some(other) => Err(PyError::type_error(format!(
                "must be str or None, not {}",
                other.type_name()
            ))),
        }
    }

    /// The `[start:end]` window of `find`/`count`/`startswith` as char positions.
    fn window(
        &self,
        n: usize,
        start: Option<&Value>,
        end: Option<&Value>,
    ) -> PyResult<(usize, usize)> {
        let bound = |v: Option<&Value>| -> PyResult<Option<i128>> {
            match v {
                None | Some(Value::None) => Ok(None),
                Some(x) => self
                    .index_int(x)
                    .map(|i| Some(i.to_i128_saturating()))
                    .ok_or_else(|| {
                        PyError::type_error(
                            "slice indices must be integers or None or have an __index__ method",
                        )
                    }),
            }
        };
        let (a, b) = (bound(start)?, bound(end)?);
        let r = adjust_slice(a, b, None, n)?;
        let lo = r.start.max(0) as usize;
        let hi = (r.stop.max(r.start)).max(0) as usize;
        // find("", n) at the very end still matches; a start past the end does not
        let past_end = a.is_some_and(|x| x > n as i128);
        Ok(if past_end { (n + 1, n) } else { (lo, hi) })
    }

    /// `s.find(sub[, start[, end]])` and friends on a window, in characters.
    fn find_in(
        &mut self,
        s: &str,
        name: &str,
        args: &[Value],
        from_right: bool,
    ) -> PyResult<Option<usize>> {
        let _ = name;
        let sub = Self::str_arg(&args[0], "")?;
        let Some((hay, lo)) = self.search_window(s, args.get(1), args.get(2))? else {
            return Ok(None);
        };
        let ctx = &self.ctx;
        let found = search::find(hay, &sub, from_right, &mut || ctx.check_interrupt())?;
        Ok(found.map(|b| lo + char_len(&hay[..b])))
    }

    /// The part of `s` that `start`/`end` (character indices, as slices take them) select,
    /// and the character index where it starts; `None` when `start` is past `end`.
    fn search_window<'s>(
        &self,
        s: &'s str,
        start: Option<&Value>,
        end: Option<&Value>,
    ) -> PyResult<Option<(&'s str, usize)>> {
        let (lo, hi) = self.window(char_len(s), start, end)?;
        if lo > hi {
            return Ok(None);
        }
        let byte = |k: usize| {
            if s.is_ascii() {
                k
            } else {
                s.char_indices().nth(k).map_or(s.len(), |(b, _)| b)
            }
        };
        Ok(Some((&s[byte(lo)..byte(hi)], lo)))
    }

    /// `str.method(*args)`.
    pub(crate) fn str_method(
        &mut self,
        s: &str,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if name == "format" {
            let r = self.str_format(s, &args, &kw)?;
            return Ok(self.new_str(r));
        }
        let qual = format!("str.{name}");
        let mut p = Args::new(&qual, args, kw);
        Ok(match name {
            "upper" | "lower" | "casefold" | "swapcase" | "capitalize" | "title" | "isalnum"
            | "isalpha" | "isascii" | "isdecimal" | "isdigit" | "isidentifier" | "islower"
            | "isnumeric" | "isspace" | "istitle" | "isupper" => {
                p.meth_noargs()?;
                let cased = |c: char| c.is_lowercase() || c.is_uppercase();
                match name {
                    "upper" => self.new_str(s.to_uppercase()),
                    "lower" | "casefold" => self.new_str(s.to_lowercase()),
                    "swapcase" => self.new_str(
                        s.chars()
                            .flat_map(|c| -> Vec<char> {
                                if c.is_uppercase() {
                                    c.to_lowercase().collect()
                                } else if c.is_lowercase() {
                                    c.to_uppercase().collect()
                                } else {
                                    vec![c]
                                }
                            })
                            .collect(),
                    ),
                    "capitalize" => {
                        let mut cs = s.chars();
                        let first: String = cs
                            .next()
                            .map(|c| c.to_uppercase().collect())
                            .unwrap_or_default();
                        self.new_str(first + &cs.as_str().to_lowercase())
                    }
                    "title" => self.new_str(title(s)),
                    "isalnum" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
                    "isalpha" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
                    "isascii" => Value::Bool(s.is_ascii()),
                    // Unicode digits other than 0-9 are not told apart here
                    "isdecimal" | "isdigit" => {
                        Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
                    }
                    "isnumeric" => Value::Bool(!s.is_empty() && s.chars().all(char::is_numeric)),
                    "isidentifier" => Value::Bool(
                        s.chars()
                            .next()
                            .is_some_and(|c| c == '_' || c.is_alphabetic())
                            && s.chars().all(|c| c == '_' || c.is_alphanumeric()),
                    ),
                    "islower" => {
                        Value::Bool(s.chars().any(cased) && !s.chars().any(char::is_uppercase))
                    }
                    "isupper" => {
                        Value::Bool(s.chars().any(cased) && !s.chars().any(char::is_lowercase))
                    }
                    "istitle" => Value::Bool(s.chars().any(cased) && title(s) == s),
                    _ => Value::Bool(!s.is_empty() && s.chars().all(is_py_space)),
                }
            }
            "join" => {
                let it = p.meth_o()?;
                if self.iterate(&it).is_err() {
                    return Err(PyError::type_error("can only join an iterable"));
                }
                let items = self.collect(&it)?;
                let mut parts = Vec::with_capacity(items.len());
                let mut total = (s.len() as u128).saturating_mul(items.len() as u128);
                for (i, x) in items.iter().enumerate() {
                    if i % 65_536 == 0 {
                        self.ctx.check_interrupt()?;
                    }
                    match x {
                        Value::Str(t) => {
                            total += t.v.len() as u128;
                            parts.push(t.v.as_str());
                        }
                        other => {
                            return Err(PyError::type_error(format!(
                                "sequence item {i}: expected str instance, {} found",
                                other.type_name()
                            )));
                        }
                    }
                }
                self.gate(total)?;
                let joined = parts.join(s);
                drop(parts);
                self.new_str(joined)
            }
            "split" | "rsplit" => {
                let sep = p.opt(0, "sep")?;
                let maxsplit = p.opt(1, "maxsplit")?;
                p.finish()?;
                let sep = Self::opt_str_arg(sep.as_ref())?;
                if sep.as_deref() == Some("") {
                    return Err(PyError::value("empty separator"));
                }
                let maxsplit = match maxsplit {
                    Some(m) => self.int_value(&m, "")?.to_i64().unwrap_or(-1),
                    None => -1,
                };
                let parts = split(s, sep.as_deref(), maxsplit, name == "rsplit");
                let vals: Vec<Value> = parts.into_iter().map(|x| self.new_str(x)).collect();
                // stringlib's split preallocates 12 slots, then appends
                let cap = crate::eval::object::listobj::capacity_after_appends(12, vals.len());
                self.new_list_with_capacity(vals, cap)
            }
            "splitlines" => {
                let keep = p.opt(0, "keepends")?;
                p.finish()?;
                let keep = match keep {
                    Some(k) => self.truthy(&k)?,
                    None => false,
                };
                let vals: Vec<Value> = splitlines(s, keep)
                    .into_iter()
                    .map(|x| self.new_str(x))
                    .collect();
                let cap = crate::eval::object::listobj::append_capacity(vals.len());
                self.new_list_with_capacity(vals, cap)
            }
            "strip" | "lstrip" | "rstrip" => {
                let a = p.positional(name, 0, 1)?;
                let chars = Self::opt_str_arg(a.first())?;
                let pat = |c: char| match &chars {
                    Some(cs) => cs.contains(c),
                    None => is_py_space(c),
                };
                let t = match name {
                    "strip" => s.trim_matches(pat),
                    "lstrip" => s.trim_start_matches(pat),
                    _ => s.trim_end_matches(pat),
                };
                self.new_str(t.to_string())
            }
            "replace" => {
                let a = p.positional("replace", 2, 3)?;
                let old = Self::str_arg(&a[0], "replace() argument 1 ")?;
                let new = Self::str_arg(&a[1], "replace() argument 2 ")?;
                let count = match a.get(2) {
                    Some(c) => self.int_value(c, "")?.to_i64().unwrap_or(-1),
                    None => -1,
                };
                if new.len() > old.len() {
                    // the result's size first: `'ab'.replace('', 'x' * 10**6)` can be huge
                    let hits = if old.is_empty() {
                        s.chars().count() as u128 + 1
                    } else {
                        s.matches(old.as_str()).count() as u128
                    };
                    let hits = if count < 0 {
                        hits
                    } else {
                        hits.min(count as u128)
                    };
                    self.gate(s.len() as u128 + hits * (new.len() - old.len()) as u128)?;
                }
                let r = if count < 0 {
                    s.replace(old.as_str(), &new)
                } else {
                    s.replacen(old.as_str(), &new, count as usize)
                };
                self.new_str(r)
            }
            "find" | "rfind" | "index" | "rindex" | "count" => {
                if p.pos_count() == 0 {
                    return Err(PyError::type_error(format!(
                        "{name}() takes at least 1 argument (0 given)"
                    )));
                }
                let a = p.positional(name, 1, 3)?;
                if name == "count" {
                    let sub = Self::str_arg(&a[0], "")?;
                    let Some((hay, _)) = self.search_window(s, a.get(1), a.get(2))? else {
                        return Ok(self.new_i64(0));
                    };
                    let n = if sub.is_empty() {
                        char_len(hay) + 1
                    } else {
                        let ctx = &self.ctx;
                        search::count(hay, &sub, &mut || ctx.check_interrupt())?
                    };
                    return Ok(self.new_i64(n as i64));
                }
                let from_right = name.starts_with('r');
                match self.find_in(s, name, &a, from_right)? {
                    Some(i) => self.new_i64(i as i64),
                    None if name.ends_with("find") => self.new_i64(-1),
                    None => return Err(PyError::value("substring not found")),
                }
            }
            "startswith" | "endswith" => {
                let a = p.positional(name, 1, 3)?;
                let prefixes: Vec<String> = match &a[0] {
                    Value::Str(x) => vec![x.v.clone()],
                    Value::Tuple(t) => t
                        .items
                        .iter()
                        .map(|x| {
                            Self::str_arg(x, "tuple for startswith must only contain str, not ")
                                .map_err(|_| {
                                    PyError::type_error(format!(
                                        "tuple for {name} must only contain str, not {}",
                                        x.type_name()
                                    ))
                                })
                        })
                        .collect::<PyResult<_>>()?,
                    other => {
                        return Err(PyError::type_error(format!(
                            "{name} first arg must be str or a tuple of str, not {}",
                            other.type_name()
                        )));
                    }
                };
                let cs: Vec<char> = s.chars().collect();
                let (lo, hi) = self.window(cs.len(), a.get(1), a.get(2))?;
                if lo > hi {
                    return Ok(Value::Bool(false));
                }
                let hay: String = cs[lo..hi].iter().collect();
                Value::Bool(prefixes.iter().any(|x| {
                    if name == "startswith" {
                        hay.starts_with(x.as_str())
                    } else {
                        hay.ends_with(x.as_str())
                    }
                }))
            }
            "partition" | "rpartition" => {
                let sep = Self::str_arg(&p.meth_o()?, "")?;
                if sep.is_empty() {
                    return Err(PyError::value("empty separator"));
                }
                let found = if name == "partition" {
                    s.find(sep.as_str())
                } else {
                    s.rfind(sep.as_str())
                };
                let (a, b, c) = match found {
                    Some(i) => (&s[..i], sep.as_str(), &s[i + sep.len()..]),
                    None if name == "partition" => (s, "", ""),
                    None => ("", "", s),
                };
                let parts = vec![
                    self.new_str(a.to_string()),
                    self.new_str(b.to_string()),
                    self.new_str(c.to_string()),
                ];
                self.new_tuple(parts)
            }
            "removeprefix" | "removesuffix" => {
                let x = Self::str_arg(&p.meth_o()?, "")?;
                let t = if name == "removeprefix" {
                    s.strip_prefix(x.as_str())
                } else {
                    s.strip_suffix(x.as_str())
                };
                self.new_str(t.unwrap_or(s).to_string())
            }
            "ljust" | "rjust" | "center" => {
                let a = p.positional(name, 1, 2)?;
                let w = self.ssize_arg(&a[0])?.max(0) as usize;
                let fill = match a.get(1) {
                    None => ' ',
                    Some(Value::Str(f)) if f.v.chars().count() == 1 => {
                        f.v.chars().next().unwrap_or(' ')
                    }
                    Some(Value::Str(_)) => {
                        return Err(PyError::type_error(
                            "The fill character must be exactly one character long",
                        ));
                    }
                    Some(other) => {
                        return Err(PyError::type_error(format!(
                            "The fill character must be a unicode character, not {}",
                            other.type_name()
                        )));
                    }
                };
                let n = s.chars().count();
                let gap = w.saturating_sub(n);
                self.gate(s.len() as u128 + gap as u128 * fill.len_utf8() as u128)?;
                let pad = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
                self.new_str(match name {
                    "ljust" => format!("{s}{}", pad(gap)),
                    "rjust" => format!("{}{s}", pad(gap)),
                    _ => center(s, w, fill),
                })
            }
            "zfill" => {
                let w = p.meth_o()?;
                let w = self.ssize_arg(&w)?.max(0) as usize;
                let n = s.chars().count();
                let gap = w.saturating_sub(n);
                self.gate(s.len() as u128 + gap as u128)?;
                let zeros = "0".repeat(gap);
                self.new_str(if s.starts_with(['-', '+']) {
                    format!("{}{zeros}{}", &s[..1], &s[1..])
                } else {
                    format!("{zeros}{s}")
                })
            }
            "expandtabs" => {
                let size = p.opt(0, "tabsize")?;
                p.finish()?;
                let size = match size {
                    Some(v) => self.c_int_arg(&v)?,
                    None => 8,
                };
                // CPython measures the result first, then allocates it once
                let mut len: u128 = 0;
                let mut col = 0i64;
                for c in s.chars() {
                    match c {
                        '\t' if size > 0 => {
                            let k = size - col % size;
                            len += k as u128;
                            col += k;
                        }
                        '\t' => {}
                        '\n' | '\r' => {
                            len += 1;
                            col = 0;
                        }
                        _ => {
                            len += c.len_utf8() as u128;
                            col += 1;
                        }
                    }
                }
                self.gate(len)?;
                let mut out = String::with_capacity(len as usize);
                let mut col = 0i64;
                for c in s.chars() {
                    match c {
                        '\t' => {
                            if size > 0 {
                                let k = size - col % size;
                                out.push_str(&" ".repeat(k as usize));
                                col += k;
                            }
                        }
                        '\n' | '\r' => {
                            out.push(c);
                            col = 0;
                        }
                        _ => {
                            out.push(c);
                            col += 1;
                        }
                    }
                }
                self.new_str(out)
            }
            "encode" => {
                if p.pos_count() > 2 {
                    let n = p.pos_count();
                    return Err(PyError::takes_at_most_arguments_kw("encode", 2, false, n));
                }
                let (enc, errors) = (p.opt(0, "encoding")?, p.opt(1, "errors")?);
                p.finish()?;
                let (enc, errors) = codecs::codec_args("encode", enc, errors)?;
                self.gate(s.len() as u128 * 4)?;
                self.new_bytes(codecs::encode(s, &enc, &errors)?)
            }
            _ => return Err(PyError::no_attribute("str", name)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting_matches_cpython() {
        type Case<'a> = (&'a str, Option<&'a str>, i64, bool, &'a [&'a str]);
        let cases: [Case; 6] = [
            ("  a  b  ", None, -1, false, &["a", "b"]),
            ("a b c d", Some(" "), 1, false, &["a", "b c d"]),
            ("a,b,,c", Some(","), -1, false, &["a", "b", "", "c"]),
            ("aXbXc", Some("X"), 1, true, &["aXb", "c"]),
            (" a b c ", None, 1, true, &[" a b", "c"]),
            ("", None, -1, false, &[]),
        ];
        for (s, sep, max, right, want) in cases {
            assert_eq!(split(s, sep, max, right), want, "{s:?} {sep:?} {max}");
        }
        assert_eq!(splitlines("a\nb\r\nc", false), ["a", "b", "c"]);
        assert_eq!(splitlines("a\n", true), ["a\n"]);
    }

    #[test]
    fn padding_and_case_match_cpython() {
        assert_eq!(
            center("abc", 6, ' '),
            " abc  ",
            "even width: extra space right"
        );
        assert_eq!(center("ab", 5, ' '), "  ab ", "odd width: extra space left");
        assert_eq!(title("it's a-b_c"), "It'S A-B_C");
    }
}
