//! The URL scheme of the site, relative to the site root, with pretty URLs: one place for
//! the website, the brochure's QR codes and links, and the open data.

/// The absolute URL of a site path under `base_url`.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base_url.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// `/data/catalog.json`: the open data.
pub const OPEN_DATA: &str = "/data/catalog.json";

/// `/data/catalog.schema.json`: the JSON Schema of the open data.
pub const OPEN_DATA_SCHEMA: &str = "/data/catalog.schema.json";

/// `/data/dcat.jsonld`: the open data's DCAT-AP.de metadata, for open-data portals.
pub const DCAT: &str = "/data/dcat.jsonld";

/// `/data/hsds/`: the open data as Open Referral HSDS 3.0 files.
pub const HSDS: &str = "/data/hsds/";

/// `/de/`: a language's home page.
pub fn home(language: &str) -> String {
    format!("/{language}/")
}

/// `/de/jobcenter-merzig/`: an actor's page.
pub fn actor(language: &str, slug: &str) -> String {
    format!("/{language}/{slug}/")
}

/// `/de/topic/work/`: the listing of a topic.
pub fn topic(language: &str, id: &str) -> String {
    format!("/{language}/topic/{id}/")
}

/// `/de/group/refugees/`: the listing of a target group.
pub fn target_group(language: &str, id: &str) -> String {
    format!("/{language}/group/{id}/")
}

/// `/de/a-z/`: the A–Z index.
pub fn index(language: &str) -> String {
    format!("/{language}/a-z/")
}

/// `/de/imprint/`: a content page.
pub fn page(language: &str, id: &str) -> String {
    format!("/{language}/{id}/")
}

/// `/de/arbeiten-und-leben-in-merzig.pdf`: the brochure of a language.
pub fn brochure(language: &str, file_name: &str) -> String {
    format!("/{language}/{file_name}.pdf")
}

/// `/de/numbers/`: the important phone numbers.
pub fn numbers(language: &str) -> String {
    format!("/{language}/numbers/")
}

/// `/de/manifest.webmanifest`: the web app manifest of a language.
pub fn manifest(language: &str) -> String {
    format!("/{language}/manifest.webmanifest")
}

/// `/de/jobcenter-merzig/contact.vcf`: an actor's vCard.
pub fn vcard(language: &str, slug: &str) -> String {
    format!("/{language}/{slug}/contact.vcf")
}
