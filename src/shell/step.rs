//! `--step`: presenting a lesson at a terminal. Each cell's narration is shown (headings bold,
//! paragraphs wrapped to the terminal, `code` marked), then the cell's code at its `In [n]:`
//! prompt; Enter, Space or → runs it, `q` quits, and `i` opens the live shell on the lesson's
//! session (its variables, its counter) until Ctrl-D or `exit`, then the lesson goes on.

use std::io::{self, Read, Write};
use std::os::fd::AsFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use owo_colors::OwoColorize;

use super::cells::{
    self,
    narration::{self, Kind, Span},
};
use super::highlight;
use super::render::{self, Style};
use super::repl::{self, ReplOptions};
use super::replay;
use super::session::Session;

/// Narration wraps to the terminal, but no wider than this: long lines are hard to follow.
const MAX_TEXT_WIDTH: usize = 100;

/// What a key press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Run,
    Quit,
    Shell,
    Other,
}

/// The keys: Enter, Space or → run the cell; `q`, Ctrl-C, Ctrl-D (or the end of input) quit;
/// `i` opens the shell.
pub fn key_of(bytes: &[u8]) -> Key {
    match bytes {
        b"\r" | b"\n" | b" " | b"\x1b[C" | b"\x1bOC" => Key::Run,
        b"" | b"q" | b"Q" | b"\x03" | b"\x04" => Key::Quit,
        b"i" | b"I" => Key::Shell,
        _ => Key::Other,
    }
}

/// Presents one lesson (`text`, cut as any file is) in `session`. Returns false when the
/// presenter quit before the end.
pub fn present(
    session: &mut Session,
    text: &str,
    style: Style,
    interrupt: &Arc<AtomicBool>,
    shell: &ReplOptions,
) -> io::Result<bool> {
    let lesson = cells::cut(text);
    let mut out = io::stdout();
    let hint = hint(style.color);
    for cell in &lesson.cells {
        if !cell.narration.trim().is_empty() {
            writeln!(
                out,
                "{}",
                narration_text(&cell.narration, style.width, style.color)
            )?;
        }
        write!(
            out,
            "{}",
            echo(session.execution_count(), &cell.source, style)
        )?;
        loop {
            write!(out, "{hint}")?;
            out.flush()?;
            let key = read_key()?;
            write!(out, "\r\x1b[2K")?;
            match key {
                Key::Run => break,
                Key::Quit => {
                    out.flush()?;
                    return Ok(false);
                }
                Key::Shell => {
                    writeln!(
                        out,
                        "(the live shell, with the lesson's variables: Ctrl-D or exit goes back to the lesson)"
                    )?;
                    out.flush()?;
                    repl::run(session, style, interrupt.clone(), shell.clone())
                        .map_err(io::Error::other)?;
                    session.resume();
                    writeln!(out)?;
                    write!(
                        out,
                        "{}",
                        echo(session.execution_count(), &cell.source, style)
                    )?;
                }
                Key::Other => {}
            }
        }
        interrupt.store(false, Ordering::Relaxed);
        let mut first = true;
        replay::run_one(session, &cell.source, &mut |r| {
            // cells a `%run` queued were not shown yet
            if !first {
                let _ = out.write_all(render::input(r, style).as_bytes());
            }
            first = false;
            let _ = out.write_all(render::output(r, style).as_bytes());
            let _ = out.flush();
        });
        if session.exit_requested() {
            return Ok(false);
        }
    }
    if !lesson.epilogue.trim().is_empty() {
        writeln!(
            out,
            "{}",
            narration_text(&lesson.epilogue, style.width, style.color)
        )?;
    }
    let end = "(end of the lesson)";
    if style.color {
        writeln!(out, "{}", end.dimmed())?;
    } else {
        writeln!(out, "{end}")?;
    }
    out.flush()?;
    Ok(true)
}

/// The line under the code while it waits for a key.
fn hint(color: bool) -> String {
    let text = "  Enter/Space/→ run · i shell · q quit";
    if color {
        text.dimmed().to_string()
    } else {
        text.to_string()
    }
}

