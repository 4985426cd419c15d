//! Comparing transcripts, the one place: the golden-transcript tests, `--check` and `--bless`
//! all cut transcripts into cells and report differences here.
//!
//! - `compare` pairs the cells of two transcripts (a cell starts at a line beginning `In [`)
//!   and reports each pair that differs, trailing whitespace ignored.
//! - `unified_diff` prints those cells as a unified diff, expected (`-`) against got (`+`).
//! - `check` is `arrsh --check FILE` / `--bless FILE`: a lesson is compared with the
//!   transcript beside it (`lesson.py` → `lesson.txt`, what `arrsh` prints for it with the
//!   same flags); a pasted `>>>`/`In [n]:` session without one is compared with the outputs
//!   recorded in the file itself, as doctest does (`check_pasted`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::cells::{self, Format};
use super::render::{self, Style};
use super::replay;
use super::session::{CellResult, Session, SessionOptions};

/// One differing cell of an expected and an actual transcript.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// 1-based line in the expected transcript where the cells first differ.
    pub line: usize,
    /// 1-based first lines of the cell in each transcript (0 when one side lacks the cell).
    pub expected_start: usize,
    pub actual_start: usize,
    pub expected: String,
    pub actual: String,
}

/// Where each cell of a transcript starts and ends (line indices, end exclusive). A cell starts
/// at a line beginning `In [`; lines before the first one belong to no cell.
fn cell_ranges(lines: &[&str]) -> Vec<(usize, usize)> {
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("In ["))
        .map(|(i, _)| i)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| (s, starts.get(k + 1).copied().unwrap_or(lines.len())))
        .collect()
}

/// Compares transcripts cell by cell, trailing whitespace ignored (editors strip it; NumPy's
/// broadcast message and `Out[n]: ` have some). Reports every differing cell.
pub fn compare(expected: &str, actual: &str) -> Vec<Mismatch> {
    let e: Vec<&str> = expected.lines().map(str::trim_end).collect();
    let a: Vec<&str> = actual.lines().map(str::trim_end).collect();
    let (er, ar) = (cell_ranges(&e), cell_ranges(&a));
    let mut out = Vec::new();
    for k in 0..er.len().max(ar.len()) {
        let eb: &[&str] = er.get(k).map_or(&[], |&(s, t)| &e[s..t]);
        let ab: &[&str] = ar.get(k).map_or(&[], |&(s, t)| &a[s..t]);
        if eb != ab {
            let j = (0..eb.len().max(ab.len()))
                .find(|&j| eb.get(j) != ab.get(j))
                .unwrap_or(0);
            out.push(Mismatch {
                line: er.get(k).map_or(e.len(), |&(s, _)| s + j + 1),
                expected_start: er.get(k).map_or(0, |&(s, _)| s + 1),
                actual_start: ar.get(k).map_or(0, |&(s, _)| s + 1),
                expected: eb.join("\n"),
                actual: ab.join("\n"),
            });
        }
    }
    out
}

/// The differing cells as a unified diff (`--- expected_name`, `+++ actual_name`, one hunk per
/// cell); `None` when the transcripts match.
pub fn unified_diff(
    expected: &str,
    actual: &str,
    expected_name: &str,
    actual_name: &str,
) -> Option<String> {
    let mismatches = compare(expected, actual);
    if mismatches.is_empty() {
        return None;
    }
    let mut s = format!("--- {expected_name}\n+++ {actual_name}\n");
    for m in &mismatches {
        s.push_str(&hunk(
            m.expected_start,
            &split(&m.expected),
            m.actual_start,
            &split(&m.actual),
        ));
    }
    Some(s)
}

fn split(s: &str) -> Vec<&str> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split('\n').collect()
    }
}

/// One hunk: `@@ -start,len +start,len @@` and the lines, kept (` `), removed (`-`), added (`+`).
fn hunk(e_start: usize, e: &[&str], a_start: usize, a: &[&str]) -> String {
    let mut s = format!("@@ -{e_start},{} +{a_start},{} @@\n", e.len(), a.len());
    for (mark, line) in line_diff(e, a) {
        s.push(mark);
        s.push_str(line);
        s.push('\n');
    }
    s
}

