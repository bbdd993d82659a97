//! The fonts of the brochure, compiled into the binary.
//!
//! They are embedded with `include_bytes!` rather than read from `theme/fonts/` at run time so
//! that the brochure looks the same whatever the content root or working directory is, a
//! content folder of another town needs no copy of them, and the output cannot change because
//! a file on disk did. typst's own fonts (Libertinus, New Computer Modern) are deliberately not
//! offered: with only these fonts in the book, a character they lack is an error at PDF/A export
//! instead of a silent fallback to a font that does not match.

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The font families, in the order typst tries them for each character.
pub const FAMILIES: [&str; 3] = ["Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic"];

/// The bundled font files (see theme/fonts/LICENSE).
const FILES: [&[u8]; 8] = [
    include_bytes!("../../theme/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../theme/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../theme/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../theme/fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../../theme/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../theme/fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../../theme/fonts/NotoSansEthiopic-Regular.ttf"),
    include_bytes!("../../theme/fonts/NotoSansEthiopic-Bold.ttf"),
];

/// The parsed fonts and their book, in a fixed order (which keeps the PDF reproducible).
#[derive(Debug)]
pub struct Fonts {
    /// What typst knows about each font, in the order of `fonts`.
    pub book: LazyHash<FontBook>,
    /// The parsed fonts.
    pub fonts: Vec<Font>,
}

impl Fonts {
    /// Parses the bundled fonts.
    pub fn load() -> Fonts {
        let fonts: Vec<Font> = FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }
}

/// The fonts, parsed once per process and shared by every render.
pub fn shared() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(Fonts::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_file_is_a_font_of_a_known_family() {
        let fonts = Fonts::load();
        assert_eq!(fonts.fonts.len(), FILES.len());
        for font in &fonts.fonts {
            assert!(
                FAMILIES.contains(&font.info().family.as_str()),
                "{}",
                font.info().family
            );
        }
    }
}
