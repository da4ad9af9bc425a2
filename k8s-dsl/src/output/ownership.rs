//! The record of which files the generator wrote: `.k8s-dsl-owned` in the output directory.
//! Only files listed there are ever replaced or removed; any other file in the directory (a
//! README, a hand-written patch) is left alone.
//!
//! The record lists one file name a line, and before the names, one comment line
//! `# sha256 HASH NAME` for each file with the SHA-256 of the contents written. A file that is
//! no longer generated is removed only while its contents still have that hash: a file edited
//! by hand since, or listed by hand (or by a bad merge), is kept with a warning. Records of
//! earlier versions (names only) are read as they are, and the next write adds the hashes;
//! earlier versions read the new records too (they skip comments).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::Path;

use sha2::{Digest, Sha256};

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
/// // With the hash of what was written, so that only an unchanged file is ever removed:
/// assert!(record.lines().any(|line| line.starts_with("# sha256 ") && line.ends_with(" configmap_web.yaml")));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const OWNED_FILE: &str = ".k8s-dsl-owned";

/// The header of the record.
const HEADER: &str =
    "# Files written by k8s-dsl, which replaces and removes only the files listed here.\n\
# Generated: do not edit.\n";

/// The prefix of a hash line.
const HASH_PREFIX: &str = "# sha256 ";

/// The hex SHA-256 of `bytes`.
pub(crate) fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// What a record says: every file name listed, with the hash of what was written when the
/// record has one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Record {
    /// Name to hash (`None` for a record of an earlier version, or a name added by hand).
    pub files: BTreeMap<String, Option<String>>,
}

impl Record {
    /// The record of `files` (name and contents).
    pub(crate) fn of<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Record {
        Record {
            files: files
                .into_iter()
                .map(|(name, contents)| (name.to_owned(), Some(hash(contents))))
                .collect(),
        }
    }

    /// Whether `name` is listed.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// The record's text.
    pub(crate) fn render(&self) -> String {
        let mut text = HEADER.to_owned();
        for (name, hash) in &self.files {
            if let Some(hash) = hash {
                text.push_str(HASH_PREFIX);
                text.push_str(hash);
                text.push(' ');
                text.push_str(name);
                text.push('\n');
            }
        }
        for name in self.files.keys() {
            text.push_str(name);
            text.push('\n');
        }
        text
    }

    /// Whether `other` lists the same files (whatever their hashes).
    pub(crate) fn same_names(&self, other: &Record) -> bool {
        self.files.keys().eq(other.files.keys())
    }
}

/// The record in `text`. Blank lines, comments other than hash lines, and anything but a
/// relative name of plain parts (an absolute path, a `..`) are ignored, so an edited record
/// can never point outside the directory; a hash line only counts for a name that is listed.
pub(crate) fn parse(text: &str) -> Record {
    let mut hashes: BTreeMap<&str, &str> = BTreeMap::new();
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix(HASH_PREFIX) {
            if let Some((hash, name)) = rest.split_once(' ') {
                if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                    hashes.insert(name.trim(), hash);
                }
            }
            continue;
        }
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') && is_relative_name(line) {
            names.insert(line);
        }
    }
    Record {
        files: names
            .into_iter()
            .map(|name| {
                (
                    name.to_owned(),
                    hashes.get(name).map(|h| h.to_ascii_lowercase()),
                )
            })
            .collect(),
    }
}

/// Whether `name` names a file directly inside a directory.
pub(crate) fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\0'])
}

/// Whether `name` names a file inside a directory: plain names joined by `/`
/// (`templates/deployment_web.yaml`), with no empty part, `.` or `..`.
pub(crate) fn is_relative_name(name: &str) -> bool {
    name.split('/').all(is_plain_name)
}

/// Whether every directory between `dir` and the file `name` (a relative name) is a real
/// directory or does not exist yet: no symbolic link or file on the way, so `dir.join(name)`
/// stays inside `dir`. Always true for a plain name.
pub(crate) fn stays_inside(dir: &Path, name: &str) -> bool {
    let mut path = dir.to_path_buf();
    let mut parts = name.split('/').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            break;
        }
        path.push(part);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => break,
            _ => return false,
        }
    }
    true
}

/// The record of `dir` (empty when there is none, or no directory).
pub(crate) fn read(dir: &Path) -> Result<Record, OutputError> {
    let path = dir.join(OWNED_FILE);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(parse(&text)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Record::default()),
        Err(error) if error.kind() == io::ErrorKind::NotADirectory => Ok(Record::default()),
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
    fn round_trips_sorted_names_with_hashes() {
        let record = Record::of([("b.yaml", &b"b"[..]), ("a.yaml", &b"a"[..])]);
        let text = record.render();
        assert!(text.starts_with("# Files written by k8s-dsl"));
        assert!(text.ends_with("a.yaml\nb.yaml\n"));
        assert!(text.contains(&format!("# sha256 {} a.yaml\n", hash(b"a"))));
        assert_eq!(parse(&text), record);
        let names: Vec<String> = parse(&text).files.into_keys().collect();
        assert_eq!(names, ["a.yaml", "b.yaml"]);
    }

    #[test]
    fn an_old_record_has_names_without_hashes() {
        let record = parse("# Generated: do not edit.\na.yaml\nb.yaml\n");
        assert_eq!(record.files.len(), 2);
        assert_eq!(record.files["a.yaml"], None);
        assert!(Record::of([("a.yaml", &b"a"[..]), ("b.yaml", &b"b"[..])]).same_names(&record));
        assert!(!Record::of([("a.yaml", &b"a"[..])]).same_names(&record));
    }

    #[test]
    fn a_symbolic_link_on_the_way_leaves_the_directory() {
        let dir = std::env::temp_dir().join(format!("k8s-dsl-inside-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("real")).unwrap();
        fs::write(dir.join("file"), "x").unwrap();
        assert!(stays_inside(&dir, "a.yaml"));
        assert!(stays_inside(&dir, "real/a.yaml"));
        assert!(stays_inside(&dir, "missing/a.yaml"));
        assert!(!stays_inside(&dir, "file/a.yaml"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(std::env::temp_dir(), dir.join("link")).unwrap();
            assert!(!stays_inside(&dir, "link/a.yaml"));
        }
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn paths_outside_the_directory_are_ignored() {
        let record = parse(
            "../etc/passwd\n/abs\nsub/../x.yaml\nsub//x.yaml\n..\n\n  ok.yaml  \n# comment\n",
        );
        assert_eq!(record.files.into_keys().collect::<Vec<_>>(), ["ok.yaml"]);
        // A file in a subdirectory (a chart's `templates/`) is listed.
        let record = parse("templates/a.yaml\n");
        assert_eq!(
            record.files.into_keys().collect::<Vec<_>>(),
            ["templates/a.yaml"]
        );
        // A hash for a name that is not listed adds nothing.
        let record = parse(&format!("# sha256 {} ../x\n", hash(b"x")));
        assert!(record.files.is_empty());
    }
}
