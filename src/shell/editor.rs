//! The line editor's behaviour (rustyline): completion as a list of candidates, highlighting
//! as you type, and the keys IPython users expect — Tab indents a blank line, Up/Down search
//! the history by what is typed, a pasted indented line replaces the offered indentation.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, MutexGuard};

use rustyline::completion::{Completer, Pair};
use rustyline::config::{ColorMode, CompletionType, Config};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, ConditionalEventHandler, Context, Editor, Event, EventContext, EventHandler, Helper,
    KeyCode, KeyEvent, Modifiers, Movement, RepeatCount,
};

use super::highlight;
use super::names::{self, Snapshot};
use super::render::{self, Style};

/// What the key handlers share with the loop: the history to search, the search under way, and
/// the indentation offered on the current continuation line.
#[derive(Default)]
pub struct Shared {
    /// Every cell entered, oldest first.
    pub history: Vec<String>,
    search: Option<Search>,
    /// The indentation put on the current line before the user typed anything.
    pub offered_indent: String,
    /// A pasted space not yet inserted (see `PastedIndent`).
    space_owed: bool,
    /// Whether the line being edited continues a cell (`...:`).
    pub continuing: bool,
}

impl Shared {
    /// A line ended before the owed space was paid.
    pub fn forget_owed_space(&mut self) {
        self.space_owed = false;
    }
}

/// A prefix search in progress: what was typed, where in the history it is, what it shows.
struct Search {
    prefix: String,
    /// Index into `history` of the entry shown; `history.len()` is "back to what was typed".
    at: usize,
    shown: String,
}

pub type SharedState = Arc<Mutex<Shared>>;

fn lock(s: &SharedState) -> MutexGuard<'_, Shared> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

/// Completion and colouring.
pub struct ShellHelper {
    pub style: Style,
    pub names: Snapshot,
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, found) = names::complete(line, pos, &self.names);
        Ok((
            start,
            found
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
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if self.style.color {
            highlight::highlight(line, pos)
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // the matching bracket follows the cursor, so a move redraws too
        self.style.color && kind != CmdKind::ForcedRefresh
    }

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
            Ok(n) => Cow::Owned(render::prompt_more(n, self.style)),
            _ => Cow::Borrowed(prompt),
        }
    }
}

impl Validator for ShellHelper {}
impl Helper for ShellHelper {}

/// Tab: four spaces when everything before the cursor is blank; completion otherwise.
struct TabIndents;

impl ConditionalEventHandler for TabIndents {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let line = ctx.line();
        let before = &line[..ctx.pos()];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        before[line_start..]
            .chars()
            .all(|c| c == ' ' || c == '\t')
            .then(|| Cmd::Insert(1, "    ".into()))
    }
}

/// A space typed first on a continuation line whose indentation arrsh offered: the line is
/// being pasted with its own indentation (nobody types a space after auto-indent), so the
/// offered indentation goes and the pasted one stays. rustyline runs one command per key, and
/// deleting cannot also insert, so the typed space is owed and paid with the next key.
struct PastedIndent(SharedState);

impl ConditionalEventHandler for PastedIndent {
    fn handle(&self, evt: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let key = evt.get(0)?;
        let mut shared = lock(&self.0);
        if shared.space_owed {
            shared.space_owed = false;
            return match key {
                KeyEvent(KeyCode::Char(c), Modifiers::NONE) => {
                    Some(Cmd::Insert(1, format!(" {c}")))
                }
                _ => None,
            };
        }
        if *key != KeyEvent(KeyCode::Char(' '), Modifiers::NONE) || shared.offered_indent.is_empty()
        {
            return None;
        }
        let offered = std::mem::take(&mut shared.offered_indent);
        if ctx.line() != offered || ctx.pos() != offered.len() {
            return None;
        }
        shared.space_owed = true;
        Some(Cmd::Kill(Movement::BeginningOfLine))
    }
}

/// Ctrl-C on a half-typed first line clears it in place, quietly, and editing goes on (so keys
/// typed after it are not lost with the abandoned line); on an empty line, or on a continuation
/// line, it abandons the cell.
struct CtrlC(SharedState);

impl ConditionalEventHandler for CtrlC {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let continuing = lock(&self.0).continuing;
        Some(if ctx.line().is_empty() || continuing {
            Cmd::Interrupt
        } else {
            Cmd::Kill(Movement::WholeBuffer)
        })
    }
}

/// Up/Down: the previous/next history entry that starts with the text before the cursor
/// (IPython's prefix search); on a line of a multi-line entry other than the first/last,
/// they move between its lines.
struct PrefixSearch {
    shared: SharedState,
    backward: bool,
}

