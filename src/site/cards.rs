//! The actor cards of the listing pages. An actor appears on several listings of a language (its
//! topics, its target groups, A–Z); its card is rendered once per language, heading level and
//! link prefix, and joined into every listing that shows it.
//!
//! The listing template prints a placeholder for each list of cards; [`Cards::splice`] puts the
//! cards in its place. With [`Minify::SharedFragments`](super::Minify) the cards are minified
//! once and spliced into the minified page, so the bulk of a listing is never minified again.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use tera::{Context, Tera};

use super::views::Viewer;
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

/// Every actor's card in one language, per heading level and link prefix (`root`).
pub struct Cards {
    rendered: HashMap<(u8, String), Vec<String>>,
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
        let viewer = Viewer { catalog, language };
        let summaries: Vec<_> = catalog
            .actors
            .par_iter()
            .map(|a| viewer.summary(a))
            .collect();
        // Only the strings a card shows: the context is built once per card.
        let strings = serde_json::json!({"call": catalog.i18n.get(language, "call")});
        let source = catalog.config.source_language.as_str();
        let mut rendered = HashMap::new();
        for (level, root) in variants {
            let cards = summaries
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
                        String::from_utf8(minify(html.as_bytes())).expect("minified UTF-8")
                    } else {
                        html
                    })
                })
                .collect::<Result<Vec<String>, RenderError>>()?;
            rendered.insert((*level, root.clone()), cards);
        }
        Ok(Cards { rendered })
    }

    /// Replaces the placeholder of each list in `page`, in order, with its cards for `root`.
    pub fn splice(&self, page: Vec<u8>, lists: &[CardList], root: &str) -> Vec<u8> {
        if lists.is_empty() {
            return page;
        }
        let page = String::from_utf8(page).expect("pages are UTF-8");
        let mut out = String::with_capacity(page.len() * 2);
        let mut rest = page.as_str();
        for (n, list) in lists.iter().enumerate() {
            let marker = placeholder(n);
            let Some(at) = rest.find(&marker) else {
                continue;
            };
            out.push_str(&rest[..at]);
            let cards = &self.rendered[&(list.level, root.to_owned())];
            for &actor in &list.actors {
                out.push_str(&cards[actor]);
            }
            rest = &rest[at + marker.len()..];
        }
        out.push_str(rest);
        out.into_bytes()
    }
}
