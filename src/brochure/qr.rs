//! QR codes as tiny raw greyscale images: one pixel per module, which the template scales up
//! without smoothing (`scaling: "pixelated"`), so the modules print as sharp squares.
//!
//! This replaced SVG: typst parsed each code's SVG into a vector tree and the PDF export drew it
//! path by path, which made the QR codes about a sixth of a brochure's time and a tenth of its
//! memory. A 33 × 33 pixel image costs next to nothing to decode and embed, and it shows the same
//! modules (the same mask, chosen by the `qrcode` crate as before).

use serde::Serialize;

use super::BrochureError;

/// Light modules around the code: the quiet zone ISO/IEC 18004 asks for. It is part of the
/// image, so the code keeps it whatever is printed around it (a caption, a coloured cover).
pub const QUIET_ZONE: usize = 4;

/// A QR code served to typst as raw `luma8` pixels at `path`.
#[derive(Debug, Serialize)]
pub struct QrImage {
    /// The virtual path the pixels are served at.
    pub path: String,
    /// Modules per side including the quiet zone on each side, i.e. the image's width and
    /// height in pixels.
    pub modules: usize,
    /// One byte per module, row by row: 0 dark, 255 light. Served as a file, not in the JSON.
    #[serde(skip)]
    pub pixels: Vec<u8>,
}

/// The QR code of `url` (error correction level M), to be served at `path`.
pub fn encode(url: &str, path: String) -> Result<QrImage, BrochureError> {
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| BrochureError::Qr {
        url: url.to_owned(),
        message: e.to_string(),
    })?;
    let width = code.width();
    let modules = width + 2 * QUIET_ZONE;
    let mut pixels = vec![255; modules * modules];
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            pixels[(i / width + QUIET_ZONE) * modules + i % width + QUIET_ZONE] = 0;
        }
    }
    Ok(QrImage {
        path,
        modules,
        pixels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_byte_per_module_with_a_quiet_zone_and_dark_finder_corners() {
        let qr = encode("https://example.org/de/x/", "/qr/x".into()).unwrap();
        assert_eq!(qr.pixels.len(), qr.modules * qr.modules);
        // Version 2 or more for a URL this long: 25 modules or more, 4k + 17 in general.
        let code = qr.modules - 2 * QUIET_ZONE;
        assert!(code >= 25 && (code - 17).is_multiple_of(4), "{code}");
        let n = qr.modules;
        let q = QUIET_ZONE;
        // The quiet zone is light all round.
        for i in 0..n {
            for j in 0..q {
                for (x, y) in [(i, j), (i, n - 1 - j), (j, i), (n - 1 - j, i)] {
                    assert_eq!(qr.pixels[y * n + x], 255, "({x}, {y})");
                }
            }
        }
        // The finder patterns' outer corners are dark.
        for (x, y) in [(q, q), (n - 1 - q, q), (q, n - 1 - q)] {
            assert_eq!(qr.pixels[y * n + x], 0, "({x}, {y})");
        }
        assert!(qr.pixels.iter().all(|&p| p == 0 || p == 255));
    }
}
