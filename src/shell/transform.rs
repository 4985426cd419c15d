//! IPython's input transformers, applied to a cell's text before it is parsed: pasted `>>> ` and
//! `In [n]: ` prompts stripped, the leading indent removed, and `%magic`, `%%cell magic`,
//! `obj?`/`obj??`, `exit`/`quit` recognised. Both drivers (the REPL and replayed files) go through
//! here, because both call `Session::run_cell`.

/// What a cell asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Python code to parse and run.
    Code(String),
    /// `%name args` (a whole one-line cell).
    LineMagic { name: String, args: String },
    /// `%%name args` on the first line; the rest of the cell is the body.
    CellMagic {
        name: String,
        args: String,
        body: String,
    },
    /// `obj?` / `?obj` (detail 1) and `obj??` / `??obj` (detail 2); an empty target is `?` alone.
    Help { target: String, detail: u8 },
    /// `exit`, `quit`, `exit()`, `quit()`.
    Exit,
}

/// Classifies a cell (IPython's `TransformerManager.transform_cell`, reduced to the transforms
/// arrsh honours). Automagic is off, as the `?` page says: `who` is a name, `%who` the magic.
pub fn classify(cell: &str) -> Request {
    let code = cleanup(cell);
    let trimmed = code.trim();
    if matches!(trimmed, "exit" | "quit" | "exit()" | "quit()") {
        return Request::Exit;
    }
    if let Some(rest) = trimmed.strip_prefix("%%") {
        let (first, body) = rest.split_once('\n').unwrap_or((rest, ""));
        let (name, args) = split_name(first);
        return Request::CellMagic {
            name,
            args,
            body: body.to_string(),
        };
    }
    if !trimmed.contains('\n') {
        // `help(obj)` as a whole cell is `obj?`, so its page can use the pager too
        if let Some(t) = trimmed
            .strip_prefix("help(")
            .and_then(|r| r.strip_suffix(')'))
            .map(str::trim)
            .filter(|t| is_help_target(t))
        {
            return Request::Help {
                target: t.to_string(),
                detail: 1,
            };
        }
        if let Some(help) = help_request(trimmed) {
            return help;
        }
        if let Some(rest) = trimmed.strip_prefix('%') {
            let (name, args) = split_name(rest);
            return Request::LineMagic { name, args };
        }
    }
    Request::Code(code)
}

/// `name rest-of-line` → (name, args with surrounding blanks removed).
fn split_name(s: &str) -> (String, String) {
    let s = s.trim();
    match s.split_once(char::is_whitespace) {
        Some((n, a)) => (n.to_string(), a.trim().to_string()),
        None => (s.to_string(), String::new()),
    }
}

/// IPython's `_help_end_re` (a dotted name, optionally with `[int]` subscripts or a `%`/`%%`
/// magic name, then `?` or `??`) and the leading forms `?obj`, `??obj`; `?` alone is the
/// shell's own help page.
fn help_request(line: &str) -> Option<Request> {
    if line == "?" || line == "??" {
        return Some(Request::Help {
            target: String::new(),
            detail: line.len() as u8,
        });
    }
    let (target, detail) = if let Some(t) = line.strip_suffix("??") {
        (t, 2)
    } else if let Some(t) = line.strip_suffix('?') {
        (t, 1)
    } else if let Some(t) = line.strip_prefix("??") {
        (t, 2)
    } else if let Some(t) = line.strip_prefix('?') {
        (t, 1)
    } else {
        return None;
    };
    let target = target.trim();
    is_help_target(target).then(|| Request::Help {
        target: target.to_string(),
        detail,
    })
}

/// `a`, `np.arange`, `a.T.shape`, `x[0]`, `d[-1].real`, `%timeit`, `%%time`.
fn is_help_target(t: &str) -> bool {
    let t = t
        .strip_prefix("%%")
        .or_else(|| t.strip_prefix('%'))
        .unwrap_or(t);
    let mut rest = t;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            let Some((num, after)) = r.split_once(']') else {
                return false;
            };
            let digits = num.strip_prefix('-').unwrap_or(num);
            if first || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            rest = after;
        } else {
            let r = if first {
                rest
            } else {
                match rest.strip_prefix('.') {
                    Some(r) => r,
                    None => return false,
                }
            };
            let end = r
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(r.len());
            let name = &r[..end];
            if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                return false;
            }
            rest = &r[end..];
        }
        first = false;
    }
    !first
}

/// IPython's cleanup transforms: leading blank lines dropped, pasted `>>> `/`... ` or
/// `In [n]: `/`   ...: ` prompts stripped (when the first line has one, or the second line has
/// a continuation prompt), then the first line's indentation removed from every line.
pub fn cleanup(cell: &str) -> String {
    let mut lines: Vec<&str> = cell.lines().skip_while(|l| l.trim().is_empty()).collect();
    let stripped: Vec<String>;
    if let Some(strip) = prompt_stripper(&lines) {
        stripped = lines.iter().map(|l| strip(l)).collect();
        lines = stripped.iter().map(String::as_str).collect();
    }
    let first = lines.first().copied().unwrap_or("");
    let pad = &first[..first.len() - first.trim_start().len()];
    let out: Vec<&str> = lines
        .iter()
        .map(|l| l.strip_prefix(pad).unwrap_or(l))
        .collect();
    out.join("\n")
}

