//! The methods of `str` with CPython 3.11's semantics and argument errors: splitting, joining,
//! stripping, searching (with `start`/`end`), padding, case changes and the `is...` tests.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::sequences::adjust_slice;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Conv, Row};
use crate::eval::text::{codecs, search};

/// `len(s)`: characters, counted without a scan when the text is ASCII.
fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The methods of `str`, bound from their CPython specs: METH_NOARGS (`()`), METH_O,
/// `_PyArg_CheckPositional` (positional-only specs: `center expected at least 1 argument, got
/// 0`), Argument Clinic with keywords (`split`), and `PyArg_ParseTuple` for the searches CPython
/// shows without a signature (`find() takes at least 1 argument (0 given)`).
pub const ROWS: &[Row] = &[
    Row::method("str.capitalize", "()", recase).returns("str"),
    Row::method("str.casefold", "()", recase).returns("str"),
    Row::method("str.center", "(width, fillchar=' ', /)", pad).returns("str"),
    Row::method("str.count", "!(sub, start?, end?, /)", count)
        .conv(Conv::ParseTuple)
        .returns("int"),
    Row::method("str.encode", "(encoding='utf-8', errors='strict')", encode).returns("bytes"),
    Row::method("str.endswith", "!(suffix, start?, end?, /)", affix)
        .conv(Conv::ParseTuple)
        .returns("bool"),
    Row::method("str.expandtabs", "(tabsize=8)", expandtabs).returns("str"),
    Row::method("str.find", "!(sub, start?, end?, /)", find)
        .conv(Conv::ParseTuple)
        .returns("int"),
    Row::method("str.format", "!(*args, **kwargs)", format).returns("str"),
    Row::method("str.index", "!(sub, start?, end?, /)", find)
        .conv(Conv::ParseTuple)
        .returns("int"),
    Row::method("str.isalnum", "()", test).returns("bool"),
    Row::method("str.isalpha", "()", test).returns("bool"),
    Row::method("str.isascii", "()", test).returns("bool"),
    Row::method("str.isdecimal", "()", test).returns("bool"),
    Row::method("str.isdigit", "()", test).returns("bool"),
    Row::method("str.isidentifier", "()", test).returns("bool"),
    Row::method("str.islower", "()", test).returns("bool"),
    Row::method("str.isnumeric", "()", test).returns("bool"),
    Row::method("str.isspace", "()", test).returns("bool"),
    Row::method("str.istitle", "()", test).returns("bool"),
    Row::method("str.isupper", "()", test).returns("bool"),
    Row::method("str.join", "(iterable, /)", join).returns("str"),
    Row::method("str.ljust", "(width, fillchar=' ', /)", pad).returns("str"),
    Row::method("str.lower", "()", recase).returns("str"),
    Row::method("str.lstrip", "(chars=None, /)", strip).returns("str"),
    Row::method("str.partition", "(sep, /)", partition).returns("tuple"),
    Row::method("str.removeprefix", "(prefix, /)", remove_affix).returns("str"),
    Row::method("str.removesuffix", "(suffix, /)", remove_affix).returns("str"),
    Row::method("str.replace", "(old, new, count=-1, /)", replace).returns("str"),
    Row::method("str.rfind", "!(sub, start?, end?, /)", find)
        .conv(Conv::ParseTuple)
        .returns("int"),
    Row::method("str.rindex", "!(sub, start?, end?, /)", find)
        .conv(Conv::ParseTuple)
        .returns("int"),
    Row::method("str.rjust", "(width, fillchar=' ', /)", pad).returns("str"),
    Row::method("str.rpartition", "(sep, /)", partition).returns("tuple"),
    Row::method("str.rsplit", "(sep=None, maxsplit=-1)", split_method).returns("list"),
    Row::method("str.rstrip", "(chars=None, /)", strip).returns("str"),
    Row::method("str.split", "(sep=None, maxsplit=-1)", split_method).returns("list"),
    Row::method("str.splitlines", "(keepends=False)", splitlines_method).returns("list"),
    Row::method("str.startswith", "!(prefix, start?, end?, /)", affix)
        .conv(Conv::ParseTuple)
        .returns("bool"),
    Row::method("str.strip", "(chars=None, /)", strip).returns("str"),
    Row::method("str.swapcase", "()", recase).returns("str"),
    Row::method("str.title", "()", recase).returns("str"),
    Row::method("str.upper", "()", recase).returns("str"),
    Row::method("str.zfill", "(width, /)", zfill).returns("str"),
];

