//! Syntax highlighting of the line being typed: keywords, builtins, strings, numbers and
//! comments in IPython's default colours, and the bracket that matches the one at the cursor.
//! A pure function of the text and the cursor: escape codes are inserted, nothing else changes
//! (rustyline lays the line out from its display width).

use std::borrow::Cow;

use super::names::KEYWORDS;
use crate::eval::registry::names as known;

/// What a piece of the line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Keyword,
    Builtin,
    Str,
    Number,
    Comment,
    /// `(`, `)`, `[`, `]`, `{`, `}` outside strings and comments.
    Bracket,
}

/// IPython's neutral style, in the 16 ANSI colours every terminal has.
fn color(class: Class) -> &'static str {
    match class {
        Class::Keyword => "\x1b[1;32m",
        Class::Builtin => "\x1b[32m",
        Class::Str => "\x1b[33m",
        Class::Number => "\x1b[36m",
        Class::Comment => "\x1b[2;3m",
        Class::Bracket => "",
    }
}

/// The matched pair around the cursor.
const MATCHED: &str = "\x1b[1;7m";
const RESET: &str = "\x1b[0m";

/// The classified pieces of `src`: (byte start, byte end, class). Text between pieces is
/// plain (names, operators, blanks).
pub fn classify(src: &str) -> Vec<(usize, usize, Class)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'#' {
            let end = src[i..].find('\n').map_or(b.len(), |k| i + k);
            out.push((i, end, Class::Comment));
            i = end;
        } else if c == b'\'' || c == b'"' {
            let end = string_end(src, i);
            out.push((i, end, Class::Str));
            i = end;
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let mut end = i + 1;
            while end < b.len()
                && (b[end].is_ascii_alphanumeric()
                    || b[end] == b'.'
                    || b[end] == b'_'
                    || ((b[end] == b'+' || b[end] == b'-')
                        && matches!(b[end - 1], b'e' | b'E')
                        && !src[i..end].starts_with("0x")))
            {
                end += 1;
            }
            out.push((i, end, Class::Number));
            i = end;
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let end = src[i..]
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .map_or(b.len(), |k| i + k);
            let word = &src[i..end];
            // a string prefix: r'..', b"..", f'..', rb'..'
            if word.len() <= 2
                && word.chars().all(|ch| "rRbBfFuU".contains(ch))
                && matches!(b.get(end), Some(b'\'' | b'"'))
            {
                let close = string_end(src, end);
                out.push((i, close, Class::Str));
                i = close;
                continue;
            }
            let after_dot = src[..i].trim_end().ends_with('.');
            if KEYWORDS.contains(&word) || is_soft_keyword(src, i, end) {
                out.push((i, end, Class::Keyword));
            } else if !after_dot && known::knows("builtins", word) {
                out.push((i, end, Class::Builtin));
            }
            i = end;
        } else {
            if b"()[]{}".contains(&c) {
                out.push((i, i + 1, Class::Bracket));
            }
            i += 1;
        }
    }
    out
}

/// `match` or `case` starting a statement: a keyword as IPython's lexer (pygments) colours it,
/// at the start of a line and not followed by what makes it a name (`match = 1`, `case: int`,
/// `match or x`).
fn is_soft_keyword(src: &str, start: usize, end: usize) -> bool {
    let word = &src[start..end];
    if word != "match" && word != "case" {
        return false;
    }
    let line_start = src[..start].rfind('\n').map_or(0, |k| k + 1);
    if !src[line_start..start]
        .chars()
        .all(|c| c == ' ' || c == '\t')
    {
        return false;
    }
    let rest = src[end..].trim_start_matches([' ', '\t']);
    let Some(next) = rest.chars().next() else {
        return false;
    };
    if ":,;=^&|@~)]}".contains(next) || next == '\n' {
        return false;
    }
    let follower: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    !(follower.starts_with(|c: char| c.is_lowercase()) && KEYWORDS.contains(&follower.as_str()))
}

