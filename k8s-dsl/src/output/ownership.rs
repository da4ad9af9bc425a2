//! The record of which files the generator wrote: `.k8s-dsl-owned` in the output directory,
//! one file name a line. Only files listed there are ever replaced or removed; any other file
//! in the directory (a README, a hand-written patch) is left alone.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::Path;

use super::OutputError;

/// The name of the ownership record.
///
/// ```
/// use k8s_dsl::output::{Directory, OWNED_FILE};
/// use k8s_dsl::prelude::*;
///
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-owned-{}", std::process::id()));
/// Directory::new(&dir).write(&Bundle::new().add(ConfigMap::new("web")))?;
/// let record = std::fs::read_to_string(dir.join(OWNED_FILE))?;
/// assert!(record.lines().any(|line| line == "configmap_web.yaml"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const OWNED_FILE: &str = ".k8s-dsl-owned";

/// The header of the record.
const HEADER: &str =
    "# Files written by k8s-dsl, which replaces and removes only the files listed here.\n\
# Generated: do not edit.\n";

/// The record's text for `names`.
pub(crate) fn render<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: BTreeSet<&str> = names.into_iter().collect();
    let mut text = HEADER.to_owned();
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    text
}

/// The names in a record. Comments, blank lines and anything but a plain file name (a path
/// with `/`, `..`) are ignored, so an edited record can never point outside the directory.
pub(crate) fn parse(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter(|line| is_plain_name(line))
        .map(str::to_owned)
        .collect()
}

/// Whether `name` names a file directly inside a directory.
pub(crate) fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\0'])
}

/// The files `dir` records as written by this crate (none when there is no record, or no
/// directory).
pub(crate) fn read(dir: &Path) -> Result<BTreeSet<String>, OutputError> {
    let path = dir.join(OWNED_FILE);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(parse(&text)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(error) => Err(OutputError::io("read", path, error)),
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_sorted_names() {
        let text = render(["b.yaml", "a.yaml"]);
        assert!(text.starts_with("# Files written by k8s-dsl"));
        assert!(text.ends_with("a.yaml\nb.yaml\n"));
        let names: Vec<String> = parse(&text).into_iter().collect();
        assert_eq!(names, ["a.yaml", "b.yaml"]);
    }

    #[test]
    fn paths_outside_the_directory_are_ignored() {
        let names = parse("../etc/passwd\n/abs\nsub/x.yaml\n..\n\n  ok.yaml  \n# comment\n");
        assert_eq!(names.into_iter().collect::<Vec<_>>(), ["ok.yaml"]);
    }
}
