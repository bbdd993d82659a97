//! The website: every page of every language rendered from the catalogue into memory.
//!
//! Rendering produces a map from output path to bytes; [`crate::output`] writes it to disk (or
//! `serve` keeps it in memory). Pages render in parallel; each is minified with minify-html.

pub mod assets;
mod cards;
mod chrome;
mod jsonld;
mod offline;
pub mod preview;
mod search;
mod sitemap;
pub mod templates;
mod vcard;
pub mod views;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::catalog::{Catalog, FOREWORD_PAGE, category_label, index_letter};
use crate::config::Fallbacks;
use crate::render::{RenderError, Rendered, Renderer, Sink};
use crate::urls;
use crate::urls::absolute;
use assets::{Asset, Assets};
use cards::{CardList, Cards, placeholder};
use jsonld::Crumb;
use sitemap::Alternates;
use views::{Viewer, rel};

/// Options of one build.
pub struct Options<'a> {
    /// Languages whose brochure PDF exists in this build; their pages link to it.
    pub brochure_languages: &'a [String],
    /// The date the status report is made for.
    pub today: jiff::civil::Date,
    /// How pages are minified; both ways give the same bytes.
    pub minify: Minify,
}

/// How pages are minified. Both give the same bytes (tests/equivalence.rs compares them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Minify {
    /// Every page is rendered whole and minified whole: the straightforward reference.
    WholePages,
    /// What many pages share (the actor cards of the listings) is minified once and joined into
    /// each minified page.
    SharedFragments,
}

/// Where the editors' status report is published (hidden from search engines).
pub const REPORT_PATH: &str = "report/index.html";

/// A language as templates see it.
#[derive(Debug, Clone, Serialize)]
struct LanguageView {
    code: String,
    name: String,
    dir: &'static str,
    /// This page in that language, relative to the site root.
    url: String,
    absolute: String,
    current: bool,
    /// "Please choose your language" in that language.
    choose: String,
}

#[derive(Debug, Clone, Serialize)]
struct PageLink {
    url: String,
    title: String,
    /// The language of the title when the page is not translated and shows the source text.
    lang: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct Links {
    index: String,
    /// The brochure of the language, if it has one (and it is not divided by topic).
    brochure: Option<String>,
    /// With `brochure.volumes: topic`: the volume of each topic.
    volumes: Vec<VolumeLink>,
    pages: Vec<PageLink>,
    open_data: String,
}

/// A brochure volume (see [`Catalog::brochure_volumes`]).
#[derive(Debug, Clone, Serialize)]
struct VolumeLink {
    /// Its topic's id.
    topic: String,
    url: String,
    /// "Broschüre „Deutschkurse“ (PDF)".
    label: String,
}

#[derive(Debug, Serialize)]
struct LetterGroup {
    letter: String,
    /// The placeholder for this letter's cards.
    cards: String,
}

/// One page to render: its URL in every language, and the template with its own variables.
struct Job {
    /// Root-relative URL per language, e.g. `/de/topic/work/`.
    urls: Vec<(String, String)>,
    template: &'static str,
    context: Context,
    /// Index into `catalog.actors` for actor pages, whose data is built at render time.
    actor: Option<usize>,
    /// The lists of actor cards a listing page shows, in the order of their placeholders.
    cards: Vec<CardList>,
    /// What its breadcrumb and JSON-LD say about it.
    meta: PageMeta,
}

/// A page's name, schema.org type and breadcrumb trail (in the job's language).
struct PageMeta {
    /// `WebPage` or `CollectionPage`.
    schema_type: &'static str,
    name: String,
    /// From the home page to this page; empty on pages without a breadcrumb.
    trail: Vec<Crumb>,
}

/// The website as a [`Renderer`]: every page of every language with its assets, contact cards
/// and search index, the language chooser, 404, sitemap, robots.txt and the editors' report.
pub struct Site<'a> {
    pub options: Options<'a>,
}

impl Renderer for Site<'_> {
    fn name(&self) -> &'static str {
        "site"
    }

    fn render(&self, catalog: &Catalog, sink: &dyn Sink) -> Result<Rendered, RenderError> {
        render_into(catalog, &self.options, sink)
    }
}

/// Renders the whole site into `sink`, one language after the other, the pages of a language in
/// parallel.
fn render_into(
    catalog: &Catalog,
    options: &Options<'_>,
    sink: &dyn Sink,
) -> Result<Rendered, RenderError> {
    render_site(catalog, options, sink, false).map(|(rendered, _)| rendered)
}

