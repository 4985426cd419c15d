//! Narration as blocks. The cutter hands narration over as Markdown text (`Cell::narration`,
//! `Lesson::epilogue`); this reads it once (CommonMark, by pulldown-cmark) into headings,
//! paragraphs, list items, code blocks, quotes and rules made of styled spans, for whatever
//! shows narration as something other than Markdown (`--step` at a terminal).

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// What a block is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `#` … `######`: level 1 to 6.
    Heading(u8),
    Paragraph,
    /// A list item: its marker (`•`, or `3.` in a numbered list) and how deeply nested it is
    /// (0 for a top-level list).
    Item {
        marker: String,
        depth: usize,
    },
    /// A code block: one span holding its lines.
    Code,
    /// A paragraph inside `>`.
    Quote,
    /// `---`.
    Rule,
}

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Span {
    /// The text; `"\n"` alone is a hard line break.
    pub text: String,
    /// `` `code` ``.
    pub code: bool,
    /// `**strong**`.
    pub strong: bool,
    /// `*emphasis*`.
    pub emphasis: bool,
}

/// One block of narration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    pub spans: Vec<Span>,
}

impl Block {
    /// The text without styles.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// The blocks of a Markdown text, in order. Links keep their text and add their address in
/// angle brackets (when it is not the text itself); HTML is kept as text.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut b = Builder::default();
    for event in Parser::new(markdown) {
        b.event(event);
    }
    b.flush();
    b.out
}

#[derive(Default)]
struct Builder {
    out: Vec<Block>,
    current: Option<Block>,
    /// Each open list: the next number of a numbered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    quote: usize,
    strong: usize,
    emphasis: usize,
    code_block: bool,
    /// The addresses of the open links.
    links: Vec<String>,
}

impl Builder {
    fn flush(&mut self) {
        if let Some(mut block) = self.current.take() {
            while block.spans.last().is_some_and(|s| s.text == "\n") {
                block.spans.pop();
            }
            if !block.spans.is_empty() || block.kind == Kind::Rule {
                self.out.push(block);
            }
        }
    }

    fn start(&mut self, kind: Kind) {
        self.flush();
        self.current = Some(Block {
            kind,
            spans: Vec::new(),
        });
    }

    fn push(&mut self, text: &str, code: bool) {
        if self.current.is_none() {
            let kind = if self.quote > 0 {
                Kind::Quote
            } else {
                Kind::Paragraph
            };
            self.start(kind);
        }
        let span = Span {
            text: text.to_string(),
            code,
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
        };
        if let Some(block) = &mut self.current {
            block.spans.push(span);
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.open(tag),
            Event::End(tag) => self.close(tag),
            Event::Text(t) => {
                if self.code_block {
                    let t = t.strip_suffix('\n').unwrap_or(&t).to_string();
                    match self.current.as_mut().and_then(|b| b.spans.last_mut()) {
                        Some(s) => {
                            s.text.push('\n');
                            s.text.push_str(&t);
                        }
                        None => self.push(&t, true),
                    }
                } else {
                    self.push(&t, false);
                }
            }
            Event::Code(t) => self.push(&t, true),
            Event::Html(t) | Event::InlineHtml(t) => self.push(t.trim_end_matches('\n'), false),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push(&t, true),
            Event::SoftBreak => self.push(" ", false),
            Event::HardBreak => self.push("\n", false),
            Event::Rule => {
                self.start(Kind::Rule);
                self.flush();
            }
            Event::FootnoteReference(t) => self.push(&format!("[{t}]"), false),
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }, false),
        }
    }

    fn open(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => self.start(Kind::Heading(heading_level(level))),
            Tag::Paragraph => {
                // a loose list item's first paragraph is the item itself
                let fresh_item = matches!(
                    &self.current,
                    Some(Block { kind: Kind::Item { .. }, spans }) if spans.is_empty()
                );
                if !fresh_item {
                    let kind = if self.quote > 0 {
                        Kind::Quote
                    } else {
                        Kind::Paragraph
                    };
                    self.start(kind);
                }
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.start(Kind::Code);
                self.code_block = true;
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(first);
            }
            Tag::Item => {
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_string(),
                };
                self.start(Kind::Item { marker, depth });
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push(dest_url.to_string())
            }
            _ => {}
        }
    }

    fn close(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item => self.flush(),
            TagEnd::CodeBlock => {
                self.code_block = false;
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link | TagEnd::Image => {
                if let Some(url) = self.links.pop() {
                    let shown = self.current.as_ref().map(Block::text).unwrap_or_default();
                    if !url.is_empty() && !shown.ends_with(&url) {
                        self.push(&format!(" <{url}>"), false);
                    }
                }
            }
            _ => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(md: &str) -> Vec<(Kind, String)> {
        blocks(md)
            .into_iter()
            .map(|b| (b.kind.clone(), b.text()))
            .collect()
    }

    #[test]
    fn blocks_of_a_lesson() {
        let item = |m: &str, depth| Kind::Item {
            marker: m.to_string(),
            depth,
        };
        let table: Vec<(&str, Vec<(Kind, &str)>)> = vec![
            (
                "# Views\n\nA *slice* is a\n**view**.",
                vec![
                    (Kind::Heading(1), "Views"),
                    (Kind::Paragraph, "A slice is a view."),
                ],
            ),
            (
                "- one\n- two\n  - deeper\n\n3. three\n4. four",
                vec![
                    (item("•", 0), "one"),
                    (item("•", 0), "two"),
                    (item("•", 1), "deeper"),
                    (item("3.", 0), "three"),
                    (item("4.", 0), "four"),
                ],
            ),
            (
                "- loose\n\n- items\n",
                vec![(item("•", 0), "loose"), (item("•", 0), "items")],
            ),
            (
                "```python\na = 1\nb = 2\n```\n\n> quoted\n\n---",
                vec![
                    (Kind::Code, "a = 1\nb = 2"),
                    (Kind::Quote, "quoted"),
                    (Kind::Rule, ""),
                ],
            ),
            (
                "See [the docs](https://numpy.org) or <https://numpy.org>.",
                vec![(
                    Kind::Paragraph,
                    "See the docs <https://numpy.org> or https://numpy.org.",
                )],
            ),
        ];
        for (md, want) in table {
            let want: Vec<(Kind, String)> =
                want.into_iter().map(|(k, t)| (k, t.to_string())).collect();
            assert_eq!(shape(md), want, "{md:?}");
        }
    }

    #[test]
    fn spans_keep_code_and_emphasis() {
        let b = blocks("Use `a.base` **now**");
        let styles: Vec<(&str, bool, bool)> = b[0]
            .spans
            .iter()
            .map(|s| (s.text.as_str(), s.code, s.strong))
            .collect();
        assert_eq!(
            styles,
            vec![
                ("Use ", false, false),
                ("a.base", true, false),
                (" ", false, false),
                ("now", false, true)
            ]
        );
    }
}
