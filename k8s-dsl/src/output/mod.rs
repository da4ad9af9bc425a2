//! Writing manifests into a repository: files, directories, kustomization, `build.rs`, and a
//! drift check.
//!
//! - [`Directory`] renders a [`Bundle`] into one file per object (stable names from kind,
//!   namespace and name: [`file_name`]) plus a `kustomization.yaml`, or into one file; in
//!   YAML or JSON. `kubectl kustomize DIR` and `kubectl apply -k DIR` take the directory as is.
//! - Writes are **all or nothing**: every new file is written to a temporary file first, then
//!   a small journal lists the switches and they are made; a run killed (or stopped by a full
//!   disk) at any point leaves the old files or, once the next write or check has completed
//!   its journal, the new ones, never a mix and never half a manifest. Unchanged files are not
//!   rewritten, so their modification times stay.
//! - One run at a time: a write or check holds an advisory lock on the directory, and a
//!   second one waits ([`Directory::lock_timeout`]), then fails ([`OutputError::Locked`]).
//! - The directory records the files it wrote, with a hash of each, in `.k8s-dsl-owned`
//!   ([`OWNED_FILE`]). Files it wrote before and no longer generates are removed while they
//!   are still what it wrote, else kept with a warning ([`Written::kept`]); any other file is
//!   never touched, and a foreign file in the way of a generated one is an error
//!   ([`OutputError::NotOwned`]).
//! - File names stay within 255 bytes ([`MAX_FILE_NAME`]) for the longest valid names.
//! - [`Directory::check`] regenerates in memory and compares with the disk, writing nothing:
//!   [`Drift`] names each stale, missing or extra file and shows a unified diff, in which the
//!   values of a Secret's `data` and `stringData` are replaced by a short digest. A file that
//!   differs only in CRLF line endings is named as such, with the `.gitattributes` line that
//!   avoids it ([`Directory::ignore_line_endings`] compares them as equal).
//!   [`assert_up_to_date`] does the same in a test, panicking on drift.
//! - [`Directory::render`], [`Directory::write`] and [`Directory::check`] return the bundle's
//!   warnings (in [`Rendered`], [`Written`], or the `Ok` of `check`): a Secret with literal
//!   values is written in plain text, and the warning says how to read them from the
//!   environment at generation time instead.
//! - [`HelmChart`] writes a bundle as a Helm chart (`Chart.yaml`, `values.yaml`,
//!   `templates/`, `crds/`) the same way: the objects as k8s-dsl computed them, escaped so that
//!   Helm renders them unchanged, with the same ownership record, staged writes and drift
//!   check.
//! - [`BuildScript`] does it all from `build.rs`: into `OUT_DIR`, optionally into a repository
//!   directory, with `cargo:rerun-if-changed` lines, warnings as `cargo:warning=` lines,
//!   validation errors as build failures and `K8S_DSL_CHECK=1` ([`CHECK_ENV`]) for the drift
//!   check. [`BuildScript::run`] exits the process on an error; [`BuildScript::try_run`]
//!   returns it.
//!
//! ```
//! use k8s_dsl::output::{Directory, OutputError};
//! use k8s_dsl::prelude::*;
//!
//! fn bundle(replicas: i32) -> Bundle {
//!     Bundle::new().add(
//!         Deployment::new("web").replicas(replicas).template(
//!             Pod::template()
//!                 .label("app", "web")
//!                 .container(Container::new("web").image("nginx:1.27")),
//!         ),
//!     )
//! }
//!
//! let dir = std::env::temp_dir().join(format!("k8s-dsl-output-doc-{}", std::process::id()));
//! Directory::new(&dir).write(&bundle(2))?;
//! std::fs::write(dir.join("README.md"), "hand-written, never touched\n")?;
//!
//! // The code changed but the files were not regenerated: the check fails with a diff.
//! let Err(OutputError::Drift(drift)) = Directory::new(&dir).check(&bundle(3)) else {
//!     panic!("expected drift");
//! };
//! assert!(drift.diff().contains("-  replicas: 2\n+  replicas: 3\n"));
//!
//! Directory::new(&dir).write(&bundle(3))?;
//! Directory::new(&dir).check(&bundle(3))?;
//! assert!(dir.join("README.md").exists());
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod atomic;
mod build_script;
pub(crate) mod diff;
mod directory;
mod drift;
mod error;
mod file_name;
mod helm;
mod journal;
mod lock;
pub(crate) mod mask;
mod ownership;
mod render;

