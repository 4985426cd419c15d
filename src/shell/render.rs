//! Turning cell results into text: IPython's `In [n]:` / `Out[n]:` layout, error lines, the
//! SyntaxError caret, and arrsh's memory line and "why" notes (`memline`) — with or without
//! colour, fitted to a width.

use owo_colors::OwoColorize;

use super::cells::rstrip;
use super::memline;
use super::paint;
use super::session::CellResult;
use crate::error::ErrorKind;

/// The width replays and tests lay memory lines and pictures out for (a terminal asks its own).
pub const DEFAULT_WIDTH: usize = 100;

/// How output looks: colour on terminals, annotations unless `--plain`, and the width that
/// memory lines and pictures must fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub annotate: bool,
    pub width: usize,
}

impl Style {
    /// Exactly what the NumPy oracle prints.
    pub fn plain() -> Style {
        Style {
            color: false,
            annotate: false,
            width: DEFAULT_WIDTH,
        }
    }

    /// Memory lines without colour at the default width (annotated transcripts).
    pub fn annotated() -> Style {
        Style {
            color: false,
            annotate: true,
            width: DEFAULT_WIDTH,
        }
    }
}

/// `In [n]: ` (IPython's green prompt).
pub fn prompt_in(n: usize, style: Style) -> String {
    if style.color {
        format!(
            "{}{}{}",
            "In [".green(),
            n.bright_green().bold(),
            "]: ".green()
        )
    } else {
        format!("In [{n}]: ")
    }
}

/// The continuation prompt, right-aligned under `In [n]: `.
pub fn prompt_more(n: usize, style: Style) -> String {
    let width = format!("In [{n}]: ").len();
    let text = format!("{:>w$}", "...: ", w = width);
    if style.color {
        text.green().to_string()
    } else {
        text
    }
}

/// The echoed input of a cell, as a transcript shows it: `In [n]: ` before the first line and
/// IPython's continuation prompt before each further one (trailing blanks removed there, as
/// the oracle does).
pub fn input(r: &CellResult, style: Style) -> String {
    let mut s = String::new();
    for (i, line) in r.input.split('\n').enumerate() {
        if i == 0 {
            s.push_str(&prompt_in(r.n, style));
            s.push_str(line);
        } else if style.color {
            s.push_str(&prompt_more(r.n, style));
            s.push_str(rstrip(line));
        } else {
            s.push_str(rstrip(&format!("{}{line}", prompt_more(r.n, style))));
        }
        s.push('\n');
    }
    s
}

/// Everything after the input: printed text, `Out[n]:` with its value, the annotation, or the
/// error; then the blank line IPython leaves.
pub fn output(r: &CellResult, style: Style) -> String {
    let mut s = r.stdout.clone();
    if let Some(page) = &r.page {
        s.push_str(page);
    }
    for w in &r.warnings {
        s.push_str(&warning_line(w, style));
    }
    for p in &r.pictures {
        s.push_str(&paint::render(
            &super::buffers::draw(p, style.width),
            style.color,
        ));
    }
    if let Some(text) = &r.out {
        let label = format!("Out[{}]: ", r.n);
        let label = if style.color {
            format!("{}{}{}", "Out[".red(), r.n.bright_red().bold(), "]: ".red())
        } else {
            label
        };
        s.push_str(&label);
        if text.contains('\n') {
            s.push('\n');
        }
        s.push_str(text);
        s.push('\n');
        if style.annotate
            && let Some(f) = &r.facts
        {
            s.push_str(&paint::render(
                &memline::memory_lines(f, style.width),
                style.color,
            ));
        }
    }
    if let Some(e) = &r.error {
        if style.annotate
            && matches!(e.kind, ErrorKind::SyntaxError | ErrorKind::IndentationError)
            && let Some(col) = e.col
        {
            s.push_str(&caret(&r.input, col));
        } else if style.annotate
            && r.input.contains('\n')
            && let Some(arrow) = e.line.and_then(|k| raised_at(&r.input, k))
        {
            // a one-line cell needs no pointer; --plain keeps the oracle's single line
            if style.color {
                let (mark, rest) = arrow.split_at(arrow.find(' ').unwrap_or(0));
                s.push_str(&format!("{}{rest}", mark.green().bold()));
            } else {
                s.push_str(&arrow);
            }
        }
        // the oracle writes "Kind: " even without a message; at a terminal, IPython's "Kind" reads better
        let line = if e.msg.is_empty() && style.annotate {
            e.kind.name().to_string()
        } else {
            e.to_string()
        };
        if style.color {
            match line.split_once(':') {
                Some((kind, rest)) => s.push_str(&format!("{}:{}", kind.red().bold(), rest)),
                None => s.push_str(&line.red().bold().to_string()),
            }
        } else {
            s.push_str(&line);
        }
        s.push('\n');
    }
    if style.annotate {
        for n in &r.notes {
            s.push_str(&paint::render(
                &memline::note_lines(n, style.width),
                style.color,
            ));
        }
    }
    s.push('\n');
    s
}

