//! When does a statement go on to the next line? CPython 3.11's `tokenize` module (the one the
//! oracle runs), reduced to the state that decides it: open brackets, backslash continuations,
//! strings still open at the end of a line, and indentation that matches no outer level.
//!
//! The port follows `tokenize._tokenize` line by line, including its quirks (a stray `)` leaves
//! the bracket count negative, so the statement goes on; a single-quoted string with no closing
//! quote is an error token, not an open string). Token kinds other than the ones below never
//! consume a quote, `#`, `\` or bracket, so they are skipped character by character.

/// The first token that is not layout, as `opens_block` needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum First {
    Name(String),
    Op(char),
    Other,
}

/// How tokenizing the whole text ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// Normal end of input.
    Done,
    /// `TokenError`: EOF in a multi-line statement or string.
    Open,
    /// `IndentationError`: a dedent to a column that no outer block used.
    BadDedent,
}

/// Python's `str.isidentifier()` for one character at the start of a name (close enough for the
/// tokenizer's only use of it: whether a `\w+` run is a NAME).
fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// `\w` in a Python `str` pattern.
fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

struct Scan {
    /// Bracket depth; negative after a stray closing bracket, as in `tokenize`.
    parenlev: i64,
    continued: bool,
    /// An open string: its quote, whether triple, whether single-quoted-continued (`needcont`).
    contstr: Option<(char, bool)>,
    indents: Vec<usize>,
    first: Option<First>,
    last: Option<First>,
    /// IPython's count for its completeness check: a stray closing bracket does not go below 0.
    clamp: bool,
}

impl Scan {
    fn note(&mut self, t: First) {
        if self.first.is_none() {
            self.first = Some(t.clone());
        }
        self.last = Some(t);
    }

    /// Finds the end of a string body starting at `pos` (just after the opening quote(s)) on this
    /// line: `Some(index after the closing quote)`, or `None` when the line ends first.
    /// A backslash escapes the next character except a newline (the pattern's `\\.`).
    fn close(line: &[char], mut pos: usize, quote: char, triple: bool) -> Option<usize> {
        while pos < line.len() {
            let c = line[pos];
            if c == '\\' {
                if pos + 1 < line.len() && line[pos + 1] != '\n' {
                    pos += 2;
                    continue;
                }
                return None;
            }
            if c == quote {
                if !triple {
                    return Some(pos + 1);
                }
                if line.get(pos + 1) == Some(&quote) && line.get(pos + 2) == Some(&quote) {
                    return Some(pos + 3);
                }
            }
            pos += 1;
        }
        None
    }

    /// The rest of a line from `pos`: the `while pos < max` loop of `_tokenize`.
    fn tokens(&mut self, line: &[char], mut pos: usize) {
        let max = line.len();
        while pos < max {
            while pos < max && matches!(line[pos], ' ' | '\x0c' | '\t') {
                pos += 1;
            }
            if pos >= max {
                return;
            }
            let c = line[pos];
            match c {
                '\\' if line.get(pos + 1) == Some(&'\n') => {
                    self.continued = true;
                    pos += 2;
                }
                '\r' | '\n' => pos += 1,
                '#' => return, // a comment runs to the end of the line
                '\'' | '"' => {
                    let triple = line.get(pos + 1) == Some(&c) && line.get(pos + 2) == Some(&c);
                    self.note(First::Other);
                    if triple {
                        match Self::close(line, pos + 3, c, true) {
                            Some(end) => pos = end,
                            None => {
                                self.contstr = Some((c, true));
                                return;
                            }
                        }
                    } else {
                        // ContStr: closed on this line, or continued by a backslash-newline;
                        // anything else is an error token for the quote alone.
                        let mut p = pos + 1;
                        loop {
                            match line.get(p) {
                                None | Some('\n') => {
                                    pos += 1;
                                    break;
                                }
                                Some('\\') if line.get(p + 1) == Some(&'\n') => {
                                    self.contstr = Some((c, false));
                                    return;
                                }
                                Some('\\') if line.get(p + 1).is_some() => p += 2,
                                Some('\\') => {
                                    pos += 1;
                                    break;
                                }
                                Some(&q) if q == c => {
                                    pos = p + 1;
                                    break;
                                }
                                Some(_) => p += 1,
                            }
                        }
                    }
                }
                '(' | '[' | '{' => {
                    self.note(First::Op(c));
                    self.parenlev += 1;
                    pos += 1;
                }
                ')' | ']' | '}' => {
                    self.note(First::Op(c));
                    if !(self.clamp && self.parenlev == 0) {
                        self.parenlev -= 1;
                    }
                    pos += 1;
                }
                c if is_word(c) => {
                    let start = pos;
                    while pos < max && is_word(line[pos]) {
                        pos += 1;
                    }
                    // a string prefix glued to its quote starts a string token, not a name
                    let run: String = line[start..pos].iter().collect();
                    let prefixed =
                        matches!(line.get(pos), Some('\'' | '"')) && is_string_prefix(&run);
                    if prefixed {
                        self.note(First::Other);
                    } else if is_name_start(c) && !c.is_ascii_digit() {
                        self.note(First::Name(run));
                    } else {
                        self.note(First::Other);
                    }
                }
                c => {
                    self.note(First::Op(c));
                    pos += 1;
                }
            }
        }
    }
}

