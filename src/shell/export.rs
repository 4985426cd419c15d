//! Handouts (`--export md|html`): a lesson replayed and written as Markdown, or as one
//! self-contained HTML page (inline CSS, no external assets, printable).
//!
//! The narration the cutter found (`cells`: `# %% [markdown]` blocks, comments between the
//! statements of a plain script, a pasted session's prose) is written as Markdown; each cell as
//! a code block labelled `In [n]`, then exactly what the transcript shows after it
//! (`render::output`: printed text, warnings, `Out[n]`, errors, memory lines, why notes,
//! pictures). The HTML reads the same text in the terminal's colours and turns the escape codes
//! into CSS classes (`ansi_html`), so a handout cannot drift from what the shell prints.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::cells;
use super::highlight;
use super::render::{self, Style};
use super::replay;
use super::session::{CellResult, Session, SessionOptions};

/// The kinds of handout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handout {
    Markdown,
    Html,
}

/// Replays `script` in a fresh session and writes the handout; also whether a cell raised.
/// `title` names the HTML page when the narration has no heading (the file's name).
/// `style.annotate` and `style.width` are honoured; colour is the format's business.
pub fn export(
    script: &str,
    title: &str,
    opts: &SessionOptions,
    style: Style,
    format: Handout,
) -> (String, bool) {
    let style = Style {
        color: format == Handout::Html,
        ..style
    };
    let lesson = cells::cut(script);
    let mut session = Session::new(opts, Arc::new(AtomicBool::new(false)));
    session.set_memory_facts(style.annotate);
    let mut body = String::new();
    let mut failed = false;
    let mut headed = None;
    for cell in &lesson.cells {
        narration(&mut body, &cell.narration, format, &mut headed);
        failed |= replay::run_one(&mut session, &cell.source, &mut |r: &CellResult| {
            body.push_str(&match format {
                Handout::Markdown => markdown_cell(r, style),
                Handout::Html => html_cell(r, style),
            })
        });
        if session.exit_requested() {
            break;
        }
    }
    narration(&mut body, &lesson.epilogue, format, &mut headed);
    let text = match format {
        Handout::Markdown => body,
        Handout::Html => html_page(headed.as_deref().unwrap_or(title), &body),
    };
    (text, failed)
}

/// Appends narration; remembers the first heading's text (the page's title).
fn narration(out: &mut String, text: &str, format: Handout, heading: &mut Option<String>) {
    if text.trim().is_empty() {
        return;
    }
    if heading.is_none() {
        *heading = text.lines().find_map(|l| {
            let h = l.strip_prefix('#')?.trim_start_matches('#');
            h.starts_with(' ').then(|| h.trim().to_string())
        });
    }
    match format {
        Handout::Markdown => {
            out.push_str(text.trim_end());
            out.push_str("\n\n");
        }
        Handout::Html => {
            let parser =
                pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_TABLES);
            out.push_str("<div class=\"md\">\n");
            pulldown_cmark::html::push_html(out, parser);
            out.push_str("</div>\n");
        }
    }
}

/// What the transcript shows after a cell's input, without the blank line that ends it.
fn shown_after(r: &CellResult, style: Style) -> String {
    render::output(r, style).trim_end_matches('\n').to_string()
}

/// A fence longer than any run of backticks in `text` (at least three).
fn fence(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

fn markdown_cell(r: &CellResult, style: Style) -> String {
    let mut s = format!("**In [{}]:**\n\n", r.n);
    let f = fence(&r.input);
    s.push_str(&format!("{f}python\n{}\n{f}\n\n", r.input));
    let after = shown_after(r, style);
    if !after.is_empty() {
        let f = fence(&after);
        s.push_str(&format!("{f}text\n{after}\n{f}\n\n"));
    }
    s
}

fn html_cell(r: &CellResult, style: Style) -> String {
    let prompt = ansi_html(render::prompt_in(r.n, style).trim_end());
    let code = ansi_html(&highlight::highlight(&r.input, usize::MAX));
    let mut s = format!(
        "<section class=\"cell\">\n<div class=\"in\"><span class=\"prompt\">{prompt}</span><pre class=\"code\">{code}</pre></div>\n"
    );
    let after = shown_after(r, style);
    if !after.is_empty() {
        let class = if r.error.is_some() {
            "out error"
        } else {
            "out"
        };
        s.push_str(&format!(
            "<pre class=\"{class}\">{}</pre>\n",
            ansi_html(&after)
        ));
    }
    s.push_str("</section>\n");
    s
}

/// `<`, `>`, `&` and `"` as HTML entities.
fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '&' => s.push_str("&amp;"),
            '"' => s.push_str("&quot;"),
            _ => s.push(c),
        }
    }
    s
}

/// The terminal's look at one point of the text: what SGR escape codes have set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Sgr {
    /// 30–37 or 90–97.
    fg: Option<u8>,
    bold: bool,
    dim: bool,
    italic: bool,
    underline: bool,
    reverse: bool,
}

