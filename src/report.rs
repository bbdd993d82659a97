//! The editors' status report: translation coverage, reviews due, actors without contact person.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::messages;
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
                    .map(|translation| present_fields(translation))
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

/// The report as Markdown (also what `--format human` prints), in the language of the messages
/// ([`crate::messages`]).
pub fn to_markdown(report: &Report) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\n## {}\n\n{}\n|---|---|---|\n",
        messages::report_title(),
        messages::report_as_of(report.as_of, report.actors),
        messages::report_translations(),
        messages::report_translations_head(),
    );
    for language in &report.languages {
        out.push_str(&format!(
            "| {} | {} | {} % |\n",
            language.language,
            messages::report_fields_of(language.translated_fields, language.total_fields),
            language.percent
        ));
    }
    for language in &report.languages {
        if language.gaps.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n### {}\n\n",
            messages::report_missing_in(&language.language)
        ));
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
        "\n## {}\n\n",
        messages::report_reviews(DUE_SOON_DAYS)
    ));
    if report.reviews.is_empty() {
        out.push_str(&format!("{}\n", messages::report_none()));
    }
    for review in &report.reviews {
        let line = if review.overdue {
            messages::report_overdue(&review.name, &review.slug, review.last_reviewed, review.due)
        } else {
            messages::report_due(&review.name, &review.slug, review.last_reviewed, review.due)
        };
        let ask = review
            .email
            .as_deref()
            .map(messages::report_ask)
            .unwrap_or_default();
        out.push_str(&format!("- {line}{ask}\n"));
    }
    out.push_str(&format!("\n## {}\n\n", messages::report_without_contact()));
    if report.without_contact.is_empty() {
        out.push_str(&format!("{}\n", messages::report_none()));
    }
    for actor in &report.without_contact {
        out.push_str(&format!("- {} (`{}`)\n", actor.name, actor.slug));
    }
    out
}
