//! [`Directory`]: an output directory the generator owns part of: it renders a bundle into
//! files, writes them atomically (skipping unchanged files), removes the files it wrote before
//! but no longer generates, never touches anything else, and checks for drift.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::bundle::{Bundle, Object};
use crate::validate::{FieldPath, Warning};

use super::atomic::{self, Interrupt};
use super::drift::{self, Drift};
use super::journal::{self, ExitAt, Step};
use super::lock::{self, DirLock};
use super::ownership::{self, Record, OWNED_FILE};
use super::render::{self, GeneratedFile, Layout};
use super::{Format, OutputError};

/// An output directory: where and how a bundle's manifests are written. By default one YAML
/// file per object plus a `kustomization.yaml` listing them.
///
/// ```
/// use k8s_dsl::output::{Directory, Format};
/// use k8s_dsl::prelude::*;
///
/// let bundle = Bundle::new().add(ConfigMap::new("web-config").data("mode", "production"));
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-{}", std::process::id()));
/// let written = Directory::new(&dir).write(&bundle)?;
/// assert_eq!(written.written.len(), 3); // the ConfigMap, the kustomization, `.k8s-dsl-owned`
/// assert!(dir.join("configmap_web-config.yaml").exists());
///
/// // Nothing changed: nothing is rewritten, and the drift check passes.
/// assert!(Directory::new(&dir).write(&bundle)?.written.is_empty());
/// Directory::new(&dir).check(&bundle)?;
///
/// // JSON in one file, without a kustomization:
/// let rendered = Directory::new(&dir).format(Format::Json).kustomization(false).single_file("all.json").render(&bundle)?;
/// assert_eq!(rendered.files[0].name, "all.json");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Rendering once, then comparing and writing the files (as [`BuildScript`](super::BuildScript)
/// does for `OUT_DIR` and the repository):
///
/// ```
/// use k8s_dsl::output::Directory;
/// use k8s_dsl::prelude::*;
///
/// let objects = Bundle::new().add(ConfigMap::new("web").data("mode", "production")).build()?;
/// let dir = Directory::new(std::env::temp_dir().join(format!("k8s-dsl-doc-files-{}", std::process::id())));
/// let files = dir.render_objects(&objects)?;
/// assert_eq!(files.len(), 2); // the ConfigMap and the kustomization
///
/// let drift = dir.drift(&files)?.map(|drift| drift.changes.len());
/// assert_eq!(drift, Some(3)); // all missing: both files and the ownership record
/// assert!(dir.check_files(&files).is_err());
/// dir.write_files(&files)?;
/// assert_eq!(dir.drift(&files)?, None);
/// dir.check_files(&files)?;
/// # std::fs::remove_dir_all(dir.path())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    path: PathBuf,
    layout: Layout,
    interrupt_after: Option<u64>,
    exit_at_step: Option<u32>,
    lock_timeout: Duration,
    ignore_line_endings: bool,
    /// Whether file names may name files in subdirectories (`templates/a.yaml`, for a chart).
    nested: bool,
}

/// What a write did, and the bundle's warnings.
///
/// ```
/// use k8s_dsl::output::Directory;
/// use k8s_dsl::prelude::*;
///
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-written-{}", std::process::id()));
/// let web = ConfigMap::new("web").data("mode", "production");
/// let api = ConfigMap::new("api").data("mode", "production");
/// let first = Directory::new(&dir).write(&Bundle::new().add(web.clone()).add(api))?;
/// assert_eq!(first.written.len(), 4); // two ConfigMaps, the kustomization, `.k8s-dsl-owned`
///
/// // `api` is gone: its file is removed, `web`'s is left untouched.
/// let second = Directory::new(&dir).write(&Bundle::new().add(web))?;
/// assert_eq!(second.removed, [dir.join("configmap_api.yaml")]);
/// assert!(second.unchanged.contains(&dir.join("configmap_web.yaml")));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Files created or replaced (including the ownership record).
    pub written: Vec<PathBuf>,
    /// Files whose contents were already right, left untouched.
    pub unchanged: Vec<PathBuf>,
    /// Files this crate wrote before and no longer generates, removed (and temporary files of
    /// an interrupted run).
    pub removed: Vec<PathBuf>,
    /// Files listed in the ownership record that are no longer generated but were kept: edited
    /// since they were written, listed by hand, of a record without hashes (of an earlier
    /// version), or directories. Each has a warning in [`warnings`](Self::warnings), and none
    /// is listed in the record any more.
    pub kept: Vec<PathBuf>,
    /// The warnings of the bundle written ([`Bundle::check`]): among them one for each Secret
    /// whose literal values are now in a file in plain text. Then one for each file in
    /// [`kept`](Self::kept), naming it and saying what to do.
    pub warnings: Vec<Warning>,
}

