//! The drift check: generated files compared with the files on disk, as a unified diff that
//! names each stale, missing or extra file. Nothing is written.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::diff::unified;
use super::mask::mask_secrets;
use super::ownership::{self, Record};
use super::{GeneratedFile, OutputError};

/// How a file on disk differs from the generated one.
///
/// ```
/// use k8s_dsl::output::{Directory, FileState, OutputError};
/// use k8s_dsl::prelude::*;
///
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-state-{}", std::process::id()));
/// let bundle = Bundle::new().add(ConfigMap::new("web").data("mode", "production"));
/// let Err(OutputError::Drift(drift)) = Directory::new(&dir).check(&bundle) else {
///     panic!("an empty directory is drift");
/// };
/// assert!(drift.changes.iter().all(|change| change.state == FileState::Missing));
/// assert_eq!(FileState::Missing.as_str(), "missing");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// The file exists with other contents.
    Stale,
    /// The file should exist but does not.
    Missing,
    /// The file was generated before but no longer is (writing would remove it).
    Extra,
}

impl FileState {
    /// `stale`, `missing` or `extra`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileState::Stale => "stale",
            FileState::Missing => "missing",
            FileState::Extra => "extra",
        }
    }
}

/// One file that differs.
///
/// ```
/// use k8s_dsl::output::{Directory, FileState, OutputError};
/// use k8s_dsl::prelude::*;
///
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-change-{}", std::process::id()));
/// Directory::new(&dir).write(&Bundle::new().add(ConfigMap::new("web").data("mode", "staging")))?;
/// let bundle = Bundle::new().add(ConfigMap::new("web").data("mode", "production"));
/// let Err(OutputError::Drift(drift)) = Directory::new(&dir).check(&bundle) else {
///     panic!("expected drift");
/// };
/// let change = &drift.changes[0];
/// assert_eq!((change.path.clone(), change.state), (dir.join("configmap_web.yaml"), FileState::Stale));
/// assert!(change.diff.contains("-  mode: staging\n+  mode: production\n"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The file (the output directory joined with its name).
    pub path: PathBuf,
    /// How it differs.
    pub state: FileState,
    /// The unified diff from the file on disk to the generated one. Every value under a
    /// Secret's `data` and `stringData` shows as `<hidden value, sha256 …>` (the first 12 hex
    /// digits of its SHA-256), so the keys that changed are named and no value is shown; a
    /// file that differs only in CRLF line endings has a note saying so instead.
    pub diff: String,
}

/// The files of a directory that differ from the generated ones. `Display` prints a summary
/// naming every file, then the unified diff.
///
/// ```
/// use k8s_dsl::output::{Directory, OutputError};
/// use k8s_dsl::prelude::*;
///
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-drift-{}", std::process::id()));
/// Directory::new(&dir).write(&Bundle::new().add(ConfigMap::new("web").data("replicas", "2")))?;
/// let bundle = Bundle::new().add(ConfigMap::new("web").data("replicas", "3"));
/// let Err(OutputError::Drift(drift)) = Directory::new(&dir).check(&bundle) else {
///     panic!("expected drift");
/// };
/// assert_eq!(drift.dir, dir);
/// assert!(drift.diff().contains("-  replicas: \"2\"\n+  replicas: \"3\"\n"));
/// assert!(drift.to_string().contains("(1 stale, 0 missing, 0 extra)"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// The output directory.
    pub dir: PathBuf,
    /// Every file that differs, in file name order.
    pub changes: Vec<FileChange>,
}

impl Drift {
    /// The unified diff of every changed file, as `git diff` would show it (with Secret values
    /// hidden, see [`FileChange::diff`]).
    pub fn diff(&self) -> String {
        self.changes
            .iter()
            .map(|change| change.diff.as_str())
            .collect()
    }

    /// How many files are in `state`.
    fn count(&self, state: FileState) -> usize {
        self.changes.iter().filter(|c| c.state == state).count()
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the manifests in `{}` are out of date ({} stale, {} missing, {} extra); regenerate them (run without the check) and commit the result",
            self.dir.display(),
            self.count(FileState::Stale),
            self.count(FileState::Missing),
            self.count(FileState::Extra),
        )?;
        for change in &self.changes {
            writeln!(f, "  {}: {}", change.state.as_str(), change.path.display())?;
        }
        writeln!(f)?;
        f.write_str(&self.diff())
    }
}

impl std::error::Error for Drift {}