use std::fmt;
use std::str::FromStr;

use crate::bundle::Bundle;

pub use build_script::{BuildEnv, BuildScript, CHECK_ENV};
pub use directory::{Directory, Rendered, Written};
pub use drift::{Drift, FileChange, FileState};
pub use error::OutputError;
pub use file_name::{file_name, MAX_FILE_NAME};
pub use helm::{
    escape_template, HelmChart, CHART_FILE, CRDS_DIR, HELMIGNORE_FILE, MAX_CHART_NAME,
    TEMPLATES_DIR, VALUES_FILE,
};
pub use ownership::OWNED_FILE;
pub use render::{GeneratedFile, KUSTOMIZATION};

/// The text format of generated files.
///
/// ```
/// use k8s_dsl::output::Format;
///
/// assert_eq!(Format::default(), Format::Yaml);
/// assert_eq!(Format::Json.as_str(), "json");
/// assert_eq!(Format::Yaml.extension(), "yaml");
/// assert_eq!(Format::ALL.map(|f| f.to_string()), ["yaml", "json"]);
/// // Command lines parse it:
/// assert_eq!("json".parse::<Format>(), Ok(Format::Json));
/// assert_eq!("yml".parse::<Format>(), Err("unknown format `yml`; expected `yaml` or `json`".to_string()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// YAML (the default): one document per file, or documents separated by `---`.
    #[default]
    Yaml,
    /// JSON: one object per file, or a `v1` `List` in a single file.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 2] = [Format::Yaml, Format::Json];

    /// `yaml` or `json`: the name on the command line and the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Json => "json",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;

    /// `yaml` or `json`.
    fn from_str(text: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|format| format.as_str() == text)
            .ok_or_else(|| format!("unknown format `{text}`; expected `yaml` or `json`"))
    }
}

/// Fails (panics, as `assert!` does) with the drift report when the manifests in `dir` are not
/// what `bundle` generates: for a test that keeps committed manifests in sync with the code.
/// Pass a [`Directory`] for other layouts or formats. Nothing is written.
///
/// This is an assertion for tests only. Outside a test, call [`Directory::check`]: the same
/// comparison, which returns the drift (or any other failure) as an [`OutputError`] instead of
/// panicking, and the bundle's warnings when the files are up to date:
///
/// ```
/// use k8s_dsl::output::{Directory, OutputError};
/// use k8s_dsl::prelude::*;
///
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-up-to-date-{}", std::process::id()));
/// let bundle = Bundle::new().add(ConfigMap::new("web").data("mode", "production"));
/// match Directory::new(&dir).check(&bundle) {
///     Err(OutputError::Drift(drift)) => assert!(drift.to_string().contains("configmap_web.yaml")),
///     other => panic!("expected drift, got {other:?}"),
/// }
/// Directory::new(&dir).write(&bundle)?;
/// let warnings = Directory::new(&dir).check(&bundle)?;
/// assert!(warnings.is_empty());
/// k8s_dsl::output::assert_up_to_date(dir.as_path(), &bundle); // passes: nothing differs
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// In a test:
///
/// ```no_run
/// #[test]
/// fn committed_manifests_are_up_to_date() {
///     k8s_dsl::output::assert_up_to_date(
///         concat!(env!("CARGO_MANIFEST_DIR"), "/k8s"),
///         &my_manifests::bundle(),
///     );
/// }
/// # mod my_manifests { pub fn bundle() -> k8s_dsl::bundle::Bundle { k8s_dsl::bundle::Bundle::new() } }
/// ```
///
/// # Panics
/// When the bundle has errors, the directory cannot be read, or any file differs; the
/// message names every stale, missing or extra file and shows the diff.
#[track_caller]
#[allow(clippy::panic)] // an assertion for tests: failing loudly is its job
pub fn assert_up_to_date(dir: impl Into<Directory>, bundle: &Bundle) {
    let dir: Directory = dir.into();
    if let Err(error) = dir.check(bundle) {
        panic!("{error}");
    }
}