impl ConditionalEventHandler for PrefixSearch {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let line = ctx.line();
        let pos = ctx.pos();
        let inner_line = if self.backward {
            line[..pos].contains('\n')
        } else {
            line[pos..].contains('\n')
        };
        if inner_line {
            return None;
        }
        // the cursor stays after the prefix, as readline's history-search does; with no
        // older match nothing changes (rustyline's own Up would show an unrelated entry)
        Some(
            match search_step(&mut lock(&self.shared), line, pos, self.backward) {
                Some(text) => {
                    // `text` starts with `line[..pos]`, the prefix searched for
                    Cmd::Replace(Movement::EndOfBuffer, Some(text[pos..].to_string()))
                }
                None => Cmd::Noop,
            },
        )
    }
}

/// One step of the prefix search from the buffer `line` (cursor at `pos`): the text to show.
/// Going on from an entry it showed keeps the first prefix; past the newest entry the typed
/// text comes back.
fn search_step(shared: &mut Shared, line: &str, pos: usize, backward: bool) -> Option<String> {
    let len = shared.history.len();
    let (prefix, mut at) = match &shared.search {
        // going on from what the last step showed, the cursor still after its prefix
        Some(s) if s.shown == line && s.prefix.len() == pos => (s.prefix.clone(), s.at),
        _ => (line[..pos].to_string(), len),
    };
    let (at, text) = loop {
        if backward {
            if at == 0 {
                return None;
            }
            at -= 1;
        } else {
            at += 1;
            if at >= len {
                break (len, prefix.clone());
            }
        }
        let entry = &shared.history[at];
        if entry.starts_with(&prefix) && entry != line {
            break (at, entry.clone());
        }
    };
    shared.search = Some(Search {
        prefix,
        at,
        shown: text.clone(),
    });
    Some(text)
}

/// A configured editor: list completion, bracketed paste, colours only when `style` has them,
/// and the key handlers above.
pub fn editor(
    style: Style,
    names: Snapshot,
    shared: &SharedState,
) -> rustyline::Result<Editor<ShellHelper, DefaultHistory>> {
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .bracketed_paste(true)
        .color_mode(if style.color {
            ColorMode::Enabled
        } else {
            ColorMode::Disabled
        })
        .build();
    let mut rl: Editor<ShellHelper, DefaultHistory> = Editor::with_config(config)?;
    rl.set_helper(Some(ShellHelper { style, names }));
    let key = |code, mods| Event::from(KeyEvent(code, mods));
    rl.bind_sequence(
        key(KeyCode::Tab, Modifiers::NONE),
        EventHandler::Conditional(Box::new(TabIndents)),
    );
    rl.bind_sequence(
        Event::Any,
        EventHandler::Conditional(Box::new(PastedIndent(shared.clone()))),
    );
    rl.bind_sequence(
        KeyEvent::ctrl('C'),
        EventHandler::Conditional(Box::new(CtrlC(shared.clone()))),
    );
    for (code, backward) in [(KeyCode::Up, true), (KeyCode::Down, false)] {
        rl.bind_sequence(
            key(code, Modifiers::NONE),
            EventHandler::Conditional(Box::new(PrefixSearch {
                shared: shared.clone(),
                backward,
            })),
        );
    }
    Ok(rl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_and_down_search_by_the_typed_prefix() {
        let mut s = Shared {
            history: ["a = 1", "b = 2", "a.sum()", "a.sum()", "c"]
                .map(String::from)
                .to_vec(),
            ..Shared::default()
        };
        // (buffer, cursor, Up?, what is shown) — the cursor stays after the prefix "a"
        let steps = [
            ("a", 1, true, Some("a.sum()")),
            ("a.sum()", 1, true, Some("a = 1")), // the same entry twice is skipped
            ("a = 1", 1, true, None),            // nothing older starts with "a"
            ("a = 1", 1, false, Some("a.sum()")),
            ("a.sum()", 1, false, Some("a")), // past the newest: what was typed
        ];
        for (line, pos, up, want) in steps {
            assert_eq!(
                search_step(&mut s, line, pos, up).as_deref(),
                want,
                "{line:?}"
            );
        }
        // an empty line walks the whole history
        let mut t = Shared {
            history: s.history.clone(),
            ..Shared::default()
        };
        assert_eq!(search_step(&mut t, "", 0, true).as_deref(), Some("c"));
        assert_eq!(
            search_step(&mut t, "c", 0, true).as_deref(),
            Some("a.sum()")
        );
        // control: the cursor moved, so the text before it is a new prefix
        assert_eq!(search_step(&mut t, "a.sum()", 7, true), None);
        assert_eq!(
            search_step(&mut t, "bxyz", 1, true).as_deref(),
            Some("b = 2")
        );
    }
}
