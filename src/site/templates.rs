//! The tera templates: the tool's defaults, each replaceable by a file of the same name in the
//! content root's `templates/` folder.

use std::path::Path;

use tera::Tera;

use crate::overrides;
use crate::render::RenderError;

/// Template names with their built-in text.
const DEFAULTS: [(&str, &str); 9] = [
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("actor.html", include_str!("../../templates/actor.html")),
    ("listing.html", include_str!("../../templates/listing.html")),
    ("card.html", include_str!("../../templates/card.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("numbers.html", include_str!("../../templates/numbers.html")),
    (
        "languages.html",
        include_str!("../../templates/languages.html"),
    ),
];
const NOT_FOUND: (&str, &str) = ("404.html", include_str!("../../templates/404.html"));

/// Parses the templates once per build. Autoescaping is on for every template.
pub fn load(root: &Path) -> Result<Tera, RenderError> {
    let mut sources = Vec::new();
    let chrome = super::chrome::TEMPLATES.iter();
    for (name, default) in DEFAULTS.iter().chain([&NOT_FOUND]).chain(chrome) {
        let text = overrides::text(root, &format!("templates/{name}"), default)
            .map_err(|(path, source)| RenderError::Read { path, source })?;
        sources.push((*name, text));
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.add_raw_templates(sources)
        .map_err(|e| RenderError::Template {
            message: describe_tera_error(&e),
        })?;
    Ok(tera)
}

/// tera's error with all its causes, which name the template and line.
pub fn describe_tera_error(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
