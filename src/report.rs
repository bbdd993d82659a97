//! The editors' status report: translation coverage, reviews due, actors without contact person.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::validate::present_fields;

/// Days before the due date from which a review counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 30;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub actors: usize,
    pub languages: Vec<LanguageCoverage>,
    pub reviews: Vec<ReviewDue>,
    pub without_contact: Vec<ActorRef>,
}

/// How much of the translatable text one language has.
#[derive(Debug, Serialize)]
pub struct LanguageCoverage {
    pub language: String,
    pub translated_fields: usize,
    pub total_fields: usize,
    /// Share translated, 0–100, rounded down.
    pub percent: usize,
    /// Actors with gaps, and which fields.
    pub gaps: Vec<ActorGap>,
}

/// An actor and the fields it lacks in one language.
#[derive(Debug, Serialize)]
pub struct ActorGap {
    pub slug: String,
    pub name: String,
    pub missing: Vec<&'static str>,
}

/// A review that is overdue or falls due soon.
#[derive(Debug, Serialize)]
pub struct ReviewDue {
    pub slug: String,
    pub name: String,
    pub last_reviewed: Date,
    pub due: Date,
    pub overdue: bool,
    /// Whom to ask: the first contact person's e-mail, else the general one.
    pub email: Option<String>,
}

/// An actor by slug and name.
#[derive(Debug, Serialize)]
pub struct ActorRef {
    pub slug: String,
    pub name: String,
}

/// Builds the report as of `today`.
pub fn build(catalog: &Catalog, today: Date) -> Report {
    let source = &catalog.config.source_language;
    let languages = catalog
        .config
        .languages
        .iter()
        .filter(|l| &l.code != source)
        .map(|language| {
            let mut translated = 0;
            let mut total = 0;
            let mut gaps = Vec::new();
            for actor in &catalog.actors {
                let wanted = actor.source_text.fields();
                let have = actor
                    .translations
                    .get(&language.code)
                    .map(present_fields)
                    .unwrap_or_default();
                let missing: Vec<&'static str> = wanted
                    .iter()
                    .copied()
                    .filter(|f| !have.contains(f))
                    .collect();
                total += wanted.len();
                translated += wanted.len() - missing.len();
                if !missing.is_empty() {
                    gaps.push(ActorGap {
                        slug: actor.slug.clone(),
                        name: actor.name.clone(),
                        missing,
                    });
                }
            }
            LanguageCoverage {
                language: language.code.clone(),
                translated_fields: translated,
                total_fields: total,
                percent: (translated * 100).checked_div(total).unwrap_or(100),
                gaps,
            }
        })
        .collect();
    let interval = i64::from(catalog.config.review_interval_months).months();
    let soon = today.saturating_add(DUE_SOON_DAYS.days());
    let mut reviews: Vec<ReviewDue> = catalog
        .actors
        .iter()
        .filter_map(|actor| {
            let due = actor.last_reviewed.saturating_add(interval);
            (due <= soon).then(|| ReviewDue {
                slug: actor.slug.clone(),
                name: actor.name.clone(),
                last_reviewed: actor.last_reviewed,
                due,
                overdue: due < today,
                email: actor
                    .contacts
                    .iter()
                    .find_map(|c| c.email.clone())
                    .or_else(|| actor.reach.email.clone()),
            })
        })
        .collect();
    reviews.sort_by_key(|r| (r.due, r.slug.clone()));
    let without_contact = catalog
        .actors
        .iter()
        .filter(|a| a.contacts.is_empty())
        .map(|a| ActorRef {
            slug: a.slug.clone(),
            name: a.name.clone(),
        })
        .collect();
    Report {
        as_of: today,
        actors: catalog.actors.len(),
        languages,
        reviews,
        without_contact,
    }
}

/// The report as Markdown (also what `--format human` prints).
pub fn to_markdown(report: &Report) -> String {
    let mut out = format!(
        "# Status report\n\nAs of {}, {} actors.\n\n## Translations\n\n| language | translated fields | share |\n|---|---|---|\n",
        report.as_of, report.actors
    );
    for language in &report.languages {
        out.push_str(&format!(
            "| {} | {} of {} | {} % |\n",
            language.language, language.translated_fields, language.total_fields, language.percent
        ));
    }
    for language in &report.languages {
        if language.gaps.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### Missing in `{}`\n\n", language.language));
        for gap in &language.gaps {
            out.push_str(&format!(
                "- {} (`{}`): {}\n",
                gap.name,
                gap.slug,
                gap.missing.join(", ")
            ));
        }
    }
    out.push_str(&format!(
        "\n## Reviews overdue or due within {DUE_SOON_DAYS} days\n\n"
    ));
    if report.reviews.is_empty() {
        out.push_str("None.\n");
    }
    for review in &report.reviews {
        out.push_str(&format!(
            "- {} (`{}`): last reviewed {}, {} {}{}\n",
            review.name,
            review.slug,
            review.last_reviewed,
            if review.overdue {
                "overdue since"
            } else {
                "due on"
            },
            review.due,
            review
                .email
                .as_ref()
                .map(|e| format!(" — ask {e}"))
                .unwrap_or_default()
        ));
    }
    out.push_str("\n## Actors without a contact person\n\n");
    if report.without_contact.is_empty() {
        out.push_str("None.\n");
    }
    for actor in &report.without_contact {
        out.push_str(&format!("- {} (`{}`)\n", actor.name, actor.slug));
    }
    out
}