/// Where the string literal opening at `start` ends (its end, or the text's, when open).
fn string_end(src: &str, start: usize) -> usize {
    let b = src.as_bytes();
    let q = b[start];
    let triple = b.get(start + 1) == Some(&q) && b.get(start + 2) == Some(&q);
    let mut i = start + if triple { 3 } else { 1 };
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if triple {
            if b[i] == q && b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                return i + 3;
            }
        } else if b[i] == q {
            return i + 1;
        } else if b[i] == b'\n' {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// The bracket at the cursor (or just before it) and its partner, as byte offsets.
pub fn matching_pair(
    src: &str,
    pieces: &[(usize, usize, Class)],
    pos: usize,
) -> Option<(usize, usize)> {
    let brackets: Vec<usize> = pieces
        .iter()
        .filter(|p| p.2 == Class::Bracket)
        .map(|p| p.0)
        .collect();
    let b = src.as_bytes();
    let at = brackets
        .iter()
        .position(|&k| k == pos)
        .or_else(|| brackets.iter().position(|&k| k + 1 == pos))?;
    let c = b[brackets[at]];
    let (open, close, forward) = match c {
        b'(' => (b'(', b')', true),
        b'[' => (b'[', b']', true),
        b'{' => (b'{', b'}', true),
        b')' => (b'(', b')', false),
        b']' => (b'[', b']', false),
        _ => (b'{', b'}', false),
    };
    let mut depth = 0i32;
    let order: Box<dyn Iterator<Item = &usize>> = if forward {
        Box::new(brackets[at..].iter())
    } else {
        Box::new(brackets[..=at].iter().rev())
    };
    for &k in order {
        if b[k] == c {
            depth += 1;
        } else if b[k] == if forward { close } else { open } {
            depth -= 1;
            if depth == 0 {
                return Some((brackets[at], k));
            }
        }
    }
    None
}

/// The line with colours inserted.
pub fn highlight(src: &str, pos: usize) -> Cow<'_, str> {
    let pieces = classify(src);
    let pair = matching_pair(src, &pieces, pos);
    if pieces.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() * 2);
    let mut last = 0;
    for (start, end, class) in pieces {
        out.push_str(&src[last..start]);
        let code = match pair {
            Some((a, b)) if class == Class::Bracket && (start == a || start == b) => MATCHED,
            _ => color(class),
        };
        if code.is_empty() {
            out.push_str(&src[start..end]);
        } else {
            out.push_str(code);
            out.push_str(&src[start..end]);
            out.push_str(RESET);
        }
        last = end;
    }
    out.push_str(&src[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Class::*;

    fn classes(src: &str) -> Vec<(&str, Class)> {
        classify(src)
            .into_iter()
            .filter(|p| p.2 != Bracket)
            .map(|(a, b, c)| (&src[a..b], c))
            .collect()
    }

    #[test]
    fn pieces_are_classified_as_python_reads_them() {
        assert_eq!(
            classes("for i in range(3): print('a#b', 1.5e-3)  # done"),
            vec![
                ("for", Keyword),
                ("in", Keyword),
                ("range", Builtin),
                ("3", Number),
                ("print", Builtin),
                ("'a#b'", Str),
                ("1.5e-3", Number),
                ("# done", Comment),
            ]
        );
        assert_eq!(
            classes("a.sum(x1)"),
            vec![],
            "a method named like a builtin is not one"
        );
        assert_eq!(
            classes("rb'\\x00' + f\"{x}\""),
            vec![("rb'\\x00'", Str), ("f\"{x}\"", Str)]
        );
        assert_eq!(
            classes("s = '''open"),
            vec![("'''open", Str)],
            "an open string runs to the end"
        );
        assert_eq!(classes("0x1F + 2"), vec![("0x1F", Number), ("2", Number)]);
    }

    #[test]
    fn match_and_case_are_keywords_only_as_statements() {
        assert_eq!(
            classes("match x:"),
            vec![("match", Keyword)],
            "a match statement"
        );
        assert_eq!(
            classes("    case [a, *_] if a:"),
            vec![("case", Keyword), ("if", Keyword)],
            "a case line"
        );
        assert_eq!(
            classes("match = 1"),
            vec![("1", Number)],
            "control: assigned, a name"
        );
        assert_eq!(
            classes("x = match"),
            vec![],
            "control: not at the line start"
        );
        assert_eq!(classes("case"), vec![], "control: alone, a name");
        assert_eq!(
            classes("match in xs"),
            vec![("in", Keyword)],
            "control: followed by a keyword"
        );
    }

    #[test]
    fn the_bracket_at_the_cursor_finds_its_partner() {
        let src = "f(a[1], (2)) + ')'";
        let p = classify(src);
        assert_eq!(
            matching_pair(src, &p, 1),
            Some((1, 11)),
            "on the opening bracket"
        );
        assert_eq!(
            matching_pair(src, &p, 12),
            Some((11, 1)),
            "just after the closing one"
        );
        assert_eq!(matching_pair(src, &p, 4), Some((3, 5)), "just after [");
        assert_eq!(
            matching_pair(src, &p, 16),
            None,
            "a bracket in a string is text"
        );
        assert_eq!(matching_pair("(a", &classify("(a"), 0), None, "unmatched");
    }

    #[test]
    fn only_escape_codes_are_added() {
        let src = "x = [1, 'two']  # three";
        let shown = highlight(src, 4);
        let stripped: String = {
            let mut s = String::new();
            let mut esc = false;
            for c in shown.chars() {
                match (esc, c) {
                    (false, '\x1b') => esc = true,
                    (true, 'm') => esc = false,
                    (true, _) => {}
                    (false, c) => s.push(c),
                }
            }
            s
        };
        assert_eq!(stripped, src);
        assert!(shown.contains(MATCHED));
        assert_eq!(highlight("x = y", 0), "x = y", "nothing to colour");
    }
}
