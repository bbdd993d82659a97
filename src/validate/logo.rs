//! Logos (the town's and each actor's): checked so that the brochure can draw them and the site
//! can publish them without harm.
//!
//! - At most [`MAX_BYTES`] and [`MAX_SIDE`] × [`MAX_SIDE`] pixels. The size is read from the
//!   header before anything is decoded, so a small file claiming 60,000 × 60,000 pixels (a
//!   "decompression bomb") costs nothing.
//! - Raster images are then decoded in full with the decoders typst uses, so a damaged file is
//!   an error here rather than a failed brochure.
//! - SVG files are parsed as XML and refused if they could do anything but draw: scripts, event
//!   handlers (`onload=…`), `<foreignObject>` (HTML inside the SVG), links and references to
//!   anything outside the file, DTDs (entity bombs). The site publishes logos as they are, and a
//!   browser opening an SVG's URL would run its script; then usvg, typst's SVG reader, must
//!   accept the file.

use std::io::Cursor;
use std::path::Path;

use super::fields::Problem;
use crate::messages;

/// Largest logo file.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;
/// Largest width and height of a raster logo, in pixels.
pub const MAX_SIDE: u32 = 4000;

/// Elements that run code or embed another document.
const FORBIDDEN_ELEMENTS: [&str; 7] = [
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
];

/// Checks the logo file at `path` (`name` as the editor wrote it).
pub fn check(path: &Path, name: &str) -> Result<(), Problem> {
    let size_hint = messages::logo_size_hint(MAX_SIDE, MAX_BYTES / 1024 / 1024);
    let unreadable = |e: std::io::Error| {
        Problem::new(
            messages::logo_unreadable(name, &e),
            messages::logo_unreadable_hint(),
        )
    };
    let bytes = std::fs::metadata(path).map_err(unreadable)?.len();
    if bytes > MAX_BYTES {
        return Err(Problem::new(
            messages::logo_too_large(
                name,
                &format!("{:.1}", bytes as f64 / 1024.0 / 1024.0),
                MAX_BYTES / 1024 / 1024,
            ),
            size_hint,
        ));
    }
    let data = std::fs::read(path).map_err(unreadable)?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = match extension.as_str() {
        "svg" => return check_svg(&data, name),
        "png" => image::ImageFormat::Png,
        "jpg" | "jpeg" => image::ImageFormat::Jpeg,
        "webp" => image::ImageFormat::WebP,
        _ => {
            return Err(Problem::new(messages::logo_format(name), size_hint));
        }
    };
    check_raster(&data, format, name, &size_hint)
}

fn check_raster(
    data: &[u8],
    format: image::ImageFormat,
    name: &str,
    size_hint: &str,
) -> Result<(), Problem> {
    let kind = match format {
        image::ImageFormat::Jpeg => "JPEG",
        image::ImageFormat::WebP => "WebP",
        _ => "PNG",
    };
    let damaged = |e: image::ImageError| {
        Problem::new(
            messages::logo_damaged(name, kind, &e),
            messages::logo_damaged_hint(),
        )
    };
    let reader = || image::ImageReader::with_format(Cursor::new(data), format);
    // The header alone: nothing is decoded yet.
    let (width, height) = reader().into_dimensions().map_err(damaged)?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(Problem::new(
            messages::logo_too_many_pixels(name, width, height, MAX_SIDE),
            size_hint,
        ));
    }
    if width == 0 || height == 0 {
        return Err(Problem::new(messages::logo_no_pixels(name), size_hint));
    }
    reader().decode().map_err(damaged)?;
    Ok(())
}

fn check_svg(data: &[u8], name: &str) -> Result<(), Problem> {
    let problem =
        |what: String| Problem::new(messages::svg_problem(name, &what), messages::svg_hint());
    let text = std::str::from_utf8(data).map_err(|_| problem(messages::svg_not_utf8()))?;
    // roxmltree refuses DTDs (and so entity bombs) unless asked to allow them.
    let document =
        roxmltree::Document::parse(text).map_err(|e| problem(messages::svg_invalid(&e)))?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" {
        return Err(problem(messages::svg_not_svg(root.tag_name().name())));
    }
    for node in document.descendants() {
        let position = document.text_pos_at(node.range().start);
        let at = messages::svg_position(position.row, position.col);
        if node.is_element() {
            let element = node.tag_name().name();
            if FORBIDDEN_ELEMENTS.contains(&element) {
                return Err(problem(messages::svg_forbidden_element(element, &at)));
            }
            for attribute in node.attributes() {
                let attribute_name = attribute.name();
                let value = attribute.value();
                if attribute_name.to_ascii_lowercase().starts_with("on") {
                    return Err(problem(messages::svg_event_handler(attribute_name, &at)));
                }
                if matches!(attribute_name, "href" | "src") && !is_local_reference(value) {
                    return Err(problem(messages::svg_reference(&shorten(value), &at)));
                }
                if let Some(target) = external_url(value) {
                    return Err(problem(messages::svg_reference(&shorten(target), &at)));
                }
            }
        } else if node.is_text()
            && node
                .parent_element()
                .is_some_and(|p| p.tag_name().name() == "style")
            && let Some(target) = node.text().and_then(external_url)
        {
            return Err(problem(messages::svg_style_reference(
                &shorten(target),
                &at,
            )));
        }
    }
    usvg::Tree::from_data(data, &usvg::Options::default())
        .map_err(|e| problem(messages::svg_cannot_draw(&e)))?;
    Ok(())
}

