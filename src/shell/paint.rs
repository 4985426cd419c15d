//! Styled text for memory lines, notes and pictures: spans tagged with what they mean (a name,
//! a number, an array's row in a byte map), packed to a width, then turned into plain text or
//! ANSI colour. An HTML export can map the same roles to CSS classes.

use owo_colors::OwoColorize;

/// What a piece of text is; colour is chosen from this, and only from this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Plain,
    /// The `↳` that starts a memory line.
    Arrow,
    /// The kind of memory: "owns its data", "view of".
    Kind,
    /// A variable name.
    Name,
    /// `why:` and other labels.
    Label,
    /// A warning-like fact: "read-only", overlap counts.
    Warn,
    /// Rulers, separators, elision marks.
    Frame,
    /// The bytes of the n-th array in a byte map (colours cycle).
    Row(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub role: Role,
}

pub type Line = Vec<Span>;

pub fn span(text: impl Into<String>, role: Role) -> Span {
    Span {
        text: text.into(),
        role,
    }
}

pub fn plain(text: impl Into<String>) -> Span {
    span(text, Role::Plain)
}

/// Characters a line takes on screen (every symbol used here is one column wide).
pub fn width_of(line: &[Span]) -> usize {
    line.iter().map(|s| s.text.chars().count()).sum()
}

/// The text of lines, each ended by a newline, coloured by role when `color` is set.
pub fn render(lines: &[Line], color: bool) -> String {
    let mut s = String::new();
    for line in lines {
        for sp in line {
            if color {
                s.push_str(&paint(&sp.text, sp.role));
            } else {
                s.push_str(&sp.text);
            }
        }
        // no trailing spaces: transcripts and terminals alike
        let trimmed = s.trim_end_matches(' ').len();
        s.truncate(trimmed);
        s.push('\n');
    }
    s
}

/// Row colours of a byte map, in order (chosen to read on dark and light backgrounds).
const ROW_COLOURS: [owo_colors::AnsiColors; 5] = [
    owo_colors::AnsiColors::Cyan,
    owo_colors::AnsiColors::Magenta,
    owo_colors::AnsiColors::Yellow,
    owo_colors::AnsiColors::Green,
    owo_colors::AnsiColors::Blue,
];

fn paint(text: &str, role: Role) -> String {
    if text.trim().is_empty() {
        return text.to_string();
    }
    match role {
        Role::Plain => text.to_string(),
        Role::Arrow => text.cyan().bold().to_string(),
        Role::Kind => text.cyan().to_string(),
        Role::Name => text.bold().to_string(),
        Role::Label => text.yellow().bold().to_string(),
        Role::Warn => text.red().bold().to_string(),
        Role::Frame => text.bright_black().to_string(),
        Role::Row(0) => text.to_string(),
        Role::Row(k) => text
            .color(ROW_COLOURS[(k - 1) % ROW_COLOURS.len()])
            .to_string(),
    }
}

/// Packs fields (each kept whole) into lines of at most `width` columns: `first` starts the
/// first line, `indent` the others, `sep` goes between fields on one line. A field wider than
/// a line gets a line of its own.
pub fn pack(first: Line, indent: &str, fields: Vec<Line>, sep: &str, width: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut cur = first;
    let mut fresh = true;
    for f in fields {
        let need = width_of(&f) + if fresh { 0 } else { sep.chars().count() };
        if !fresh && width_of(&cur) + need > width {
            lines.push(std::mem::replace(&mut cur, vec![plain(indent)]));
            fresh = true;
        }
        if !fresh {
            cur.push(span(sep, Role::Frame));
        }
        cur.extend(f);
        fresh = false;
    }
    lines.push(cur);
    lines
}

/// Words of prose, keeping parenthesised groups like `(5, 2)` together.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if c == ' ' && depth <= 0 {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Prose after a label, wrapped at spaces to `width`, continuation lines indented under the
/// text.
pub fn prose(label: Line, text: &str, width: usize) -> Vec<Line> {
    let indent = " ".repeat(width_of(&label));
    let fields = words(text).into_iter().map(|w| vec![plain(w)]).collect();
    pack(label, &indent, fields, " ", width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        render(lines, false).lines().map(String::from).collect()
    }

    #[test]
    fn fields_break_between_never_inside() {
        let fields: Vec<Line> = ["int64 (3, 4)", "strides (32, 8)", "C-contiguous"]
            .iter()
            .map(|f| vec![plain(*f)])
            .collect();
        let wide = pack(vec![plain("  ↳ ")], "    ", fields.clone(), " · ", 100);
        assert_eq!(
            text(&wide),
            ["  ↳ int64 (3, 4) · strides (32, 8) · C-contiguous"]
        );
        let narrow = pack(vec![plain("  ↳ ")], "    ", fields, " · ", 30);
        assert_eq!(
            text(&narrow),
            [
                "  ↳ int64 (3, 4)",
                "    strides (32, 8)",
                "    C-contiguous"
            ]
        );
        assert!(text(&narrow).iter().all(|l| l.chars().count() <= 30));
    }

    #[test]
    fn prose_wraps_at_spaces_and_keeps_tuples_whole() {
        let lines = prose(
            vec![plain("  why: ")],
            "t has shape (5, 2) and strides (8, 40) here",
            24,
        );
        let t = text(&lines);
        assert_eq!(t[0], "  why: t has shape");
        assert_eq!(t[1].trim(), "(5, 2) and", "the tuple stays whole");
        assert!(t.iter().all(|l| l.chars().count() <= 24));
    }

    #[test]
    fn colour_is_added_only_when_asked() {
        let l = vec![vec![span("a", Role::Name), plain(" x")]];
        assert_eq!(render(&l, false), "a x\n");
        assert!(render(&l, true).contains('\x1b'));
    }
}
