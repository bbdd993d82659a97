//! `actors/<slug>/profile.yaml`: the facts about one actor and its German text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A Steckbrief: one actor of the local integration network.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Full official name, e.g. "Jobcenter Landkreis Merzig-Wadern".
    #[schemars(length(min = 1))]
    pub name: String,
    /// Short name used in lists and headers, e.g. "Jobcenter".
    pub short_name: Option<String>,
    /// Who runs it (Träger), e.g. "Caritasverband Saar-Hochwald e.V.".
    pub operator: Option<String>,
    /// What kind of organisation this is.
    pub kind: Kind,
    /// Topic ids from config.yaml (at least one); the first is the main topic.
    #[schemars(length(min = 1))]
    pub topics: Vec<String>,
    /// Target-group ids from config.yaml (at least one).
    #[schemars(length(min = 1))]
    pub target_groups: Vec<String>,
    /// One sentence: what they do and for whom.
    #[schemars(length(min = 1))]
    pub summary: String,
    /// Longer description in Markdown.
    #[schemars(length(min = 1))]
    pub description: String,
    /// What they offer, one short item each.
    #[serde(default)]
    pub offers: Vec<String>,
    /// What it costs, e.g. "kostenlos".
    pub costs: Option<String>,
    /// Named contact persons.
    #[serde(default)]
    pub contacts: Vec<ContactPerson>,
    /// Postal address: street, postcode and city.
    pub address: Address,
    /// When the office is open.
    pub opening_hours: Option<HoursSpec>,
    /// When counselling takes place, if different from the opening hours.
    pub consultation_hours: Option<HoursSpec>,
    /// General phone number, e.g. "06861 9012-0" or "+49 6861 9012-0".
    pub phone: Option<String>,
    /// General e-mail address.
    pub email: Option<String>,
    /// Website, starting with https:// or http://.
    pub website: Option<String>,
    /// Number that answers WhatsApp messages, e.g. "0170 1234567" or "+49 170 1234567".
    pub whatsapp: Option<String>,
    /// Languages in which the service is offered (language codes).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Access for people with disabilities.
    pub accessibility: Option<AccessibilitySpec>,
    /// How to get there by bus and train.
    pub transport: Option<String>,
    /// Date of the last check of this Steckbrief by its actor (YYYY-MM-DD).
    pub last_reviewed: String,
    /// Logo file name in this folder, e.g. "logo.svg".
    pub logo: Option<String>,
}

/// The kind of organisation, used for grouping and for schema.org types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A public authority (Behörde, Amt, Jobcenter).
    Authority,
    /// A chamber (IHK, Handwerkskammer).
    Chamber,
    /// A school or educational provider.
    School,
    /// A counselling service.
    Counselling,
    /// An association or welfare organisation (Verein, Verband).
    Association,
    /// A volunteer initiative or network.
    Initiative,
    /// Anything else.
    Other,
}

/// A named person to contact.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPerson {
    /// First and last name.
    #[schemars(length(min = 1))]
    pub name: String,
    /// Role or job title, e.g. "Integrationsfachkraft".
    pub role: Option<String>,
    /// Direct phone number.
    pub phone: Option<String>,
    /// Direct e-mail address.
    pub email: Option<String>,
    /// Languages this person speaks (language codes).
    #[serde(default)]
    pub languages: Vec<String>,
}

/// A postal address.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and house number.
    #[schemars(length(min = 1))]
    pub street: String,
    /// Five-digit German postcode, in quotes: "66663".
    #[schemars(length(min = 1))]
    pub postcode: String,
    /// Town.
    #[schemars(length(min = 1))]
    pub city: String,
    /// Latitude in degrees (WGS 84), e.g. 49.4452.
    pub latitude: Option<f64>,
    /// Longitude in degrees (WGS 84), e.g. 6.6398.
    pub longitude: Option<f64>,
}

/// Opening or consultation hours.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursSpec {
    /// Regular weekly hours; leave empty (`[]`) if there are none.
    #[serde(default)]
    pub weekly: Vec<SlotSpec>,
    /// Appointments: "only" (by appointment only) or "also" (also by appointment).
    pub appointment: Option<Appointment>,
    /// A note, e.g. "In den Schulferien nur vormittags".
    pub note: Option<String>,
}

/// The hours of one or more weekdays.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlotSpec {
    /// Weekdays: "Mo", a range "Mo-Fr" or a list "Mo, Mi".
    pub days: String,
    /// Time ranges, e.g. ["08:00-12:00", "13:00-15:30"].
    #[serde(default)]
    pub times: Vec<String>,
    /// true if closed on these days.
    #[serde(default)]
    pub closed: bool,
}

/// Whether appointments are needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Appointment {
    /// Only by appointment.
    Only,
    /// Appointments are possible besides the regular hours.
    Also,
}

/// Accessibility for people with disabilities.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessibilitySpec {
    /// Wheelchair access: yes, no, partial or unknown.
    pub wheelchair: Wheelchair,
    /// Details, e.g. "Aufzug im Seiteneingang".
    pub note: Option<String>,
}

/// Wheelchair access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Wheelchair {
    Yes,
    No,
    Partial,
    Unknown,
}