/// A bundle rendered into files, with the bundle's warnings: what [`Directory::render`]
/// returns.
///
/// ```
/// use k8s_dsl::output::Directory;
/// use k8s_dsl::prelude::*;
///
/// let bundle = Bundle::new()
///     .add(ConfigMap::new("web").data("mode", "production"))
///     .add(Secret::new("db").string_data("password", "s3cr3t"));
/// let rendered = Directory::new("k8s").render(&bundle)?;
/// let names: Vec<&str> = rendered.files.iter().map(|f| f.name.as_str()).collect();
/// assert_eq!(names, ["configmap_web.yaml", "secret_db.yaml", "kustomization.yaml"]);
/// // The Secret's literal value would be written in plain text:
/// assert_eq!(rendered.warnings.len(), 1);
/// assert_eq!(rendered.warnings[0].path.as_str(), "Secret/db: stringData");
/// assert!(rendered.warnings[0].message.contains("string_data_from_env"));
/// # Ok::<(), k8s_dsl::output::OutputError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The files, object files first (in apply order), then the kustomization.
    pub files: Vec<GeneratedFile>,
    /// The bundle's warnings ([`Bundle::check`]), such as a Secret with literal values.
    pub warnings: Vec<Warning>,
}

impl Directory {
    /// The directory at `path` (created when written if missing), with one YAML file per
    /// object and a `kustomization.yaml`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Directory {
            path: path.into(),
            layout: Layout {
                format: Format::Yaml,
                kustomization: true,
                single_file: None,
            },
            interrupt_after: None,
            exit_at_step: None,
            lock_timeout: lock::DEFAULT_TIMEOUT,
            ignore_line_endings: false,
            nested: false,
        }
    }

    /// YAML (the default) or JSON files. The kustomization file is always YAML.
    pub fn format(mut self, format: Format) -> Self {
        self.layout.format = format;
        self
    }

    /// Whether to write a `kustomization.yaml` listing the files (the default), so
    /// `kubectl apply -k DIR` and Argo CD or Flux kustomizations take the directory as is.
    pub fn kustomization(mut self, kustomization: bool) -> Self {
        self.layout.kustomization = kustomization;
        self
    }

    /// Writes every object into one file called `name` (YAML documents separated by `---`,
    /// or a JSON `v1` `List`) instead of one file per object.
    pub fn single_file(mut self, name: impl Into<String>) -> Self {
        self.layout.single_file = Some(name.into());
        self
    }

    /// Stops writing after `bytes` bytes, as if the process were killed (temporary files are
    /// left behind). For tests of interrupted runs only.
    #[doc(hidden)]
    pub fn __interrupt_after_bytes(mut self, bytes: u64) -> Self {
        self.interrupt_after = Some(bytes);
        self
    }

    /// Exits the process (status 86) at the given step of a write (staging a file, committing,
    /// each switch), as if it were killed there. For tests of killed runs only.
    #[doc(hidden)]
    pub fn __exit_at_step(mut self, step: u32) -> Self {
        self.exit_at_step = Some(step);
        self
    }

    /// How long a write or check waits for another one on the same directory to finish
    /// (default two minutes) before it fails with [`OutputError::Locked`]. Only one run at a
    /// time writes or checks a directory: it holds an advisory lock on it throughout (on Unix
    /// the directory itself is locked, so no file is added), and a run that has to wait says
    /// so once on stderr.
    ///
    /// ```
    /// use std::time::Duration;
    /// use k8s_dsl::output::Directory;
    /// use k8s_dsl::prelude::*;
    ///
    /// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-lock-{}", std::process::id()));
    /// let bundle = Bundle::new().add(ConfigMap::new("web").data("mode", "production"));
    /// // Two threads (or two processes) writing at once take turns.
    /// std::thread::scope(|scope| {
    ///     for _ in 0..2 {
    ///         scope.spawn(|| Directory::new(&dir).lock_timeout(Duration::from_secs(30)).write(&bundle));
    ///     }
    /// });
    /// Directory::new(&dir).check(&bundle)?;
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lock_timeout(mut self, timeout: Duration) -> Self {
        self.lock_timeout = timeout;
        self
    }

    /// Whether the drift check takes a file that differs from the generated one only in its
    /// line endings (CRLF, as git on Windows checks files out) as up to date. Off by default:
    /// such a file is reported as stale, with a note that only line endings differ and the
    /// `.gitattributes` line (`* text eol=lf`) that makes git keep LF. Writing always writes
    /// LF.
    ///
    /// ```
    /// use k8s_dsl::output::Directory;
    /// use k8s_dsl::prelude::*;
    ///
    /// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-crlf-{}", std::process::id()));
    /// let bundle = Bundle::new().add(ConfigMap::new("web").data("mode", "production"));
    /// Directory::new(&dir).write(&bundle)?;
    /// let file = dir.join("configmap_web.yaml");
    /// std::fs::write(&file, std::fs::read_to_string(&file)?.replace('\n', "\r\n"))?;
    ///
    /// let error = Directory::new(&dir).check(&bundle).unwrap_err().to_string();
    /// assert!(error.contains("only line endings differ"));
    /// assert!(error.contains("* text eol=lf"));
    /// Directory::new(&dir).ignore_line_endings(true).check(&bundle)?;
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ignore_line_endings(mut self, ignore: bool) -> Self {
        self.ignore_line_endings = ignore;
        self
    }

    /// The same directory taking files in subdirectories (`templates/a.yaml`): one lock,
    /// one ownership record and one journal at its top for every file, as a Helm chart needs.
    pub(crate) fn nested(mut self) -> Self {
        self.nested = true;
        self
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The same settings for another directory.
    pub(crate) fn at(&self, path: PathBuf) -> Directory {
        Directory {
            path,
            ..self.clone()
        }
    }

    /// Checks the bundle and renders its files, without touching the disk. The bundle's
    /// warnings come with the files.
    pub fn render(&self, bundle: &Bundle) -> Result<Rendered, OutputError> {
        let warnings = bundle.check()?;
        let files = self.render_objects(bundle.objects())?;
        Ok(Rendered { files, warnings })
    }

    /// Renders already built objects (in the order given) into files.
    pub fn render_objects<'a>(
        &self,
        objects: impl IntoIterator<Item = &'a Object>,
    ) -> Result<Vec<GeneratedFile>, OutputError> {
        let objects: Vec<&Object> = objects.into_iter().collect();
        render::render(&objects, &self.layout)
    }

    /// Checks the bundle and writes its files (see [`write_files`](Self::write_files)). The
    /// bundle's warnings are in [`Written::warnings`]: show them, as
    /// [`BuildScript`](super::BuildScript) does with `cargo:warning=` lines.
    ///
    /// ```
    /// use k8s_dsl::output::Directory;
    /// use k8s_dsl::prelude::*;
    ///
    /// let dir = std::env::temp_dir().join(format!("k8s-dsl-doc-write-warnings-{}", std::process::id()));
    /// let bundle = Bundle::new().add(Secret::new("db").string_data("password", "s3cr3t"));
    /// let written = Directory::new(&dir).write(&bundle)?;
    /// assert!(dir.join("secret_db.yaml").exists());
    /// // The value is in the file in plain text: the warning says so, and how to avoid it.
    /// assert_eq!(written.warnings.len(), 1);
    /// assert!(written.warnings[0].message.contains("plain text"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write(&self, bundle: &Bundle) -> Result<Written, OutputError> {
        let rendered = self.render(bundle)?;
        let written = self.write_files(&rendered.files)?;
        let mut warnings = rendered.warnings;
        warnings.extend(written.warnings);
        Ok(Written {
            warnings,
            ..written
        })
    }

    /// Checks the bundle and compares its files with the directory, writing nothing (but
    /// finishing or rolling back a run that was killed part way): an
    /// [`OutputError::Drift`] lists every stale, missing or extra file with a unified diff, in
    /// which every value of a Secret's `data` and `stringData` is replaced by a short digest.
    /// Up to date, it returns the bundle's warnings. This is the non-panicking form of
    /// [`assert_up_to_date`](super::assert_up_to_date).
    pub fn check(&self, bundle: &Bundle) -> Result<Vec<Warning>, OutputError> {
        let rendered = self.render(bundle)?;
        self.check_files(&rendered.files)?;
        Ok(rendered.warnings)
    }

    /// Compares rendered files with the directory, writing nothing.
    pub fn check_files(&self, files: &[GeneratedFile]) -> Result<(), OutputError> {
        match self.drift(files)? {
            Some(drift) => Err(OutputError::Drift(drift)),
            None => Ok(()),
        }
    }

    /// The differences between rendered files and the directory, if any.
    pub fn drift(&self, files: &[GeneratedFile]) -> Result<Option<Drift>, OutputError> {
        render::check_names(files, self.nested)?;
        let _lock = match self.path.is_dir() {
            true => Some(self.lock_and_recover()?),
            false => None,
        };
        drift::compare(&self.path, files, self.ignore_line_endings)
    }

    /// Takes the directory's lock, then completes or rolls back what a killed run left;
    /// returns the lock and the files removed.
    fn lock_and_recover(&self) -> Result<DirLock, OutputError> {
        Ok(self.lock_and_recover_removing()?.0)
    }

    /// [`lock_and_recover`](Self::lock_and_recover), with the files removed.
    fn lock_and_recover_removing(&self) -> Result<(DirLock, Vec<PathBuf>), OutputError> {
        let lock = lock::acquire(&self.path, self.lock_timeout)?;
        let removed = journal::recover(&self.path)?;
        Ok((lock, removed))
    }

    /// Writes rendered files into the directory:
    ///
    /// - each file is written only when its contents change, so a second run with the same
    ///   objects writes nothing;
    /// - a file that exists but is not listed in `.k8s-dsl-owned` is never overwritten (unless
    ///   it already has the generated contents): the write fails with
    ///   [`OutputError::NotOwned`] before anything changes;
    /// - files listed in `.k8s-dsl-owned` that are no longer generated are removed while they
    ///   are still exactly what was written (the record keeps a hash of each); any other is
    ///   kept, with a warning ([`Written::kept`]). No other file is touched;
    /// - the directory changes all at once as the next run sees it: every new file is written
    ///   to a temporary file first, then a small journal lists the switches to make, then they
    ///   are made. A run killed (or stopped by a full disk) before the journal is in place
    ///   leaves the old files, and the next write or check removes its temporaries; one killed
    ///   after it is completed by the next write or check;
    /// - only one run writes or checks the directory at a time ([`lock_timeout`](Self::lock_timeout)).
    ///
    /// The ownership record is listed in [`Written::written`] when the names it lists change,
    /// in [`Written::unchanged`] otherwise (its hashes follow the files written).
    pub fn write_files(&self, files: &[GeneratedFile]) -> Result<Written, OutputError> {
        render::check_names(files, self.nested)?;
        let dir = &self.path;
        fs::create_dir_all(dir).map_err(|e| OutputError::io("create directory", dir, e))?;
        let (_lock, removed) = self.lock_and_recover_removing()?;
        let owned = ownership::read(dir)?;
        let mut written = Written {
            removed,
            ..Written::default()
        };

        // Read every target first: refuse foreign files before changing anything.
        let mut current = Vec::with_capacity(files.len());
        for file in files {
            if !ownership::stays_inside(dir, &file.name) {
                return Err(OutputError::BadFileName {
                    name: file.name.clone(),
                    reason: "a directory on its path is a symbolic link or a file, which k8s-dsl does not write through",
                });
            }
            let path = dir.join(&file.name);
            let existing = read_existing(&path)?;
            if let Some(existing) = &existing {
                if !owned.contains(&file.name) && *existing != file.contents.as_bytes() {
                    return Err(OutputError::NotOwned { path });
                }
            }
            current.push((file, path, existing));
        }
        // The subdirectories of nested files (an empty one left by a killed run is harmless).
        for file in files {
            if let Some((parent, _)) = file.name.rsplit_once('/') {
                let parent = dir.join(parent);
                fs::create_dir_all(&parent)
                    .map_err(|e| OutputError::io("create directory", parent, e))?;
            }
        }

        // Stale files: removed only while they are exactly what was written.
        let generated: BTreeSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let mut steps = Vec::new();
        for (name, recorded) in &owned.files {
            if generated.contains(name.as_str()) {
                continue;
            }
            let path = dir.join(name);
            let stale = match ownership::stays_inside(dir, name) {
                true => stale(&path, recorded.as_deref())?,
                false => Stale::Keep(KeepReason::NotAFile),
            };
            match stale {
                Stale::Gone => {}
                Stale::Remove(sha256) => {
                    steps.push(Step::Remove {
                        name: name.clone(),
                        sha256,
                    });
                }
                Stale::Keep(why) => {
                    written.warnings.push(Warning {
                        path: FieldPath::parse(&path.display().to_string()),
                        message: why.message(),
                    });
                    written.kept.push(path);
                }
            }
        }

        let record = Record::of(
            files
                .iter()
                .map(|f| (f.name.as_str(), f.contents.as_bytes())),
        );
        let record_text = record.render();
        let record_path = dir.join(OWNED_FILE);
        let record_before = read_existing(&record_path)?;
        let names_changed = record_before.is_none() || !owned.files.keys().eq(record.files.keys());

        // Stage every new file, then switch.
        let interrupt = Interrupt::after(self.interrupt_after);
        let exit = ExitAt::new(self.exit_at_step);
        let mut staged = Vec::new();
        let mut targets: Vec<(&str, &[u8], PathBuf)> = Vec::new();
        for (file, path, existing) in current {
            if existing.as_deref() == Some(file.contents.as_bytes()) {
                written.unchanged.push(path);
            } else {
                targets.push((&file.name, file.contents.as_bytes(), path));
            }
        }
        if record_before.as_deref() != Some(record_text.as_bytes()) {
            targets.push((OWNED_FILE, record_text.as_bytes(), record_path.clone()));
        }
        for (name, contents, path) in &targets {
            match atomic::stage(dir, path, contents, &interrupt) {
                Ok(temp) => {
                    steps.push(Step::Rename {
                        temp: file_name_of(&temp),
                        name: (*name).to_owned(),
                    });
                    staged.push(temp);
                }
                // As a killed run would, the temporaries stay for the next run to remove.
                Err(error @ OutputError::Interrupted { .. }) => return Err(error),
                Err(error) => {
                    remove_all(&staged);
                    return Err(error);
                }
            }
            exit.step();
        }
        if !steps.is_empty() {
            if let Err(error) = journal::commit(dir, &steps) {
                remove_all(&staged);
                return Err(error);
            }
            exit.step();
            written.removed.extend(journal::apply(dir, &steps, &exit)?);
            journal::finish(dir)?;
            exit.step();
        }

        for (name, _, path) in targets {
            if name != OWNED_FILE {
                written.written.push(path);
            }
        }
        if names_changed {
            written.written.push(record_path);
        } else {
            written.unchanged.push(record_path);
        }
        Ok(written)
    }
}

