//! The one cell cutter: files, pipes, `-c`, pasted text and the REPL's "is this complete?" all
//! cut text into cells here, by the oracle's rules (`shared/oracle/transcript.py`, `cells()`).
//!
//! Three kinds of file (the oracle's order of detection):
//! - **percent format** as soon as one line starts with `# %%`: each block up to the next marker
//!   is one cell; `[markdown]`/`[md]` blocks and comment-only blocks are narration;
//! - **a pasted session** when the first non-blank line is a `>>> ` or `In [n]: ` prompt: only
//!   prompt lines are code, `... `/`   ...: ` continue them, other lines are recorded output;
//! - **a plain script** otherwise: each complete top-level statement is one cell (`tokenize`
//!   decides when brackets, strings and backslashes continue it; compound statements take their
//!   indented lines and `else`/`elif`/`except`/`finally`).
//!
//! Cells carry their narration (Markdown; `narration` reads it into blocks) and line numbers as
//! plain data. `Cutter` cuts incrementally (a
//! pipe is run cell by cell as lines arrive); `cut` is the whole-text form. Both give the same
//! cells for any file whose kind is known from its first code line (see `Cutter::new`).
//! Text that was not UTF-8 is read through `bytes` (`decode`: stand-ins for the bad bytes;
//! a cell holding one outside comments is CPython's SyntaxError, `undecodable`).

mod bytes;
pub mod narration;
mod text;
mod tokenize;

pub use bytes::{decode, shown, undecodable};
pub use text::{rstrip, splitlines};
pub use tokenize::{Completeness, completeness, next_indent, opens_block, still_open};

use text::{
    continuation_code, continues_block, dedent, is_blank, is_markdown_marker, is_percent_marker,
    lstrip, prompt_code, strip,
};

/// Which of the three kinds of file a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
    Percent,
    Pasted,
}

/// One cell cut from a file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Cell {
    /// The code as it runs (dedented, trailing blanks removed; lines joined by `\n`).
    pub source: String,
    /// 1-based line numbers of the cell's first and last source lines in the file.
    pub line: usize,
    pub end_line: usize,
    /// Markdown narration that comes before the cell, comment markers removed ("" when none).
    pub narration: String,
    /// A pasted session's recorded output for this cell (`cut` fills it; `None` elsewhere).
    pub recorded: Option<String>,
}

/// A whole file cut into cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    pub format: Format,
    pub cells: Vec<Cell>,
    /// Narration after the last cell.
    pub epilogue: String,
}

/// The kind of a whole text, as the oracle decides it.
pub fn detect(lines: &[&str]) -> Format {
    if lines.iter().any(|l| is_percent_marker(l)) {
        Format::Percent
    } else if lines
        .iter()
        .find(|l| !strip(l).is_empty())
        .is_some_and(|l| prompt_code(l).is_some())
    {
        Format::Pasted
    } else {
        Format::Plain
    }
}

/// Cuts a whole text into cells, exactly as the oracle does.
pub fn cut(text: &str) -> Lesson {
    let lines = splitlines(text);
    let format = detect(&lines);
    let mut cutter = Cutter::new(Some(format));
    let mut cells = Vec::new();
    for l in &lines {
        cells.extend(cutter.push_line(l));
    }
    let (rest, mut epilogue) = cutter.finish();
    cells.extend(rest);
    if format == Format::Pasted {
        epilogue = attach_recorded(&lines, &mut cells);
    }
    Lesson {
        format,
        cells,
        epilogue,
    }
}

/// The code cells of a text, as strings (what replay runs).
pub fn sources(text: &str) -> Vec<String> {
    cut(text).cells.into_iter().map(|c| c.source).collect()
}

/// Cuts text that arrives line by line. Cells come out as soon as the lines after them can no
/// longer change them: a simple statement at once, a compound one at the next unindented line,
/// a percent block at the next marker.
#[derive(Debug)]
pub struct Cutter {
    format: Option<Format>,
    /// Lines not yet cut; `pending[0]` is line `first_line` of the input.
    pending: Vec<String>,
    first_line: usize,
    /// Narration lines gathered for the next cell.
    narration: Vec<String>,
    /// Percent format: whether the block being gathered is a markdown block.
    markdown: bool,
}

impl Cutter {
    /// A cutter for a known kind of text, or (`None`) one that decides as lines arrive: a
    /// prompt as the first non-blank line makes a pasted session, a `# %%` line before the
    /// first code line makes percent format, and the first code line otherwise makes a plain
    /// script. (`cut` looks at the whole text: a `# %%` after code still makes it percent.)
    pub fn new(format: Option<Format>) -> Cutter {
        Cutter {
            format,
            pending: Vec::new(),
            first_line: 1,
            narration: Vec::new(),
            markdown: false,
        }
    }

    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// Feeds one line (without its line break); returns the cells it completes.
    pub fn push_line(&mut self, line: &str) -> Vec<Cell> {
        self.pending.push(line.to_string());
        if self.format.is_none() {
            self.format = self.decide();
            if self.format.is_none() {
                return Vec::new();
            }
        }
        self.drain(false)
    }

