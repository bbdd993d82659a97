//! Markdown (descriptions, the foreword) as structured blocks for the template.
//!
//! pulldown-cmark's events become a small tree of [`Block`]s and [`Inline`]s that the template
//! turns into typst content with functions (`par`, `strong`, `list`, …). Text stays data all the
//! way: nothing here produces typst markup, so `#`, `$`, `*` or `]` in a description print as
//! they are. Links follow the website's rule ([`crate::markdown::is_safe_url`]: http(s), mailto,
//! tel); raw HTML prints as text and images are reduced to their alternative text. Headings are
//! shifted so that the document's highest one has level 1.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::data::{clean, clean_address};

/// A block of a Markdown document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph.
    Paragraph { inlines: Vec<Inline> },
    /// A heading; level 1 is the highest level inside the document it belongs to.
    Heading { level: u8, inlines: Vec<Inline> },
    /// A bulleted or numbered list; each item is a list of blocks.
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    /// A quotation.
    Quote { blocks: Vec<Block> },
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Inline {
    /// Plain text, printed literally.
    Text { text: String },
    /// Code, printed literally in the text font.
    Code { text: String },
    /// Strong emphasis.
    Strong { inlines: Vec<Inline> },
    /// Emphasis.
    Emph { inlines: Vec<Inline> },
    /// A link to an http(s) or mailto URL; `show_url` when the text does not already say it.
    Link {
        url: String,
        show_url: bool,
        inlines: Vec<Inline>,
    },
    /// A hard line break.
    Break,
}

/// Converts Markdown into blocks.
pub fn blocks(markdown: &str) -> Vec<Block> {
    // Bounded: the blocks become nested JSON and typst content, and both have depth limits.
    let events: Vec<Event<'_>> =
        crate::markdown::bounded(Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH))
            .collect();
    let highest = events
        .iter()
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(heading_level(*level)),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut builder = Builder {
        stack: vec![Frame::Blocks(Vec::new())],
        shift: highest - 1,
    };
    for event in events {
        builder.event(event);
    }
    builder.finish()
}

/// An open container while events stream in.
#[derive(Debug)]
enum Frame {
    /// The document, a list item or a quote: collects blocks.
    Blocks(Vec<Block>),
    /// A list: collects items.
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    /// A paragraph or heading, or an inline container inside one: collects inlines.
    Inlines(InlineKind, Vec<Inline>),
}

#[derive(Debug)]
enum InlineKind {
    Paragraph,
    Heading(u8),
    Strong,
    Emph,
    /// A link; `None` when its target is not allowed (the text stays, the link goes).
    Link(Option<String>),
    /// Something that contributes only its text (image alt text, strikethrough).
    Plain,
}