/// What to do with a file the record lists that is no longer generated.
enum Stale {
    /// It is already gone.
    Gone,
    /// Remove it: it has the hash recorded (given).
    Remove(String),
    /// Keep it, for this reason.
    Keep(KeepReason),
}

/// Why a recorded file is kept.
enum KeepReason {
    /// It was edited since it was written (or listed by hand).
    Changed,
    /// The record (of an earlier version, or edited) has no hash for it.
    NoHash,
    /// It is a directory, or something else that is no regular file.
    NotAFile,
}

impl KeepReason {
    /// The warning's text.
    fn message(&self) -> String {
        let what = match self {
            KeepReason::Changed => "k8s-dsl no longer generates this file, but it is not what k8s-dsl wrote (it was edited since, or listed in `.k8s-dsl-owned` by hand), so it was kept",
            KeepReason::NoHash => "k8s-dsl no longer generates this file, but `.k8s-dsl-owned` has no hash of what was written (it was written by an earlier version, or listed by hand), so it was kept",
            KeepReason::NotAFile => "`.k8s-dsl-owned` lists this directory (or another non-file, or a file behind a symbolic link), which k8s-dsl never writes, so it was skipped",
        };
        format!("{what}; delete it if it is no longer needed, or keep it: it is no longer listed in `{OWNED_FILE}`")
    }
}