/// `tokenize`'s string prefixes, any case: b, r, u, f, br, rb, fr, rf.
fn is_string_prefix(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "b" | "r" | "u" | "f" | "br" | "rb" | "fr" | "rf"
    ) && s.is_ascii()
}

/// Tokenizes `text` (lines separated by `\n`, as `io.StringIO(text).readline` gives them).
/// With `stop_at_first`, stops as soon as the first significant token is known.
fn scan(text: &str, stop_at_first: bool, clamp: bool) -> (End, Scan) {
    let mut s = Scan {
        parenlev: 0,
        continued: false,
        contstr: None,
        indents: vec![0],
        first: None,
        last: None,
        clamp,
    };
    let mut lines = text.split_inclusive('\n');
    loop {
        if stop_at_first && s.first.is_some() {
            return (End::Done, s);
        }
        let Some(line) = lines.next() else {
            let end = if s.contstr.is_some() || s.parenlev != 0 || s.continued {
                End::Open
            } else {
                End::Done
            };
            return (end, s);
        };
        let line: Vec<char> = line.chars().collect();
        let max = line.len();
        let mut pos = 0;
        if let Some((quote, triple)) = s.contstr {
            if triple {
                match Scan::close(&line, 0, quote, true) {
                    Some(end) => {
                        s.contstr = None;
                        pos = end;
                    }
                    None => continue,
                }
            } else {
                // the continued single-quoted string: its pattern lets `\n` through, so it
                // closes only at a quote on this line
                match Scan::close(&line, 0, quote, false) {
                    Some(end) => {
                        s.contstr = None;
                        pos = end;
                    }
                    None if line.ends_with(&['\\', '\n']) => continue,
                    None => {
                        s.contstr = None;
                        continue;
                    }
                }
            }
        } else if s.parenlev == 0 && !s.continued {
            let mut column = 0;
            while pos < max {
                match line[pos] {
                    ' ' => column += 1,
                    '\t' => column = (column / 8 + 1) * 8,
                    '\x0c' => column = 0,
                    _ => break,
                }
                pos += 1;
            }
            if pos == max {
                return (End::Done, s);
            }
            if matches!(line[pos], '#' | '\r' | '\n') {
                continue;
            }
            if column > *s.indents.last().unwrap_or(&0) {
                s.indents.push(column);
            }
            while column < *s.indents.last().unwrap_or(&0) {
                if !s.indents.contains(&column) {
                    return (End::BadDedent, s);
                }
                s.indents.pop();
            }
        } else {
            s.continued = false;
        }
        s.tokens(&line, pos);
    }
}

/// True while a bracket, a triple-quoted string or a backslash continuation is open at the end
/// of `text` (the oracle's `still_open`: `tokenize` raised `TokenError`).
pub fn still_open(text: &str) -> bool {
    scan(text, false, false).0 == End::Open
}

