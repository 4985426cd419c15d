//! Parameter specs: the text of a row's signature (`(a, /, b=None, *, c=0)`) read into
//! parameters, and the text signature `?` and the pretty printer show.
//!
//! A spec is written as CPython prints `__text_signature__`, with three additions:
//! - a name before the parenthesis names the function in argument errors when that differs
//!   from the row's own (`_sum(a, axis=None, ...)`: `ndarray.sum` runs NumPy's Python `_sum`);
//! - a leading `!` marks a callable CPython shows without a signature (`<function max>`);
//! - `name?` is an optional parameter shown without a default (NumPy's C parsers allow such).

/// How a parameter may be passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// Before `/`.
    PositionalOnly,
    PositionalOrKeyword,
    /// After `*` or `*args`.
    KeywordOnly,
    /// `*args`.
    VarArgs,
    /// `**kwargs`.
    VarKeywords,
}

/// One parameter of a spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub kind: ParamKind,
    /// The default as written (`None`, `'K'`, `<class 'float'>`), if the parameter has one.
    pub default: Option<&'static str>,
    /// Whether a call may leave it out (it has a default, or is marked `?`).
    pub optional: bool,
}

/// A parsed spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The name argument errors use, when the spec gives one (`_sum`).
    pub call_name: Option<&'static str>,
    /// Whether CPython shows a signature for it (`false` for `!` specs).
    pub shown: bool,
    /// The named parameters and `*args`/`**kwargs`, in order.
    pub params: Vec<Param>,
}

impl Spec {
    /// Reads a spec; `Err` names what is wrong (a bug in a row, caught by the registry's test).
    pub fn parse(text: &'static str) -> Result<Spec, String> {
        let (shown, text) = match text.strip_prefix('!') {
            Some(rest) => (false, rest),
            None => (true, text),
        };
        let open = text.find('(').ok_or("no '('")?;
        let body = text[open + 1..].strip_suffix(')').ok_or("no closing ')'")?;
        let call_name = (open > 0).then(|| &text[..open]);
        let mut params = Vec::new();
        let mut kind = ParamKind::PositionalOrKeyword;
        for part in split_top_level(body) {
            let part = part.trim();
            match part {
                "" => continue,
                "/" => {
                    if params
                        .iter()
                        .any(|p: &Param| p.kind != ParamKind::PositionalOrKeyword)
                    {
                        return Err(format!("'/' after keyword-only parameters in {text}"));
                    }
                    for p in &mut params {
                        p.kind = ParamKind::PositionalOnly;
                    }
                    continue;
                }
                "*" => {
                    kind = ParamKind::KeywordOnly;
                    continue;
                }
                _ => {}
            }
            let (name, default) = match part.split_once('=') {
                Some((n, d)) => (n.trim(), Some(d.trim())),
                None => (part, None),
            };
            let (name, marked) = match name.strip_suffix('?') {
                Some(n) => (n, true),
                None => (name, false),
            };
            let (name, pkind) = if let Some(n) = name.strip_prefix("**") {
                (n, ParamKind::VarKeywords)
            } else if let Some(n) = name.strip_prefix('*') {
                kind = ParamKind::KeywordOnly;
                (n, ParamKind::VarArgs)
            } else {
                (name, kind)
            };
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return Err(format!("bad parameter {part:?} in {text}"));
            }
            params.push(Param {
                name,
                kind: pkind,
                default,
                optional: default.is_some() || marked,
            });
        }
        Ok(Spec {
            call_name,
            shown,
            params,
        })
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.params.iter().position(|p| p.name == name)
    }

    /// Parameters that can be filled by position (positional-only and positional-or-keyword).
    pub fn positional(&self) -> usize {
        self.params
            .iter()
            .filter(|p| {
                matches!(
                    p.kind,
                    ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
                )
            })
            .count()
    }

    pub fn positional_only(&self) -> usize {
        self.params
            .iter()
            .filter(|p| p.kind == ParamKind::PositionalOnly)
            .count()
    }

    /// Positional parameters a call must fill (those before the first optional one).
    pub fn required_positional(&self) -> usize {
        self.params[..self.positional()]
            .iter()
            .filter(|p| !p.optional)
            .count()
    }

    pub fn has_varargs(&self) -> bool {
        self.params.iter().any(|p| p.kind == ParamKind::VarArgs)
    }

    pub fn has_varkeywords(&self) -> bool {
        self.params.iter().any(|p| p.kind == ParamKind::VarKeywords)
    }

    /// Parameters that hold one value each (not `*args`/`**kwargs`).
    pub fn named(&self) -> usize {
        self.params
            .iter()
            .filter(|p| !matches!(p.kind, ParamKind::VarArgs | ParamKind::VarKeywords))
            .count()
    }

    /// The signature as `inspect.signature` prints it: `(a, /, b=None, *, c=0)`.
    pub fn text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut star_written = false;
        for (i, p) in self.params.iter().enumerate() {
            match p.kind {
                ParamKind::KeywordOnly if !star_written => {
                    parts.push("*".into());
                    star_written = true;
                }
                ParamKind::VarArgs => star_written = true,
                _ => {}
            }
            let prefix = match p.kind {
                ParamKind::VarArgs => "*",
                ParamKind::VarKeywords => "**",
                _ => "",
            };
            parts.push(match p.default {
                Some(d) => format!("{prefix}{}={d}", p.name),
                None => format!("{prefix}{}", p.name),
            });
            let last_positional_only = p.kind == ParamKind::PositionalOnly
                && self
                    .params
                    .get(i + 1)
                    .is_none_or(|n| n.kind != ParamKind::PositionalOnly);
            if last_positional_only {
                parts.push("/".into());
            }
        }
        format!("({})", parts.join(", "))
    }
}