/// Renders the site into `sink`. With `preview`, as `serve` holds it: without the files it renders
/// on request ([`preview::on_request`]), and with the [`preview::Memo`] of what a save can reuse.
fn render_site(
    catalog: &Catalog,
    options: &Options<'_>,
    sink: &dyn Sink,
    preview: bool,
) -> Result<(Rendered, Option<preview::Memo>), RenderError> {
    let tera = templates::load(&catalog.root)?;
    let assets = Assets::load(&catalog.root, &catalog.config)?;
    for asset in [&assets.css, &assets.js, &assets.logo] {
        sink.put(asset.url.clone(), asset.bytes.clone())?;
    }
    let logos = actor_logos(catalog, sink)?;
    let mut rendered = Rendered::default();
    let mut alternates = Vec::new();
    let mut kept = Vec::new();
    let mut search_urls = Vec::new();
    for language in &catalog.config.languages {
        let code = language.code.as_str();
        // serve keeps the entries, so that a save re-makes only the edited actor's.
        let entries = preview.then(|| search::entries(catalog, code));
        let stem = format!("{code}/search");
        let search_url = match &entries {
            Some(entries) => {
                let index = assets::hashed(&stem, "json", search::join(entries).into_bytes());
                sink.put(index.url.clone(), index.bytes)?;
                index.url
            }
            // Written as it is made: the index is tens of megabytes at ten thousand actors.
            None => sink.put_named(&mut |out| {
                let mut hashing = assets::Hashing::new(out);
                search::write_index(catalog, code, &mut hashing)?;
                Ok(hashing.name(&stem, "json"))
            })?,
        };
        // The actor pages' jobs are made as they render (`actor_jobs`), not held all at once.
        let jobs = language_jobs_with(catalog, code, &search_url, &|_| true, false);
        let actor_jobs = Jobs::new(catalog, code);
        search_urls.push(search_url.clone());
        let manifest = offline::manifest(catalog, code, &assets);
        sink.put(manifest.url, manifest.bytes)?;
        if *code == catalog.config.source_language {
            alternates = sitemap_alternates_with(&jobs, &actor_jobs);
        }
        let variants = card_variants(&jobs, code);
        let language_render = LanguageRender {
            shared: SharedContext::new(catalog, code, &assets, options),
            logos: &logos,
            cards: Cards::render(
                &tera,
                catalog,
                code,
                &variants,
                options.minify == Minify::SharedFragments,
            )?,
            minify: options.minify,
        };
        let (pages, vcards) = rayon::join(
            || {
                let actor_pages = (0..catalog.actors.len()).into_par_iter();
                jobs.into_par_iter()
                    .chain(actor_pages.map(|index| actor_jobs.actor(index)))
                    .map(|job| render_job(catalog, &tera, &language_render, job, sink))
                    .try_fold(|| 0, |count, page| page.map(|()| count + 1))
                    .try_reduce(|| 0, |a, b| Ok(a + b))
            },
            || {
                catalog
                    .actors
                    .par_iter()
                    .try_for_each(|actor| write_vcard(catalog, code, actor, sink))
            },
        );
        rendered.pages += pages?;
        vcards?;
        if let Some(search) = entries {
            kept.push(preview::LanguageMemo {
                code: code.to_owned(),
                cards: language_render.cards,
                search,
                search_url,
            });
        }
    }

    let offline_assets = offline_assets(catalog, &assets, &search_urls);
    let source = SharedContext::new(catalog, &catalog.config.source_language, &assets, options);
    let base_url = &catalog.config.base_url;
    let worker = offline::service_worker(catalog, &assets, &offline_assets);
    let site_wide: [(&str, SiteFile<'_>); 5] = [
        (offline::WORKER_PATH, Box::new(|| Ok(worker.clone()))),
        (
            "index.html",
            Box::new(|| language_chooser(&tera, catalog, &assets)),
        ),
        ("404.html", Box::new(|| not_found(&tera, catalog, &source))),
        (
            "robots.txt",
            Box::new(|| Ok(sitemap::robots(base_url, &["/report/"]).into_bytes())),
        ),
        (
            REPORT_PATH,
            Box::new(|| report_page(&tera, catalog, &source, options)),
        ),
    ];
    site_wide
        .into_par_iter()
        .filter(|(path, _)| !(preview && preview::on_request(path)))
        .try_for_each(|(path, make)| sink.put(path.to_owned(), make()?))?;
    // Written after the others rather than beside them: it is the largest file of the site.
    if !preview {
        sink.put_written(sitemap::PATH.to_owned(), &|out| {
            sitemap::write(out, base_url, &alternates)
        })?;
    }
    rendered.pages += 3;
    let memo = preview.then(|| preview::Memo::new(catalog, options, tera, assets, logos, kept));
    Ok((rendered, memo))
}

/// The sitemap's entries: every page of the source language with its URL in every language.
fn sitemap_alternates(jobs: &[Job]) -> Vec<Alternates> {
    jobs.iter()
        .map(|job| Alternates {
            urls: job.urls.clone(),
        })
        .collect()
}

/// [`sitemap_alternates`] of [`language_jobs`], given its jobs without the actor pages
/// ([`language_jobs_with`]) and the maker of those, in the same order: the home page, the actor
/// pages, the others.
fn sitemap_alternates_with(jobs: &[Job], actor_jobs: &Jobs<'_>) -> Vec<Alternates> {
    let (home, others) = jobs.split_at(jobs.len().min(1));
    let actors = (0..actor_jobs.catalog.actors.len()).map(|index| Alternates {
        urls: actor_jobs.actor(index).urls,
    });
    sitemap_alternates(home)
        .into_iter()
        .chain(actors)
        .chain(sitemap_alternates(others))
        .collect()
}

/// The files every visitor keeps from the start (relative to the site root): the theme's
/// assets, then each language's search index (`search_urls`, in the order of the languages) and
/// manifest.
fn offline_assets(catalog: &Catalog, assets: &Assets, search_urls: &[String]) -> Vec<String> {
    let mut files = vec![
        assets.css.url.clone(),
        assets.js.url.clone(),
        assets.logo.url.clone(),
    ];
    for (language, search) in catalog.config.languages.iter().zip(search_urls) {
        files.push(search.clone());
        files.push(rel(&urls::manifest(&language.code)));
    }
    files
}

/// Writes the contact card of `actor` with the contact roles in `language`.
fn write_vcard(
    catalog: &Catalog,
    language: &str,
    actor: &crate::catalog::Actor,
    sink: &dyn Sink,
) -> Result<(), RenderError> {
    let card = vcard::actor_vcard(catalog, &catalog.local(actor, language));
    sink.put(rel(&urls::vcard(language, &actor.slug)), card.into_bytes())
}

/// Makes one of the files that exist once per site.
type SiteFile<'a> = Box<dyn Fn() -> Result<Vec<u8>, RenderError> + Send + Sync + 'a>;

/// Renders one page of [`language_jobs`] into `sink`.
fn render_job(
    catalog: &Catalog,
    tera: &Tera,
    language: &LanguageRender<'_>,
    job: Job,
    sink: &dyn Sink,
) -> Result<(), RenderError> {
    let LanguageRender {
        shared,
        logos,
        cards,
        minify: how,
    } = language;
    let page_url = job.url(&shared.language);
    let root = root_prefix(&page_url);
    let search_index = job.context.get("search_index").and_then(|v| v.as_str());
    let chrome = shared
        .chrome
        .parts(tera, &shared.context, &root, search_index)?;
    let mut context = shared.page(catalog, &job.urls, &page_url);
    chrome.insert(&mut context, *how == Minify::SharedFragments);
    context.extend(job.context);
    let mut main_entity = None;
    if let Some(index) = job.actor {
        let local = catalog.local(&catalog.actors[index], &shared.language);
        let viewer = Viewer {
            catalog,
            language: &shared.language,
        };
        let logo = logos.get(&local.actor.slug).cloned();
        let logo_url = logo
            .as_deref()
            .map(|url| absolute(&catalog.config.base_url, url));
        main_entity = Some(jsonld::actor_entity(&local, logo_url));
        let mut view = viewer.actor(&local, logo);
        view.feedback = catalog
            .config
            .feedback_email
            .as_deref()
            .map(|address| viewer.feedback(local.actor, address, &local.url));
        context.insert("actor", &view);
    }
    let meta = &job.meta;
    let page = jsonld::Page {
        schema_type: meta.schema_type,
        name: &meta.name,
        url: &page_url,
        language: &shared.language,
        base_url: &catalog.config.base_url,
        site_name: &shared.site_title,
        home: &urls::home(&shared.language),
        trail: &meta.trail,
    };
    context.insert("jsonld", &jsonld::page_graph(&page, main_entity));
    let breadcrumb: Vec<Crumb> = meta
        .trail
        .iter()
        .map(|crumb| Crumb {
            url: rel(&crumb.url),
            ..crumb.clone()
        })
        .collect();
    context.insert("breadcrumb", &breadcrumb);
    let html = render_html(tera, job.template, &context)?;
    let path = format!("{}index.html", rel(&page_url));
    match how {
        Minify::WholePages => sink.put(
            path,
            minify(&cards.splice(html.into_bytes(), &job.cards, &root)),
        ),
        Minify::SharedFragments if job.cards.is_empty() => {
            sink.put(path, chrome.minify(job.template, &html))
        }
        // A listing is written as its cards are joined in, not held whole.
        Minify::SharedFragments => {
            let page = chrome.minify(job.template, &html);
            sink.put_written(path, &|out| {
                cards.write_spliced(&page, &job.cards, &root, out)
            })
        }
    }
}

/// What the pages of one language share while they render.
struct LanguageRender<'a> {
    shared: SharedContext,
    logos: &'a BTreeMap<String, String>,
    cards: Cards,
    minify: Minify,
}

