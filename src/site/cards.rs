//! The actor cards of the listing pages. An actor appears on several listings of a language (its
//! topics, its target groups, A–Z); its card is rendered once per language, heading level and
//! link prefix, and joined into every listing that shows it.
//!
//! The listing template prints a placeholder for each list of cards; [`Cards::splice`] puts the
//! cards in its place. With [`Minify::SharedFragments`](super::Minify) the cards are minified
//! once and spliced into the minified page, so the bulk of a listing is never minified again.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Tera};

use super::views::{ActorSummary, Viewer};
use super::{minify, render_html};
use crate::catalog::Catalog;
use crate::render::RenderError;

/// One `<ul class="cards">` of a listing page: the actors (indexes into the catalogue) in order,
/// with the heading level of their names.
pub struct CardList {
    pub level: u8,
    pub actors: Vec<usize>,
}

/// What the listing template prints where the `n`-th list of cards goes. It cannot occur in
/// escaped text, and minifying leaves it as it is.
pub fn placeholder(n: usize) -> String {
    format!("<steckbrief-cards-{n}></steckbrief-cards-{n}>")
}

/// How many actors' summaries [`Cards::render`] holds at a time.
const SUMMARIES_AT_ONCE: usize = 512;

/// Every actor's card in one language, per heading level and link prefix (`root`), in catalogue
/// order.
pub struct Cards {
    rendered: HashMap<(u8, String), Vec<Arc<str>>>,
    minified: bool,
}

impl Cards {
    /// Renders the cards of all actors of `catalog` in `language` for each `(level, root)` in
    /// `variants`; minified if `minified`.
    pub fn render(
        tera: &Tera,
        catalog: &Catalog,
        language: &str,
        variants: &BTreeSet<(u8, String)>,
        minified: bool,
    ) -> Result<Cards, RenderError> {
        let all: Vec<usize> = (0..catalog.actors.len()).collect();
        let mut rendered: HashMap<_, Vec<Arc<str>>> = variants
            .iter()
            .map(|variant| (variant.clone(), Vec::with_capacity(all.len())))
            .collect();
        // The summaries of a few hundred actors at a time: those of ten thousand took megabytes
        // while the cards rendered.
        for actors in all.chunks(SUMMARIES_AT_ONCE) {
            let summaries = summaries(catalog, language, actors);
            for (variant, cards) in &mut rendered {
                cards.extend(render_cards(
                    tera, catalog, language, variant, &summaries, minified,
                )?);
            }
        }
        Ok(Cards { rendered, minified })
    }

    /// The cards of `catalog` after only the actors in `scope` changed, taking every other card
    /// from `self`, the cards of the previous catalogue (whose actor at index `i` is the one at
    /// `previous[i]` now, `None` for one that was not there). Returns whether a card of the
    /// actors in `scope` differs from before.
    pub fn update(
        &self,
        tera: &Tera,
        catalog: &Catalog,
        language: &str,
        scope: &BTreeSet<String>,
        previous: &[Option<usize>],
    ) -> Result<(Cards, bool), RenderError> {
        let edited: Vec<usize> = (0..catalog.actors.len())
            .filter(|&i| scope.contains(&catalog.actors[i].slug))
            .collect();
        let summaries = summaries(catalog, language, &edited);
        let mut changed = false;
        let mut rendered = HashMap::new();
        for (variant, before) in &self.rendered {
            let fresh = render_cards(tera, catalog, language, variant, &summaries, self.minified)?;
            let mut fresh = edited.iter().zip(fresh).collect::<HashMap<_, _>>();
            let cards = previous
                .iter()
                .enumerate()
                .map(|(i, old)| {
                    let old = old.map(|old| &before[old]);
                    match fresh.remove(&i) {
                        Some(card) => {
                            changed |= old.is_none_or(|old| *old != card);
                            card
                        }
                        None => Arc::clone(old.expect("an unchanged actor has a card")),
                    }
                })
                .collect();
            rendered.insert(variant.clone(), cards);
        }
        let cards = Cards {
            rendered,
            minified: self.minified,
        };
        Ok((cards, changed))
    }

    /// Replaces the placeholder of each list in `page`, in order, with its cards for `root`.
    pub fn splice(&self, page: Vec<u8>, lists: &[CardList], root: &str) -> Vec<u8> {
        if lists.is_empty() {
            return page;
        }
        let mut out = Vec::new();
        // Writing into memory cannot fail.
        let _ = self.write_spliced(&page, lists, root, &mut out);
        out
    }

    /// Writes `page` into `out` with the placeholder of each list, in order, replaced by its
    /// cards for `root`, piece by piece: an A–Z page of ten thousand actors is megabytes.
    pub fn write_spliced(
        &self,
        page: &[u8],
        lists: &[CardList],
        root: &str,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let mut rest = page;
        for (n, list) in lists.iter().enumerate() {
            let marker = placeholder(n);
            let Some(at) = find(rest, marker.as_bytes()) else {
                continue;
            };
            out.write_all(&rest[..at])?;
            let cards = &self.rendered[&(list.level, root.to_owned())];
            for &actor in &list.actors {
                out.write_all(cards[actor].as_bytes())?;
            }
            rest = &rest[at + marker.len()..];
        }
        out.write_all(rest)
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// What the cards of the actors at `actors` (indexes into the catalogue) show in `language`.
fn summaries(catalog: &Catalog, language: &str, actors: &[usize]) -> Vec<ActorSummary> {
    let viewer = Viewer { catalog, language };
    actors
        .par_iter()
        .map(|&actor| viewer.summary(&catalog.actors[actor]))
        .collect()
}

/// The cards of `summaries` in `language` for one `(level, root)` variant, in that order.
fn render_cards(
    tera: &Tera,
    catalog: &Catalog,
    language: &str,
    (level, root): &(u8, String),
    summaries: &[ActorSummary],
    minified: bool,
) -> Result<Vec<Arc<str>>, RenderError> {
    // Only the strings a card shows: the context is built once per card.
    let strings = serde_json::json!({"call": catalog.i18n.get(language, "call")});
    let source = catalog.config.source_language.as_str();
    summaries
        .par_iter()
        .map(|summary| {
            let mut context = Context::new();
            context.insert("a", summary);
            context.insert("level", level);
            context.insert("root", root);
            context.insert("t", &strings);
            context.insert("lang", &serde_json::json!({"code": language}));
            context.insert("source_lang", source);
            let html = render_html(tera, "card.html", &context)?;
            Ok(if minified {
                String::from_utf8(minify(html.as_bytes()))
                    .expect("minified UTF-8")
                    .into()
            } else {
                html.into()
            })
        })
        .collect()
}
