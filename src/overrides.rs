//! The built-in templates and theme files, each replaceable by a file of the same path in the
//! content root: a town restyles its site and brochure without a new binary, and `serve` picks
//! up edits to them.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The text of `path` (relative to the content root, e.g. `templates/actor.html`): the file
/// under `root` if there is one, else `built_in`.
pub fn text(
    root: &Path,
    path: &str,
    built_in: &'static str,
) -> Result<Cow<'static, str>, (PathBuf, std::io::Error)> {
    let on_disk = root.join(path);
    if on_disk.is_file() {
        std::fs::read_to_string(&on_disk)
            .map(Cow::Owned)
            .map_err(|e| (on_disk, e))
    } else {
        Ok(Cow::Borrowed(built_in))
    }
}
