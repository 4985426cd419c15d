//! Replaying scripts: splitting a file into cells (the oracle's rule, one cell per physical
//! line, plus indented blocks under a line ending in `:`), running them through a fresh session
//! and rendering the transcript; and comparing a transcript with an expected one.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::render::{self, Style};
use super::session::{CellResult, Session, SessionOptions};

/// Splits a script into cells as the oracle cuts a plain script: each top-level statement is a
/// cell (one line; the `lessons` branch adds the oracle's bracket continuation). Decorators
/// take the statement they decorate; a compound
/// statement takes the indented lines after it (blank and comment lines inside it kept) and the
/// `else`/`elif`/`except`/`finally` clauses that continue it. Blank lines and comments between
/// statements are not cells.
pub fn cells(script: &str) -> Vec<String> {
    let lines: Vec<&str> = script.lines().map(|l| l.trim_end_matches('\r')).collect();
    let n = lines.len();
    let is_blank = |l: &str| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if is_blank(lines[i]) {
            i += 1;
            continue;
        }
        let mut buf = vec![lines[i]];
        i += 1;
        loop {
            if buf[buf.len() - 1].trim_start().starts_with('@') && i < n {
                let mut j = i;
                while j < n - 1 && is_blank(lines[j]) {
                    j += 1;
                }
                buf.extend(&lines[i..=j]);
                i = j + 1;
                continue;
            }
            if starts_compound(buf[0]) {
                let mut j = i;
                while j < n && is_blank(lines[j]) {
                    j += 1;
                }
                if j < n && (lines[j].starts_with([' ', '\t']) || continues(lines[j])) {
                    buf.extend(&lines[i..=j]);
                    i = j + 1;
                    continue;
                }
            }
            break;
        }
        // IPython's leading-indent rule
        let first = buf[0];
        let pad = &first[..first.len() - first.trim_start().len()];
        let cell: Vec<&str> = buf
            .iter()
            .map(|l| l.strip_prefix(pad).unwrap_or(l).trim_end())
            .collect();
        out.push(cell.join("\n"));
    }
    out
}

/// Whether a line continues a compound statement (`else`, `elif`, `except`, `finally`).
fn continues(line: &str) -> bool {
    ["else", "elif", "except", "finally"].iter().any(|k| {
        line.strip_prefix(k)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    })
}

/// Whether a line opens an indented block (`for x in y:` with nothing after the colon).
pub fn opens_block(line: &str) -> bool {
    let code = line.split('#').next().unwrap_or("").trim_end();
    code.ends_with(':')
        && [
            "for ", "while ", "if ", "elif ", "else", "def ", "with ", "try", "except", "finally",
            "class ",
        ]
        .iter()
        .any(|k| code.trim_start().starts_with(k))
}

/// Whether a statement is compound (its first word is `for`, `while`, `if`, `def`, `class`,
/// `with`, `try`, `async`) or decorated.
fn starts_compound(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with('@') {
        return true;
    }
    let word: String = t
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    matches!(
        word.as_str(),
        "for" | "while" | "if" | "def" | "class" | "with" | "try" | "async"
    )
}

/// Runs a script in a fresh session; returns the transcript and whether any cell raised.
pub fn run_script(script: &str, opts: &SessionOptions, style: Style) -> (String, bool) {
    let mut session = Session::new(opts, Arc::new(AtomicBool::new(false)));
    let mut out = String::new();
    let mut failed = false;
    for c in cells(script) {
        if let Some(r) = session.run_cell(&c) {
            failed |= r.error.is_some();
            out.push_str(&render::cell(&r, style));
        }
    }
    (out, failed)
}

/// Runs every cell, handing each result to `sink` as soon as it is ready (for live output).
pub fn run_cells(session: &mut Session, script: &str, mut sink: impl FnMut(&CellResult)) -> bool {
    let mut failed = false;
    for c in cells(script) {
        if let Some(r) = session.run_cell(&c) {
            failed |= r.error.is_some();
            sink(&r);
        }
    }
    failed
}

/// One difference between an expected and an actual transcript.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// 1-based line in the expected transcript.
    pub line: usize,
    pub expected: String,
    pub actual: String,
}

/// Compares transcripts line by line, trailing whitespace ignored (editors strip it; NumPy's
/// broadcast message and `Out[n]: ` have some). Reports every differing cell's first line.
pub fn compare(expected: &str, actual: &str) -> Vec<Mismatch> {
    let e: Vec<&str> = expected.lines().map(str::trim_end).collect();
    let a: Vec<&str> = actual.lines().map(str::trim_end).collect();
    let mut out = Vec::new();
    // align by cell: a cell starts at a line beginning with "In ["
    let starts = |v: &[&str]| -> Vec<usize> {
        v.iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with("In ["))
            .map(|(i, _)| i)
            .collect()
    };
    let (es, as_) = (starts(&e), starts(&a));
    let cells = es.len().max(as_.len());
    for k in 0..cells {
        let er = es
            .get(k)
            .map(|&s| (s, es.get(k + 1).copied().unwrap_or(e.len())));
        let ar = as_
            .get(k)
            .map(|&s| (s, as_.get(k + 1).copied().unwrap_or(a.len())));
        let eb: &[&str] = er.map_or(&[], |(s, t)| &e[s..t]);
        let ab: &[&str] = ar.map_or(&[], |(s, t)| &a[s..t]);
        if eb != ab {
            let j = (0..eb.len().max(ab.len()))
                .find(|&j| eb.get(j) != ab.get(j))
                .unwrap_or(0);
            out.push(Mismatch {
                line: er.map_or(e.len(), |(s, _)| s + j + 1),
                expected: eb.join("\n"),
                actual: ab.join("\n"),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_the_oracle_rule() {
        let s = "# intro\nimport numpy as np\n\n  a = np.arange(5)  \nfor i in a: print(i)\n";
        assert_eq!(
            cells(s),
            vec![
                "import numpy as np",
                "a = np.arange(5)",
                "for i in a: print(i)"
            ]
        );
    }

    #[test]
    fn indented_blocks_join_their_header() {
        let s = "for i in range(2):\n    x = i\n    print(x)\ny = 1\n";
        assert_eq!(
            cells(s),
            vec!["for i in range(2):\n    x = i\n    print(x)", "y = 1"]
        );
        assert_eq!(
            cells("x = {'a':\n 1}"),
            vec!["x = {'a':", "1}"],
            "control: only block headers join"
        );
    }

    #[test]
    fn compare_reports_each_differing_cell() {
        let e = "In [1]: a\nOut[1]: 1\n\nIn [2]: b\nOut[2]: 2\n\n";
        let a = "In [1]: a\nOut[1]: 1\n\nIn [2]: b\nOut[2]: 3\n\n";
        let m = compare(e, a);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].line, 5);
        assert!(compare(e, e).is_empty());
        assert!(
            compare("In [1]: x \n", "In [1]: x\n").is_empty(),
            "trailing space ignored"
        );
    }
}
