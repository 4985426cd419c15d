//! What Tab completion offers at the cursor: names of the session, builtins and keywords;
//! attributes after any expression whose type can be told from the text (`a.T.resh`,
//! `np.arange(5).res`, `'x'.up`), from CPython's and NumPy's `dir()` lists as far as arrsh
//! answers them; a dict's keys inside `d['`; file names inside other string literals; dtype
//! strings inside `view('`, `astype('`, `dtype='`. Pure functions of the text and a snapshot
//! of the session, so they are tested without a terminal.

use std::path::Path;

use super::session::Session;
use crate::eval::builtins::introspect::{implemented, owner_of, user_dir};
use crate::eval::object::value::Value;
use crate::eval::registry::names as known;

pub use crate::syntax::KEYWORDS;

/// Dtype spellings offered inside `view('`, `astype('`, `dtype='` (each is one `np.dtype`
/// understands: the table test below parses them).
pub const DTYPE_STRINGS: &[&str] = &[
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "b1",
    "i1",
    "i2",
    "i4",
    "i8",
    "u1",
    "u2",
    "u4",
    "u8",
    "f2",
    "f4",
    "f8",
    "c8",
    "c16",
    "<i8",
    ">i8",
    "<f8",
    ">f8",
    "S",
    "U",
    "S1",
    "U1",
];

/// A variable's name, the `dir()` owner of its value, and a dict's string keys.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub vars: Vec<(String, &'static str)>,
    pub dict_keys: Vec<(String, Vec<String>)>,
    /// The attributes of instances and classes made with `class`, by variable.
    pub user_attrs: Vec<(String, Vec<String>)>,
}

/// Dict keys offered at most per dict.
const MAX_KEYS: usize = 1000;

/// The session's names and what they hold (refreshed after every cell).
pub fn snapshot(session: &Session) -> Snapshot {
    let mut snap = Snapshot::default();
    for (k, v) in session.interp().globals.iter() {
        snap.vars.push((k.clone(), owner_of(v)));
        if let Some(names) = user_dir(v) {
            snap.user_attrs.push((k.clone(), names));
        }
        if let Value::Dict(d) = v {
            let keys = d
                .items
                .borrow()
                .iter()
                .filter_map(|(k, _)| match k {
                    Value::Str(s) => Some(s.v.clone()),
                    _ => None,
                })
                .take(MAX_KEYS)
                .collect();
            snap.dict_keys.push((k.clone(), keys));
        }
    }
    snap.vars.sort();
    snap
}

/// Completes the text before `pos`: where the replaced word starts, and the candidates.
pub fn complete(line: &str, pos: usize, snap: &Snapshot) -> (usize, Vec<String>) {
    let head = &line[..pos];
    match context(head) {
        Context::Comment => return (pos, Vec::new()),
        Context::String(start, open) => {
            let partial = &head[start..];
            let before = &head[..start - 1];
            return (start, in_string(before, partial, open, snap));
        }
        Context::Code => {}
    }
    let start = expression_start(head);
    let expr = &head[start..];
    match split_attribute(expr) {
        Some((object, partial)) => {
            let user = snap.user_attrs.iter().find(|(n, _)| n == object);
            let found = match owner_of_expression(object, snap) {
                _ if user.is_some() => user
                    .map(|(_, names)| names.as_slice())
                    .unwrap_or_default()
                    .iter()
                    .filter(|n| n.starts_with(partial))
                    .filter(|n| partial.starts_with('_') || !n.starts_with('_'))
                    .cloned()
                    .collect(),
                Some(owner) => implemented(&owner)
                    .into_iter()
                    .filter(|n| n.starts_with(partial))
                    .filter(|n| partial.starts_with('_') || !n.starts_with('_'))
                    .map(String::from)
                    .collect(),
                None => Vec::new(),
            };
            (pos - partial.len(), found)
        }
        None => {
            let word_start = head
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            let word = &head[word_start..];
            if word.is_empty() || word.starts_with(|c: char| c.is_ascii_digit()) {
                return (pos, Vec::new());
            }
            let mut found: Vec<String> = snap
                .vars
                .iter()
                .map(|(n, _)| n.clone())
                .filter(|n| n.starts_with(word) && (word.starts_with('_') || !n.starts_with('_')))
                .collect();
            found.extend(
                implemented("builtins")
                    .into_iter()
                    .chain(KEYWORDS.iter().copied())
                    // arrsh's bare names (`np`, `as_strided`), as their rows declare
                    .chain(crate::eval::registry::bare_names())
                    .filter(|n| {
                        n.starts_with(word) && (word.starts_with('_') || !n.starts_with('_'))
                    })
                    .map(String::from),
            );
            found.sort();
            found.dedup();
            (word_start, found)
        }
    }
}