    /// Ends the input; returns the last cells and the narration after them.
    pub fn finish(&mut self) -> (Vec<Cell>, String) {
        if self.format.is_none() {
            let lines: Vec<&str> = self.pending.iter().map(String::as_str).collect();
            self.format = Some(detect(&lines));
        }
        let mut cells = self.drain(true);
        if self.format == Some(Format::Percent) {
            cells.extend(self.percent_block());
        }
        let epilogue = narration_text(&std::mem::take(&mut self.narration));
        (cells, epilogue)
    }

    fn decide(&self) -> Option<Format> {
        let first = self.pending.iter().find(|l| !strip(l).is_empty())?;
        if prompt_code(first).is_some() {
            return Some(Format::Pasted);
        }
        let last = self.pending.last()?;
        if is_percent_marker(last) {
            Some(Format::Percent)
        } else if !is_blank(last) {
            Some(Format::Plain)
        } else {
            None
        }
    }

    fn drain(&mut self, eof: bool) -> Vec<Cell> {
        match self.format {
            Some(Format::Plain) | None => self.drain_plain(eof),
            Some(Format::Percent) => self.drain_percent(),
            Some(Format::Pasted) => self.drain_pasted(eof),
        }
    }

    /// Removes `k` lines from the front of `pending`.
    fn consume(&mut self, k: usize) -> Vec<String> {
        self.first_line += k;
        self.pending.drain(..k).collect()
    }

    fn make_cell(&mut self, lines: &[String], line: usize) -> Option<Cell> {
        let source = rstrip(&dedent(lines).join("\n")).to_string();
        if strip(&source).is_empty() {
            return None;
        }
        let narration = narration_text(&std::mem::take(&mut self.narration));
        Some(Cell {
            end_line: line + lines.len().saturating_sub(1),
            source,
            line,
            narration,
            recorded: None,
        })
    }

    // ------------------------------------------------------------ plain scripts

    fn drain_plain(&mut self, eof: bool) -> Vec<Cell> {
        let mut out = Vec::new();
        loop {
            match next_statement(&self.pending, eof) {
                Statement::NeedMore => return out,
                Statement::Blank => {
                    let l = self.consume(1).remove(0);
                    // a `#!` line is for the shell, not the reader
                    if !(self.first_line == 2 && l.starts_with("#!")) {
                        self.narration.push(l);
                    }
                }
                Statement::Cell(k) => {
                    let line = self.first_line;
                    let lines = self.consume(k);
                    out.extend(self.make_cell(&lines, line));
                }
            }
        }
    }

    // ------------------------------------------------------------ percent format

    fn drain_percent(&mut self) -> Vec<Cell> {
        if self.pending.last().is_some_and(|l| is_percent_marker(l)) {
            let marker = self.pending.pop().unwrap_or_default();
            let cells = self.percent_block();
            self.first_line += 1;
            self.markdown = is_markdown_marker(&marker);
            return cells;
        }
        Vec::new()
    }

    /// Cuts the gathered block (everything in `pending`) into a cell or narration.
    fn percent_block(&mut self) -> Vec<Cell> {
        let mut block = std::mem::take(&mut self.pending);
        let mut line = self.first_line;
        self.first_line += block.len();
        while block.last().is_some_and(|l| strip(l).is_empty()) {
            block.pop();
        }
        let lead = block.iter().take_while(|l| strip(l).is_empty()).count();
        block.drain(..lead);
        line += lead;
        if block.is_empty() {
            return Vec::new();
        }
        if self.markdown || block.iter().all(|l| is_blank(l)) {
            if !self.narration.is_empty() {
                self.narration.push(String::new());
            }
            self.narration.extend(block);
            return Vec::new();
        }
        self.make_cell(&block, line).into_iter().collect()
    }

    // ------------------------------------------------------------ pasted sessions

    fn drain_pasted(&mut self, eof: bool) -> Vec<Cell> {
        let mut out = Vec::new();
        loop {
            // skip to a prompt; what is skipped is recorded output (`cut` sorts it out)
            let skip = self
                .pending
                .iter()
                .take_while(|l| prompt_code(l).is_none())
                .count();
            self.consume(skip);
            let Some(first) = self.pending.first() else {
                return out;
            };
            let mut code = vec![prompt_code(first).unwrap_or_default().to_string()];
            let mut k = 1;
            while let Some(l) = self.pending.get(k) {
                if prompt_code(l).is_some() {
                    break;
                }
                match continuation_code(l) {
                    Some(c) => code.push(c.to_string()),
                    None => break,
                }
                k += 1;
            }
            if k == self.pending.len() && !eof {
                return out; // the next line may continue the cell
            }
            let line = self.first_line;
            self.consume(k);
            // pasted cells are not dedented (the oracle runs them as they are)
            let source = rstrip(&code.join("\n")).to_string();
            if !strip(&source).is_empty() {
                out.push(Cell {
                    source,
                    line,
                    end_line: line + k - 1,
                    narration: String::new(),
                    recorded: None,
                });
            }
        }
    }
}