/// A link target inside the file (`#id`) or an embedded raster image.
fn is_local_reference(value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    value.starts_with('#')
        || [
            "data:image/png",
            "data:image/jpeg",
            "data:image/webp",
            "data:image/gif",
        ]
        .iter()
        .any(|prefix| value.starts_with(prefix))
}

/// A reference to something outside the file in an attribute value or a style sheet: a
/// `url(…)` not pointing at `#id`, an `@import`, or a `javascript:` URL anywhere (animations
/// can set one as a link target).
fn external_url(value: &str) -> Option<&str> {
    let lower = value.to_ascii_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.contains("javascript:") || compact.contains("@import") {
        return Some(value);
    }
    let mut rest = compact.as_str();
    while let Some(start) = rest.find("url(") {
        rest = &rest[start + 4..];
        let target = rest.trim_start_matches(['"', '\'']);
        if !is_local_reference(target) {
            return Some(value);
        }
    }
    None
}

/// The first 60 characters of `text`.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(body: &str) -> Result<(), Problem> {
        check_svg(
            format!(r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{body}</svg>"#).as_bytes(),
            "logo.svg",
        )
    }

    #[test]
    fn plain_svg_passes() {
        svg(r##"<defs><linearGradient id="g"/></defs><rect width="5" height="5" fill="url(#g)"/><use href="#g"/>"##).unwrap();
    }

    #[test]
    fn svg_that_could_run_code_or_load_something_is_refused() {
        for (body, expected) in [
            ("<script>alert(1)</script>", "<script>"),
            (r#"<rect onload="alert(1)"/>"#, "event handler `onload`"),
            ("<foreignObject><div/></foreignObject>", "<foreignObject>"),
            (
                r#"<image href="https://tracker.example.com/x.png"/>"#,
                "https://tracker",
            ),
            (
                r#"<a xlink:href="javascript:alert(1)"><rect/></a>"#,
                "javascript:",
            ),
            (r#"<image href="file:///etc/passwd"/>"#, "file:///etc"),
            (
                r#"<image href="data:text/html,&lt;script&gt;"/>"#,
                "data:text/html",
            ),
            (r#"<rect fill="url(https://example.com/x)"/>"#, "url(https"),
            (
                r#"<set attributeName="href" to="javascript:alert(1)"/>"#,
                "javascript:",
            ),
            (
                "<style>@import url(https://example.com/a.css);</style>",
                "in its styles",
            ),
        ] {
            let problem = svg(body).expect_err(body);
            assert!(
                problem.message.contains(expected),
                "{body}: {}",
                problem.message
            );
        }
        let dtd = br#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>"#;
        assert!(
            check_svg(dtd, "l.svg")
                .unwrap_err()
                .message
                .contains("not a valid SVG")
        );
        assert!(
            check_svg(b"<html/>", "l.svg")
                .unwrap_err()
                .message
                .contains("<html>")
        );
    }

    #[test]
    fn raster_size_is_read_from_the_header_before_decoding() {
        // A PNG header claiming 60000 × 60000 pixels, with no image data at all.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(60000u32.to_be_bytes());
        png.extend(60000u32.to_be_bytes());
        png.extend([8, 2, 0, 0, 0]);
        let crc = crc32(&png[12..]);
        png.extend(crc.to_be_bytes());
        // The start of the image data: the decoder reads up to it before it knows the size.
        png.extend(b"\0\0\0\x02IDAT\x78\x9c");
        let crc = crc32(&png[png.len() - 6..]);
        png.extend(crc.to_be_bytes());
        let problem = check_raster(&png, image::ImageFormat::Png, "l.png", "").unwrap_err();
        assert!(
            problem.message.contains("60000 × 60000 pixels"),
            "{}",
            problem.message
        );
        let problem = check_raster(b"not a png", image::ImageFormat::Png, "l.png", "").unwrap_err();
        assert!(
            problem.message.contains("not a readable PNG image"),
            "{}",
            problem.message
        );
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