impl Job {
    /// This page's root-relative URL in `language`.
    fn url(&self, language: &str) -> String {
        self.urls
            .iter()
            .find(|(code, _)| code == language)
            .map(|(_, url)| url.clone())
            .unwrap_or_default()
    }
}

/// What [`Cards::render`] makes for `jobs` of `language`: the heading level and link prefix of
/// each listing's cards.
fn card_variants(jobs: &[Job], language: &str) -> BTreeSet<(u8, String)> {
    jobs.iter()
        .flat_map(|job| {
            let root = root_prefix(&job.url(language));
            job.cards.iter().map(move |list| (list.level, root.clone()))
        })
        .collect()
}

/// Every page of one language except the actor pages' data, which is filled in at render time,
/// in the order of the sitemap: home, actors, topic and target-group listings, A–Z, numbers,
/// content pages.
fn language_jobs(catalog: &Catalog, language: &str, search_index: &str) -> Vec<Job> {
    language_jobs_at(catalog, language, search_index, &|_| true)
}

/// The jobs of [`language_jobs`] whose root-relative URL in `language` is `wanted`; the others
/// are not made at all (`serve` after a save wants a few pages of a thousand).
fn language_jobs_at(
    catalog: &Catalog,
    language: &str,
    search_index: &str,
    wanted: &dyn Fn(&str) -> bool,
) -> Vec<Job> {
    language_jobs_with(catalog, language, search_index, wanted, true)
}

