//! The site as `steckbrief serve` holds it, and what a save renders again.
//!
//! `serve` keeps every file as a shared buffer ([`Preview`]), so that a save replaces the files
//! it changes and copies none of the others, and beside them a [`Memo`] of what a later save can
//! reuse: the parsed templates and theme, every actor's listing cards and search-index entry per
//! language, and the topics and target groups each actor is listed under.
//!
//! After a save that changed only files inside actor folders, with the same actors as before,
//! [`Preview::after_save`] renders only what those actors appear on: their own pages and contact
//! cards in every language; in each language where one of their cards, their place in the
//! order (a new name) or their topics and target groups changed, the listings they appear on
//! (before and after the save) and A–Z; the home page of each language whose search index or
//! listing counts changed, with that index; the service worker, which lists the indexes. A
//! listing left empty disappears. Anything else — config.yaml, the interface strings, content
//! pages, numbers, templates, theme, an actor added, removed or renamed, a new day — renders the
//! whole site again, as does a change the watcher did not report.
//!
//! The sitemap and the status report depend on every actor; `serve` renders them when they are
//! requested ([`Preview::on_request`]), as it does the open data and the brochures, and drops
//! them at the next save. The result equals a full build file for file (tests/incremental.rs).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use tera::Tera;

use super::assets::{self, Asset, Assets};
use super::cards::Cards;
use super::views::rel;
use super::{
    LanguageRender, Minify, Options, REPORT_PATH, SharedContext, language_jobs, language_jobs_at,
    offline, offline_assets, render_job, render_site, report_page, search, sitemap,
    sitemap_alternates, write_vcard,
};
use crate::catalog::{Actor, Catalog};
use crate::render::{Collect, Files, RenderError};
use crate::urls;

/// Files by path (relative to the site root, with `/`), each a buffer shared between the site
/// before and after a save.
pub type SharedFiles = BTreeMap<String, Arc<[u8]>>;

/// Whether the site's file at `path` is rendered only when requested: the sitemap and the status
/// report. (`serve` renders the open data on request too, see [`crate::build::on_request`].)
pub fn on_request(path: &str) -> bool {
    path == sitemap::PATH || path == REPORT_PATH
}

/// The site `serve` shows.
#[derive(Default)]
pub struct Preview {
    files: SharedFiles,
    /// The files rendered on request (and brochures) since the last save, dropped at the next.
    requested: BTreeSet<String>,
    /// What a save can reuse; `None` before the first good build.
    memo: Option<Memo>,
}

/// What [`Preview::after_save`] made: a new site, or the files that changed.
pub enum Update {
    /// The whole site, rendered again.
    Whole(Preview),
    /// The files to write and to remove, the rest kept.
    Changes {
        put: Vec<(String, Arc<[u8]>)>,
        remove: Vec<String>,
        memo: Memo,
        /// Pages rendered, counting every language.
        pages: usize,
    },
}

impl Update {
    /// How many pages were rendered, or `None` for the whole site.
    pub fn pages(&self) -> Option<usize> {
        match self {
            Update::Whole(_) => None,
            Update::Changes { pages, .. } => Some(*pages),
        }
    }
}

/// What a save can reuse of the last render (see the module documentation).
pub struct Memo {
    tera: Arc<Tera>,
    assets: Arc<Assets>,
    today: jiff::civil::Date,
    brochure_languages: Vec<String>,
    minify: Minify,
    /// The actors in catalogue order, with the listings they appear on.
    actors: Vec<Footprint>,
    /// The URLs of the actors' logos, by slug.
    logos: BTreeMap<String, String>,
    /// Per configured language, in order.
    languages: Vec<LanguageMemo>,
}

/// What one language's pages share: cards and search-index entries in catalogue order.
pub(super) struct LanguageMemo {
    pub(super) code: String,
    pub(super) cards: Cards,
    pub(super) search: Vec<Arc<str>>,
    pub(super) search_url: String,
}

/// Where an actor is listed besides A–Z.
#[derive(PartialEq, Eq)]
struct Footprint {
    slug: String,
    topics: Vec<String>,
    target_groups: Vec<String>,
}

impl Footprint {
    fn of(actor: &Actor) -> Footprint {
        Footprint {
            slug: actor.slug.clone(),
            topics: actor.topics.clone(),
            target_groups: actor.target_groups.clone(),
        }
    }

