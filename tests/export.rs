//! Golden handouts: each `tests/export/NAME.py` lesson exported as Markdown (`NAME.md`) and as
//! HTML (`NAME.html`, its style sheet left out), with deterministic addresses
//! (`ARRSH_BLESS=1` rewrites them).

use std::fs;
use std::path::{Path, PathBuf};

use arrsh::SessionOptions;
use arrsh::shell::export::{Handout, export};
use arrsh::shell::render::Style;

fn lessons() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export");
    let mut v: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/export")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

#[test]
fn handouts_match_their_golden_files() {
    let bless = std::env::var_os("ARRSH_BLESS").is_some();
    let files = lessons();
    assert!(!files.is_empty(), "no lessons in tests/export");
    let mut problems = Vec::new();
    for py in files {
        let script = fs::read_to_string(&py).expect("read lesson");
        let title = py.file_name().unwrap().to_string_lossy().to_string();
        for (format, ext) in [(Handout::Markdown, "md"), (Handout::Html, "html")] {
            let (text, _) = export(
                &script,
                &title,
                &SessionOptions::default(),
                Style::annotated(),
                format,
            );
            // the style sheet is the same on every page: checked once, not in each golden file
            let text = match (text.find("<style>"), text.find("</style>")) {
                (Some(a), Some(b)) => format!("{}<style>…{}", &text[..a], &text[b..]),
                _ => text,
            };
            let golden = py.with_extension(ext);
            if bless {
                fs::write(&golden, &text).expect("write golden handout");
                continue;
            }
            let expected = fs::read_to_string(&golden).unwrap_or_default();
            if expected != text {
                let line = expected
                    .lines()
                    .zip(text.lines())
                    .position(|(e, a)| e != a)
                    .unwrap_or(expected.lines().count().min(text.lines().count()));
                problems.push(format!(
                    "{} differs from line {}:\n--- expected\n{}\n--- actual\n{}\n",
                    golden.display(),
                    line + 1,
                    expected.lines().nth(line).unwrap_or("<end>"),
                    text.lines().nth(line).unwrap_or("<end>")
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "handouts differ (ARRSH_BLESS=1 to accept):\n\n{}",
        problems.join("\n")
    );
}

/// What makes the HTML a handout: one page, nothing fetched, printable, coloured like the
/// terminal.
#[test]
fn the_html_page_stands_alone() {
    let script = fs::read_to_string(lessons()[0].clone()).unwrap();
    let (html, _) = export(
        &script,
        "lesson",
        &SessionOptions::default(),
        Style::annotated(),
        Handout::Html,
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<html").count(), 1);
    for external in [
        "<link", "<script", "src=", "url(", "@import", "http://", "https://",
    ] {
        assert!(
            !html.contains(external),
            "{external} in a self-contained page"
        );
    }
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert!(
        html.contains("<span class=\"f31\">Out["),
        "Out in the terminal's red"
    );
    assert!(!html.contains('\x1b'), "no escape codes left");
}