/// The jobs of [`language_jobs_at`], without the actor pages unless `actor_pages`.
fn language_jobs_with(
    catalog: &Catalog,
    language: &str,
    search_index: &str,
    wanted: &dyn Fn(&str) -> bool,
    actor_pages: bool,
) -> Vec<Job> {
    let jobs = Jobs::new(catalog, language);
    let mut all = Vec::new();
    if wanted(&urls::home(language)) {
        all.push(jobs.home(search_index));
    }
    if actor_pages {
        all.extend(jobs.actors(wanted));
    }
    for kind in [Listing::Topic, Listing::Group] {
        all.extend(jobs.listings(kind, wanted));
    }
    if wanted(&urls::index(language)) {
        all.push(jobs.a_to_z());
    }
    all.extend(jobs.numbers().filter(|job| wanted(&job.url(language))));
    all.extend(jobs.pages(wanted));
    all
}

/// The two kinds of listing pages: by topic and by target group.
#[derive(Debug, Clone, Copy)]
enum Listing {
    Topic,
    Group,
}

impl Listing {
    fn categories(self, catalog: &Catalog) -> &[crate::config::Category] {
        match self {
            Listing::Topic => &catalog.config.topics,
            Listing::Group => &catalog.config.target_groups,
        }
    }

    fn url(self, language: &str, id: &str) -> String {
        match self {
            Listing::Topic => urls::topic(language, id),
            Listing::Group => urls::target_group(language, id),
        }
    }

    fn includes(self, actor: &crate::catalog::Actor, id: &str) -> bool {
        let ids = match self {
            Listing::Topic => &actor.topics,
            Listing::Group => &actor.target_groups,
        };
        ids.iter().any(|x| x == id)
    }

    /// The i18n key of the heading: "Einrichtungen zum Thema: …".
    fn heading_key(self) -> &'static str {
        match self {
            Listing::Topic => "actors_for_topic",
            Listing::Group => "actors_for_group",
        }
    }
}

/// Makes the jobs of one language.
struct Jobs<'a> {
    catalog: &'a Catalog,
    language: &'a str,
    viewer: Viewer<'a>,
}

impl<'a> Jobs<'a> {
    fn new(catalog: &'a Catalog, language: &'a str) -> Self {
        Jobs {
            catalog,
            language,
            viewer: Viewer { catalog, language },
        }
    }
}