/// What the cursor is in.
#[derive(Debug, PartialEq)]
enum Context {
    Code,
    /// An unterminated string literal: where its text starts, and its quote character.
    String(usize, char),
    Comment,
}

fn context(head: &str) -> Context {
    let mut open: Option<(usize, char)> = None;
    let mut chars = head.char_indices();
    while let Some((i, c)) = chars.next() {
        match open {
            Some((_, q)) if c == q => open = None,
            Some(_) if c == '\\' => {
                chars.next();
            }
            Some(_) => {}
            None if c == '#' => return Context::Comment,
            None if c == '\'' || c == '"' => open = Some((i + 1, c)),
            None => {}
        }
    }
    match open {
        Some((start, q)) => Context::String(start, q),
        None => Context::Code,
    }
}

/// Candidates inside a string literal: a dict's keys after `d[`, dtype spellings after
/// `view(`/`astype(`/`dtype=`, file names otherwise. Each replacement closes the string (and
/// the subscript, for keys).
fn in_string(before: &str, partial: &str, quote: char, snap: &Snapshot) -> Vec<String> {
    let before = before.trim_end();
    if let Some(obj) = before.strip_suffix('[') {
        let name_start = expression_start(obj);
        let name = &obj[name_start..];
        return snap
            .dict_keys
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, keys)| {
                keys.iter()
                    .filter(|k| k.starts_with(partial))
                    .map(|k| format!("{k}{quote}]"))
                    .collect()
            })
            .unwrap_or_default();
    }
    let dtype_context = before.ends_with("dtype=")
        || [".view(", ".astype(", "dtype("]
            .iter()
            .any(|f| before.ends_with(f));
    if dtype_context {
        return DTYPE_STRINGS
            .iter()
            .filter(|d| d.starts_with(partial))
            .map(|d| format!("{d}{quote}"))
            .collect();
    }
    file_names(partial)
}

/// Files and directories whose path starts with `partial` (directories end in `/`).
fn file_names(partial: &str) -> Vec<String> {
    let (dir, prefix) = match partial.rfind('/') {
        Some(i) => (&partial[..=i], &partial[i + 1..]),
        None => ("", partial),
    };
    let read = if dir.is_empty() {
        std::fs::read_dir(".")
    } else {
        std::fs::read_dir(Path::new(dir))
    };
    let Ok(entries) = read else {
        return Vec::new();
    };
    let mut out: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let slash = if e.path().is_dir() { "/" } else { "" };
            Some(format!("{dir}{name}{slash}"))
        })
        .collect();
    out.sort();
    out
}

/// Where the expression that ends at the cursor starts: back over names, dots and whole
/// bracketed groups (`np.arange(5).T` from `print(np.arange(5).T`).
fn expression_start(head: &str) -> usize {
    let bytes: Vec<(usize, char)> = head.char_indices().collect();
    let mut i = bytes.len();
    while i > 0 {
        let (_, c) = bytes[i - 1];
        if c.is_alphanumeric() || c == '_' || c == '.' {
            i -= 1;
        } else if c == ')' || c == ']' {
            let close = c;
            let open = if c == ')' { '(' } else { '[' };
            let mut depth = 0;
            let mut j = i;
            loop {
                if j == 0 {
                    return head.len();
                }
                let (_, d) = bytes[j - 1];
                if d == close {
                    depth += 1;
                } else if d == open {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j -= 1;
            }
            i = j - 1;
        } else if c == '\'' || c == '"' {
            // a string literal as the receiver: `'abc'.up`
            let q = c;
            match bytes[..i - 1].iter().rposition(|(_, d)| *d == q) {
                Some(j) => i = j,
                None => break,
            }
        } else {
            break;
        }
    }
    bytes.get(i).map_or(head.len(), |(at, _)| *at)
}

/// `a.T.resh` → (`a.T`, `resh`); `a` → none.
fn split_attribute(expr: &str) -> Option<(&str, &str)> {
    let dot = expr.rfind('.')?;
    let partial = &expr[dot + 1..];
    if !partial.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let object = &expr[..dot];
    (!object.is_empty() && !object.chars().all(|c| c.is_ascii_digit())).then_some((object, partial))
}

/// One step of an expression: `.name`, a call, a subscript.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Attr(&'a str),
    Call,
    Index,
}