/// The cell's code at its prompts, highlighted when in colour.
fn echo(n: usize, src: &str, style: Style) -> String {
    let mut s = String::new();
    for (i, line) in src.split('\n').enumerate() {
        let prompt = if i == 0 {
            render::prompt_in(n, style)
        } else {
            render::prompt_more(n, style)
        };
        s.push_str(&prompt);
        if style.color {
            s.push_str(&highlight::highlight(line, usize::MAX));
        } else {
            s.push_str(line);
        }
        s.push('\n');
    }
    s
}

/// Reads one key press (the bytes one press sends) with the terminal in raw mode.
fn read_key() -> io::Result<Key> {
    use nix::sys::termios::{LocalFlags, SetArg, SpecialCharacterIndices, tcgetattr, tcsetattr};
    let stdin = io::stdin();
    let saved = tcgetattr(&stdin).map_err(io::Error::from)?;
    let mut raw = saved.clone();
    raw.local_flags &= !(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG);
    raw.control_chars[SpecialCharacterIndices::VMIN as usize] = 1;
    raw.control_chars[SpecialCharacterIndices::VTIME as usize] = 0;
    tcsetattr(&stdin, SetArg::TCSANOW, &raw).map_err(io::Error::from)?;
    // unbuffered: what is not read here stays for the shell's line editor
    let read = (|| {
        let mut tty = std::fs::File::from(stdin.as_fd().try_clone_to_owned()?);
        let mut buf = [0u8; 8];
        let mut n = tty.read(&mut buf)?;
        if n == 1 && buf[0] == 0x1b {
            // the rest of an escape sequence follows at once, or it was Esc alone
            let mut wait = raw.clone();
            wait.control_chars[SpecialCharacterIndices::VMIN as usize] = 0;
            wait.control_chars[SpecialCharacterIndices::VTIME as usize] = 1;
            tcsetattr(&stdin, SetArg::TCSANOW, &wait).map_err(io::Error::from)?;
            n += tty.read(&mut buf[1..])?;
        }
        Ok::<_, io::Error>(key_of(&buf[..n]))
    })();
    tcsetattr(&stdin, SetArg::TCSANOW, &saved).map_err(io::Error::from)?;
    read
}

/// Narration for the terminal: headings bold (underlined with `=`/`-` without colour),
/// paragraphs and list items wrapped to `width` (at most `MAX_TEXT_WIDTH`), `code` in colour
/// (between backticks without), code blocks indented.
pub fn narration_text(markdown: &str, width: usize, color: bool) -> String {
    let width = width.clamp(20, MAX_TEXT_WIDTH);
    let mut out = String::new();
    let mut previous_item = false;
    for block in narration::blocks(markdown) {
        let item = matches!(block.kind, Kind::Item { .. });
        // a blank line between blocks, none between the items of a list
        let tight = item && previous_item;
        if !out.is_empty() && !tight {
            out.push('\n');
        }
        previous_item = item;
        let lines = match &block.kind {
            Kind::Heading(level) => {
                let strong: Vec<Span> = block
                    .spans
                    .iter()
                    .map(|s| Span {
                        strong: true,
                        ..s.clone()
                    })
                    .collect();
                let mut lines = wrap(&strong, width, "", "", color);
                if color && *level == 1 {
                    lines = lines.iter().map(|l| l.underline().to_string()).collect();
                } else if !color {
                    let w = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                    lines.push((if *level == 1 { "=" } else { "-" }).repeat(w));
                }
                lines
            }
            Kind::Paragraph => wrap(&block.spans, width, "", "", color),
            Kind::Quote => wrap(&block.spans, width, "│ ", "│ ", color),
            Kind::Item { marker, depth } => {
                let indent = "  ".repeat(*depth);
                let first = format!("{indent}{marker} ");
                let rest = " ".repeat(first.chars().count());
                wrap(&block.spans, width, &first, &rest, color)
            }
            Kind::Code => block
                .text()
                .split('\n')
                .map(|l| {
                    let l = format!("    {l}");
                    if color { l.cyan().to_string() } else { l }
                })
                .collect(),
            Kind::Rule => vec!["─".repeat(width.min(40))],
        };
        for l in lines {
            out.push_str(l.trim_end_matches(' '));
            out.push('\n');
        }
    }
    out
}

