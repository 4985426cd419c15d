//! Replaying scripts: cutting a file into cells (`cells`, the oracle's rules), running them
//! through a fresh session and rendering the transcript; and comparing a transcript with an
//! expected one.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::cells;
use super::render::{self, Style};
use super::session::{CellResult, Session, SessionOptions};

/// Runs a script in a fresh session; returns the transcript and whether any cell raised.
pub fn run_script(script: &str, opts: &SessionOptions, style: Style) -> (String, bool) {
    let mut session = Session::new(opts, Arc::new(AtomicBool::new(false)));
    session.set_memory_facts(style.annotate);
    let mut out = String::new();
    let failed = run_cells(&mut session, script, |r| {
        out.push_str(&render::cell(r, style))
    });
    (out, failed)
}

/// Runs every cell, handing each result to `sink` as soon as it is ready (for live output).
/// Cells a `%run` queued run right after it; `exit` stops the script. Returns whether any cell
/// raised.
pub fn run_cells(session: &mut Session, script: &str, mut sink: impl FnMut(&CellResult)) -> bool {
    let mut failed = false;
    for c in cells::sources(script) {
        failed |= run_one(session, &c, &mut sink);
        if session.exit_requested() {
            break;
        }
    }
    failed
}

/// Runs one cell and then whatever it queued; whether any of them raised.
pub fn run_one(session: &mut Session, cell: &str, sink: &mut impl FnMut(&CellResult)) -> bool {
    let mut failed = false;
    let mut next = Some(cell.to_string());
    while let Some(c) = next {
        if let Some(r) = session.run_cell(&c) {
            failed |= r.error.is_some();
            sink(&r);
        }
        if session.exit_requested() {
            break;
        }
        next = session.next_queued();
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
    fn exit_ends_a_script_and_run_replays_a_file_into_the_session() {
        let plain = Style::plain();
        let (out, _) = run_script("a = 1\nexit\nb = 2\n", &SessionOptions::default(), plain);
        assert_eq!(out, "In [1]: a = 1\n\nIn [2]: exit\n\n");
        let dir = std::env::temp_dir().join(format!("arrsh-run-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let lesson = dir.join("lesson.py");
        std::fs::write(&lesson, "x = 40\nx + 2\n").unwrap();
        let script = format!("%run {}\nx\n", lesson.display());
        let (out, failed) = run_script(&script, &SessionOptions::default(), plain);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(!failed, "{out}");
        assert_eq!(
            out,
            format!(
                "In [1]: %run {}\n\nIn [2]: x = 40\n\nIn [3]: x + 2\nOut[3]: 42\n\nIn [4]: x\nOut[4]: 40\n\n",
                lesson.display()
            )
        );
        let (out, failed) =
            run_script("%run /no/such/file.py\n", &SessionOptions::default(), plain);
        assert!(failed);
        assert!(
            out.contains("UsageError: File `'/no/such/file.py'` not found."),
            "{out}"
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