/// The `dir()` owner of what `expr` evaluates to, told from the text alone (nothing is run):
/// the variable's value, then each step by what NumPy and CPython return.
pub fn owner_of_expression(expr: &str, snap: &Snapshot) -> Option<String> {
    let (base, steps) = parse_chain(expr)?;
    let mut owner: String = match base {
        Base::Name(n) => match n {
            "np" | "numpy" if !snap.vars.iter().any(|(v, _)| v == n) => "numpy".into(),
            _ => snap.vars.iter().find(|(v, _)| v == n)?.1.to_string(),
        },
        Base::Str => "str".into(),
        Base::List => "list".into(),
        Base::Dict => "dict".into(),
        Base::Tuple => "tuple".into(),
    };
    let mut last_attr: Option<&str> = None;
    for step in steps {
        owner = match step {
            Step::Attr(name) => {
                last_attr = Some(name);
                match known::what(&owner, name) {
                    Some("module") => format!("{owner}.{name}"),
                    Some(_) => attribute_owner(&owner, name)?,
                    None => return None,
                }
            }
            Step::Call => call_owner(&owner, last_attr.take()?)?,
            Step::Index => index_owner(&owner)?,
        };
    }
    Some(owner)
}

/// What a property or attribute gives: the owner its row `returns` (`a.T` is an array,
/// `a.shape` a tuple); a method gives itself until it is called (`Method:name`).
fn attribute_owner(owner: &str, name: &str) -> Option<String> {
    if known::what(owner, name) == Some("method") || is_function(owner, name) {
        return Some(format!("{owner}()"));
    }
    crate::eval::registry::lookup(owner, name)
        .and_then(|e| e.gives())
        .map(String::from)
}

fn is_function(owner: &str, name: &str) -> bool {
    matches!(
        known::what(owner, name),
        Some("function" | "builtin" | "dispatched" | "type")
    ) || known::what(owner, name).is_some_and(|w| w.starts_with("ufunc"))
}

/// What calling `owner.name(...)` gives (`owner` is the receiver followed by `()`): what the
/// name's registry row says it gives.
fn call_owner(owner: &str, name: &str) -> Option<String> {
    let receiver = owner.strip_suffix("()")?;
    crate::eval::registry::lookup(receiver, name)?
        .gives()
        .map(String::from)
}

/// What subscripting gives: an array stays an array (or a scalar, whose names are close).
fn index_owner(owner: &str) -> Option<String> {
    match owner {
        "ndarray" => Some("ndarray".into()),
        "str" => Some("str".into()),
        _ => None,
    }
}

/// Where an expression starts from.
#[derive(Debug, PartialEq)]
enum Base<'a> {
    Name(&'a str),
    Str,
    List,
    Dict,
    Tuple,
}

/// `np.arange(5).T[0]` → (`np`, [.arange, call, .T, index]).
fn parse_chain(expr: &str) -> Option<(Base<'_>, Vec<Step<'_>>)> {
    let mut rest = expr;
    let base = match rest.chars().next()? {
        '\'' | '"' => {
            let q = rest.chars().next()?;
            let end = rest[1..].find(q)? + 2;
            rest = &rest[end..];
            Base::Str
        }
        '[' | '{' | '(' => {
            let end = group_end(rest)?;
            let kind = match rest.as_bytes()[0] {
                b'[' => Base::List,
                b'{' => Base::Dict,
                _ => Base::Tuple,
            };
            rest = &rest[end..];
            kind
        }
        c if c.is_alphabetic() || c == '_' => {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            rest = &rest[end..];
            Base::Name(name)
        }
        _ => return None,
    };
    let mut steps = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(r.len());
            if end == 0 {
                return None;
            }
            steps.push(Step::Attr(&r[..end]));
            rest = &r[end..];
        } else if rest.starts_with('(') || rest.starts_with('[') {
            let end = group_end(rest)?;
            steps.push(if rest.starts_with('(') {
                Step::Call
            } else {
                Step::Index
            });
            rest = &rest[end..];
        } else {
            return None;
        }
    }
    Some((base, steps))
}

