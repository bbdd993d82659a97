//! Markdown from profiles and pages, rendered to safe HTML.
//!
//! Profile text is untrusted: raw HTML is shown as text, never passed through; only http, https,
//! mailto and tel links survive (others keep their text and lose the link); images become their
//! alt text, because the site loads nothing from other hosts; headings are shifted so that the
//! page's own h1 stays the only one.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Deepest nesting of lists and block quotes that a Markdown text may have: `check` refuses
/// more, and the renderers flatten anything deeper (see [`bounded`]), so that no text makes a
/// renderer, the HTML minifier or typst recurse without bound.
pub const MAX_NESTING: usize = 8;

/// Deepest nesting of emphasis, strong emphasis and strikethrough that the renderers keep; deeper
/// ones print as plain text (nobody writes `***` inside `***` eight times, so `check` is silent).
const MAX_INLINE_NESTING: usize = 8;

/// Where a Markdown text nests lists and quotes deeper than [`MAX_NESTING`]: the byte offset
/// of the first container too deep, and the deepest nesting the text reaches.
pub fn too_deep(markdown: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut first = None;
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                if depth > MAX_NESTING && first.is_none() {
                    first = Some(range.start);
                }
                deepest = deepest.max(depth);
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    first.map(|offset| (offset, deepest))
}

/// The first heading of `markdown` longer than `max` characters: its byte offset and length.
pub fn long_heading(markdown: &str, max: usize) -> Option<(usize, usize)> {
    let mut heading: Option<(usize, usize)> = None;
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some((range.start, 0)),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, length)) = &mut heading {
                    *length += text.chars().count();
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((offset, length)) = heading.take().filter(|(_, l)| *l > max) {
                    return Some((offset, length));
                }
            }
            _ => {}
        }
    }
    None
}

/// The Markdown extensions both renderers and [`too_deep`] parse with.
const OPTIONS: Options = Options::ENABLE_STRIKETHROUGH.union(Options::ENABLE_TABLES);

/// `events` with the start and end of every list, list item and block quote beyond
/// [`MAX_NESTING`] levels removed (their content stays, one level up), and likewise emphasis
/// beyond [`MAX_INLINE_NESTING`]: what a renderer builds from them is never deeper than that,
/// whatever the text. Works on the flat event stream, without recursion.
pub fn bounded<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    // For each open container: whether its start was kept.
    let mut open: Vec<bool> = Vec::new();
    let (mut blocks, mut inlines) = (0usize, 0usize);
    events.filter(move |event| match event {
        Event::Start(tag) => {
            let keep = match tag {
                Tag::List(_) | Tag::BlockQuote(_) => blocks < MAX_NESTING,
                // An item stands or falls with its list.
                Tag::Item => open.last().copied().unwrap_or(true),
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough => inlines < MAX_INLINE_NESTING,
                _ => true,
            };
            match tag {
                Tag::List(_) | Tag::BlockQuote(_) if keep => blocks += 1,
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough if keep => inlines += 1,
                _ => {}
            }
            open.push(keep);
            keep
        }
        Event::End(tag) => {
            let keep = open.pop().unwrap_or(true);
            match tag {
                TagEnd::List(_) | TagEnd::BlockQuote(_) if keep => {
                    blocks = blocks.saturating_sub(1)
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough if keep => {
                    inlines = inlines.saturating_sub(1)
                }
                _ => {}
            }
            keep
        }
        _ => true,
    })
}

/// Link schemes that survive rendering.
const SAFE_SCHEMES: [&str; 4] = ["https:", "http:", "mailto:", "tel:"];

/// Whether `url` may become a link.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    SAFE_SCHEMES.iter().any(|scheme| lower.starts_with(scheme))
}

