//! Python's `str` operations the oracle's cutter uses, with Python's own definitions of a line
//! break (`splitlines`) and of whitespace (`isspace`, hence `strip`), which are wider than
//! Rust's `lines` and narrower-or-wider than `char::is_whitespace` in a few characters.

/// `str.isspace()` for one character.
pub fn is_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}')
        || matches!(
            c,
            '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}'
        )
        || matches!(c, '\u{205f}' | '\u{3000}')
}

/// `str.strip()`.
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `str.rstrip()`.
pub fn rstrip(s: &str) -> &str {
    s.trim_end_matches(is_space)
}

/// `str.lstrip()`.
pub fn lstrip(s: &str) -> &str {
    s.trim_start_matches(is_space)
}

/// `str.splitlines()` of text read with universal newlines: `\n`, `\r`, `\r\n`, `\v`, `\f`,
/// `\x1c`-`\x1e`, `\x85`, U+2028 and U+2029 all end a line; a final break adds no empty line.
pub fn splitlines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let brk = matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if brk {
            out.push(&s[start..i]);
            let mut next = i + c.len_utf8();
            if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
                it.next();
                next += 1;
            }
            start = next;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The oracle's `is_blank`: empty, or a comment once stripped.
pub fn is_blank(line: &str) -> bool {
    let s = strip(line);
    s.is_empty() || s.starts_with('#')
}

/// IPython's leading-indent rule: the first line's indentation is removed from every line that
/// starts with it.
pub fn dedent(lines: &[String]) -> Vec<String> {
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let pad = &first[..first.len() - lstrip(first).len()];
    if pad.is_empty() {
        return lines.to_vec();
    }
    lines
        .iter()
        .map(|l| l.strip_prefix(pad).unwrap_or(l).to_string())
        .collect()
}

/// `re.match(r'#\s?%%', line)`: a percent-format cell marker.
pub fn is_percent_marker(line: &str) -> bool {
    percent_rest(line).is_some()
}

/// What follows `# %%` on a marker line.
fn percent_rest(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('#')?;
    if let Some(r) = rest.strip_prefix("%%") {
        return Some(r);
    }
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if is_space(c) => chars.as_str().strip_prefix("%%"),
        _ => None,
    }
}

/// `re.match(r'#\s?%%.*\[(markdown|md)\]', line)`: a marker that starts narration.
pub fn is_markdown_marker(line: &str) -> bool {
    percent_rest(line).is_some_and(|r| r.contains("[markdown]") || r.contains("[md]"))
}

/// `re.match(r'(>>>( |$)|In \[\d+\]: )', line)`: a pasted session's prompt; returns the code
/// after it. (`\d` is taken as ASCII digits: IPython numbers its prompts in ASCII.)
pub fn prompt_code(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(">>>") {
        return match rest.strip_prefix(' ') {
            Some(code) => Some(code),
            None if rest.is_empty() => Some(rest),
            None => None,
        };
    }
    let rest = line.strip_prefix("In [")?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    rest[digits..].strip_prefix("]: ")
}

/// `re.match(r'(\.\.\.( |$)|\s*\.\.\.: ?)', line)`: a continuation prompt; returns the code
/// after it.
pub fn continuation_code(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix("...") {
        if let Some(code) = rest.strip_prefix(' ') {
            return Some(code);
        }
        if rest.is_empty() {
            return Some(rest);
        }
    }
    let rest = line.trim_start_matches(is_space).strip_prefix("...:")?;
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

/// `re.match(r'(else|elif|except|finally)\b', line)`: a clause that continues a compound
/// statement.
pub fn continues_block(line: &str) -> bool {
    ["else", "elif", "except", "finally"].iter().any(|k| {
        line.strip_prefix(k)
            .is_some_and(|r| !r.starts_with(|c: char| c == '_' || c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_line_breaks() {
        let cases: [(&str, &[&str]); 7] = [
            ("a\nb\n", &["a", "b"]),
            ("a\r\nb", &["a", "b"]),
            ("a\rb", &["a", "b"]),
            ("a\x0cb\x0bc", &["a", "b", "c"]),
            ("a\u{2028}b", &["a", "b"]),
            ("\n\n", &["", ""]),
            ("a\x1fb", &["a\x1fb"]), // \x1f is whitespace but not a line break
        ];
        for (s, want) in cases {
            assert_eq!(splitlines(s), want, "{s:?}");
        }
    }

    #[test]
    fn python_whitespace() {
        assert_eq!(strip("\x1f x \u{a0}"), "x");
        assert_eq!(
            strip("\u{200b}x"),
            "\u{200b}x",
            "a zero-width space is not whitespace"
        );
    }

    #[test]
    fn prompts_and_markers() {
        let prompts = [
            (">>> x = 1", Some("x = 1")),
            (">>>", Some("")),
            (">>>x", None),
            ("In [12]: a", Some("a")),
            ("In []: a", None),
            ("In [1]:a", None),
        ];
        for (line, want) in prompts {
            assert_eq!(prompt_code(line), want, "{line:?}");
        }
        let conts = [
            ("... x", Some("x")),
            ("...", Some("")),
            ("...x", None),
            ("   ...: y", Some("y")),
            ("   ...:", Some("")),
            ("    ...:  y", Some(" y")),
            ("Out[1]: 3", None),
        ];
        for (line, want) in conts {
            assert_eq!(continuation_code(line), want, "{line:?}");
        }
        let markers = [
            ("# %%", true, false),
            ("#%% [markdown]", true, true),
            ("# %% title [md]", true, true),
            ("#  %%", false, false),
            (" # %%", false, false),
            ("# %% [code]", true, false),
        ];
        for (line, pct, md) in markers {
            assert_eq!(is_percent_marker(line), pct, "{line:?}");
            assert_eq!(is_markdown_marker(line), md, "{line:?}");
        }
        assert!(continues_block("else:"));
        assert!(continues_block("finally :"));
        assert!(!continues_block("elsewhere = 1"));
        assert!(
            !continues_block("  else:"),
            "re.match does not skip indentation"
        );
    }
}
