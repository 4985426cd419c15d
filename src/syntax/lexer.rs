//! CPython's tokenizer, reduced to what the grammar needs: layout markers, and the errors that
//! CPython reports before its parser ever runs (strings, numbers, brackets, indentation).
//!
//! The lexer does not hand tokens to pest. It produces the *layout text*: the cell with comments
//! blanked to spaces and NEWLINE/INDENT/DEDENT markers inserted where CPython's tokenizer would emit
//! those tokens, so the grammar never counts indentation. The token list it builds on the way is
//! kept for error diagnosis (which token failed, what came before it, how deep in brackets).
//!
//! CPython raises tokenizer errors in preference to parser errors anywhere in the cell (it
//! tokenizes the rest of the source when the parser fails), so a lexer error is final. The one
//! exception is a bracket still open at the end, which CPython reports only in some situations;
//! it is recorded in `Layout::unclosed` for the diagnosis to decide.

use super::{messages, numbers};
use crate::error::{PyError, PyResult};

/// Marks the end of a logical line in the layout text.
pub(super) const NEWLINE_MARK: u8 = 0x01;
/// Marks one more level of indentation.
pub(super) const INDENT_MARK: u8 = 0x02;
/// Marks one level of indentation ending.
pub(super) const DEDENT_MARK: u8 = 0x03;

/// CPython's tokenizer refuses to nest brackets deeper than this (MAXLEVEL).
pub(super) const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's tokenizer refuses more indentation levels than this (MAXINDENT).
const MAX_INDENT: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    Name,
    Number,
    Str,
    /// Operators, brackets and any other punctuation, including characters Python has no use for
    /// (`$`, `?`): the parser fails on those with a plain "invalid syntax", as CPython's does.
    Op,
    Newline,
    Indent,
    Dedent,
    End,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub kind: Tok,
    /// Byte offsets of the token in the cell text.
    pub start: usize,
    pub end: usize,
    /// Byte offset of the token in the layout text.
    pub layout_start: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// Brackets around this token; a bracket itself counts as outside the pair it makes.
    pub level: usize,
    /// For a bracket, the index of its partner, if it has one.
    pub partner: Option<usize>,
}

/// A bracket left open at the end of the cell.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unclosed {
    pub ch: char,
    pub start: usize,
    pub line: usize,
}

/// The lexer's result: the text pest parses, and what the diagnosis needs to explain a failure.
#[derive(Debug)]
pub(super) struct Layout {
    pub text: String,
    /// Layout offsets of the inserted marker bytes, ascending.
    markers: Vec<usize>,
    pub tokens: Vec<Token>,
    pub unclosed: Option<Unclosed>,
    /// For each character wider than one byte: the byte offset after it, and how many bytes
    /// beyond one per character the cell has used up to there. Empty for ASCII cells.
    wide: Vec<(usize, usize)>,
}

impl Layout {
    /// The cell byte offset of a layout byte offset: markers take no room in the cell.
    pub fn to_cell(&self, layout_pos: usize) -> usize {
        layout_pos - self.markers.partition_point(|&m| m < layout_pos)
    }

    /// The character offset of a cell byte offset (`char_col`, without rescanning the cell).
    pub fn col(&self, cell_byte: usize) -> usize {
        let k = self.wide.partition_point(|&(after, _)| after <= cell_byte);
        cell_byte - k.checked_sub(1).map_or(0, |k| self.wide[k].1)
    }

    /// The index of the first token that starts at or after a layout offset.
    pub fn token_at_layout(&self, layout_pos: usize) -> usize {
        let i = self.tokens.partition_point(|t| t.layout_start < layout_pos);
        i.min(self.tokens.len() - 1)
    }
}

/// The 0-based character offset of a byte offset in `src`: the unit of `PyError::col`.
pub(super) fn char_col(src: &str, byte: usize) -> usize {
    let byte = byte.min(src.len());
    src.get(..byte).map_or(byte, |s| s.chars().count())
}

/// The leading whitespace IPython strips from a cell (`leading_indent`): the indentation of the
/// first non-blank line, removed from every line that starts with it. arrsh skips it where
/// indentation is measured instead of rewriting the cell, so columns stay those of the cell; the
/// one difference is that IPython also strips it inside multi-line strings, and arrsh does not.
fn ipython_prefix(src: &str) -> &str {
    let first = src.split('\n').find(|l| !l.trim().is_empty()).unwrap_or("");
    let n = first.len() - first.trim_start_matches([' ', '\t']).len();
    &first[..n]
}