/// What the plain-script cutter found at the front of the pending lines.
#[derive(Debug, PartialEq, Eq)]
enum Statement {
    /// A blank or comment line between statements.
    Blank,
    /// A statement of this many lines.
    Cell(usize),
    /// The lines so far do not decide where the statement ends.
    NeedMore,
}

/// The oracle's `statement_cells` for the first statement of `lines`. Before the end of input
/// (`eof` false), any decision that would look past the last line asks for more instead.
fn next_statement(lines: &[String], eof: bool) -> Statement {
    let n = lines.len();
    let Some(first) = lines.first() else {
        return Statement::NeedMore;
    };
    if is_blank(first) {
        return Statement::Blank;
    }
    let joined = |k: usize| lines[..k].join("\n") + "\n";
    let mut i = 1;
    loop {
        if still_open(&joined(i)) {
            if i < n {
                i += 1;
                continue;
            }
            if !eof {
                return Statement::NeedMore;
            }
        }
        if lstrip(&lines[i - 1]).starts_with('@') {
            // a decorator: its def/class (the next non-blank line) follows
            if i < n {
                let mut j = i;
                while j < n - 1 && is_blank(&lines[j]) {
                    j += 1;
                }
                if !eof && j == n - 1 && is_blank(&lines[j]) {
                    return Statement::NeedMore;
                }
                i = j + 1;
                continue;
            }
            if !eof {
                return Statement::NeedMore;
            }
        }
        if opens_block(&joined(i)) {
            let mut j = i;
            while j < n && is_blank(&lines[j]) {
                j += 1;
            }
            if j == n && !eof {
                return Statement::NeedMore;
            }
            if j < n && (lines[j].starts_with([' ', '\t']) || continues_block(&lines[j])) {
                i = j + 1;
                continue;
            }
        }
        return Statement::Cell(i);
    }
}

/// Narration lines (comments, or Markdown commented by `# `) as Markdown text: the `#` and one
/// space after it are removed, runs of blank lines become one, and a Jupytext YAML header
/// (`---` … `---`) is dropped.
fn narration_text(lines: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let s = lstrip(l);
        let t = match s.strip_prefix('#') {
            Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
            None => s,
        };
        let t = rstrip(t);
        if t.is_empty() && out.last().is_none_or(|l: &String| l.is_empty()) {
            continue;
        }
        out.push(t.to_string());
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    if out.first().is_some_and(|l| l == "---")
        && let Some(end) = out.iter().skip(1).position(|l| l == "---")
    {
        out.drain(..end + 2);
        while out.first().is_some_and(|l| l.is_empty()) {
            out.remove(0);
        }
    }
    out.join("\n")
}

/// A pasted session's recorded output: for an `In [n]:` cell, every line up to the next prompt
/// (trailing blank lines dropped); for a `>>>` cell, doctest's rule: the lines up to the first
/// blank line, and what follows it (prose) is narration for the next cell. Returns the
/// narration after the last cell.
fn attach_recorded(lines: &[&str], cells: &mut [Cell]) -> String {
    let mut tail = String::new();
    let starts: Vec<usize> = cells.iter().map(|c| c.line).collect();
    for k in 0..cells.len() {
        let from = cells[k].end_line; // 0-based index of the line after the cell
        let to = starts.get(k + 1).map_or(lines.len(), |s| s - 1);
        let region = &lines[from.min(to)..to];
        let ipython = lines
            .get(cells[k].line - 1)
            .is_some_and(|l| l.starts_with("In ["));
        let (out, prose): (Vec<&str>, Vec<&str>) = if ipython {
            (region.to_vec(), Vec::new())
        } else {
            let cut = region
                .iter()
                .position(|l| strip(l).is_empty())
                .unwrap_or(region.len());
            (region[..cut].to_vec(), region[cut..].to_vec())
        };
        let mut out = out;
        while out.last().is_some_and(|l| strip(l).is_empty()) {
            out.pop();
        }
        cells[k].recorded = Some(out.join("\n"));
        let prose: Vec<String> = prose.iter().map(|l| l.to_string()).collect();
        let prose = narration_text(&prose);
        match cells.get_mut(k + 1) {
            Some(next) => next.narration = prose,
            None => tail = prose,
        }
    }
    tail
}

#[cfg(test)]
mod tests;
