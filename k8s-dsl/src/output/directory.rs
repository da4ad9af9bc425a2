//! [`Directory`]: an output directory the generator owns part of: it renders a bundle into
//! files, writes them atomically (skipping unchanged files), removes the files it wrote before
//! but no longer generates, never touches anything else, and checks for drift.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::bundle::{Bundle, Object};
use crate::validate::Warning;

use super::atomic::{self, Interrupt};
use super::drift::{self, Drift};
use super::ownership::{self, OWNED_FILE};
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
    /// The warnings of the bundle written ([`Bundle::check`]): among them one for each Secret
    /// whose literal values are now in a file in plain text. Empty after
    /// [`Directory::write_files`], which gets no bundle.
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
        Ok(Written {
            warnings: rendered.warnings,
            ..written
        })
    }

    /// Checks the bundle and compares its files with the directory, writing nothing: an
    /// [`OutputError::Drift`] lists every stale, missing or extra file with a unified diff.
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
        render::check_names(files)?;
        drift::compare(&self.path, files)
    }

    /// Writes rendered files into the directory:
    ///
    /// - each file is written atomically (temporary file, then rename), and only when its
    ///   contents change, so a second run with the same objects writes nothing;
    /// - a file that exists but is not listed in `.k8s-dsl-owned` is never overwritten (unless
    ///   it already has the generated contents): the write fails with
    ///   [`OutputError::NotOwned`] before anything changes;
    /// - files listed in `.k8s-dsl-owned` that are no longer generated are removed; no other
    ///   file is.
    ///
    /// The ownership record is extended before new files are written and trimmed after stale
    /// ones are removed, so a run killed at any point leaves every file complete and recorded.
    pub fn write_files(&self, files: &[GeneratedFile]) -> Result<Written, OutputError> {
        render::check_names(files)?;
        let dir = &self.path;
        fs::create_dir_all(dir).map_err(|e| OutputError::io("create directory", dir, e))?;
        let owned = ownership::read(dir)?;
        let mut written = Written {
            removed: atomic::remove_leftovers(dir)?,
            ..Written::default()
        };
        let interrupt = Interrupt::after(self.interrupt_after);

        // Read every target first: refuse foreign files before changing anything.
        let mut current = Vec::with_capacity(files.len());
        for file in files {
            let path = dir.join(&file.name);
            let existing = read_existing(&path)?;
            if let Some(existing) = &existing {
                if !owned.contains(&file.name) && *existing != file.contents.as_bytes() {
                    return Err(OutputError::NotOwned { path });
                }
            }
            current.push((file, path, existing));
        }

        let generated: BTreeSet<String> = files.iter().map(|f| f.name.clone()).collect();
        let union: BTreeSet<String> = owned.union(&generated).cloned().collect();
        let mut record_written = union != owned && self.write_record(&union, &interrupt)?;

        for (file, path, existing) in current {
            if existing.as_deref() == Some(file.contents.as_bytes()) {
                written.unchanged.push(path);
            } else {
                atomic::write(&path, file.contents.as_bytes(), &interrupt)?;
                written.written.push(path);
            }
        }

        for name in owned.difference(&generated) {
            let path = dir.join(name);
            match fs::remove_file(&path) {
                Ok(()) => written.removed.push(path),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => return Err(OutputError::io("remove", path, error)),
            }
        }

        record_written |= self.write_record(&generated, &interrupt)?;
        let record = dir.join(OWNED_FILE);
        if record_written {
            written.written.push(record);
        } else {
            written.unchanged.push(record);
        }
        Ok(written)
    }

    /// Writes the ownership record listing `names`, unless it already does; whether it wrote.
    fn write_record(
        &self,
        names: &BTreeSet<String>,
        interrupt: &Interrupt,
    ) -> Result<bool, OutputError> {
        let path = self.path.join(OWNED_FILE);
        let text = ownership::render(names.iter().map(String::as_str));
        if read_existing(&path)?.as_deref() == Some(text.as_bytes()) {
            return Ok(false);
        }
        atomic::write(&path, text.as_bytes(), interrupt)?;
        Ok(true)
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
