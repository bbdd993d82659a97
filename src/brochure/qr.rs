//! QR codes as tiny raw greyscale images: one pixel per module, which the template scales up
//! without smoothing (`scaling: "pixelated"`), so the modules print as sharp squares.
//!
//! This replaced SVG: typst parsed each code's SVG into a vector tree and the PDF export drew it
//! path by path, which made the QR codes about a sixth of a brochure's time and a tenth of its
//! memory. A 33 × 33 pixel image costs next to nothing to decode and embed, and it shows the same
//! modules (the same mask, chosen by the `qrcode` crate as before).
//!
//! The view carries each code's size only; its pixels are made when typst is about to lay the
//! brochure out ([`QrImage::pixels`]). Choosing a code's mask is most of the work of the data,
//! and a brochure taken from the cache needs none of it: its key hashes the URL instead.

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
    /// The URL it encodes (the pixels are made from it on demand, not sent in the JSON).
    #[serde(skip)]
    pub url: String,
}

fn failed(url: &str, error: qrcode::types::QrError) -> BrochureError {
    BrochureError::Qr {
        url: url.to_owned(),
        message: error.to_string(),
    }
}

/// The QR code of `url` (error correction level M), to be served at `path`: its size now (the
/// version the data needs, as [`qrcode::QrCode::new`] picks it), its pixels on demand.
pub fn encode(url: &str, path: String) -> Result<QrImage, BrochureError> {
    let bits = qrcode::bits::encode_auto(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| failed(url, e))?;
    let width = usize::try_from(bits.version().width()).unwrap_or_default();
    Ok(QrImage {
        path,
        modules: width + 2 * QUIET_ZONE,
        url: url.to_owned(),
    })
}

/// The pixels of the QR code of `url` (see [`encode`]): one byte per module including the quiet
/// zone, row by row, 0 dark, 255 light.
pub fn pixels(url: &str) -> Result<Vec<u8>, BrochureError> {
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| failed(url, e))?;
    let width = code.width();
    let modules = width + 2 * QUIET_ZONE;
    let mut pixels = vec![255; modules * modules];
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            pixels[(i / width + QUIET_ZONE) * modules + i % width + QUIET_ZONE] = 0;
        }
    }
    Ok(pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_byte_per_module_with_a_quiet_zone_and_dark_finder_corners() {
        let qr = encode("https://example.org/de/x/", "/qr/x".into()).unwrap();
        let pixels = pixels(&qr.url).unwrap();
        assert_eq!(pixels.len(), qr.modules * qr.modules);
        // Version 2 or more for a URL this long: 25 modules or more, 4k + 17 in general.
        let code = qr.modules - 2 * QUIET_ZONE;
        assert!(code >= 25 && (code - 17).is_multiple_of(4), "{code}");
        let n = qr.modules;
        let q = QUIET_ZONE;
        // The quiet zone is light all round.
        for i in 0..n {
            for j in 0..q {
                for (x, y) in [(i, j), (i, n - 1 - j), (j, i), (n - 1 - j, i)] {
                    assert_eq!(pixels[y * n + x], 255, "({x}, {y})");
                }
            }
        }
        // The finder patterns' outer corners are dark.
        for (x, y) in [(q, q), (n - 1 - q, q), (q, n - 1 - q)] {
            assert_eq!(pixels[y * n + x], 0, "({x}, {y})");
        }
        assert!(pixels.iter().all(|&p| p == 0 || p == 255));
    }

    /// The size sent in the JSON before the pixels exist is the size of the pixels made later,
    /// for short and long URLs (versions 2 to 10 and more).
    #[test]
    fn the_size_is_the_size_of_the_code() {
        let long = format!("https://example.org/{}/", "x".repeat(300));
        for url in ["https://a.example/", long.as_str()] {
            let qr = encode(url, "/qr/x".into()).unwrap();
            assert_eq!(pixels(url).unwrap().len(), qr.modules * qr.modules, "{url}");
        }
    }
}