/// A warning the cell raised, as the oracle keeps it (`RuntimeWarning: <message>`; IPython's
/// stderr text without its file/line prefix), the category in yellow at a terminal.
fn warning_line(w: &crate::eval::warnings::Warning, style: Style) -> String {
    if style.color && !w.category.is_empty() {
        format!("{}: {}\n", w.category.yellow().bold(), w.message)
    } else {
        format!("{}\n", w.text())
    }
}

/// The offending line and a caret under the column (`col` counts characters from the start of
/// the cell; lines are separated by `\n`).
fn caret(input: &str, col: usize) -> String {
    let mut rest = col;
    for line in input.lines() {
        let n = line.chars().count();
        if rest <= n {
            return format!("    {line}\n    {}^\n", " ".repeat(rest));
        }
        rest -= n + 1;
    }
    String::new()
}

/// IPython's pointer at the line of a multi-line cell that raised, and the blank line after it:
/// `----> 3     q = [1][k]` (the arrow and number fill IPython's 7 columns).
fn raised_at(input: &str, line: u32) -> Option<String> {
    let text = input.lines().nth((line as usize).checked_sub(1)?)?;
    let num = line.to_string();
    let arrow = match 7usize.saturating_sub(num.len()) {
        0 => String::new(),
        1 => ">".to_string(),
        pad => format!("{}> ", "-".repeat(pad - 2)),
    };
    Some(format!("{arrow}{num} {text}\n\n"))
}

/// A whole cell as a transcript shows it.
pub fn cell(r: &CellResult, style: Style) -> String {
    input(r, style) + &output(r, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::PyError;

    fn result(out: Option<&str>, error: Option<PyError>) -> CellResult {
        CellResult {
            n: 3,
            input: "a".into(),
            stdout: String::new(),
            warnings: Vec::new(),
            out: out.map(String::from),
            facts: None,
            error,
            notes: Vec::new(),
            pictures: Vec::new(),
            page: None,
        }
    }

    #[test]
    fn multiline_values_start_on_a_new_line() {
        let r = result(Some("array([[0, 1],\n       [2, 3]])"), None);
        assert_eq!(
            output(&r, Style::plain()),
            "Out[3]: \narray([[0, 1],\n       [2, 3]])\n\n"
        );
        let r = result(Some("5"), None);
        assert_eq!(output(&r, Style::plain()), "Out[3]: 5\n\n");
    }

    #[test]
    fn errors_are_the_last_traceback_line() {
        let r = result(None, Some(PyError::index_out_of_bounds(5, 0, 3)));
        assert_eq!(
            output(&r, Style::plain()),
            "IndexError: index 5 is out of bounds for axis 0 with size 3\n\n"
        );
    }

    #[test]
    fn continuation_prompt_aligns_with_in() {
        assert_eq!(prompt_more(7, Style::plain()), "   ...: ");
        assert_eq!(prompt_more(12, Style::plain()), "    ...: ");
        assert_eq!(
            prompt_more(7, Style::plain()).len(),
            prompt_in(7, Style::plain()).len()
        );
    }

    #[test]
    fn an_error_in_a_multi_line_cell_names_its_line() {
        assert_eq!(
            raised_at("for k in range(3):\n    q = [1][k]", 2).as_deref(),
            Some("----> 2     q = [1][k]\n\n")
        );
        let long = "x = 0\n".repeat(11) + "y";
        assert_eq!(raised_at(&long, 12).as_deref(), Some("---> 12 y\n\n"));
        assert_eq!(raised_at("a\nb", 3), None, "past the end");
        assert_eq!(raised_at("a\nb", 0), None);
        let mut e = PyError::index("list index out of range");
        e.line = Some(2);
        let mut r = result(None, Some(e));
        r.input = "for k in range(3):\n    q = [1][k]".into();
        let annotated = Style {
            annotate: true,
            ..Style::plain()
        };
        assert_eq!(
            output(&r, annotated),
            "----> 2     q = [1][k]\n\nIndexError: list index out of range\n\n"
        );
        assert_eq!(
            output(&r, Style::plain()),
            "IndexError: list index out of range\n\n",
            "--plain keeps the oracle's line"
        );
        r.input = "q = [1][5]".into();
        r.error.as_mut().unwrap().line = Some(1);
        assert_eq!(
            output(&r, annotated),
            "IndexError: list index out of range\n\n",
            "a one-line cell keeps its single line"
        );
    }

    #[test]
    fn caret_points_into_the_right_line() {
        // column 17 of the cell is the '(' on its second line (12 characters in)
        assert_eq!(caret("for i in a:\nprint(", 17), "    print(\n         ^\n");
    }
}