/// One word to place: pieces of styled text with no space between them.
type Word = Vec<(String, Span)>;

/// Fills lines greedily with the spans' words; `first` and `rest` start the first and the
/// following lines. A word wider than the line gets a line of its own.
fn wrap(spans: &[Span], width: usize, first: &str, rest: &str, color: bool) -> Vec<String> {
    // None is a hard line break
    let mut words: Vec<Option<Word>> = Vec::new();
    let mut word: Word = Vec::new();
    for s in spans {
        if s.text == "\n" {
            if !word.is_empty() {
                words.push(Some(std::mem::take(&mut word)));
            }
            words.push(None);
        } else if s.code {
            // a code span is not broken at its spaces
            word.push((s.text.clone(), s.clone()));
        } else {
            for (k, part) in s.text.split([' ', '\n']).enumerate() {
                if k > 0 && !word.is_empty() {
                    words.push(Some(std::mem::take(&mut word)));
                }
                if !part.is_empty() {
                    word.push((part.to_string(), s.clone()));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(Some(word));
    }
    let shown = |text: &str, s: &Span| text.chars().count() + if s.code && !color { 2 } else { 0 };
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut used = first.chars().count();
    let mut empty = true;
    for w in words {
        let Some(w) = w else {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = rest.chars().count();
            empty = true;
            continue;
        };
        let len: usize = w.iter().map(|(t, s)| shown(t, s)).sum();
        if !empty && used + 1 + len > width {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = rest.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            used += 1;
        }
        for (t, s) in &w {
            line.push_str(&paint(t, s, color));
        }
        used += len;
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A piece of text in its style.
fn paint(text: &str, s: &Span, color: bool) -> String {
    if !color {
        return if s.code {
            format!("`{text}`")
        } else {
            text.to_string()
        };
    }
    let mut t = if s.code {
        text.cyan().to_string()
    } else {
        text.to_string()
    };
    if s.strong {
        t = t.bold().to_string();
    }
    if s.emphasis {
        t = t.italic().to_string();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let table: &[(&[u8], Key)] = &[
            (b"\r", Key::Run),
            (b" ", Key::Run),
            (b"\x1b[C", Key::Run),
            (b"q", Key::Quit),
            (b"\x03", Key::Quit),
            (b"", Key::Quit),
            (b"i", Key::Shell),
            (b"\x1b[D", Key::Other),
            (b"x", Key::Other),
        ];
        for (bytes, key) in table {
            assert_eq!(key_of(bytes), *key, "{bytes:?}");
        }
    }

    #[test]
    fn narration_wraps_to_the_width_and_marks_code() {
        let md = "# Views and copies\n\nA slice such as `a[2:8:2]` is a **view**: it shares \
                  the buffer of the array it was cut from, so writing through it changes both.\n\n\
                  - `copy()` makes a buffer\n- of its own";
        let text = narration_text(md, 40, false);
        assert_eq!(
            text,
            "Views and copies\n================\n\n\
             A slice such as `a[2:8:2]` is a view: it\n\
             shares the buffer of the array it was\n\
             cut from, so writing through it changes\n\
             both.\n\n\
             • `copy()` makes a buffer\n\
             • of its own\n"
        );
        for l in narration_text(md, 60, false).lines() {
            assert!(l.chars().count() <= 60, "{l:?}");
        }
        let colored = narration_text("## Strides\n\nuse `a.strides`", 60, true);
        assert!(colored.contains("\x1b[1m"), "bold heading: {colored:?}");
        assert!(
            colored.contains("\x1b[36ma.strides"),
            "code in cyan: {colored:?}"
        );
        assert!(!colored.contains('`'), "{colored:?}");
    }

    #[test]
    fn long_items_hang_under_their_marker() {
        let text = narration_text("1. one two three four five six seven", 20, false);
        assert_eq!(text, "1. one two three\n   four five six\n   seven\n");
    }
}