    /// The URLs of its topic and target-group listings in `language`.
    fn listings(&self, language: &str) -> impl Iterator<Item = String> {
        let topics = self.topics.iter().map(move |id| urls::topic(language, id));
        let groups = self.target_groups.iter();
        topics.chain(groups.map(move |id| urls::target_group(language, id)))
    }
}

impl Memo {
    pub(super) fn new(
        catalog: &Catalog,
        options: &Options<'_>,
        tera: Tera,
        assets: Assets,
        logos: BTreeMap<String, String>,
        languages: Vec<LanguageMemo>,
    ) -> Memo {
        Memo {
            tera: Arc::new(tera),
            assets: Arc::new(assets),
            today: options.today,
            brochure_languages: options.brochure_languages.to_vec(),
            minify: options.minify,
            actors: (catalog.actors.iter().map(Arc::as_ref))
                .map(Footprint::of)
                .collect(),
            logos,
            languages,
        }
    }

    /// Whether a save that changed only the actor folders `scope` can be rendered from this memo:
    /// the same actors, languages, day and options, and every folder an actor's.
    fn covers(&self, catalog: &Catalog, scope: &BTreeSet<String>, options: &Options<'_>) -> bool {
        let slugs = |actors: &mut dyn Iterator<Item = &String>| -> BTreeSet<String> {
            actors.cloned().collect()
        };
        let now = slugs(&mut catalog.actors.iter().map(|a| &a.slug));
        let languages = catalog.config.languages.iter().map(|l| &l.code);
        self.today == options.today
            && self.brochure_languages == options.brochure_languages
            && self.minify == options.minify
            && languages.eq(self.languages.iter().map(|l| &l.code))
            && now == slugs(&mut self.actors.iter().map(|a| &a.slug))
            && scope.is_subset(&now)
    }

    /// Renders what a save that changed the actors in `scope` changed (see the module docs).
    fn update(
        &self,
        catalog: &Catalog,
        scope: &BTreeSet<String>,
        options: &Options<'_>,
    ) -> Result<Update, RenderError> {
        let at: HashMap<&str, usize> = (self.actors.iter().enumerate())
            .map(|(i, actor)| (actor.slug.as_str(), i))
            .collect();
        let previous: Vec<Option<usize>> = (catalog.actors.iter())
            .map(|actor| at.get(actor.slug.as_str()).copied())
            .collect();
        let actors: Vec<Footprint> = (catalog.actors.iter().map(Arc::as_ref))
            .map(Footprint::of)
            .collect();
        let edited: Vec<usize> = (0..actors.len())
            .filter(|&i| scope.contains(&actors[i].slug))
            .collect();
        let regrouped =
            (edited.iter()).any(|&i| previous[i].map(|p| &self.actors[p]) != Some(&actors[i]));
        let mut changes = Changes::default();
        let logos = self.logos_after(catalog, &edited, &mut changes)?;
        let save = Save {
            catalog,
            scope,
            options,
            reordered: previous.iter().enumerate().any(|(i, &p)| p != Some(i)),
            previous,
            actors,
            edited,
            regrouped,
            logos,
        };
        let sink = Collect::default();
        let mut pages = 0;
        let mut languages = Vec::new();
        for memo in &self.languages {
            let (language, rendered) = self.language_after(memo, &save, &sink, &mut changes)?;
            languages.push(language);
            pages += rendered;
        }
        let search_urls: Vec<String> = languages.iter().map(|l| l.search_url.clone()).collect();
        let offline_assets = offline_assets(catalog, &self.assets, &search_urls);
        let worker = offline::service_worker(catalog, &self.assets, &offline_assets);
        let Changes { mut put, remove } = changes;
        put.push((offline::WORKER_PATH.to_owned(), worker.into()));
        put.extend((sink.into_files().into_iter()).map(|(path, bytes)| (path, Arc::from(bytes))));
        let memo = Memo {
            tera: Arc::clone(&self.tera),
            assets: Arc::clone(&self.assets),
            today: self.today,
            brochure_languages: self.brochure_languages.clone(),
            minify: self.minify,
            actors: save.actors,
            logos: save.logos,
            languages,
        };
        Ok(Update::Changes {
            put,
            remove,
            memo,
            pages,
        })
    }

