//! The messages editors read (diagnostics, hints, progress and summary lines, the status
//! report), in German and English.
//!
//! Every message is one function in `catalog.rs`, declared with the `messages!` macro, which
//! demands a German and an English text for each: a missing translation does not compile, and
//! a placeholder one language leaves out is an unused argument, which is refused too
//! (`deny(unused_variables)`). A text is a `format!` string naming the arguments
//! (``"unbekanntes Feld `{name}`"``) or a block that builds it (for plurals).
//!
//! The language is chosen once per process ([`set_language`]; the binary takes `--lang`, the
//! locale or the content's source language); [`in_language`] renders something in another
//! language on the current thread (the `/report/` page in the site's source language).
//! The library's default is English, so that its unit tests do not depend on the machine.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language messages are available in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// German, the editors' language and the default for German content.
    De,
    /// English.
    En,
}

impl Language {
    /// The language for a code or locale such as `de`, `de_DE.UTF-8` or `en-GB`, if any.
    pub fn from_code(code: &str) -> Option<Language> {
        let primary: String = code
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Language::De),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::En => "en",
        }
    }
}

static PROCESS_LANGUAGE: AtomicU8 = AtomicU8::new(1);

thread_local! {
    static THREAD_LANGUAGE: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Sets the language of every message from now on (the binary does this once, at start).
pub fn set_language(language: Language) {
    PROCESS_LANGUAGE.store(language as u8, Ordering::Relaxed);
}

/// The language messages are written in on this thread.
pub fn language() -> Language {
    THREAD_LANGUAGE.with(Cell::get).unwrap_or_else(|| {
        if PROCESS_LANGUAGE.load(Ordering::Relaxed) == Language::De as u8 {
            Language::De
        } else {
            Language::En
        }
    })
}

/// Runs `f` with messages in `language` on the current thread.
pub fn in_language<R>(language: Language, f: impl FnOnce() -> R) -> R {
    let previous = THREAD_LANGUAGE.with(|l| l.replace(Some(language)));
    let result = f();
    THREAD_LANGUAGE.with(|l| l.set(previous));
    result
}

/// `one` or `many` by `n` (German and English plurals need no more).
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `n` with the thousands separator of the current language: 104.800 or 104,800.
pub fn number(n: usize) -> String {
    let separator = match language() {
        Language::De => '.',
        Language::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// Declares message functions: `name(arg: Type, …) { de: TEXT, en: TEXT }`, where TEXT is a
/// `format!` string literal using the arguments by name, or a block returning a `String`.
macro_rules! messages {
    ($(
        $(#[$doc:meta])*
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) { de: $de:tt, en: $en:tt $(,)? }
    )*) => {
        $(
            $(#[$doc])*
            pub fn $name($($arg: $ty),*) -> String {
                #[deny(unused_variables)]
                fn de($($arg: $ty),*) -> String { messages!(@text $de) }
                #[deny(unused_variables)]
                fn en($($arg: $ty),*) -> String { messages!(@text $en) }
                match $crate::messages::language() {
                    $crate::messages::Language::De => de($($arg),*),
                    $crate::messages::Language::En => en($($arg),*),
                }
            }
        )*
    };
    (@text $text:literal) => { format!($text) };
    (@text $text:block) => { $text };
}

mod catalog;

pub use catalog::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_languages() {
        assert_eq!(Language::from_code("de_DE.UTF-8"), Some(Language::De));
        assert_eq!(Language::from_code("en-GB"), Some(Language::En));
        assert_eq!(Language::from_code("C.UTF-8"), None);
        assert_eq!(Language::from_code("fr"), None);
    }

    #[test]
    fn a_thread_can_speak_another_language() {
        assert_eq!(in_language(Language::De, || number(104_800)), "104.800");
        assert_eq!(in_language(Language::En, || number(104_800)), "104,800");
    }
}
