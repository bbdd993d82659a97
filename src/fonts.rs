//! The fonts of the brochure, compiled into the binary.
//!
//! They are embedded with `include_bytes!` rather than read from `theme/fonts/` at run time so
//! that the brochure looks the same whatever the content root or working directory is, a
//! content folder of another town needs no copy of them, and the output cannot change because
//! a file on disk did. typst's own fonts (Libertinus, New Computer Modern) are deliberately not
//! offered: with only these fonts in the book, a character they lack is an error at PDF/A export
//! instead of a silent fallback to a font that does not match. Noto Sans Math (arrows and
//! mathematical signs only: ≤, →), Noto Sans Symbols, Noto Sans Symbols 2 and the monochrome Noto
//! Emoji come last, as fallbacks for what Noto Sans lacks, so that symbols and ordinary emoji
//! (☎, ✅, 👩) print; `check` refuses any other character that none of them has ([`can_print`]).

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The font families, in the order typst tries them for each character (the list in
/// templates/brochure.typ).
pub const FAMILIES: [&str; 7] = [
    "Noto Sans",
    "Noto Naskh Arabic",
    "Noto Sans Ethiopic",
    "Noto Sans Math",
    "Noto Sans Symbols",
    "Noto Sans Symbols2",
    "Noto Emoji",
];

/// The bundled font files (see theme/fonts/LICENSE). A `static`, not a `const`: a `const` is
/// copied into each place that uses it, and the release binary held the 5 MB of fonts twice.
static FILES: [&[u8]; 12] = [
    include_bytes!("../theme/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../theme/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../theme/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../theme/fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../theme/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../theme/fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../theme/fonts/NotoSansEthiopic-Regular.ttf"),
    include_bytes!("../theme/fonts/NotoSansEthiopic-Bold.ttf"),
    include_bytes!("../theme/fonts/NotoSansMath-Regular.ttf"),
    include_bytes!("../theme/fonts/NotoSansSymbols-Regular.ttf"),
    include_bytes!("../theme/fonts/NotoSansSymbols2-Regular.ttf"),
    include_bytes!("../theme/fonts/NotoEmoji-Regular.ttf"),
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

/// Whether the brochure can print `c`: some bundled font has a glyph for it, or it is a
/// character that shaping hides when a font lacks it (joiners, variation selectors, direction
/// marks, the soft hyphen) or that is laid out as space or a line break.
pub fn can_print(c: char) -> bool {
    if matches!(c, ' '..='~' | '\t' | '\n' | '\r') {
        return true;
    }
    if is_invisible_format(c) {
        return true;
    }
    covered(c)
}

/// Whether some bundled font has a glyph for `c`, from a bit set over all of Unicode built once
/// (136 KiB). typst's `Coverage::contains` walks a font's runs from the start, and `check` asks
/// for every character of every text.
fn covered(c: char) -> bool {
    static COVERED: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let bits = COVERED.get_or_init(|| {
        let mut bits = vec![0u64; (char::MAX as usize + 1).div_ceil(64)];
        for font in &shared().fonts {
            for code in font.info().coverage.iter() {
                if let Some(word) = bits.get_mut(code as usize / 64) {
                    *word |= 1 << (code % 64);
                }
            }
        }
        bits
    });
    let code = c as usize;
    bits[code / 64] & (1 << (code % 64)) != 0
}

/// Default-ignorable characters that typst's shaper drops when the font has no glyph for them.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{E0000}'..='\u{E0FFF}')
}

/// The fonts, parsed once per process and shared by every render.
pub fn shared() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(Fonts::load)
}

/// The SHA-256 of the bundled font files, computed once: a brochure depends on them, so the
/// brochure cache's key does.
pub fn fingerprint() -> &'static [u8] {
    use sha2::Digest;
    static FINGERPRINT: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    FINGERPRINT.get_or_init(|| {
        let mut hash = sha2::Sha256::new();
        for data in FILES {
            hash.update((data.len() as u64).to_le_bytes());
            hash.update(data);
        }
        hash.finalize().to_vec()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_file_is_a_font_of_a_known_family() {
        let fonts = Fonts::load();
        assert_eq!(fonts.fonts.len(), FILES.len());
        let families: std::collections::BTreeSet<&str> = fonts
            .fonts
            .iter()
            .map(|f| f.info().family.as_str())
            .collect();
        assert_eq!(families.len(), FAMILIES.len(), "{families:?}");
        for font in &fonts.fonts {
            assert!(
                FAMILIES.contains(&font.info().family.as_str()),
                "{}",
                font.info().family
            );
        }
    }

    #[test]
    fn the_bit_set_holds_exactly_the_fonts_coverage() {
        let fonts = shared();
        let expected: std::collections::HashSet<u32> = fonts
            .fonts
            .iter()
            .flat_map(|font| font.info().coverage.iter())
            .collect();
        assert!(expected.len() > 5000, "{}", expected.len());
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert_eq!(covered(c), expected.contains(&(c as u32)), "{c:?}");
        }
        // typst's own lookup agrees on a sample.
        for c in ['a', 'ß', 'ب', '☎', '👩', '\u{E000}', '漢'] {
            let typst = fonts
                .fonts
                .iter()
                .any(|f| f.info().coverage.contains(c as u32));
            assert_eq!(covered(c), typst, "{c:?}");
        }
    }

    #[test]
    fn emoji_and_symbols_print_but_private_use_does_not() {
        for c in [
            'a', 'ß', 'ж', 'ب', 'ሀ', '€', '≤', '→', '♪', '☎', '✅', '👩', '\u{200D}', '\u{FE0F}',
        ] {
            assert!(can_print(c), "{c:?}");
        }
        for c in ['\u{E000}', '\u{10FFFD}', '漢', '\u{FFFE}'] {
            assert!(!can_print(c), "{c:?}");
        }
    }
}