#[derive(Debug)]
struct Builder {
    stack: Vec<Frame>,
    /// Subtracted from every heading level.
    shift: u8,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.push_inline(Inline::Text { text: clean(&text) })
            }
            Event::Code(text) => self.push_inline(Inline::Code { text: clean(&text) }),
            Event::SoftBreak => self.push_inline(Inline::Text { text: " ".into() }),
            Event::HardBreak => self.push_inline(Inline::Break),
            // Rules, footnote references, task markers and math are not enabled or not printed.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let frame = match tag {
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock => {
                Frame::Inlines(InlineKind::Paragraph, Vec::new())
            }
            Tag::Heading { level, .. } => Frame::Inlines(
                InlineKind::Heading(heading_level(level) - self.shift),
                Vec::new(),
            ),
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                start: start.unwrap_or(1),
                items: Vec::new(),
            },
            Tag::Item | Tag::BlockQuote(_) => Frame::Blocks(Vec::new()),
            Tag::Strong => Frame::Inlines(InlineKind::Strong, Vec::new()),
            Tag::Emphasis => Frame::Inlines(InlineKind::Emph, Vec::new()),
            Tag::Link { dest_url, .. } => {
                Frame::Inlines(InlineKind::Link(allowed_url(&dest_url)), Vec::new())
            }
            _ => Frame::Inlines(InlineKind::Plain, Vec::new()),
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Blocks(blocks) => {
                if matches!(tag, TagEnd::BlockQuote(_)) {
                    self.push_block(Block::Quote { blocks });
                } else if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            Frame::List {
                ordered,
                start,
                items,
            } => self.push_block(Block::List {
                ordered,
                start,
                items,
            }),
            Frame::Inlines(kind, inlines) => match kind {
                InlineKind::Paragraph => self.push_block(Block::Paragraph {
                    inlines: trim(inlines),
                }),
                InlineKind::Heading(level) => self.push_block(Block::Heading {
                    level,
                    inlines: trim(inlines),
                }),
                InlineKind::Strong => self.push_inline(Inline::Strong { inlines }),
                InlineKind::Emph => self.push_inline(Inline::Emph { inlines }),
                InlineKind::Link(Some(url)) => {
                    let show_url = !mentions(&inlines, &url);
                    self.push_inline(Inline::Link {
                        url,
                        show_url,
                        inlines,
                    })
                }
                InlineKind::Link(None) | InlineKind::Plain => {
                    for inline in inlines {
                        self.push_inline(inline);
                    }
                }
            },
        }
    }

    /// Adds inline content to the innermost paragraph; text directly in a list item (a "tight"
    /// list) gets a paragraph of its own.
    fn push_inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(Frame::Inlines(_, inlines)) => append(inlines, inline),
            Some(Frame::Blocks(blocks)) => match blocks.last_mut() {
                Some(Block::Paragraph { inlines }) => append(inlines, inline),
                _ => blocks.push(Block::Paragraph {
                    inlines: vec![inline],
                }),
            },
            Some(Frame::List { .. }) | None => {}
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Frame::Blocks(blocks)) => blocks.push(block),
            Some(Frame::List { items, .. }) => items.push(vec![block]),
            Some(Frame::Inlines(..)) | None => {}
        }
    }

    fn finish(mut self) -> Vec<Block> {
        while self.stack.len() > 1 {
            let depth = self.stack.len();
            // Close whatever is still open; pulldown-cmark balances its events, so this only
            // guards against a surprise.
            self.end(TagEnd::Paragraph);
            if self.stack.len() == depth {
                break;
            }
        }
        match self.stack.pop() {
            Some(Frame::Blocks(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

/// Appends `inline`, joining it to text before it: a paragraph arrives as one string per line
/// of the source otherwise, and each string is an element of its own for typst to style and
/// lay out (the printed text is the same).
fn append(inlines: &mut Vec<Inline>, inline: Inline) {
    match (inlines.last_mut(), inline) {
        (Some(Inline::Text { text }), Inline::Text { text: more }) => text.push_str(&more),
        (_, inline) => inlines.push(inline),
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

/// The URL if the website would link it too (http, https, mailto, tel).
fn allowed_url(url: &str) -> Option<String> {
    crate::markdown::is_safe_url(url).then(|| clean_address(url.trim()))
}

/// Whether the link text already shows the URL (as "example.org" or the whole address).
fn mentions(inlines: &[Inline], url: &str) -> bool {
    let text: String = plain_text(inlines);
    let bare = |s: &str| {
        s.trim_start_matches("mailto:")
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_lowercase()
    };
    bare(&text) == bare(url)
}

fn plain_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text { text } | Inline::Code { text } => text.clone(),
            Inline::Strong { inlines }
            | Inline::Emph { inlines }
            | Inline::Link { inlines, .. } => plain_text(inlines),
            Inline::Break => " ".into(),
        })
        .collect()
}

/// Drops leading and trailing line breaks of a paragraph.
fn trim(mut inlines: Vec<Inline>) -> Vec<Inline> {
    while matches!(inlines.last(), Some(Inline::Break)) {
        inlines.pop();
    }
    while matches!(inlines.first(), Some(Inline::Break)) {
        inlines.remove(0);
    }
    inlines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn paragraphs_headings_lists_and_emphasis() {
        let blocks = blocks("Wer **hier** *liest*\n\n## Mitbringen\n- Ausweis\n- Briefe\n");
        // The highest heading becomes level 1.
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph {
                    inlines: vec![
                        text("Wer "),
                        Inline::Strong {
                            inlines: vec![text("hier")]
                        },
                        text(" "),
                        Inline::Emph {
                            inlines: vec![text("liest")]
                        },
                    ]
                },
                Block::Heading {
                    level: 1,
                    inlines: vec![text("Mitbringen")]
                },
                Block::List {
                    ordered: false,
                    start: 1,
                    items: vec![
                        vec![Block::Paragraph {
                            inlines: vec![text("Ausweis")]
                        }],
                        vec![Block::Paragraph {
                            inlines: vec![text("Briefe")]
                        }],
                    ]
                },
            ]
        );
    }

    #[test]
    fn lines_of_a_paragraph_are_one_text() {
        let blocks = blocks("Erste Zeile,\nzweite Zeile\n**fett** und\nmehr");
        assert_eq!(
            blocks,
            vec![Block::Paragraph {
                inlines: vec![
                    text("Erste Zeile, zweite Zeile "),
                    Inline::Strong {
                        inlines: vec![text("fett")]
                    },
                    text(" und mehr"),
                ]
            }]
        );
    }

    #[test]
    fn only_web_and_mail_links_survive() {
        let blocks = blocks(
            "[a](https://example.org/x) [b](javascript:alert(1)) [c](file:///etc/passwd) \
             [example.org](https://www.example.org/) [d](mailto:a@example.org)",
        );
        let Block::Paragraph { inlines } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let links: Vec<(&str, bool)> = inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Link { url, show_url, .. } => Some((url.as_str(), *show_url)),
                _ => None,
            })
            .collect();
        assert_eq!(
            links,
            vec![
                ("https://example.org/x", true),
                ("https://www.example.org/", false),
                ("mailto:a@example.org", true),
            ]
        );
        assert!(plain_text(inlines).contains('b') && plain_text(inlines).contains('c'));
    }

    #[test]
    fn nesting_is_bounded() {
        let mut depth = 0;
        let mut level = blocks(&format!("{}tief", ">".repeat(5000)));
        while let [Block::Quote { blocks }] = level.as_slice() {
            depth += 1;
            level = blocks.clone();
        }
        assert_eq!(depth, crate::markdown::MAX_NESTING);
        assert_eq!(
            level,
            vec![Block::Paragraph {
                inlines: vec![text("tief")]
            }]
        );
    }

    #[test]
    fn markup_of_other_languages_stays_text() {
        let blocks = blocks("#panic(\"x\") $x$ <label> @ref \\\\ <b>html</b>");
        let Block::Paragraph { inlines } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let all = plain_text(inlines);
        assert!(all.contains("#panic(\"x\")"), "{all}");
        assert!(all.contains("$x$") && all.contains("@ref") && all.contains("<b>"));
    }
}
