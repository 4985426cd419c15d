//! The interactive loop: IPython's prompts, continuation lines joined into one cell, persistent
//! history, a pasted session cut into its cells, help pages through a pager, and input typed
//! while a cell runs kept for the prompts after it.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustyline::Editor;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;

use super::cells::{self, Completeness, Format, completeness, next_indent};
use super::editor::{self, SharedState, ShellHelper};
use super::render::{self, Style};
use super::session::{CellResult, Session};
use super::{docs, histfile, names};

/// How the loop starts.
#[derive(Clone, Debug, Default)]
pub struct ReplOptions {
    /// Print the one-line banner first.
    pub banner: bool,
    /// Where history is kept (`None`: not kept).
    pub history: Option<PathBuf>,
}

/// The one line printed when the shell starts.
pub fn banner() -> String {
    format!(
        "arrsh {} (follows NumPy {}) · Type ? for help, Ctrl-D to exit",
        env!("CARGO_PKG_VERSION"),
        docs::NUMPY_VERSION
    )
}

/// What one prompt gave.
enum Read {
    Cell(String),
    /// Ctrl-C on a half-typed cell: it is dropped, quietly.
    Cancelled,
    Eof,
}

/// Runs the interactive loop until Ctrl-D, `exit` or `quit`. `interrupt` is the flag SIGINT
/// sets while a cell runs.
pub fn run(
    session: &mut Session,
    style: Style,
    interrupt: Arc<AtomicBool>,
    opts: ReplOptions,
) -> rustyline::Result<()> {
    if opts.banner {
        println!("{}", banner());
    }
    restore_terminal_on_termination();
    let shared: SharedState = Arc::default();
    let mut rl = editor::editor(style, names::snapshot(session), &shared)?;
    let mut history = opts.history;
    if let Some(path) = &history
        && let Err(why) = histfile::usable(path)
    {
        eprintln!("arrsh: history is not kept: {why}");
        history = None;
    }
    if let Some(path) = &history {
        let _ = histfile::compact(path);
        let _ = rl.load_history(path);
        let old: Vec<String> = rl.history().iter().cloned().collect();
        editor_state(&shared).history = old;
    }
    let stdout = std::io::stdout();
    loop {
        let n = session.execution_count();
        // reset before the prompt, not after it: rustyline reads Ctrl-C as a key, so only one
        // pressed after Enter sets the flag, and it must reach the cell however soon it comes
        interrupt.store(false, Ordering::Relaxed);
        let src = match read_cell(&mut rl, &shared, n)? {
            Read::Cell(s) => s,
            Read::Cancelled => continue,
            Read::Eof => break,
        };
        let src = src.trim_end().to_string();
        if src.trim().is_empty() {
            continue;
        }
        let _ = rl.add_history_entry(src.as_str());
        editor_state(&shared).history.push(src.clone());
        // warned once: the session goes on without saving history
        if let Some(path) = &history
            && let Err(e) = histfile::append(path, &src)
        {
            eprintln!(
                "arrsh: history is not kept: could not save to {}: {e}",
                path.display()
            );
            history = None;
        }
        // the terminal may have been resized since the last cell
        let (width, rows) = rl
            .dimensions()
            .map_or((style.width, 24), |(w, h)| (w as usize, h as usize));
        let style = Style { width, ..style };
        let pasted = pasted_cells(&src);
        let echo_all = pasted.len() > 1;
        for cell in pasted {
            let _quiet = QuietTty::new();
            let mut typed = !echo_all;
            let mut interrupted = false;
            super::replay::run_one(session, &cell, &mut |r| {
                interrupted |= r
                    .error
                    .as_ref()
                    .is_some_and(|e| e.kind == crate::error::ErrorKind::KeyboardInterrupt);
                let mut out = stdout.lock();
                // cells a paste or `%run` brought were not typed at this prompt: show them
                if !typed {
                    let _ = out.write_all(render::input(r, style).as_bytes());
                }
                typed = false;
                show(&mut out, r, style, rows);
            });
            if session.exit_requested() {
                return Ok(());
            }
            // Ctrl-C stops the rest of a paste too
            if interrupted {
                break;
            }
        }
        if let Some(h) = rl.helper_mut() {
            h.names = names::snapshot(session);
        }
    }
    Ok(())
}