/// Splits at commas outside quotes and brackets (`<class 'float'>`, `'\n'`, `(1, 2)`).
fn split_top_level(s: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '<' | '{') => depth += 1,
            (None, ')' | ']' | '>' | '}') => depth -= 1,
            (None, ',') if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_read_and_print_back() {
        // (spec, the text shown, why)
        let cases = [
            ("(obj, /)", "(obj, /)", "one positional-only"),
            ("()", "()", "no parameters"),
            (
                "(a, /, b=None, *, c='K', **kwargs)",
                "(a, /, b=None, *, c='K', **kwargs)",
                "every kind",
            ),
            (
                "(*args, sep=' ', end='\\n', file=None, flush=False)",
                "(*args, sep=' ', end='\\n', file=None, flush=False)",
                "keywords after *args need no bare star",
            ),
            (
                "(N, M=None, k=0, dtype=<class 'float'>, order='C', *, like=None)",
                "(N, M=None, k=0, dtype=<class 'float'>, order='C', *, like=None)",
                "a default with a comma-free bracket",
            ),
            (
                "_sum(a, axis=None)",
                "(a, axis=None)",
                "a call name is not shown",
            ),
            (
                "(start?, /, stop=None)",
                "(start, /, stop=None)",
                "optional mark",
            ),
        ];
        for (spec, shown, why) in cases {
            let s = Spec::parse(spec).expect(why);
            assert_eq!(s.text(), shown, "{why}");
        }
    }

    #[test]
    fn counts_follow_the_parameter_kinds() {
        let s = Spec::parse("(a, b, /, c=1, *args, d, e=2, **kw)").expect("parses");
        assert_eq!(s.positional(), 3);
        assert_eq!(s.positional_only(), 2);
        assert_eq!(s.required_positional(), 2);
        assert_eq!(s.named(), 5);
        assert!(s.has_varargs() && s.has_varkeywords());
        let d = s.params.iter().find(|p| p.name == "d").expect("d");
        assert_eq!(d.kind, ParamKind::KeywordOnly, "after *args");
        assert!(
            !d.optional,
            "a keyword-only parameter without default is required"
        );
    }

    #[test]
    fn broken_specs_are_refused() {
        for bad in ["a, b", "(a b)", "(a, *, b, /)", "(=1)"] {
            assert!(Spec::parse(bad).is_err(), "{bad}");
        }
        assert!(Spec::parse("(a, b)").is_ok(), "control");
    }
}