    /// The logos' URLs after the save of the actors at `edited`, each logo that changed
    /// written and the one it replaces removed.
    fn logos_after(
        &self,
        catalog: &Catalog,
        edited: &[usize],
        changes: &mut Changes,
    ) -> Result<BTreeMap<String, String>, RenderError> {
        let mut logos = self.logos.clone();
        for &i in edited {
            let actor = &catalog.actors[i];
            let old = logos.remove(&actor.slug);
            let new = super::actor_logo(actor)?;
            let new_url = new.as_ref().map(|asset| asset.url.clone());
            if let Some(old) = old.filter(|old| Some(old) != new_url.as_ref()) {
                changes.remove.push(old);
            }
            if let Some(Asset { url, bytes }) = new {
                changes.put.push((url.clone(), bytes.into()));
                logos.insert(actor.slug.clone(), url);
            }
        }
        Ok(logos)
    }

    /// Renders into `sink` what the save changed in the language of `memo` (see the module
    /// docs); returns that language's memo after the save and the number of pages rendered.
    fn language_after(
        &self,
        memo: &LanguageMemo,
        save: &Save<'_>,
        sink: &Collect,
        changes: &mut Changes,
    ) -> Result<(LanguageMemo, usize), RenderError> {
        let Save {
            catalog,
            scope,
            previous,
            edited,
            ..
        } = save;
        let code = memo.code.as_str();
        let search: Vec<Arc<str>> = (catalog.actors.iter().zip(previous))
            .map(|(actor, &p)| match p {
                Some(p) if !scope.contains(&actor.slug) => Arc::clone(&memo.search[p]),
                _ => search::entry(catalog, code, actor),
            })
            .collect();
        // The index is made again only if an entry changed or the order did.
        let same_entries = !save.reordered
            && (edited.iter()).all(|&i| previous[i].is_some_and(|p| memo.search[p] == search[i]));
        let index = (!same_entries).then(|| {
            let json = search::join(&search).into_bytes();
            assets::hashed(&format!("{code}/search"), "json", json)
        });
        let search_url = index.as_ref().map_or(&memo.search_url, |index| &index.url);
        let search_changed = *search_url != memo.search_url;
        let (cards, cards_changed) =
            (memo.cards).update(&self.tera, catalog, code, scope, previous)?;
        let mut wanted: BTreeSet<String> = (edited.iter())
            .map(|&i| urls::actor(code, &catalog.actors[i].slug))
            .collect();
        if cards_changed || save.regrouped || save.reordered {
            wanted.extend(save.listings(code, &self.actors));
            wanted.insert(urls::index(code));
        }
        if search_changed || save.regrouped {
            wanted.insert(urls::home(code));
        }
        let jobs = language_jobs_at(catalog, code, search_url, &|url| wanted.contains(url));
        let pages = jobs.len();
        let language = LanguageRender {
            shared: SharedContext::new(catalog, code, &self.assets, save.options),
            logos: &save.logos,
            cards,
            minify: save.options.minify,
        };
        let (rendered, vcards) = rayon::join(
            || {
                jobs.into_par_iter()
                    .try_for_each(|job| render_job(catalog, &self.tera, &language, job, sink))
            },
            || {
                (edited.par_iter())
                    .try_for_each(|&i| write_vcard(catalog, code, &catalog.actors[i], sink))
            },
        );
        rendered?;
        vcards?;
        // A listing the save left empty is gone; its page with it.
        changes.remove.extend(
            (wanted.iter())
                .map(|url| format!("{}index.html", rel(url)))
                .filter(|path| !sink.contains(path)),
        );
        let search_url = search_url.clone();
        if let Some(index) = index.filter(|_| search_changed) {
            changes.remove.push(memo.search_url.clone());
            changes.put.push((index.url, index.bytes.into()));
        }
        let memo = LanguageMemo {
            code: code.to_owned(),
            cards: language.cards,
            search,
            search_url,
        };
        Ok((memo, pages))
    }
}

/// One save that [`Memo::update`] renders.
struct Save<'a> {
    catalog: &'a Catalog,
    /// The actors (slugs) whose folders the save changed.
    scope: &'a BTreeSet<String>,
    options: &'a Options<'a>,
    /// Where each actor of the catalogue was before the save.
    previous: Vec<Option<usize>>,
    /// An actor is somewhere else in the order than before (it has a new name).
    reordered: bool,
    /// The actors after the save, in catalogue order.
    actors: Vec<Footprint>,
    /// The indexes of the actors in `scope`.
    edited: Vec<usize>,
    /// An actor in `scope` has other topics or target groups than before.
    regrouped: bool,
    /// The logos' URLs after the save, by slug.
    logos: BTreeMap<String, String>,
}