/// The length of the bracketed group `text` starts with (strings inside are skipped).
fn group_end(text: &str) -> Option<usize> {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap() -> Snapshot {
        Snapshot {
            vars: vec![
                ("a".into(), "ndarray"),
                ("alpha".into(), "int"),
                ("d".into(), "dict"),
                ("s".into(), "str"),
                ("_hidden".into(), "int"),
            ],
            dict_keys: vec![(
                "d".into(),
                vec!["key".into(), "kind".into(), "other".into()],
            )],
            user_attrs: vec![(
                "obj".into(),
                vec!["__init__".into(), "method".into(), "x".into()],
            )],
        }
    }

    fn done(line: &str) -> (usize, Vec<String>) {
        complete(line, line.len(), &snap())
    }

    #[test]
    fn the_type_of_an_expression_is_told_from_its_text() {
        let s = snap();
        let cases = [
            ("a", Some("ndarray")),
            ("a.T", Some("ndarray")),
            ("a.T.shape", Some("tuple")),
            ("a.reshape(2, 3).T", Some("ndarray")),
            ("a[0]", Some("ndarray")),
            ("a.dtype", Some("dtype")),
            ("np", Some("numpy")),
            ("np.arange(5)", Some("ndarray")),
            ("np.lib", Some("numpy.lib")),
            ("np.lib.stride_tricks", Some("numpy.lib.stride_tricks")),
            ("'abc'", Some("str")),
            ("s.upper()", Some("str")),
            ("s.split()", Some("list")),
            ("[1, 2]", Some("list")),
            ("a.tolist()", Some("list")),
            // calls: what each name's registry row says it gives
            ("np.arange(3).reshape(3,1)", Some("ndarray")),
            ("np.arange(3).reshape(3,1).T.sum()", Some("ndarray")),
            ("'a'.upper()", Some("str")),
            ("'a'.upper().split()", Some("list")),
            ("'a b'.partition(' ')", Some("tuple")),
            ("'a'.encode().decode()", Some("str")),
            ("s.find('a')", Some("int")),
            ("s.isdigit()", Some("bool")),
            ("{}.copy()", Some("dict")),
            ("np.exp(a)", Some("ndarray")),
            ("np.abs(a)", Some("ndarray")),
            ("np.shape(a)", Some("tuple")),
            ("np.split(a, 2)", Some("list")),
            ("np.dtype('i4')", Some("dtype")),
            ("np.int64(3)", Some("generic")),
            ("a.nonzero()", Some("tuple")),
            ("a.tobytes().decode()", Some("str")),
            // a scalar whose Python type depends on the dtype; an in-place method's None
            ("a.item()", None),
            ("a.fill(0)", None),
            ("np.no_such_function(1)", None),
            ("s.upper", Some("str()")),
            ("unknown", None),
            ("a.nonexistent", None),
        ];
        for (expr, want) in cases {
            assert_eq!(owner_of_expression(expr, &s).as_deref(), want, "{expr}");
        }
    }

    #[test]
    fn completion_offers_what_fits_the_cursor() {
        let (start, found) = done("a.T.resh");
        assert_eq!((start, found), (4, vec!["reshape".to_string()]));
        let (_, found) = done("x = np.arange(5).sha");
        assert_eq!(found, vec!["shape"]);
        let (_, found) = done("np.arange(3).reshape(3,1).");
        assert!(found.contains(&"reshape".to_string()), "{found:?}");
        let (_, found) = done("'a'.upper().");
        assert!(found.contains(&"upper".to_string()), "{found:?}");
        let (_, found) = done("'a'.split().");
        assert!(found.contains(&"append".to_string()), "{found:?}");
        let (_, found) = done("a.fill(0).");
        assert!(
            found.is_empty(),
            "nothing for a call that gives None: {found:?}"
        );
        let (start, found) = done("print(al");
        assert_eq!(
            (start, found),
            (6, vec!["all".to_string(), "alpha".to_string()])
        );
        let (_, found) = done("_h");
        assert_eq!(found, vec!["_hidden"], "a leading _ asks for private names");
        let (_, found) = done("a.__array_in");
        assert_eq!(found, vec!["__array_interface__"]);
        let (_, found) = done("a._");
        assert!(found.iter().all(|n| n.starts_with('_')));
        let (_, found) = done("obj.");
        assert_eq!(found, vec!["method", "x"], "an instance's own attributes");
        let (_, found) = done("wh");
        assert_eq!(found, vec!["while"], "keywords too");
        let (_, found) = done("as_s");
        assert_eq!(found, vec!["as_strided"], "a bare name a row declares");
        let (_, found) = done("getsi");
        assert_eq!(found, vec!["getsizeof"], "sys.getsizeof without the import");
        let (_, found) = done("d['k");
        assert_eq!(found, vec!["key']", "kind']"]);
        let (_, found) = done("a.view('in");
        assert_eq!(found, vec!["int8'", "int16'", "int32'", "int64'"]);
        let (_, found) = done("a.astype(\"f");
        assert!(found.contains(&"float64\"".to_string()));
        let (_, found) = done("np.zeros(3, dtype='u");
        assert!(found.contains(&"uint8'".to_string()));
        let (_, found) = done("open('Cargo.to");
        assert_eq!(found, vec!["Cargo.toml"], "file names inside other strings");
        let (_, found) = done("open('sr");
        assert_eq!(found, vec!["src/"], "directories end in /");
        let (_, found) = done("x = 1  # a.T.");
        assert!(found.is_empty(), "nothing inside a comment");
        let (_, found) = done("3.");
        assert!(
            found.is_empty(),
            "a float literal has no attributes offered"
        );
    }

    #[test]
    fn every_dtype_string_offered_is_a_dtype() {
        for d in DTYPE_STRINGS {
            assert!(crate::runtime::DType::parse(d).is_ok(), "{d}");
        }
    }
}