fn editor_state(s: &SharedState) -> std::sync::MutexGuard<'_, editor::Shared> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

/// Reads one cell: the first line at `In [n]: `, then continuation lines at `...: ` while the
/// cutter's completeness check asks for them (a `%%` cell magic runs to an empty line).
fn read_cell(
    rl: &mut Editor<ShellHelper, DefaultHistory>,
    shared: &SharedState,
    n: usize,
) -> rustyline::Result<Read> {
    let plain = Style::plain();
    let mut src = match rl.readline(&render::prompt_in(n, plain)) {
        Ok(l) => l,
        Err(ReadlineError::Interrupted) => return Ok(Read::Cancelled),
        Err(ReadlineError::Eof) => return Ok(Read::Eof),
        Err(e) => return Err(e),
    };
    loop {
        let state = if src.trim_start().starts_with("%%") {
            Completeness::Block
        } else {
            completeness(&src)
        };
        if state == Completeness::Complete {
            break;
        }
        let indent = if src.trim_start().starts_with("%%") {
            String::new()
        } else {
            next_indent(&src)
        };
        {
            let mut st = editor_state(shared);
            st.offered_indent = indent.clone();
            st.continuing = true;
        }
        let line = rl.readline_with_initial(&render::prompt_more(n, plain), (&indent, ""));
        {
            let mut st = editor_state(shared);
            st.offered_indent.clear();
            st.forget_owed_space();
            st.continuing = false;
        }
        match line {
            Ok(l) => {
                if state == Completeness::Block && l.trim().is_empty() {
                    break;
                }
                src.push('\n');
                src.push_str(&l);
            }
            Err(ReadlineError::Interrupted) => return Ok(Read::Cancelled),
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e),
        }
    }
    Ok(Read::Cell(src))
}

/// A paste of a `>>> ` or `In [n]: ` session is cut into its cells by the cutter's rule (only
/// prompt lines are code; recorded output is skipped); anything else is one cell, as IPython
/// runs a paste.
fn pasted_cells(src: &str) -> Vec<String> {
    if !src.contains('\n') {
        return vec![src.to_string()];
    }
    let lines = cells::splitlines(src);
    if cells::detect(&lines) == Format::Pasted {
        let found = cells::sources(src);
        if !found.is_empty() {
            return found;
        }
    }
    vec![src.to_string()]
}

/// Writes a cell's output; a help page longer than the screen goes through the pager.
fn show(out: &mut impl Write, r: &CellResult, style: Style, rows: usize) {
    let long_page = r
        .page
        .as_ref()
        .filter(|p| p.lines().count() + 2 > rows && pager().is_some());
    match long_page {
        Some(page) => {
            // what the cell printed, then the page, then the rest of its output
            let mut rest = r.clone();
            rest.page = None;
            rest.stdout = String::new();
            let _ = out.write_all(r.stdout.as_bytes());
            let _ = out.flush();
            if !run_pager(page) {
                let _ = out.write_all(page.as_bytes());
            }
            let _ = out.write_all(render::output(&rest, style).as_bytes());
        }
        None => {
            let _ = out.write_all(render::output(r, style).as_bytes());
        }
    }
    let _ = out.flush();
}

/// The pager command: `$PAGER`, or `less -R` when it is not set; none when `PAGER` is empty
/// or `cat` (the page is printed).
fn pager() -> Option<String> {
    match std::env::var("PAGER") {
        Ok(p) if p.trim().is_empty() || p.trim() == "cat" => None,
        Ok(p) => Some(p),
        Err(_) => Some("less -R".to_string()),
    }
}