struct Lexer<'s> {
    src: &'s str,
    b: &'s [u8],
    i: usize,
    line: usize,
    line_start: usize,
    tokens: Vec<Token>,
    /// Cell offsets where markers go, with the marker byte, in order.
    marks: Vec<(usize, u8)>,
    /// Comment byte ranges, blanked in the layout text.
    comments: Vec<(usize, usize)>,
    /// Open brackets: token index.
    brackets: Vec<usize>,
    /// Indentation stack: (column with tabs to multiples of 8, column with tabs as 1).
    indents: Vec<(usize, usize)>,
    max_depth: usize,
    /// The current logical line has tokens (so a line break ends it with NEWLINE).
    line_has_tokens: bool,
    /// Start of a comment on the current physical line: NEWLINE sits there (as in CPython).
    comment_start: Option<usize>,
}

/// Tokenizes `src` and builds its layout text. `max_depth` is the bracket nesting allowed.
pub(super) fn lex(src: &str, max_depth: usize) -> PyResult<Layout> {
    let mut lx = Lexer {
        src,
        b: src.as_bytes(),
        i: 0,
        line: 1,
        line_start: 0,
        tokens: Vec::new(),
        marks: Vec::new(),
        comments: Vec::new(),
        brackets: Vec::new(),
        indents: vec![(0, 0)],
        max_depth,
        line_has_tokens: false,
        comment_start: None,
    };
    lx.run(ipython_prefix(src))?;
    Ok(lx.finish())
}

impl<'s> Lexer<'s> {
    fn col(&self, byte: usize) -> usize {
        char_col(self.src, byte)
    }

    fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    fn push(&mut self, kind: Tok, start: usize, end: usize) -> usize {
        // Every marker so far sits at or before `start`, so this is where the token lands in the
        // layout text (a marker's own byte goes in front of the token it shares a place with).
        let layout_start = start + self.marks.len();
        match kind {
            Tok::Newline => self.marks.push((start, NEWLINE_MARK)),
            Tok::Indent => self.marks.push((start, INDENT_MARK)),
            Tok::Dedent => self.marks.push((start, DEDENT_MARK)),
            _ => self.line_has_tokens = true,
        }
        self.tokens.push(Token {
            kind,
            start,
            end,
            layout_start,
            line: self.line,
            level: self.brackets.len(),
            partner: None,
        });
        self.tokens.len() - 1
    }

    fn run(&mut self, prefix: &str) -> PyResult<()> {
        let mut at_line_start = true;
        loop {
            if at_line_start && self.brackets.is_empty() {
                at_line_start = false;
                self.indentation(prefix)?;
            }
            let Some(&c) = self.b.get(self.i) else { break };
            match c {
                b' ' | b'\t' | 0x0C => self.i += 1,
                b'#' => {
                    let end = self.b[self.i..]
                        .iter()
                        .position(|&c| c == b'\n' || c == b'\r')
                        .map_or(self.b.len(), |k| self.i + k);
                    self.comments.push((self.i, end));
                    self.comment_start = Some(self.i);
                    self.i = end;
                }
                b'\n' | b'\r' => {
                    if self.brackets.is_empty() {
                        if self.line_has_tokens {
                            let at = self.comment_start.unwrap_or(self.i);
                            self.push(Tok::Newline, at, at);
                            self.line_has_tokens = false;
                        }
                        at_line_start = true;
                    }
                    self.line_break();
                }
                b'\\' => match self.peek(1) {
                    b'\n' | b'\r' => {
                        self.i += 1;
                        self.line_break();
                    }
                    0 if self.i + 1 >= self.b.len() => {
                        return Err(messages::unexpected_eof(self.col(self.i + 1)));
                    }
                    _ => {
                        return Err(messages::unexpected_after_continuation(
                            self.col(self.i + 1),
                        ));
                    }
                },
                b'0'..=b'9' => self.number()?,
                b'.' if self.peek(1).is_ascii_digit() => self.number()?,
                b'\'' | b'"' => self.string(self.i)?,
                b'(' | b'[' | b'{' => self.open_bracket()?,
                b')' | b']' | b'}' => self.close_bracket(c)?,
                0 => return Err(messages::null_bytes(self.col(self.i))),
                0x01..=0x1F | 0x7F => {
                    return Err(messages::non_printable(c as char, self.col(self.i)));
                }
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.name_or_string()?,
                _ => self.operator(),
            }
        }
        Ok(())
    }