/// Compares `files` (and the ownership record they imply) with `dir`; `None` when equal.
/// With `ignore_line_endings`, a file that differs only by CRLF line endings is equal.
pub(crate) fn compare(
    dir: &Path,
    files: &[GeneratedFile],
    ignore_line_endings: bool,
) -> Result<Option<Drift>, OutputError> {
    let owned_before = ownership::read(dir)?;
    let expected_record = Record::of(
        files
            .iter()
            .map(|file| (file.name.as_str(), file.contents.as_bytes())),
    );
    let record = GeneratedFile {
        name: ownership::OWNED_FILE.to_owned(),
        contents: expected_record.render(),
    };
    let mut changes = Vec::new();
    let mut expected: BTreeSet<&str> = BTreeSet::new();
    for file in files.iter().chain(std::iter::once(&record)) {
        expected.insert(&file.name);
        let path = dir.join(&file.name);
        let generated = format!("{}\t(generated)", path.display());
        let is_record = file.name == ownership::OWNED_FILE;
        match read(&path)? {
            Some(actual) if actual == file.contents => {}
            // The record's hashes are bookkeeping: it is up to date when it lists the files.
            Some(actual) if is_record && expected_record.same_names(&ownership::parse(&actual)) => {
            }
            Some(actual) if actual.replace("\r\n", "\n") == file.contents => {
                if !ignore_line_endings {
                    changes.push(FileChange {
                        diff: line_endings_note(&path, dir),
                        path,
                        state: FileState::Stale,
                    });
                }
            }
            Some(actual) => {
                // CRLF and other changes: the diff of the other changes, and a note.
                let crlf = actual.contains("\r\n");
                let mut diff = masked_diff(
                    &actual,
                    &file.contents,
                    &path.display().to_string(),
                    &generated,
                    ignore_line_endings || crlf,
                );
                if crlf && !ignore_line_endings {
                    diff.push_str(&format!(
                        "# besides, the file has CRLF line endings: add `* text eol=lf` to `{}`\n",
                        dir.join(".gitattributes").display()
                    ));
                }
                changes.push(FileChange {
                    diff,
                    path,
                    state: FileState::Stale,
                });
            }
            None => changes.push(FileChange {
                diff: masked_diff("", &file.contents, "/dev/null", &generated, false),
                path,
                state: FileState::Missing,
            }),
        }
    }
    for name in owned_before
        .files
        .keys()
        .filter(|name| !expected.contains(name.as_str()))
    {
        let path = dir.join(name);
        if let Some(actual) = read(&path)? {
            changes.push(FileChange {
                diff: masked_diff(&actual, "", &path.display().to_string(), "/dev/null", false),
                path,
                state: FileState::Extra,
            });
        }
    }
    changes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((!changes.is_empty()).then(|| Drift {
        dir: dir.to_owned(),
        changes,
    }))
}

/// What a file that differs only in its line endings shows instead of a diff.
fn line_endings_note(path: &Path, dir: &Path) -> String {
    format!(
        "--- {path}\n+++ {path}\t(generated)\n\
# only line endings differ: the file has CRLF (\\r\\n) line endings, the generated one LF.\n\
# If git converts them on checkout (core.autocrlf, as on Windows), add the line\n\
#     * text eol=lf\n\
# to `{gitattributes}` and check the files out again, or compare with\n\
# `Directory::ignore_line_endings(true)`.\n",
        path = path.display(),
        gitattributes = dir.join(".gitattributes").display(),
    )
}

/// The unified diff from `old` to `new` with every Secret value hidden; with
/// `ignore_line_endings`, CRLF counts as LF.
fn masked_diff(
    old: &str,
    new: &str,
    old_name: &str,
    new_name: &str,
    ignore_line_endings: bool,
) -> String {
    let old = match ignore_line_endings {
        true => std::borrow::Cow::Owned(old.replace("\r\n", "\n")),
        false => std::borrow::Cow::Borrowed(old),
    };
    let (masked_old, masked_new) = (mask_secrets(&old), mask_secrets(new));
    let diff = unified(&masked_old, &masked_new, old_name, new_name);
    if diff.is_empty() && *old != *new {
        // Only hidden text differs (such as the layout of a Secret's values).
        return format!(
            "--- {old_name}\n+++ {new_name}\n# the files differ only in hidden Secret values\n"
        );
    }
    diff
}

/// The text of `path`, or `None` when it does not exist.
fn read(path: &Path) -> Result<Option<String>, OutputError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) if error.kind() == io::ErrorKind::NotADirectory => Ok(None),
        Err(error) => Err(OutputError::io("read", path, error)),
    }
}