impl Jobs<'_> {
    /// A page that exists at `url(code)` in every language.
    fn job(
        &self,
        url: &dyn Fn(&str) -> String,
        template: &'static str,
        context: Context,
        meta: PageMeta,
    ) -> Job {
        Job {
            urls: self
                .catalog
                .config
                .languages
                .iter()
                .map(|l| (l.code.clone(), url(&l.code)))
                .collect(),
            template,
            context,
            actor: None,
            cards: Vec::new(),
            meta,
        }
    }

    /// The name, type and trail of a page one step below the home page.
    fn below_home(&self, schema_type: &'static str, name: String, url: String) -> PageMeta {
        let trail = vec![
            self.home_crumb(),
            Crumb {
                name: name.clone(),
                url,
                lang: None,
            },
        ];
        PageMeta {
            schema_type,
            name,
            trail,
        }
    }

    fn home_crumb(&self) -> Crumb {
        Crumb {
            name: self.viewer.string("home").to_owned(),
            url: urls::home(self.language),
            lang: None,
        }
    }

    /// Home, the actor's main topic (its first), the actor.
    fn actor_meta(&self, actor: &crate::catalog::Actor) -> PageMeta {
        let source = self.catalog.config.source_language.as_str();
        let topic = actor.topics.first().and_then(|id| {
            let category = self.catalog.config.topics.iter().find(|c| &c.id == id)?;
            Some(Crumb {
                name: category_label(category, self.catalog.fallbacks(self.language)).to_owned(),
                url: urls::topic(self.language, id),
                lang: None,
            })
        });
        let name = Crumb {
            name: actor.name.clone(),
            url: urls::actor(self.language, &actor.slug),
            lang: (self.language != source).then(|| source.to_owned()),
        };
        PageMeta {
            schema_type: "WebPage",
            name: actor.name.clone(),
            trail: std::iter::once(self.home_crumb())
                .chain(topic)
                .chain([name])
                .collect(),
        }
    }

    /// Links to the listings of `kind` that have actors, with their counts.
    fn links(&self, kind: Listing) -> Vec<views::CategoryLink> {
        kind.categories(self.catalog)
            .iter()
            .map(|c| {
                let count = self
                    .catalog
                    .actors
                    .iter()
                    .filter(|a| kind.includes(a, &c.id))
                    .count();
                let url = rel(&kind.url(self.language, &c.id));
                self.viewer.category_link(c, url, count)
            })
            .filter(|link| link.count > 0)
            .collect()
    }

    fn home(&self, search_index: &str) -> Job {
        let mut home = Context::new();
        home.insert("topics", &self.links(Listing::Topic));
        home.insert("target_groups", &self.links(Listing::Group));
        home.insert("intro", &self.viewer.intro());
        home.insert("search_index", search_index);
        home.insert("numbers", &self.viewer.numbers());
        if let Some(foreword) = self.catalog.pages.get(FOREWORD_PAGE) {
            home.insert("foreword", &self.viewer.page(foreword));
        }
        let meta = PageMeta {
            schema_type: "WebPage",
            name: localized(
                &self.catalog.config.title,
                self.catalog.fallbacks(self.language),
            )
            .to_owned(),
            trail: Vec::new(),
        };
        self.job(&urls::home, "home.html", home, meta)
    }

    fn actors<'w>(&'w self, wanted: &'w dyn Fn(&str) -> bool) -> impl Iterator<Item = Job> + 'w {
        self.catalog
            .actors
            .iter()
            .enumerate()
            .filter(|(_, actor)| wanted(&urls::actor(self.language, &actor.slug)))
            .map(|(index, _)| self.actor(index))
    }

    /// The page of the actor at `index` in the catalogue.
    fn actor(&self, index: usize) -> Job {
        let actor = &self.catalog.actors[index];
        Job {
            actor: Some(index),
            ..self.job(
                &|c| urls::actor(c, &actor.slug),
                "actor.html",
                Context::new(),
                self.actor_meta(actor),
            )
        }
    }

    /// The variables of a listing page.
    fn listing(&self, heading: String, count: usize) -> Context {
        let mut context = Context::new();
        context.insert("heading", &heading);
        context.insert("count_label", &self.viewer.count_label(count));
        context
    }

    fn listings(&self, kind: Listing, wanted: &dyn Fn(&str) -> bool) -> Vec<Job> {
        let languages = self.catalog.fallbacks(self.language);
        kind.categories(self.catalog)
            .iter()
            .filter(|category| wanted(&kind.url(self.language, &category.id)))
            .filter_map(|category| {
                let actors: Vec<usize> = (0..self.catalog.actors.len())
                    .filter(|&i| kind.includes(&self.catalog.actors[i], &category.id))
                    .collect();
                if actors.is_empty() {
                    return None;
                }
                let heading = format!(
                    "{}: {}",
                    self.viewer.string(kind.heading_key()),
                    category_label(category, languages)
                );
                let mut context = self.listing(heading.clone(), actors.len());
                context.insert("cards", &placeholder(0));
                let meta = self.below_home(
                    "CollectionPage",
                    heading,
                    kind.url(self.language, &category.id),
                );
                Some(Job {
                    cards: vec![CardList { level: 2, actors }],
                    ..self.job(
                        &|c| kind.url(c, &category.id),
                        "listing.html",
                        context,
                        meta,
                    )
                })
            })
            .collect()
    }

    fn a_to_z(&self) -> Job {
        let heading = self.viewer.string("all_actors_az").to_owned();
        let meta = self.below_home(
            "CollectionPage",
            heading.clone(),
            urls::index(self.language),
        );
        let mut az = self.listing(heading, self.catalog.actors.len());
        let (letters, cards): (Vec<LetterGroup>, Vec<CardList>) = letter_groups(self.catalog)
            .into_iter()
            .enumerate()
            .map(|(n, (letter, actors))| {
                let group = LetterGroup {
                    letter,
                    cards: placeholder(n),
                };
                (group, CardList { level: 3, actors })
            })
            .unzip();
        az.insert("letters", &letters);
        Job {
            cards,
            ..self.job(&urls::index, "listing.html", az, meta)
        }
    }

    fn numbers(&self) -> Option<Job> {
        (!self.catalog.numbers.is_empty()).then(|| {
            let mut context = Context::new();
            context.insert("numbers", &self.viewer.numbers());
            let name = self.viewer.string("brochure_important_numbers").to_owned();
            let meta = self.below_home("WebPage", name, urls::numbers(self.language));
            self.job(&urls::numbers, "numbers.html", context, meta)
        })
    }

    fn pages<'w>(&'w self, wanted: &'w dyn Fn(&str) -> bool) -> impl Iterator<Item = Job> + 'w {
        let pages = self.catalog.pages.values();
        let wanted = |page: &&crate::catalog::Page| wanted(&urls::page(self.language, &page.id));
        pages
            .filter(|p| p.id != FOREWORD_PAGE)
            .filter(wanted)
            .map(|page| {
                let view = self.viewer.page(page);
                let meta = PageMeta {
                    schema_type: "WebPage",
                    name: view.title.clone(),
                    trail: Vec::new(),
                };
                let mut context = Context::new();
                context.insert("page", &view);
                self.job(&|c| urls::page(c, &page.id), "page.html", context, meta)
            })
    }
}

