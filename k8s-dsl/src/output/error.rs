//! [`OutputError`]: why manifests could not be rendered, written or checked.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::bundle::BundleError;
use crate::emit::EmitError;
use crate::validate::Errors;

use super::drift::Drift;

/// Why manifests could not be rendered, written or checked. Every variant names the path or
/// object concerned and says what to do.
///
/// ```
/// use k8s_dsl::output::{Directory, OutputError};
/// use k8s_dsl::prelude::*;
///
/// // Invalid objects: nothing is written, and every error comes back.
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-error-{}", std::process::id()));
/// let bundle = Bundle::new().add(ConfigMap::new("web").data("bad key", "x"));
/// match Directory::new(&dir).write(&bundle) {
///     Err(OutputError::Invalid(errors)) => assert!(errors.has("ConfigMap/web: data[bad key]", 34)),
///     other => panic!("expected the key error, got {other:?}"),
/// }
/// assert!(!dir.exists());
///
/// // A single file name must be a plain name:
/// let error = Directory::new(&dir).single_file("../all.yaml").render(&Bundle::new()).unwrap_err();
/// assert!(matches!(error, OutputError::BadFileName { .. }));
/// ```
#[derive(Debug)]
pub enum OutputError {
    /// The bundle has errors; nothing was written.
    Invalid(Errors),
    /// An object could not be turned into text.
    Emit(EmitError),
    /// A file system operation failed on `path`.
    Io {
        /// What was being done, such as `create directory`.
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The error from the operating system.
        source: io::Error,
    },
    /// A file with a generated file's name exists, was not written by this crate, and differs
    /// from what would be written: it is left alone and nothing is written.
    NotOwned {
        /// The file.
        path: PathBuf,
    },
    /// Two objects would be written to the same file.
    SameFile {
        /// The file name.
        file: String,
        /// The first object, as `Kind/namespace/name`.
        first: String,
        /// The second object, as `Kind/namespace/name`.
        second: String,
    },
    /// A file name chosen with [`Directory::single_file`](super::Directory::single_file) cannot
    /// be used.
    BadFileName {
        /// The name.
        name: String,
        /// Why not.
        reason: &'static str,
    },
    /// A Helm chart's name or version is one Helm refuses
    /// ([`HelmChart`](super::HelmChart)); nothing was written.
    BadChart {
        /// `name` or `version`, the field of `Chart.yaml`.
        field: &'static str,
        /// The value given.
        value: String,
        /// Why Helm refuses it, and what to use instead.
        reason: String,
    },
    /// Writing stopped part way (an injected failure standing for a killed run); each file is
    /// either its previous or its new version.
    Interrupted {
        /// The file being written.
        path: PathBuf,
    },
    /// The files on disk differ from the generated ones (check mode).
    Drift(Drift),
    /// Another run kept the directory locked (it was writing or checking it) for longer than
    /// the [lock timeout](super::Directory::lock_timeout); nothing was written.
    Locked {
        /// The directory.
        path: PathBuf,
        /// How long this run waited.
        waited: std::time::Duration,
    },
    /// An environment variable cargo sets for build scripts is missing.
    MissingEnv {
        /// The variable, such as `OUT_DIR`.
        name: &'static str,
    },
}

impl OutputError {
    /// The I/O error of `action` on `path`.
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        OutputError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::Invalid(errors) => write!(f, "the manifests have errors, nothing was written: {errors}"),
            OutputError::Emit(error) => error.fmt(f),
            OutputError::Io {
                action,
                path,
                source,
            } => write!(
                f,
                "cannot {action} `{}`: {source}; check that the path is a directory (or a file in one) that this user can write",
                path.display()
            ),
            OutputError::NotOwned { path } => write!(
                f,
                "refusing to overwrite `{}`: k8s-dsl did not write it (it is not listed in `{}`); move the file away or generate into another directory",
                path.display(),
                super::ownership::OWNED_FILE
            ),
            OutputError::SameFile {
                file,
                first,
                second,
            } => write!(
                f,
                "`{first}` and `{second}` would both be written to `{file}`; rename one of them"
            ),
            OutputError::BadFileName { name, reason } => write!(
                f,
                "`{name}` cannot be a manifest file name: {reason}; use a plain name such as `manifests.yaml`"
            ),
            OutputError::BadChart {
                field,
                value,
                reason,
            } => write!(
                f,
                "Chart.yaml: the chart {field} `{value}` is not valid: {reason}"
            ),
            OutputError::Interrupted { path } => write!(
                f,
                "writing `{}` was interrupted; every file is either its previous or its new version, run again to finish",
                path.display()
            ),
            OutputError::Drift(drift) => drift.fmt(f),
            OutputError::Locked { path, waited } => write!(
                f,
                "another run kept `{}` locked for {:.1} s (a build script, a test or a second build writing or checking it); nothing was written: let it finish and run again, or give this run more time with `Directory::lock_timeout`",
                path.display(),
                waited.as_secs_f64()
            ),
            OutputError::MissingEnv { name } => write!(
                f,
                "environment variable `{name}` is not set; run this from a build script (`build.rs`), where cargo sets it"
            ),
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OutputError::Invalid(errors) => Some(errors),
            OutputError::Emit(error) => Some(error),
            OutputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<Errors> for OutputError {
    fn from(errors: Errors) -> Self {
        OutputError::Invalid(errors)
    }
}

impl From<EmitError> for OutputError {
    fn from(error: EmitError) -> Self {
        OutputError::Emit(error)
    }
}

impl From<BundleError> for OutputError {
    fn from(error: BundleError) -> Self {
        match error {
            BundleError::Invalid(errors) => OutputError::Invalid(errors),
            BundleError::Emit(error) => OutputError::Emit(error),
        }
    }
}

impl From<Drift> for OutputError {
    fn from(drift: Drift) -> Self {
        OutputError::Drift(drift)
    }
}