/// A shortest edit script between two short runs of lines (a longest common subsequence;
/// removals before additions). Cells are small; past a few million line pairs it gives up
/// and replaces the whole run.
fn line_diff<'a>(e: &[&'a str], a: &[&'a str]) -> Vec<(char, &'a str)> {
    let (n, m) = (e.len(), a.len());
    if n.saturating_mul(m) > 4_000_000 {
        let mut out: Vec<(char, &str)> = e.iter().map(|l| ('-', *l)).collect();
        out.extend(a.iter().map(|l| ('+', *l)));
        return out;
    }
    // lcs[i][j]: the longest common subsequence of e[i..] and a[j..]
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if e[i] == a[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n + m);
    while i < n || j < m {
        if i < n && j < m && e[i] == a[j] {
            out.push((' ', e[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(('-', e[i]));
            i += 1;
        } else {
            out.push(('+', a[j]));
            j += 1;
        }
    }
    out
}

/// What `--check`/`--bless` found for one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Every cell gives what the expected transcript says.
    Match { cells: usize },
    /// Some cells differ; `diff` is the unified diff to show.
    Differ {
        cells: usize,
        differing: usize,
        diff: String,
    },
    /// `--bless` wrote the transcript.
    Blessed { cells: usize, path: PathBuf },
    /// Nothing to compare with: no transcript beside a lesson that records no outputs.
    NoExpected(PathBuf),
}

impl Verdict {
    /// Whether the file passed (`--check` exits 1 when one did not).
    pub fn ok(&self) -> bool {
        matches!(self, Verdict::Match { .. } | Verdict::Blessed { .. })
    }

    /// The one-line summary `--check` prints for the file.
    pub fn summary(&self, file: &Path) -> String {
        let f = file.display();
        match self {
            Verdict::Match { cells } => format!("{f}: {cells} cells match"),
            Verdict::Differ {
                cells, differing, ..
            } => format!("{f}: {differing} of {cells} cells differ"),
            Verdict::Blessed { cells, path } => {
                format!("{f}: wrote {} ({cells} cells)", path.display())
            }
            Verdict::NoExpected(txt) => format!(
                "{f}: no {} to compare with (arrsh --bless {f} writes it)",
                txt.display()
            ),
        }
    }
}

/// The transcript kept beside a lesson: `lesson.py` → `lesson.txt`.
pub fn expected_path(lesson: &Path) -> PathBuf {
    lesson.with_extension("txt")
}

/// `--check` (or, with `bless`, `--bless`) for one lesson whose text is `script`. The lesson is
/// replayed in a fresh session with `opts` and `style` (no colour; annotations unless
/// `--plain`) and compared with `lesson.txt`; a pasted session without a `.txt` is compared
/// with its own recorded outputs. `--bless` writes `lesson.txt`.
pub fn check(
    lesson: &Path,
    script: &str,
    opts: &SessionOptions,
    style: Style,
    bless: bool,
) -> std::io::Result<Verdict> {
    let style = Style {
        color: false,
        ..style
    };
    let txt = expected_path(lesson);
    if bless {
        let (actual, _) = replay::run_script(script, opts, style);
        std::fs::write(&txt, &actual)?;
        return Ok(Verdict::Blessed {
            cells: count_cells(&actual),
            path: txt,
        });
    }
    let expected = match std::fs::read_to_string(&txt) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let lesson_cut = cells::cut(script);
            if lesson_cut.format == Format::Pasted {
                return Ok(check_pasted(lesson, &lesson_cut, opts));
            }
            return Ok(Verdict::NoExpected(txt));
        }
        Err(e) => return Err(e),
    };
    let (actual, _) = replay::run_script(script, opts, style);
    let cells = count_cells(&actual).max(count_cells(&expected));
    let got_name = format!("{} (arrsh)", lesson.display());
    Ok(
        match unified_diff(&expected, &actual, &txt.display().to_string(), &got_name) {
            None => Verdict::Match { cells },
            Some(diff) => Verdict::Differ {
                cells,
                differing: compare(&expected, &actual).len(),
                diff,
            },
        },
    )
}