impl Save<'_> {
    /// The URLs in `language` of the listings the edited actors appear on, before the save
    /// (`before`: the actors then) and after it.
    fn listings(&self, language: &str, before: &[Footprint]) -> BTreeSet<String> {
        (self.edited.iter())
            .flat_map(|&i| [Some(&self.actors[i]), self.previous[i].map(|p| &before[p])])
            .flatten()
            .flat_map(|actor| actor.listings(language))
            .collect()
    }
}

/// The files a save writes and removes.
#[derive(Default)]
struct Changes {
    put: Vec<(String, Arc<[u8]>)>,
    remove: Vec<String>,
}

/// The site of `catalog` as `serve` shows it after a full render: everything but the files
/// rendered on request.
pub fn render(catalog: &Catalog, options: &Options<'_>) -> Result<Preview, RenderError> {
    let sink = Collect::default();
    let (_, memo) = render_site(catalog, options, &sink, true)?;
    Ok(Preview {
        files: shared(sink.into_files()),
        requested: BTreeSet::new(),
        memo,
    })
}

fn shared(files: Files) -> SharedFiles {
    (files.into_iter())
        .map(|(path, bytes)| (path, Arc::from(bytes)))
        .collect()
}

impl Preview {
    /// The files, without those not yet requested.
    pub fn files(&self) -> &SharedFiles {
        &self.files
    }

    /// The file at `path`, if it is rendered.
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        self.files.get(path).cloned()
    }

    /// Whether the file at `path` is held (rendered, and not dropped by a save since).
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Keeps a file rendered on request (a brochure, the sitemap) until the next save.
    pub fn insert_requested(&mut self, path: String, bytes: Arc<[u8]>) {
        self.requested.insert(path.clone());
        self.files.insert(path, bytes);
    }

    /// The site after a save that changed `catalog`: with `scope` (the actor folders the save
    /// touched, if it touched nothing else) only what those actors appear on, else the whole site.
    pub fn after_save(
        &self,
        catalog: &Catalog,
        scope: Option<&BTreeSet<String>>,
        options: &Options<'_>,
    ) -> Result<Update, RenderError> {
        match (&self.memo, scope) {
            (Some(memo), Some(scope)) if memo.covers(catalog, scope, options) => {
                memo.update(catalog, scope, options)
            }
            _ => render(catalog, options).map(Update::Whole),
        }
    }

    /// Applies `update`; returns what it replaced, for the caller to drop outside its lock.
    pub fn apply(&mut self, update: Update) -> Preview {
        match update {
            Update::Whole(preview) => std::mem::replace(self, preview),
            Update::Changes {
                put, remove, memo, ..
            } => {
                for path in std::mem::take(&mut self.requested).iter().chain(&remove) {
                    self.files.remove(path);
                }
                self.files.extend(put);
                Preview {
                    memo: self.memo.replace(memo),
                    ..Preview::default()
                }
            }
        }
    }

    /// What renders the file at `path`, if it is one rendered on request ([`on_request`]) and
    /// the site has been rendered; it holds no lock on the site.
    pub fn on_request(&self, path: &str) -> Option<OnRequest> {
        let memo = self.memo.as_ref().filter(|_| on_request(path))?;
        Some(OnRequest {
            tera: Arc::clone(&memo.tera),
            assets: Arc::clone(&memo.assets),
        })
    }
}

/// Renders the site's files `serve` makes only when requested (see [`on_request`]).
pub struct OnRequest {
    tera: Arc<Tera>,
    assets: Arc<Assets>,
}

impl OnRequest {
    /// The file at `path`, the sitemap or the report.
    pub fn render(
        &self,
        catalog: &Catalog,
        path: &str,
        options: &Options<'_>,
    ) -> Result<Vec<u8>, RenderError> {
        let source = &catalog.config.source_language;
        if path == REPORT_PATH {
            let shared = SharedContext::new(catalog, source, &self.assets, options);
            report_page(&self.tera, catalog, &shared, options)
        } else {
            let jobs = language_jobs(catalog, source, "");
            Ok(sitemap::sitemap(
                &catalog.config.base_url,
                &sitemap_alternates(&jobs),
            ))
        }
    }
}