/// The receiver, as the method descriptor checks it (`str.upper(1)`).
fn this_str(a: &Bound) -> PyResult<Rc<PyStr>> {
    match &a.this {
        Value::Str(s) => Ok(s.clone()),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "str",
            &other.type_name(),
        )),
    }
}

/// An argument that must be a str (`must be str, not int`).
fn str_arg(v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(PyError::must_be_str(&other.type_name())),
    }
}

/// `upper`, `lower`, `casefold`, `swapcase`, `capitalize`, `title`.
fn recase(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let s = s.v.as_str();
    let out = match a.func {
        "upper" => s.to_uppercase(),
        "lower" | "casefold" => s.to_lowercase(),
        "swapcase" => s
            .chars()
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
        "capitalize" => {
            let mut cs = s.chars();
            let first: String = cs
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default();
            first + &cs.as_str().to_lowercase()
        }
        _ => title(s),
    };
    Ok(it.new_str(out))
}

/// The `is...` tests.
fn test(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let s = s.v.as_str();
    let cased = |c: char| c.is_lowercase() || c.is_uppercase();
    let nonempty_all = |f: fn(char) -> bool| !s.is_empty() && s.chars().all(f);
    Ok(Value::Bool(match a.func {
        "isalnum" => nonempty_all(char::is_alphanumeric),
        "isalpha" => nonempty_all(char::is_alphabetic),
        "isascii" => s.is_ascii(),
        // Unicode digits other than 0-9 are not told apart here
        "isdecimal" | "isdigit" => nonempty_all(|c| c.is_ascii_digit()),
        "isnumeric" => nonempty_all(char::is_numeric),
        "isidentifier" => crate::syntax::is_identifier(s),
        "islower" => s.chars().any(cased) && !s.chars().any(char::is_uppercase),
        "isupper" => s.chars().any(cased) && !s.chars().any(char::is_lowercase),
        "istitle" => s.chars().any(cased) && title(s) == s,
        _ => nonempty_all(is_py_space),
    }))
}

fn format(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let r = it.str_format(&s.v, &a.star, &a.kwargs)?;
    Ok(it.new_str(r))
}

fn join(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let sep = this_str(&a)?;
    let iterable = a.req("iterable")?;
    if it.iterate(&iterable).is_err() {
        return Err(PyError::can_only_join_iterable());
    }
    let items = it.collect(&iterable)?;
    let mut parts = Vec::with_capacity(items.len());
    let mut total = (sep.v.len() as u128).saturating_mul(items.len() as u128);
    for (i, x) in items.iter().enumerate() {
        if i % 65_536 == 0 {
            it.ctx.check_interrupt()?;
        }
        match x {
            Value::Str(t) => {
                total += t.v.len() as u128;
                parts.push(t.v.as_str());
            }
            // np.str_ is a str subclass
            Value::Scalar(s) if let crate::runtime::Scalar::Str(t) = &s.v => {
                total += t.len() as u128;
                parts.push(t.as_str());
            }
            other => return Err(PyError::join_item_not_str(i, &other.type_name())),
        }
    }
    it.gate(total)?;
    let joined = parts.join(&sep.v);
    drop(parts);
    Ok(it.new_str(joined))
}

/// `split` and `rsplit`.
fn split_method(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let sep = match a.take_some("sep") {
        None => None,
        Some(Value::Str(x)) if x.v.is_empty() => return Err(PyError::empty_separator()),
        Some(Value::Str(x)) => Some(x),
        Some(other) => return Err(PyError::must_be_str_or_none(&other.type_name())),
    };
    let maxsplit = match a.take("maxsplit") {
        Some(m) => it.ssize_arg(&m)?,
        None => -1,
    };
    let parts = split(
        &s.v,
        sep.as_ref().map(|x| x.v.as_str()),
        maxsplit,
        a.func == "rsplit",
    );
    let vals: Vec<Value> = parts.into_iter().map(|x| it.new_str(x)).collect();
    // stringlib's split preallocates 12 slots, then appends
    let cap = crate::eval::object::listobj::capacity_after_appends(12, vals.len());
    Ok(it.new_list_with_capacity(vals, cap))
}