    /// Consumes one line break (`\n`, `\r\n` or `\r`) and starts a new physical line.
    fn line_break(&mut self) {
        self.i += if self.b[self.i] == b'\r' && self.peek(1) == b'\n' {
            2
        } else {
            1
        };
        self.line += 1;
        self.line_start = self.i;
        self.comment_start = None;
    }

    /// Measures the indentation of a new logical line and emits INDENT/DEDENT as CPython does.
    fn indentation(&mut self, prefix: &str) -> PyResult<()> {
        if !prefix.is_empty() && self.src[self.i..].starts_with(prefix) {
            self.i += prefix.len();
        }
        let (mut col, mut alt) = (0usize, 0usize);
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b' ' => (col, alt) = (col + 1, alt + 1),
                b'\t' => (col, alt) = ((col / 8 + 1) * 8, alt + 1),
                0x0C => (col, alt) = (0, 0),
                _ => break,
            }
            self.i += 1;
        }
        // Blank and comment-only lines do not take part in indentation.
        if matches!(self.b.get(self.i), None | Some(b'#' | b'\n' | b'\r')) {
            return Ok(());
        }
        // Computed only for an error: counting characters is not free on a long cell.
        let (src, line_start) = (self.src, self.line_start);
        let line_col = || char_col(src, line_start);
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(messages::inconsistent_tabs(line_col()));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(messages::too_deep_indentation(line_col()));
            }
            if alt <= top_alt {
                return Err(messages::inconsistent_tabs(line_col()));
            }
            self.indents.push((col, alt));
            self.push(Tok::Indent, self.i, self.i);
        } else {
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                self.push(Tok::Dedent, self.i, self.i);
            }
            let (top, top_alt) = self.indents[self.indents.len() - 1];
            if col != top {
                let eol = self.b[self.i..]
                    .iter()
                    .position(|&c| c == b'\n' || c == b'\r')
                    .map_or(self.b.len(), |k| self.i + k);
                return Err(messages::unindent_mismatch(self.col(eol)));
            }
            if alt != top_alt {
                return Err(messages::inconsistent_tabs(line_col()));
            }
        }
        Ok(())
    }

    fn open_bracket(&mut self) -> PyResult<()> {
        if self.brackets.len() >= self.max_depth {
            return Err(PyError::too_many_nested_parens(self.col(self.i)));
        }
        let start = self.i;
        self.i += 1;
        let t = self.push(Tok::Op, start, self.i);
        self.brackets.push(t);
        Ok(())
    }

    fn close_bracket(&mut self, c: u8) -> PyResult<()> {
        let start = self.i;
        let Some(open) = self.brackets.pop() else {
            return Err(messages::unmatched(c as char, self.col(start)));
        };
        let opener = self.b[self.tokens[open].start];
        let expected = match opener {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if c != expected {
            let open_line = self.tokens[open].line;
            let on_line = (open_line != self.line).then_some(open_line);
            return Err(messages::mismatched_bracket(
                c as char,
                opener as char,
                on_line,
                self.col(start),
            ));
        }
        self.i += 1;
        let t = self.push(Tok::Op, start, self.i);
        self.tokens[t].partner = Some(open);
        self.tokens[open].partner = Some(t);
        Ok(())
    }

    fn operator(&mut self) {
        const OPS: [&str; 47] = [
            "**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->",
            "//", "/=", ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "%", "&", "*", "+",
            ",", "-", ".", "/", ":", ";", "<", "=", ">", "@", "^", "|", "~", "!", "$", "?", "`",
            "\\", "\"",
        ];
        let rest = &self.b[self.i..];
        let len = OPS
            .iter()
            .find(|op| rest.starts_with(op.as_bytes()))
            .map_or(1, |op| op.len());
        let start = self.i;
        self.i += len;
        self.push(Tok::Op, start, self.i);
    }

    /// A name, or a string literal whose prefix (`r`, `b`, `f`, `rb`, ...) looks like one.
    fn name_or_string(&mut self) -> PyResult<()> {
        let start = self.i;
        let letters = self.b[start..]
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        for len in [2, 1] {
            if letters >= len && matches!(self.b.get(start + len), Some(b'\'' | b'"')) {
                let p = self.src[start..start + len].to_ascii_lowercase();
                if matches!(
                    p.as_str(),
                    "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
                ) {
                    self.i += len;
                    return self.string(start);
                }
            }
        }
        for (k, ch) in self.src[start..].char_indices() {
            let ok = if ch.is_ascii() {
                ch.is_ascii_alphanumeric() || ch == '_'
            } else if k == 0 {
                pest::unicode::XID_START(ch)
            } else {
                pest::unicode::XID_CONTINUE(ch)
            };
            if !ok {
                if !ch.is_ascii() {
                    return Err(messages::invalid_character(ch, self.col(start + k)));
                }
                self.i = start + k;
                self.push(Tok::Name, start, self.i);
                return Ok(());
            }
        }
        self.i = self.b.len();
        self.push(Tok::Name, start, self.i);
        Ok(())
    }

    /// A string literal starting at `start` (its prefix), with `self.i` at the opening quote.
    fn string(&mut self, start: usize) -> PyResult<()> {
        let q = self.b[self.i];
        let triple = self.peek(1) == q && self.peek(2) == q;
        self.i += if triple { 3 } else { 1 };
        let first_line = self.line;
        loop {
            let Some(&c) = self.b.get(self.i) else {
                // CPython counts the line a final line break ends, not the empty one after it.
                let line =
                    self.line - usize::from(self.src.ends_with('\n') && self.line > first_line);
                return Err(if triple {
                    messages::unterminated_triple_quoted(line, self.col(start))
                } else {
                    messages::unterminated_string(line, self.col(start))
                });
            };
            match c {
                b'\\' => {
                    self.i += 1;
                    if matches!(self.b.get(self.i), Some(b'\n' | b'\r')) {
                        self.line_break();
                    } else if self.i < self.b.len() {
                        self.i += 1;
                    }
                }
                b'\n' | b'\r' if !triple => {
                    return Err(messages::unterminated_string(self.line, self.col(start)));
                }
                b'\n' | b'\r' => self.line_break(),
                _ if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) => {
                    self.i += if triple { 3 } else { 1 };
                    let line = self.line;
                    self.line = first_line;
                    self.push(Tok::Str, start, self.i);
                    self.line = line;
                    return Ok(());
                }
                _ => self.i += 1,
            }
        }
    }

    fn number(&mut self) -> PyResult<()> {
        let start = self.i;
        let end = numbers::scan(self.src, start)?;
        self.i = end;
        self.push(Tok::Number, start, end);
        Ok(())
    }

    /// Closes the last line and the open indentation, then builds the layout text.
    fn finish(mut self) -> Layout {
        let end = self.b.len();
        let unclosed = self.brackets.last().map(|&t| Unclosed {
            ch: self.b[self.tokens[t].start] as char,
            start: self.tokens[t].start,
            line: self.tokens[t].line,
        });
        if unclosed.is_none() {
            if self.line_has_tokens {
                let at = self.comment_start.unwrap_or(end);
                self.push(Tok::Newline, at, at);
            }
            for _ in 1..self.indents.len() {
                self.push(Tok::Dedent, end, end);
            }
        }
        self.push(Tok::End, end, end);

        let mut blanked = self.src.to_string();
        for &(a, b) in &self.comments {
            blanked.replace_range(a..b, &" ".repeat(b - a));
        }
        let mut text = String::with_capacity(end + self.marks.len());
        let mut markers = Vec::with_capacity(self.marks.len());
        let mut copied = 0;
        for &(at, mark) in &self.marks {
            text.push_str(&blanked[copied..at]);
            markers.push(text.len());
            text.push(mark as char);
            copied = at;
        }
        text.push_str(&blanked[copied..]);
        let mut wide = Vec::new();
        let mut extra = 0;
        for (at, c) in self.src.char_indices().filter(|(_, c)| !c.is_ascii()) {
            extra += c.len_utf8() - 1;
            wide.push((at + c.len_utf8(), extra));
        }
        let tokens = self.tokens;
        Layout {
            text,
            markers,
            tokens,
            unclosed,
            wide,
        }
    }
}