/// Renders `markdown` to HTML; the document's top heading level becomes `top_level` (2–6).
pub fn to_html(markdown: &str, top_level: u8) -> String {
    let smallest = Parser::new_ext(markdown, OPTIONS)
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let shift = |level: HeadingLevel| -> HeadingLevel {
        let shifted = (level as u8 - smallest + top_level).clamp(2, 6);
        HeadingLevel::try_from(shifted as usize).unwrap_or(HeadingLevel::H6)
    };
    // Links that are dropped must also drop their closing tag.
    let mut dropped_links = Vec::new();
    let mut in_image = false;
    let events = bounded(Parser::new_ext(markdown, OPTIONS)).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: shift(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(shift(level)))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = is_safe_url(&dest_url);
            dropped_links.push(!safe);
            safe.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => {
            let dropped = dropped_links.pop().unwrap_or(false);
            (!dropped).then_some(Event::End(TagEnd::Link))
        }
        Event::Start(Tag::Image { .. }) => {
            in_image = true;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = false;
            None
        }
        Event::Text(text) if in_image => Some(Event::Text(text)),
        Event::FootnoteReference(name) => Some(Event::Text(CowStr::from(format!("[{name}]")))),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// `markdown` with every soft line break made a hard one (a backslash before the line end).
/// For Leichte Sprache, where every sentence starts on a new line (Netzwerk Leichte Sprache):
/// editors write one sentence per line, and readers see it so.
pub fn hard_line_breaks(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 64);
    let mut copied = 0;
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        if matches!(event, Event::SoftBreak) {
            // The break's range may start with spaces before the line end.
            let at = range.start + markdown[range].find('\n').unwrap_or(0);
            out.push_str(&markdown[copied..at]);
            out.push('\\');
            copied = at;
        }
    }
    out.push_str(&markdown[copied..]);
    out
}

/// Plain text of `markdown` without markup, for search indexes and meta descriptions.
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell,
            ) if !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_line_breaks_keep_each_sentence_on_its_line() {
        let text = "Sie suchen Arbeit? \nDann kommen Sie.\n\n- Pass\n  und Foto\n\n# Titel\nText";
        assert_eq!(
            to_html(&hard_line_breaks(text), 2),
            "<p>Sie suchen Arbeit? <br />\nDann kommen Sie.</p>\n<ul>\n<li>Pass<br />\nund Foto</li>\n</ul>\n<h2>Titel</h2>\n<p>Text</p>\n"
        );
    }

    #[test]
    fn raw_html_is_escaped() {
        let html = to_html(
            "Hallo <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>",
            3,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn unsafe_links_lose_the_link_but_keep_the_text() {
        let html = to_html(
            "[klick](javascript:alert(1)) und [ok](https://example.org)",
            3,
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("klick"), "{html}");
        assert!(
            html.contains(r#"<a href="https://example.org">ok</a>"#),
            "{html}"
        );
        assert!(!to_html("[x](data:text/html,hi)", 3).contains("href"));
    }

    #[test]
    fn images_become_their_alt_text() {
        let html = to_html("![Logo der Stadt](https://tracker.example.com/x.png)", 3);
        assert!(!html.contains("tracker"), "{html}");
        assert!(html.contains("Logo der Stadt"), "{html}");
    }

    #[test]
    fn headings_shift_below_the_page_title() {
        let html = to_html("## Mitbringen\n\n### Details\n\n# Oben", 3);
        assert!(html.contains("<h4>Mitbringen</h4>"), "{html}");
        assert!(html.contains("<h5>Details</h5>"), "{html}");
        assert!(html.contains("<h3>Oben</h3>"), "{html}");
        assert!(!to_html("# Titel", 2).contains("<h1"));
    }

    #[test]
    fn nesting_is_measured_and_rendered_bounded() {
        assert_eq!(too_deep(&format!("{}acht", "> ".repeat(8))), None);
        let list = format!("{}x", "- ".repeat(3000));
        assert_eq!(too_deep(&list), Some((16, 3000)));
        let html = to_html(&list, 3);
        assert_eq!(html.matches("<ul>").count(), MAX_NESTING, "{html}");
        assert!(html.contains('x'));
        let quotes = to_html(&">".repeat(5000), 3);
        assert_eq!(quotes.matches("<blockquote>").count(), MAX_NESTING);
        let emphasis = to_html(&format!("{}x{}", "*".repeat(2000), "*".repeat(2000)), 3);
        let opened = emphasis.matches("<em>").count() + emphasis.matches("<strong>").count();
        assert!((1..=MAX_INLINE_NESTING).contains(&opened), "{emphasis}");
    }

    #[test]
    fn plain_text_strips_markup() {
        assert_eq!(
            to_plain_text("**Fett** und [Link](https://x.org)\n- a\n- b"),
            "Fett und Link a b"
        );
    }
}