impl Sgr {
    fn apply(&mut self, params: &str) {
        let codes: Vec<u32> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
        let mut i = 0;
        while i < codes.len() {
            match codes[i] {
                0 => *self = Sgr::default(),
                1 => self.bold = true,
                2 => self.dim = true,
                3 => self.italic = true,
                4 => self.underline = true,
                7 => self.reverse = true,
                22 => (self.bold, self.dim) = (false, false),
                23 => self.italic = false,
                24 => self.underline = false,
                27 => self.reverse = false,
                c @ (30..=37 | 90..=97) => self.fg = Some(c as u8),
                39 => self.fg = None,
                // 256-colour and true-colour: the 16 basic colours are kept, others dropped
                38 | 48 => {
                    let is_fg = codes[i] == 38;
                    match codes.get(i + 1) {
                        Some(5) => {
                            if is_fg && let Some(&n) = codes.get(i + 2) {
                                self.fg = match n {
                                    0..=7 => Some(30 + n as u8),
                                    8..=15 => Some(90 + n as u8 - 8),
                                    _ => self.fg,
                                };
                            }
                            i += 2;
                        }
                        Some(2) => i += 4,
                        _ => {}
                    }
                }
                _ => {} // backgrounds and the rest: a page keeps its own
            }
            i += 1;
        }
    }

    fn classes(&self) -> String {
        let mut c: Vec<String> = Vec::new();
        if let Some(f) = self.fg {
            c.push(format!("f{f}"));
        }
        for (on, name) in [
            (self.bold, "b"),
            (self.dim, "d"),
            (self.italic, "i"),
            (self.underline, "u"),
            (self.reverse, "r"),
        ] {
            if on {
                c.push(name.into());
            }
        }
        c.join(" ")
    }
}

/// Terminal text with SGR escape codes as HTML: the text escaped, each styled run a `<span>`
/// with classes (`f31` for red, `b` for bold...). Other escape sequences are dropped.
pub fn ansi_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut state = Sgr::default();
    let mut run = String::new();
    let flush = |out: &mut String, run: &mut String, state: &Sgr| {
        if run.is_empty() {
            return;
        }
        let classes = state.classes();
        if classes.is_empty() {
            out.push_str(&escape(run));
        } else {
            out.push_str(&format!("<span class=\"{classes}\">{}</span>", escape(run)));
        }
        run.clear();
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            run.push(c);
            continue;
        }
        if chars.peek() != Some(&'[') {
            chars.next();
            continue;
        }
        chars.next();
        let mut params = String::new();
        let mut last = None;
        for d in chars.by_ref() {
            if d.is_ascii_digit() || d == ';' {
                params.push(d);
            } else {
                last = Some(d);
                break;
            }
        }
        if last == Some('m') {
            let mut next = state;
            next.apply(&params);
            if next != state {
                flush(&mut out, &mut run, &state);
                state = next;
            }
        }
    }
    flush(&mut out, &mut run, &state);
    out
}

/// The colours of the 16 terminal colours on paper (dark enough to read when printed).
const CSS: &str = r#"
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  background: #fff; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
pre, code, .prompt { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.md code { background: #eff1f3; padding: 0 .25em; border-radius: 3px; font-size: .9em; }
.md pre { background: #f6f8fa; padding: .5rem .75rem; overflow-x: auto; }
.md pre code { background: none; padding: 0; }
.cell { margin: .75rem 0 1.25rem; }
.in { display: flex; align-items: flex-start; }
.prompt { flex: none; white-space: pre; font-size: .8rem; line-height: 1.35; padding: .4rem .5rem .4rem 0;
  user-select: none; }
pre { margin: 0; font-size: .8rem; line-height: 1.35; white-space: pre; overflow-x: auto; }
pre.code { flex: 1; background: #f6f8fa; border-left: 3px solid #1a7f37; padding: .4rem .6rem; }
pre.out { background: #fbfbfb; border-left: 3px solid #d0d7de; padding: .4rem .6rem; margin-top: .25rem; }
pre.out.error { border-left-color: #c4161c; }
.b { font-weight: bold; } .d { opacity: .75; } .i { font-style: italic; } .u { text-decoration: underline; }
.r { background: #1f2328; color: #fff; }
.f30 { color: #1f2328; } .f31 { color: #c4161c; } .f32 { color: #1a7f37; } .f33 { color: #8a5a00; }
.f34 { color: #0550ae; } .f35 { color: #8250df; } .f36 { color: #0b7285; } .f37 { color: #57606a; }
.f90 { color: #6e7781; } .f91 { color: #d1242f; } .f92 { color: #2da44e; } .f93 { color: #9a6700; }
.f94 { color: #218bff; } .f95 { color: #a371f7; } .f96 { color: #1b8a9a; } .f97 { color: #8c959f; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  pre, .prompt { font-size: 7.5pt; white-space: pre-wrap; overflow: visible; }
  .cell { break-inside: avoid; }
  pre.code, pre.out { background: none; }
  a { color: inherit; }
}
"#;

fn html_page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"arrsh --export html\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_codes_become_classes() {
        let cases: &[(&str, &str)] = &[
            ("plain <b> & \"q\"", "plain &lt;b&gt; &amp; &quot;q&quot;"),
            ("\x1b[31mOut[\x1b[0m", "<span class=\"f31\">Out[</span>"),
            (
                "\x1b[1m\x1b[91m2\x1b[0m]",
                "<span class=\"f91 b\">2</span>]",
            ),
            ("\x1b[2;3m# c\x1b[0m x", "<span class=\"d i\"># c</span> x"),
            (
                "\x1b[38;5;4mblue\x1b[39m",
                "<span class=\"f34\">blue</span>",
            ),
            ("\x1b[49mno background", "no background"),
            ("\x1b[Kcleared", "cleared"),
        ];
        for (ansi, html) in cases {
            assert_eq!(ansi_html(ansi), *html, "{ansi:?}");
        }
    }

    #[test]
    fn fences_outgrow_backticks_inside() {
        assert_eq!(fence("a = 1"), "```");
        assert_eq!(fence("s = '```'"), "````");
    }
}