fn count_cells(transcript: &str) -> usize {
    transcript.lines().filter(|l| l.starts_with("In [")).count()
}

/// A pasted session checked as doctest would: each prompt's cell runs (plain printing, no
/// annotations) and what it shows must be the output recorded under it. `Out[n]: ` labels are
/// ignored on both sides (the session's numbers are its own), and a recorded traceback matches
/// when it ends with the error's lines.
pub fn check_pasted(lesson: &Path, cut: &cells::Lesson, opts: &SessionOptions) -> Verdict {
    let mut session = Session::new(opts, Arc::new(AtomicBool::new(false)));
    session.set_memory_facts(false);
    let text = std::fs::read_to_string(lesson).unwrap_or_default();
    let file_lines = cells::splitlines(&text);
    let mut diff = format!(
        "--- {f} (recorded)\n+++ {f} (arrsh)\n",
        f = lesson.display()
    );
    let mut differing = 0;
    for cell in &cut.cells {
        let mut results: Vec<CellResult> = Vec::new();
        replay::run_one(&mut session, &cell.source, &mut |r: &CellResult| {
            results.push(r.clone())
        });
        let recorded = cell.recorded.clone().unwrap_or_default();
        let expected = bare(&recorded);
        if pasted_match(&expected, &results) {
            continue;
        }
        differing += 1;
        let got = bare(
            &results
                .iter()
                .map(|r| render::output(r, Style::plain()))
                .collect::<String>(),
        );
        let code: Vec<&str> = file_lines
            .get(cell.line.saturating_sub(1)..cell.end_line.min(file_lines.len()))
            .unwrap_or(&[])
            .to_vec();
        let n = code.len();
        diff.push_str(&format!(
            "@@ -{l},{} +{l},{} @@\n",
            n + expected.len(),
            n + got.len(),
            l = cell.line
        ));
        for c in code {
            diff.push(' ');
            diff.push_str(c);
            diff.push('\n');
        }
        let e: Vec<&str> = expected.iter().map(String::as_str).collect();
        let g: Vec<&str> = got.iter().map(String::as_str).collect();
        for (mark, line) in line_diff(&e, &g) {
            diff.push(mark);
            diff.push_str(line);
            diff.push('\n');
        }
        if session.exit_requested() {
            break;
        }
    }
    let cells = cut.cells.len();
    if differing == 0 {
        Verdict::Match { cells }
    } else {
        Verdict::Differ {
            cells,
            differing,
            diff,
        }
    }
}

/// Whether a pasted cell's recorded output (made `bare`) is what the cell showed.
fn pasted_match(expected: &[String], results: &[CellResult]) -> bool {
    let shown: String = results
        .iter()
        .map(|r| render::output(r, Style::plain()))
        .collect();
    let got = bare(&shown);
    if got == expected {
        return true;
    }
    // a recorded traceback (doctest's `Traceback (most recent call last):` … or IPython's
    // `----…` frames) matches when it ends with the error's lines and starts with what was
    // printed before the error
    let Some(err) = results.last().and_then(|r| r.error.as_ref()) else {
        return false;
    };
    if !expected.iter().any(|l| l.contains("Traceback")) {
        return false;
    }
    let err_lines: Vec<String> = err.to_string().lines().map(str::to_string).collect();
    let before = &got[..got.len().saturating_sub(err_lines.len())];
    expected.ends_with(&err_lines) && expected.starts_with(before)
}

