//! QR codes as tiny raw greyscale images: one pixel per module, which the template scales up
//! without smoothing (`scaling: "pixelated"`), so the modules print as sharp squares.
//!
//! This replaced SVG: typst parsed each code's SVG into a vector tree and the PDF export drew it
//! path by path, which made the QR codes about a sixth of a brochure's time and a tenth of its
//! memory. A 33 × 33 pixel image costs next to nothing to decode and embed, and it shows the same
//! modules (the same mask, chosen by the `qrcode` crate as before).

use serde::Serialize;

use super::BrochureError;

/// A QR code served to typst as raw `luma8` pixels at `path`.
#[derive(Debug, Serialize)]
pub struct QrImage {
    /// The virtual path the pixels are served at.
    pub path: String,
    /// Modules per side, i.e. the image's width and height in pixels (no quiet zone: the page
    /// around the code is white).
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
    let pixels = code
        .to_colors()
        .into_iter()
        .map(|color| match color {
            qrcode::Color::Dark => 0,
            qrcode::Color::Light => 255,
        })
        .collect();
    Ok(QrImage {
        path,
        modules: code.width(),
        pixels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_byte_per_module_with_dark_finder_corners() {
        let qr = encode("https://example.org/de/x/", "/qr/x".into()).unwrap();
        assert_eq!(qr.pixels.len(), qr.modules * qr.modules);
        // Version 2 or more for a URL this long: 25 modules or more, 4k + 17 in general.
        assert!(
            qr.modules >= 25 && (qr.modules - 17).is_multiple_of(4),
            "{}",
            qr.modules
        );
        // The finder patterns' outer corners are dark.
        let n = qr.modules;
        for (x, y) in [(0, 0), (n - 1, 0), (0, n - 1)] {
            assert_eq!(qr.pixels[y * n + x], 0, "({x}, {y})");
        }
        assert!(qr.pixels.iter().all(|&p| p == 0 || p == 255));
    }
}