/// Pipes the page through the pager; false when it could not be run.
fn run_pager(page: &str) -> bool {
    let Some(cmd) = pager() else {
        return false;
    };
    let child = std::process::Command::new("sh")
        .arg("-c")
        .arg(&cmd)
        .stdin(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(page.as_bytes());
    }
    child.wait().is_ok_and(|s| s.success())
}

/// While a cell runs the terminal does not echo: keys typed then stay queued (rustyline keeps
/// what it has read between prompts) and appear once, at the prompt that runs them, instead of
/// among the cell's output. Ctrl-C still interrupts. Restored when dropped.
struct QuietTty {
    #[cfg(unix)]
    saved: Option<nix::sys::termios::Termios>,
}

impl QuietTty {
    #[cfg(unix)]
    fn new() -> QuietTty {
        use nix::sys::termios::{LocalFlags, SetArg, tcgetattr, tcsetattr};
        let stdin = std::io::stdin();
        let Ok(saved) = tcgetattr(&stdin) else {
            return QuietTty { saved: None };
        };
        let mut quiet = saved.clone();
        quiet.local_flags &= !(LocalFlags::ECHO | LocalFlags::ECHONL);
        // TCSANOW, never a flush: what was typed ahead must survive
        let ok = tcsetattr(&stdin, SetArg::TCSANOW, &quiet).is_ok();
        QuietTty {
            saved: ok.then_some(saved),
        }
    }

    #[cfg(not(unix))]
    fn new() -> QuietTty {
        QuietTty {}
    }
}

impl Drop for QuietTty {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(saved) = &self.saved {
            use nix::sys::termios::{SetArg, tcsetattr};
            let _ = tcsetattr(std::io::stdin(), SetArg::TCSANOW, saved);
        }
    }
}

/// SIGTERM and SIGHUP would leave the terminal in rustyline's raw mode (or without echo while
/// a cell runs): a watcher thread puts back the settings the shell started with, then exits
/// as the signal would have (status 128 + its number). History is already saved cell by cell.
#[cfg(unix)]
fn restore_terminal_on_termination() {
    use nix::sys::termios::{SetArg, tcgetattr, tcsetattr};
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(saved) = tcgetattr(std::io::stdin()) else {
        return;
    };
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("arrsh-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = tcsetattr(std::io::stdin(), SetArg::TCSANOW, &saved);
                std::process::exit(128 + sig);
            }
        });
}

#[cfg(not(unix))]
fn restore_terminal_on_termination() {}

/// The width of the terminal standard output is, when it is one.
pub fn terminal_width() -> Option<usize> {
    let mut rl: Editor<(), DefaultHistory> = Editor::new().ok()?;
    rl.dimensions().map(|(w, _)| w as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_session_is_cut_into_its_cells() {
        let cases: [(&str, Vec<&str>); 4] = [
            (">>> a = 1\n>>> a + 1\n2\n", vec!["a = 1", "a + 1"]),
            (
                "In [1]: for i in x:\n   ...:     y = i\n\nIn [2]: y\nOut[2]: 3\n",
                vec!["for i in x:\n    y = i", "y"],
            ),
            ("x1 = 1\nx2 = 2", vec!["x1 = 1\nx2 = 2"]), // a plain paste is one cell, as in IPython
            ("a = 1", vec!["a = 1"]),
        ];
        for (paste, want) in cases {
            assert_eq!(pasted_cells(paste), want, "{paste:?}");
        }
    }

    #[test]
    fn the_banner_says_version_numpy_and_how_to_leave() {
        let b = banner();
        assert!(b.contains(env!("CARGO_PKG_VERSION")) && b.contains("NumPy 2."));
        assert!(b.ends_with("Type ? for help, Ctrl-D to exit"));
        assert_eq!(b.lines().count(), 1);
    }
}