fn splitlines_method(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let keep = match a.take("keepends") {
        Some(k) => it.truthy(&k)?,
        None => false,
    };
    let vals: Vec<Value> = splitlines(&s.v, keep)
        .into_iter()
        .map(|x| it.new_str(x))
        .collect();
    let cap = crate::eval::object::listobj::append_capacity(vals.len());
    Ok(it.new_list_with_capacity(vals, cap))
}

/// `strip`, `lstrip`, `rstrip`.
fn strip(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let chars = match a.take_some("chars") {
        None => None,
        Some(Value::Str(x)) => Some(x),
        Some(_) => return Err(PyError::strip_arg(a.func)),
    };
    let pat = |c: char| match &chars {
        Some(cs) => cs.v.contains(c),
        None => is_py_space(c),
    };
    let t = match a.func {
        "strip" => s.v.trim_matches(pat),
        "lstrip" => s.v.trim_start_matches(pat),
        _ => s.v.trim_end_matches(pat),
    };
    Ok(it.new_str(t.to_string()))
}

fn replace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let s = s.v.as_str();
    let as_str = |v: Value, pos: usize| match v {
        Value::Str(x) => Ok(x),
        other => Err(PyError::str_argument_must_be_str(
            "replace",
            pos,
            &other.type_name(),
        )),
    };
    let old = as_str(a.req("old")?, 1)?;
    let new = as_str(a.req("new")?, 2)?;
    let (old, new) = (old.v.as_str(), new.v.as_str());
    let count = match a.take("count") {
        Some(c) => it.ssize_arg(&c)?,
        None => -1,
    };
    if new.len() > old.len() {
        // the result's size first: `'ab'.replace('', 'x' * 10**6)` can be huge
        let hits = if old.is_empty() {
            s.chars().count() as u128 + 1
        } else {
            s.matches(old).count() as u128
        };
        let hits = if count < 0 {
            hits
        } else {
            hits.min(count as u128)
        };
        it.gate(s.len() as u128 + hits * (new.len() - old.len()) as u128)?;
    }
    let r = if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(it.new_str(r))
}

fn count(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let sub = str_arg(&a.req("sub")?)?;
    let (start, end) = (a.take("start"), a.take("end"));
    let Some((hay, _)) = it.search_window(&s.v, start.as_ref(), end.as_ref())? else {
        return Ok(it.new_i64(0));
    };
    let n = if sub.v.is_empty() {
        char_len(hay) + 1
    } else {
        let ctx = &it.ctx;
        search::count(hay, &sub.v, &mut || ctx.check_interrupt())?
    };
    Ok(it.new_i64(n as i64))
}

/// `find`, `rfind`, `index`, `rindex`: the position in characters.
fn find(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let sub = str_arg(&a.req("sub")?)?;
    let (start, end) = (a.take("start"), a.take("end"));
    let from_right = a.func.starts_with('r');
    let found = match it.search_window(&s.v, start.as_ref(), end.as_ref())? {
        None => None,
        Some((hay, lo)) => {
            let ctx = &it.ctx;
            search::find(hay, &sub.v, from_right, &mut || ctx.check_interrupt())?
                .map(|b| lo + char_len(&hay[..b]))
        }
    };
    match found {
        Some(i) => Ok(it.new_i64(i as i64)),
        None if a.func.ends_with("find") => Ok(it.new_i64(-1)),
        None => Err(PyError::substring_not_found()),
    }
}

/// `startswith`, `endswith`: a str or a tuple of them, on the `[start:end]` window.
fn affix(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let name = a.func;
    let first = a.req(if name == "startswith" {
        "prefix"
    } else {
        "suffix"
    })?;
    let affixes: Vec<Rc<PyStr>> = match &first {
        Value::Str(x) => vec![x.clone()],
        Value::Tuple(t) => t
            .items
            .iter()
            .map(|x| match x {
                Value::Str(x) => Ok(x.clone()),
                other => Err(PyError::affix_tuple_item(name, &other.type_name())),
            })
            .collect::<PyResult<_>>()?,
        other => return Err(PyError::affix_first_arg(name, &other.type_name())),
    };
    let (start, end) = (a.take("start"), a.take("end"));
    let Some((hay, _)) = it.search_window(&s.v, start.as_ref(), end.as_ref())? else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(affixes.iter().any(|x| {
        if name == "startswith" {
            hay.starts_with(x.v.as_str())
        } else {
            hay.ends_with(x.v.as_str())
        }
    })))
}

