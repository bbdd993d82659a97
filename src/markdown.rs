//! Markdown from profiles and pages, rendered to safe HTML.
//!
//! Profile text is untrusted: raw HTML is shown as text, never passed through; only http, https,
//! mailto and tel links survive (others keep their text and lose the link); images become their
//! alt text, because the site loads nothing from other hosts; headings are shifted so that the
//! page's own h1 stays the only one.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Link schemes that survive rendering.
const SAFE_SCHEMES: [&str; 4] = ["https:", "http:", "mailto:", "tel:"];

/// Whether `url` may become a link.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    SAFE_SCHEMES.iter().any(|scheme| lower.starts_with(scheme))
}

/// Renders `markdown` to HTML; the document's top heading level becomes `top_level` (2–6).
pub fn to_html(markdown: &str, top_level: u8) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let smallest = Parser::new_ext(markdown, options)
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
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
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
    fn plain_text_strips_markup() {
        assert_eq!(
            to_plain_text("**Fett** und [Link](https://x.org)\n- a\n- b"),
            "Fett und Link a b"
        );
    }
}