/// True when the first token of `text` starts a compound statement (`for`, `while`, `if`,
/// `def`, `class`, `with`, `try`, `async`) or a decorator (`@`): the oracle's `opens_block`.
pub fn opens_block(text: &str) -> bool {
    let (end, s) = scan(text, true, false);
    end != End::Open && s.first.as_ref().is_some_and(is_block_opener)
}

fn is_block_opener(t: &First) -> bool {
    match t {
        First::Name(n) => matches!(
            n.as_str(),
            "for" | "while" | "if" | "def" | "class" | "with" | "try" | "async"
        ),
        First::Op(c) => *c == '@',
        First::Other => false,
    }
}

/// What the REPL should do with the text typed so far at one prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    /// Run it.
    Complete,
    /// Ask for a continuation line: a bracket, a triple-quoted string or a backslash is open.
    Incomplete,
    /// Inside a compound statement (or after a decorator): ask for more lines; an empty line
    /// runs it.
    Block,
}

/// Is `text` — everything typed at one `In [n]:` prompt so far, lines joined by `\n` — a whole
/// cell, or does it need a continuation line (`   ...: `)? The same tokenizer rules as the
/// file cutter, with IPython's two interactive differences: a stray closing bracket makes the
/// cell complete (to show its SyntaxError) rather than open, and a compound statement ends at
/// an empty line (there is no next unindented line to end it). A one-line compound statement
/// with its body after the colon (`for i in a: print(i)`) is complete, as in IPython.
pub fn completeness(text: &str) -> Completeness {
    let src = format!("{text}\n");
    let (end, s) = scan(&src, false, true);
    if end == End::Open {
        return Completeness::Incomplete;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    if !s.first.as_ref().is_some_and(is_block_opener) && !match_header(lines[0]) {
        return Completeness::Complete;
    }
    if lines.len() > 1 {
        let last_blank = lines
            .last()
            .is_some_and(|l| super::text::strip(l).is_empty());
        return if last_blank {
            Completeness::Complete
        } else {
            Completeness::Block
        };
    }
    if s.last == Some(First::Op(':')) || s.first == Some(First::Op('@')) {
        Completeness::Block
    } else {
        Completeness::Complete
    }
}

/// A first line `match subject:`: at the prompt IPython asks for its cases (the compiler
/// finds it incomplete), though the oracle's file cutter, like CPython 3.11's `code` module
/// rules it follows, does not count the soft keyword `match` as opening a block.
fn match_header(line: &str) -> bool {
    let (_, s) = scan(&format!("{line}\n"), false, true);
    s.first == Some(First::Name("match".into()))
        && s.last == Some(First::Op(':'))
        && s.parenlev == 0
}

/// The indentation to offer on the next continuation line: the last line's, plus four spaces
/// after a line that ends with `:` (a block header).
pub fn next_indent(text: &str) -> String {
    let last = text.rsplit('\n').next().unwrap_or("");
    let base: String = last.chars().take_while(|c| *c == ' ').collect();
    let (_, s) = scan(&format!("{}\n", last.trim_start()), false, true);
    if s.last == Some(First::Op(':')) && s.parenlev == 0 {
        format!("{base}    ")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repl_completeness() {
        use Completeness::*;
        let cases = [
            ("a = 1", Complete, "a simple statement"),
            ("a = (1,", Incomplete, "an open bracket"),
            (
                "a = [1, 2,\n 3]",
                Complete,
                "control: closed on the next line",
            ),
            ("s = '''abc", Incomplete, "an open triple-quoted string"),
            ("s = '(' ", Complete, "brackets inside strings do not count"),
            ("x = 1  # (", Complete, "nor inside comments"),
            ("x = 1 + \\", Incomplete, "a backslash continuation"),
            ("for i in a:", Block, "a header waiting for its body"),
            (
                "for i in a: print(i)",
                Complete,
                "control: the body is on the line",
            ),
            (
                "for i in a:\n    print(i)",
                Block,
                "a body: an empty line ends it",
            ),
            ("for i in a:\n    print(i)\n", Complete, "…like this"),
            ("if x:  # why", Block, "a comment after the colon"),
            ("@dec", Block, "a decorator waits for its def"),
            (
                "d = {'a':",
                Incomplete,
                "a colon inside brackets is not a block",
            ),
            ("a[1:]", Complete, "a slice colon"),
            (
                ")",
                Complete,
                "a stray bracket runs (to show the SyntaxError)",
            ),
            ("x = 1\nfor", Complete, "only the first token opens a block"),
            ("match x:", Block, "a match statement waits for its cases"),
            (
                "match x:\n    case 1:\n        pass",
                Block,
                "…until an empty line",
            ),
            ("match = 1", Complete, "control: `match` as a name"),
            ("match(x)", Complete, "…and called"),
        ];
        for (src, want, why) in cases {
            assert_eq!(completeness(src), want, "{src:?}: {why}");
        }
    }

    #[test]
    fn block_bodies_are_indented() {
        assert_eq!(next_indent("for i in a:"), "    ");
        assert_eq!(next_indent("for i in a:\n    x = i"), "    ");
        assert_eq!(next_indent("for i in a:\n    if x:  # c"), "        ");
        assert_eq!(next_indent("x = {1:"), "");
        assert_eq!(next_indent("x = 1"), "");
    }

    #[test]
    fn open_statements_like_python_3_11_tokenize() {
        // (text, still open, why) — each row checked against the oracle's still_open
        let cases = [
            ("x = (1,\n", true, "an open bracket"),
            ("x = (1,\n2)\n", false, "control: the bracket closes"),
            ("x = '''abc\n", true, "an open triple-quoted string"),
            ("x = '''abc\n'''\n", false, "control: it closes"),
            (
                "x = 'abc\\\n",
                true,
                "a single-quoted string continued by a backslash",
            ),
            (
                "s = 'a\\\nb'\n",
                false,
                "control: it closes on the next line",
            ),
            (
                "x = 'abc\n",
                false,
                "an unclosed single quote is an error token",
            ),
            ("x = 1 + \\\n", true, "a backslash continuation"),
            ("x = 1\\ \n", false, "control: a space after the backslash"),
            (")\n", true, "a stray ')' leaves the count negative"),
            ("]\n(\n", false, "…and a later '(' brings it back to zero"),
            ("f(\n)\n)\n", true, "one ')' too many"),
            ("x = 1 # (\n", false, "brackets in comments do not count"),
            ("s = '(' \n", false, "nor in strings"),
            ("a = [1,\n# c\n", true, "a comment inside brackets"),
            (
                "if x:\n        a\n    b = (\n",
                false,
                "a bad dedent stops tokenize first",
            ),
            ("if x:\n    a\nb = (\n", true, "control: a good dedent"),
            (
                "x = r'\\'\n",
                false,
                "a raw string still escapes its quote: an error token",
            ),
            ("x = rb'''a\n", true, "prefixed triple quotes"),
            ("x = '''a\\'''\n", true, "an escaped quote does not close"),
            (
                "x = 'a\\\nb\nc'\n",
                false,
                "a continued string without backslash ends",
            ),
            (
                "x = '''\n  ''' + (\n",
                true,
                "a bracket after a closed string",
            ),
        ];
        for (text, want, why) in cases {
            assert_eq!(still_open(text), want, "{text:?}: {why}");
        }
    }

    #[test]
    fn block_openers_are_the_first_token() {
        let cases = [
            ("for i in a:\n", true),
            ("    while x:\n", true),
            ("# note\nif x:\n", true),
            ("@dec\n", true),
            ("async def f():\n", true),
            ("format = 1\n", false),
            ("x = 1; for\n", false),
            ("f'{x}'\n", false),
            ("'''abc\n", false),
            ("else:\n", false),
        ];
        for (text, want) in cases {
            assert_eq!(opens_block(text), want, "{text:?}");
        }
    }
}