/// Classifies the recorded file at `path`, whose recorded hash is `recorded`.
fn stale(path: &Path, recorded: Option<&str>) -> Result<Stale, OutputError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Stale::Gone),
        Err(error) => return Err(OutputError::io("read", path, error)),
    };
    if !meta.is_file() {
        return Ok(Stale::Keep(KeepReason::NotAFile));
    }
    let Some(recorded) = recorded else {
        return Ok(Stale::Keep(KeepReason::NoHash));
    };
    let bytes = fs::read(path).map_err(|e| OutputError::io("read", path, e))?;
    let actual = ownership::hash(&bytes);
    Ok(if actual == recorded {
        Stale::Remove(actual)
    } else {
        Stale::Keep(KeepReason::Changed)
    })
}

/// The file name of `path` as text.
fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Removes temporary files staged by this run (after a failure).
fn remove_all(paths: &[PathBuf]) {
    for path in paths {
        let _ = fs::remove_file(path);
    }
}

/// The bytes of `path`, or `None` when it does not exist.
fn read_existing(path: &Path) -> Result<Option<Vec<u8>>, OutputError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(OutputError::io("read", path, error)),
    }
}

impl From<PathBuf> for Directory {
    fn from(path: PathBuf) -> Self {
        Directory::new(path)
    }
}

impl From<&Path> for Directory {
    fn from(path: &Path) -> Self {
        Directory::new(path)
    }
}

impl From<&str> for Directory {
    fn from(path: &str) -> Self {
        Directory::new(path)
    }
}

impl From<String> for Directory {
    fn from(path: String) -> Self {
        Directory::new(path)
    }
}