/// Actors (indexes into the catalogue, which is in collation order) grouped by the letter
/// their names file under.
fn letter_groups(catalog: &Catalog) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (index, actor) in catalog.actors.iter().enumerate() {
        let letter = index_letter(&actor.name);
        match groups.last_mut() {
            Some((last, actors)) if *last == letter => actors.push(index),
            _ => groups.push((letter, vec![index])),
        }
    }
    groups
}

/// The variables every page of one language shares, computed once per language.
struct SharedContext {
    language: String,
    /// The site's title in `language`.
    site_title: String,
    context: Context,
    /// The page chrome, made on first use.
    chrome: chrome::Chrome,
}

impl SharedContext {
    fn new(
        catalog: &Catalog,
        language: &str,
        assets: &Assets,
        options: &Options<'_>,
    ) -> SharedContext {
        let config = &catalog.config;
        let source = config.source_language.as_str();
        let lang = catalog.language(language).expect("a configured language");
        let mut context = Context::new();
        context.insert(
            "lang",
            &serde_json::json!({
                "code": language,
                "dir": if lang.rtl { "rtl" } else { "ltr" },
                "easy_read": lang.easy_read,
            }),
        );
        context.insert("t", &catalog.i18n.table(language));
        context.insert(
            "site",
            &serde_json::json!({
                "title": localized(&config.title, catalog.fallbacks(language)),
                "subtitle": localized(&config.subtitle, catalog.fallbacks(language)),
                "town": config.town,
            }),
        );
        context.insert("assets", &asset_urls(assets));
        context.insert("home_url", &rel(&urls::home(language)));
        context.insert("source_lang", source);
        context.insert("manifest_url", &rel(&urls::manifest(language)));
        context.insert("theme_color", &config.branding.primary_color);
        context.insert(
            "numbers_url",
            &(!catalog.numbers.is_empty()).then(|| rel(&urls::numbers(language))),
        );
        context.insert("links", &links(catalog, language, options));
        context.insert("x_default", &absolute(&config.base_url, "/"));
        SharedContext {
            language: language.to_owned(),
            site_title: localized(&config.title, catalog.fallbacks(language)).to_owned(),
            context,
            chrome: chrome::Chrome::default(),
        }
    }