type Strip = fn(&str) -> String;

/// Which of IPython's two `PromptStripper`s applies, if any.
fn prompt_stripper(lines: &[&str]) -> Option<Strip> {
    let first = lines.first()?;
    let second = lines.get(1);
    if classic_initial(first) || second.is_some_and(|l| classic_prompt_len(l).is_some()) {
        return Some(|l| {
            let n = classic_prompt_len(l).unwrap_or(0);
            l[n..].to_string()
        });
    }
    if ipython_prompt_len(first).is_some_and(|_| first.starts_with("In ["))
        || second.is_some_and(|l| ipython_prompt_len(l).is_some())
    {
        return Some(|l| {
            let n = ipython_prompt_len(l).unwrap_or(0);
            l[n..].to_string()
        });
    }
    None
}

/// `^>>>( |$)`
fn classic_initial(l: &str) -> bool {
    l == ">>>" || l.starts_with(">>> ")
}

/// `^(>>>|\.\.\.)( |$)`: the prompt's length, space included.
fn classic_prompt_len(l: &str) -> Option<usize> {
    for p in [">>>", "..."] {
        if l == p {
            return Some(3);
        }
        if l.starts_with(p) && l[3..].starts_with(' ') {
            return Some(4);
        }
    }
    None
}

/// `^(In \[\d+\]: |\s*\.\.\.:\s?)`: the prompt's length.
pub fn ipython_prompt_len(l: &str) -> Option<usize> {
    if let Some(r) = l.strip_prefix("In [") {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && r[digits..].starts_with("]: ") {
            return Some(4 + digits + 3);
        }
        return None;
    }
    let blanks = l.len() - l.trim_start().len();
    let r = l[blanks..].strip_prefix("...:")?;
    // `\s?`: one optional whitespace character
    let extra = r
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map_or(0, char::len_utf8);
    Some(blanks + 4 + extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Request {
        Request::Code(s.into())
    }
    fn magic(name: &str, args: &str) -> Request {
        Request::LineMagic {
            name: name.into(),
            args: args.into(),
        }
    }
    fn help(target: &str, detail: u8) -> Request {
        Request::Help {
            target: target.into(),
            detail,
        }
    }

    #[test]
    fn cells_are_classified_as_ipython_transforms_them() {
        let cases = [
            ("a = 1", code("a = 1")),
            ("%timeit a.sum()", magic("timeit", "a.sum()")),
            (
                "%timeit  -n 10   a.sum() ",
                magic("timeit", "-n 10   a.sum()"),
            ),
            ("%who", magic("who", "")),
            ("who", code("who")), // automagic is off
            ("a?", help("a", 1)),
            ("np.arange??", help("np.arange", 2)),
            ("?np.arange", help("np.arange", 1)),
            ("a.T.shape?", help("a.T.shape", 1)),
            ("x[0]?", help("x[0]", 1)),
            ("x[-1].real?", help("x[-1].real", 1)),
            ("%timeit?", help("%timeit", 1)),
            ("?", help("", 1)),
            ("help(np.arange)", help("np.arange", 1)),
            ("help( a )", help("a", 1)),
            ("help(a + 1)", code("help(a + 1)")), // any other call runs the builtin
            ("a(1)?", code("a(1)?")),             // only names: the parser reports the rest
            ("a[i]?", code("a[i]?")),
            ("1?", code("1?")),
            ("exit", Request::Exit),
            ("quit()", Request::Exit),
            ("  exit  ", Request::Exit),
            ("exit(1)", code("exit(1)")),
            ("exits", code("exits")),
            (
                "%%timeit -n 3\nx = 1\ny = 2",
                Request::CellMagic {
                    name: "timeit".into(),
                    args: "-n 3".into(),
                    body: "x = 1\ny = 2".into(),
                },
            ),
            ("x = 1\n%who", code("x = 1\n%who")), // magics only as a whole cell
        ];
        for (cell, want) in cases {
            assert_eq!(classify(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn pasted_prompts_and_leading_indent_are_removed() {
        let cases = [
            (">>> a = 1", "a = 1"),
            (
                ">>> for i in x:\n...     print(i)",
                "for i in x:\n    print(i)",
            ),
            ("In [3]: a = 1", "a = 1"),
            (
                "In [3]: for i in x:\n   ...:     print(i)",
                "for i in x:\n    print(i)",
            ),
            ("    a = 1", "a = 1"),
            ("  for i in x:\n      y = i", "for i in x:\n    y = i"),
            ("\n\na = 1", "a = 1"),
            // controls: prompt-like text that is not a prompt stays
            (">>>a", ">>>a"),
            ("In [x]: a", "In [x]: a"),
            ("a = 1\n>>> b", "a = 1\nb"), // IPython: a prompt on the second line counts too
            ("a = 1\nb >>> c", "a = 1\nb >>> c"),
        ];
        for (cell, want) in cases {
            assert_eq!(cleanup(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn ipython_prompts_are_measured() {
        assert_eq!(ipython_prompt_len("In [12]: x"), Some(9));
        assert_eq!(ipython_prompt_len("    ...: x"), Some(9));
        assert_eq!(ipython_prompt_len("   ...:x"), Some(7));
        assert_eq!(ipython_prompt_len("In []: x"), None);
        assert_eq!(ipython_prompt_len("x"), None);
    }
}