/// A cell's shown output without `Out[n]:` labels, trailing blanks or trailing blank lines.
fn bare(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in text.lines() {
        let l = l.trim_end();
        match strip_out_label(l) {
            Some("") => {}
            Some(rest) => out.push(rest.to_string()),
            None => out.push(l.to_string()),
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// `Out[12]: x` → `x`.
fn strip_out_label(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("Out[")?;
    let close = rest.find("]:")?;
    if close == 0 || !rest[..close].bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &rest[close + 2..];
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_reports_each_differing_cell() {
        let e = "In [1]: a\nOut[1]: 1\n\nIn [2]: b\nOut[2]: 2\n\n";
        let a = "In [1]: a\nOut[1]: 1\n\nIn [2]: b\nOut[2]: 3\n\n";
        let m = compare(e, a);
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].line, m[0].expected_start, m[0].actual_start),
            (5, 4, 4)
        );
        assert!(compare(e, e).is_empty());
        assert!(
            compare("In [1]: x \n", "In [1]: x\n").is_empty(),
            "trailing space ignored"
        );
        assert_eq!(compare(e, "In [1]: a\nOut[1]: 1\n\n")[0].actual_start, 0);
    }

    #[test]
    fn the_diff_shows_only_differing_cells() {
        let e = "In [1]: a\nOut[1]: 1\n\nIn [2]: b\nOut[2]: 2\n\n";
        let a = "In [1]: a\nOut[1]: 1\n\nIn [2]: b\nprinted\nOut[2]: 3\n\n";
        assert_eq!(
            unified_diff(e, a, "x.txt", "x.py").as_deref(),
            Some(
                "--- x.txt\n+++ x.py\n@@ -4,3 +4,4 @@\n In [2]: b\n-Out[2]: 2\n+printed\n+Out[2]: 3\n \n"
            )
        );
        assert_eq!(unified_diff(e, e, "x.txt", "x.py"), None);
    }

    #[test]
    fn line_diff_keeps_common_lines() {
        let table: &[(&[&str], &[&str], &str)] = &[
            (&["a", "b", "c"], &["a", "c"], " a-b c"),
            (&["a"], &["b"], "-a+b"),
            (&[], &["x"], "+x"),
            (&["x", "y"], &["y", "x"], "-x y+x"),
        ];
        for (e, a, want) in table {
            let got: String = line_diff(e, a)
                .iter()
                .map(|(m, l)| format!("{m}{l}"))
                .collect();
            assert_eq!(&got, want, "{e:?} → {a:?}");
        }
    }

    #[test]
    fn out_labels_and_trailing_blanks_are_not_compared() {
        assert_eq!(bare("Out[70]: \n{'a': 1}\n\n"), vec!["{'a': 1}"]);
        assert_eq!(bare("Out[3]: 5\n"), vec!["5"]);
        assert_eq!(bare("Out[x]: 5"), vec!["Out[x]: 5"]);
        assert_eq!(strip_out_label("Out[]: 5"), None);
    }

    fn pasted(text: &str) -> Verdict {
        let dir =
            std::env::temp_dir().join(format!("arrsh-check-{}-{}", std::process::id(), text.len()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("s.py");
        std::fs::write(&f, text).unwrap();
        let v = check(&f, text, &SessionOptions::default(), Style::plain(), false).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        v
    }

    #[test]
    fn a_pasted_session_is_checked_against_its_recorded_output() {
        let ok = ">>> import numpy as np\n>>> a = np.arange(3)\n>>> a\narray([0, 1, 2])\n>>> a[5]\nTraceback (most recent call last):\n  ...\nIndexError: index 5 is out of bounds for axis 0 with size 3\n";
        assert_eq!(pasted(ok), Verdict::Match { cells: 4 });
        let ipy =
            "In [1]: import numpy as np\n\nIn [2]: np.arange(3) * 2\nOut[7]: array([0, 2, 5])\n";
        match pasted(ipy) {
            Verdict::Differ {
                differing, diff, ..
            } => {
                assert_eq!(differing, 1);
                assert!(
                    diff.ends_with(
                        "@@ -3,2 +3,2 @@\n In [2]: np.arange(3) * 2\n-array([0, 2, 5])\n+array([0, 2, 4])\n"
                    ),
                    "{diff}"
                );
            }
            v => panic!("{v:?}"),
        }
    }
}