    /// The variables of the page at `page_url`, which exists at `page_urls` in every language.
    fn page(&self, catalog: &Catalog, page_urls: &[(String, String)], page_url: &str) -> Context {
        let mut context = self.context.clone();
        context.insert("root", &root_prefix(page_url));
        context.insert(
            "alternates",
            &alternates(catalog, page_urls, &self.language),
        );
        context.insert("canonical", &absolute(&catalog.config.base_url, page_url));
        context
    }
}

/// The prefix that leads from the page at `page_url` to the site root (`../../` for `/de/x/`).
fn root_prefix(page_url: &str) -> String {
    let depth = page_url
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .count();
    "../".repeat(depth)
}

fn localized<'a>(text: &'a BTreeMap<String, String>, languages: Fallbacks<'a>) -> &'a str {
    languages.pick(text).map_or("", |(text, _)| text.as_str())
}

fn asset_urls(assets: &Assets) -> serde_json::Value {
    serde_json::json!({"css": assets.css.url, "js": assets.js.url, "logo": assets.logo.url})
}

fn links(catalog: &Catalog, language: &str, options: &Options<'_>) -> Links {
    let viewer = Viewer { catalog, language };
    let pdfs = match options.brochure_languages.iter().any(|l| l == language) {
        true => catalog.brochure_volumes(),
        false => Vec::new(),
    };
    let url = |volume| {
        rel(&urls::brochure(
            language,
            &catalog.config.brochure.volume_file_name(volume),
        ))
    };
    let topics = catalog.volume_topics();
    Links {
        index: rel(&urls::index(language)),
        brochure: pdfs.contains(&None).then(|| url(None)),
        volumes: (topics.iter())
            .filter(|topic| pdfs.contains(&Some(topic.id.as_str())))
            .map(|topic| VolumeLink {
                topic: topic.id.clone(),
                url: url(Some(&topic.id)),
                label: catalog.i18n.format(
                    language,
                    "download_volume",
                    &[("topic", category_label(topic, catalog.fallbacks(language)))],
                ),
            })
            .collect(),
        pages: catalog
            .pages
            .values()
            .filter(|p| p.id != FOREWORD_PAGE)
            .map(|page| {
                let view = viewer.page(page);
                PageLink {
                    url: rel(&urls::page(language, &page.id)),
                    title: view.title,
                    lang: view.fallback.then_some(view.lang),
                }
            })
            .collect(),
        open_data: rel(urls::OPEN_DATA),
    }
}

fn alternates(
    catalog: &Catalog,
    page_urls: &[(String, String)],
    current: &str,
) -> Vec<LanguageView> {
    catalog
        .config
        .languages
        .iter()
        .filter_map(|l| {
            let url = page_urls
                .iter()
                .find(|(code, _)| code == &l.code)?
                .1
                .clone();
            Some(LanguageView {
                code: l.code.clone(),
                name: l.name.clone(),
                dir: if l.rtl { "rtl" } else { "ltr" },
                absolute: absolute(&catalog.config.base_url, &url),
                url: rel(&url),
                current: l.code == current,
                choose: catalog.i18n.get(&l.code, "choose_language").to_owned(),
            })
        })
        .collect()
}

fn render_page(tera: &Tera, template: &str, context: &Context) -> Result<Vec<u8>, RenderError> {
    Ok(minify(render_html(tera, template, context)?.as_bytes()))
}

/// Renders `template`, not minified.
fn render_html(tera: &Tera, template: &str, context: &Context) -> Result<String, RenderError> {
    tera.render(template, context)
        .map_err(|e| RenderError::Template {
            message: format!(
                "template {template}: {}",
                templates::describe_tera_error(&e)
            ),
        })
}

/// Minifies HTML while keeping it valid for the Nu checker and old browsers.
pub fn minify(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: true,
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}

/// `/index.html`: each language named in its own script.
fn language_chooser(
    tera: &Tera,
    catalog: &Catalog,
    assets: &Assets,
) -> Result<Vec<u8>, RenderError> {
    let config = &catalog.config;
    let mut context = Context::new();
    context.insert("languages", &alternates(catalog, &home_urls(catalog), ""));
    context.insert(
        "source",
        &serde_json::json!({"code": config.source_language}),
    );
    let titles: Vec<&str> = config
        .languages
        .iter()
        .filter_map(|l| config.title.get(&l.code).map(String::as_str))
        .take(2)
        .collect();
    context.insert("title", &titles.join(" · "));
    context.insert("assets", &asset_urls(assets));
    context.insert("x_default", &absolute(&config.base_url, "/"));
    render_page(tera, "languages.html", &context)
}