/// `partition`, `rpartition`.
fn partition(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let s = s.v.as_str();
    let sep = str_arg(&a.req("sep")?)?;
    let sep = sep.v.as_str();
    if sep.is_empty() {
        return Err(PyError::empty_separator());
    }
    let left = a.func == "partition";
    let found = if left { s.find(sep) } else { s.rfind(sep) };
    let (x, y, z) = match found {
        Some(i) => (&s[..i], sep, &s[i + sep.len()..]),
        None if left => (s, "", ""),
        None => ("", "", s),
    };
    let parts = [x, y, z].map(|p| it.new_str(p.to_string())).to_vec();
    Ok(it.new_tuple(parts))
}

/// `removeprefix`, `removesuffix`.
fn remove_affix(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let prefix = a.func == "removeprefix";
    let x = match a.req(if prefix { "prefix" } else { "suffix" })? {
        Value::Str(x) => x,
        other => {
            return Err(PyError::sole_argument_must_be_str(
                a.func,
                &other.type_name(),
            ));
        }
    };
    let t = if prefix {
        s.v.strip_prefix(x.v.as_str())
    } else {
        s.v.strip_suffix(x.v.as_str())
    };
    Ok(it.new_str(t.unwrap_or(&s.v).to_string()))
}

/// `ljust`, `rjust`, `center`.
fn pad(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let s = s.v.as_str();
    let w = a.req("width")?;
    let w = it.ssize_arg(&w)?.max(0) as usize;
    let fill = match a.take("fillchar") {
        None => ' ',
        Some(Value::Str(f)) => {
            let mut cs = f.v.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return Err(PyError::fill_char_length()),
            }
        }
        Some(other) => return Err(PyError::fill_char_type(&other.type_name())),
    };
    let gap = w.saturating_sub(char_len(s));
    it.gate(s.len() as u128 + gap as u128 * fill.len_utf8() as u128)?;
    let pad = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    Ok(it.new_str(match a.func {
        "ljust" => format!("{s}{}", pad(gap)),
        "rjust" => format!("{}{s}", pad(gap)),
        _ => center(s, w, fill),
    }))
}

fn zfill(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let s = s.v.as_str();
    let w = a.req("width")?;
    let w = it.ssize_arg(&w)?.max(0) as usize;
    let gap = w.saturating_sub(char_len(s));
    it.gate(s.len() as u128 + gap as u128)?;
    let zeros = "0".repeat(gap);
    Ok(it.new_str(if s.starts_with(['-', '+']) {
        format!("{}{zeros}{}", &s[..1], &s[1..])
    } else {
        format!("{zeros}{s}")
    }))
}

fn expandtabs(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let size = match a.take("tabsize") {
        Some(v) => it.c_int_arg(&v)?,
        None => 8,
    };
    // CPython measures the result first, then allocates it once
    let mut len: u128 = 0;
    let mut col = 0i64;
    for c in s.v.chars() {
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
    it.gate(len)?;
    let mut out = String::with_capacity(len as usize);
    let mut col = 0i64;
    for c in s.v.chars() {
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
    Ok(it.new_str(out))
}

fn encode(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_str(&a)?;
    let (enc, errors) = (a.take("encoding"), a.take("errors"));
    let (enc, errors) = codecs::codec_args("encode", enc, errors)?;
    it.gate(s.v.len() as u128 * 4)?;
    Ok(it.new_bytes(codecs::encode(&s.v, &enc, &errors)?))
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
    /// The part of `s` that `start`/`end` (character indices, as slices take them) select,
    /// and the character index where it starts; `None` when `start` is past the end.
    fn search_window<'s>(
        &self,
        s: &'s str,
        start: Option<&Value>,
        end: Option<&Value>,
    ) -> PyResult<Option<(&'s str, usize)>> {
        let n = char_len(s);
        let bound = |v: Option<&Value>| v.map_or(Ok(None), |v| self.slice_part(v));
        let (a, b) = (bound(start)?, bound(end)?);
        // find("", n) at the very end still matches; a start past the end does not
        if a.is_some_and(|x| x > n as i128) {
            return Ok(None);
        }
        let r = adjust_slice(a, b, None, n)?;
        let lo = r.start.max(0) as usize;
        let hi = (r.stop.max(r.start)).max(0) as usize;
        let byte = |k: usize| {
            if s.is_ascii() {
                k
            } else {
                s.char_indices().nth(k).map_or(s.len(), |(b, _)| b)
            }
        };
        Ok(Some((&s[byte(lo)..byte(hi)], lo)))
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
