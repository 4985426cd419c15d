//! The interactive loop: rustyline editing with IPython's prompts, continuation lines joined
//! into one cell, persistent history, completion of names and attributes, Ctrl-C and Ctrl-D.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use super::cells::{Completeness, completeness, next_indent};
use super::render::{self, Style};
use super::session::Session;
use super::{histfile, names};

/// Completion and prompt colouring.
struct ShellHelper {
    style: Style,
    /// Names defined in the session (refreshed after every cell).
    globals: Vec<(String, names::Receiver)>,
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let head = &line[..pos];
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map_or(0, |i| i + 1);
        let word = &head[start..];
        let (offset, candidates) = match word.rsplit_once('.') {
            Some((obj, attr)) => {
                let receiver = names::receiver_of(obj, &self.globals);
                let found = names::attributes(receiver)
                    .iter()
                    .filter(|n| n.starts_with(attr))
                    .map(|n| n.to_string())
                    .collect();
                (start + obj.len() + 1, found)
            }
            None => {
                let mut found: Vec<String> = self
                    .globals
                    .iter()
                    .map(|(n, _)| n.clone())
                    .filter(|n| n.starts_with(word) && !n.starts_with('_'))
                    .collect();
                found.extend(
                    names::BUILTIN_NAMES
                        .iter()
                        .filter(|n| n.starts_with(word))
                        .map(|n| n.to_string()),
                );
                found.sort();
                found.dedup();
                (start, found)
            }
        };
        Ok((
            offset,
            candidates
                .into_iter()
                .map(|c| Pair {
                    display: c.clone(),
                    replacement: c,
                })
                .collect(),
        ))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}

impl Highlighter for ShellHelper {
    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        if !self.style.color {
            return Cow::Borrowed(prompt);
        }
        let n: String = prompt.chars().filter(char::is_ascii_digit).collect();
        match n.parse::<usize>() {
            Ok(n) if prompt.starts_with("In") => Cow::Owned(render::prompt_in(n, self.style)),
            _ => Cow::Owned(format!("\x1b[32m{prompt}\x1b[0m")),
        }
    }
}

impl Validator for ShellHelper {}
impl Helper for ShellHelper {}

/// Runs the interactive loop until Ctrl-D. `interrupt` is the flag SIGINT sets while a cell runs.
pub fn run(
    session: &mut Session,
    style: Style,
    interrupt: Arc<AtomicBool>,
    history: Option<PathBuf>,
) -> rustyline::Result<()> {
    let mut rl: Editor<ShellHelper, DefaultHistory> = Editor::new()?;
    rl.set_helper(Some(ShellHelper {
        style,
        globals: names::snapshot(session),
    }));
    if let Some(path) = &history {
        let _ = histfile::compact(path);
        let _ = rl.load_history(path);
    }
    let stdout = std::io::stdout();
    loop {
        let n = session.execution_count();
        let plain = Style {
            color: false,
            ..style
        };
        let first = match rl.readline(&render::prompt_in(n, plain)) {
            Ok(l) => l,
            Err(ReadlineError::Interrupted) => {
                println!("KeyboardInterrupt\n");
                continue;
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e),
        };
        let mut src = first;
        let mut cancelled = false;
        loop {
            let state = completeness(&src);
            if state == Completeness::Complete {
                break;
            }
            let indent = next_indent(&src);
            match rl.readline_with_initial(&render::prompt_more(n, plain), (&indent, "")) {
                Ok(l) => {
                    if state == Completeness::Block && l.trim().is_empty() {
                        break;
                    }
                    src.push('\n');
                    src.push_str(&l);
                }
                Err(ReadlineError::Interrupted) => {
                    cancelled = true;
                    break;
                }
                Err(ReadlineError::Eof) => break,
                Err(e) => return Err(e),
            }
        }
        if cancelled {
            println!("KeyboardInterrupt\n");
            continue;
        }
        let src = src.trim_end().to_string();
        if src.trim().is_empty() {
            continue;
        }
        let _ = rl.add_history_entry(src.as_str());
        if let Some(path) = &history
            && let Err(e) = histfile::append(path, &src)
        {
            eprintln!("arrsh: could not save history to {}: {e}", path.display());
        }
        interrupt.store(false, Ordering::Relaxed);
        // the terminal may have been resized since the last cell
        let style = Style {
            width: rl.dimensions().map_or(style.width, |(w, _)| w as usize),
            ..style
        };
        let mut typed = true;
        super::replay::run_one(session, &src, &mut |r| {
            let mut out = stdout.lock();
            // cells `%run` queued were not typed: show them as a transcript would
            if !typed {
                let _ = out.write_all(render::input(r, style).as_bytes());
            }
            typed = false;
            let _ = out.write_all(render::output(r, style).as_bytes());
            let _ = out.flush();
        });
        if session.exit_requested() {
            break;
        }
        if let Some(h) = rl.helper_mut() {
            h.globals = names::snapshot(session);
        }
    }
    Ok(())
}

/// The width of the terminal standard output is, when it is one.
pub fn terminal_width() -> Option<usize> {
    let mut rl: Editor<(), DefaultHistory> = Editor::new().ok()?;
    rl.dimensions().map(|(w, _)| w as usize)
}