/// The home page of every language, as the language list of `/` links them.
fn home_urls(catalog: &Catalog) -> Vec<(String, String)> {
    catalog
        .config
        .languages
        .iter()
        .map(|l| (l.code.clone(), urls::home(&l.code)))
        .collect()
}

/// `/404.html` in the source language; links are root-relative because it is served at any depth.
fn not_found(
    tera: &Tera,
    catalog: &Catalog,
    source: &SharedContext,
) -> Result<Vec<u8>, RenderError> {
    let mut context = source.page(catalog, &[], "/");
    let base_path = url::Url::parse(&catalog.config.base_url)
        .map(|u| u.path().trim_end_matches('/').to_owned() + "/")
        .unwrap_or_else(|_| "/".to_owned());
    context.insert("root", &base_path);
    context.insert("messages", &not_found_messages(catalog));
    context.insert("canonical", &"");
    context.insert("x_default", &"");
    chrome::insert_rendered(tera, &mut context)?;
    render_page(tera, "404.html", &context)
}

/// The 404 message in one language, for the page that speaks every language.
#[derive(Debug, Serialize)]
struct NotFoundMessage {
    code: String,
    dir: &'static str,
    heading: String,
    text: String,
    home: String,
    home_url: String,
    index: String,
    index_url: String,
}

/// The 404 message in every configured language, the source language first.
fn not_found_messages(catalog: &Catalog) -> Vec<NotFoundMessage> {
    let source = &catalog.config.source_language;
    let i18n = &catalog.i18n;
    let mut languages: Vec<_> = catalog.config.languages.iter().collect();
    languages.sort_by_key(|l| &l.code != source);
    languages
        .into_iter()
        .map(|l| NotFoundMessage {
            code: l.code.clone(),
            dir: if l.rtl { "rtl" } else { "ltr" },
            heading: i18n.get(&l.code, "not_found_heading").to_owned(),
            text: i18n.get(&l.code, "not_found_text").to_owned(),
            home: i18n.get(&l.code, "home").to_owned(),
            home_url: rel(&urls::home(&l.code)),
            index: i18n.get(&l.code, "all_actors_az").to_owned(),
            index_url: rel(&urls::index(&l.code)),
        })
        .collect()
}

/// The status report as a page for editors, in the source language, marked noindex.
fn report_page(
    tera: &Tera,
    catalog: &Catalog,
    source: &SharedContext,
    options: &Options<'_>,
) -> Result<Vec<u8>, RenderError> {
    let report = crate::report::build(catalog, options.today);
    // Editors read it in the content's own language where the messages have it.
    let language = crate::messages::Language::from_code(&catalog.config.source_language)
        .unwrap_or(crate::messages::Language::En);
    let markdown = crate::messages::in_language(language, || crate::report::to_markdown(&report));
    let (title, body) = markdown.split_once('\n').unwrap_or((&markdown, ""));
    let mut context = source.page(catalog, &[], "/report/");
    context.insert(
        "page",
        &views::Html {
            html: crate::markdown::to_html(body, 2),
            lang: language.code().to_owned(),
            fallback: false,
            title: title.trim_start_matches("# ").to_owned(),
        },
    );
    context.insert("noindex", &true);
    context.insert("canonical", &"");
    context.insert("x_default", &"");
    chrome::insert_rendered(tera, &mut context)?;
    render_page(tera, "page.html", &context)
}

/// Copies actor logos under hashed names; returns slug → URL.
fn actor_logos(
    catalog: &Catalog,
    sink: &dyn Sink,
) -> Result<BTreeMap<String, String>, RenderError> {
    let mut logos = BTreeMap::new();
    for actor in &catalog.actors {
        let Some(Asset { url, bytes }) = actor_logo(actor)? else {
            continue;
        };
        sink.put(url.clone(), bytes)?;
        logos.insert(actor.slug.clone(), url);
    }
    Ok(logos)
}

/// The logo of `actor` under its hashed name, if it has one.
fn actor_logo(actor: &crate::catalog::Actor) -> Result<Option<Asset>, RenderError> {
    let Some(path) = &actor.logo else {
        return Ok(None);
    };
    let bytes = std::fs::read(path).map_err(|source| RenderError::Read {
        path: path.clone(),
        source,
    })?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let stem = format!("assets/logos/{}", actor.slug);
    Ok(Some(assets::hashed(&stem, &extension, bytes)))
}
