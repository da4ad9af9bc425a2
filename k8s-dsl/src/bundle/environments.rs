//! [`Environments`]: several bundles derived from one definition (staging, production, ...),
//! written one directory per environment, each with its own `kustomization.yaml`, and checked
//! for drift together.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::Bundle;
use crate::output::{Directory, Drift, GeneratedFile, OutputError, Written};

/// Several bundles derived from one definition: a function of the environment's name and of
/// typed values (replicas, images, resources, hosts, ...) that returns its bundle. Each is
/// written to `ROOT/<name>/` by an [`output::Directory`](crate::output::Directory) (one file
/// per object and a `kustomization.yaml` by default, the owned-files rules of `Directory`),
/// and [`drift`](Self::drift) compares all of them at once.
///
/// Every bundle is checked before anything is written: an invalid environment writes none.
/// An environment name must be usable as a directory name (not empty, no `/` or `\`, not `.`
/// or `..`) and appear once.
///
/// ```
/// use k8s_dsl::bundle::Environments;
/// use k8s_dsl::prelude::*;
///
/// struct Values { replicas: i32, image: &'static str }
///
/// let environments = Environments::derive(
///     [
///         ("staging", Values { replicas: 1, image: "nginx:1.27" }),
///         ("production", Values { replicas: 3, image: "nginx:1.26" }),
///     ],
///     |name, values| {
///         Bundle::new()
///             .namespace(format!("shop-{name}"))
///             .common_labels([("app", "web")])
///             .add(Deployment::new("web").replicas(values.replicas).template(
///                 Pod::template().label("app", "web").container(Container::new("web").image(values.image)),
///             ))
///     },
/// );
/// assert_eq!(environments.names().collect::<Vec<_>>(), ["staging", "production"]);
///
/// let root = std::env::temp_dir().join(format!("k8s-dsl-doc-environments-{}", std::process::id()));
/// let written = environments.write(&root)?;
/// assert_eq!(written.len(), 2);
/// assert!(root.join("production/kustomization.yaml").exists());
/// assert!(root.join("staging/deployment_shop-staging_web.yaml").exists());
/// assert!(environments.drift(&root)?.is_empty());
///
/// // Production changes in the definition but not on disk: its directory has drifted.
/// let changed = environments.clone().patch_env("production", |bundle| {
///     bundle.patch::<k8s_openapi::api::apps::v1::Deployment>("web", |d| d.spec.replicas = Some(5))
/// });
/// let drift = changed.drift(&root)?;
/// assert_eq!(drift.len(), 1);
/// assert_eq!(drift[0].dir, root.join("production"));
/// # std::fs::remove_dir_all(&root)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Environments {
    environments: Vec<(String, Bundle)>,
    directory: Directory,
}

impl Default for Environments {
    fn default() -> Self {
        Environments::new()
    }
}

impl Environments {
    /// No environment yet.
    pub fn new() -> Self {
        Environments {
            environments: Vec::new(),
            directory: Directory::new("."),
        }
    }

    /// One environment per `(name, values)`, in the order given, each the bundle `define`
    /// returns for its name and values.
    pub fn derive<N: Into<String>, E>(
        environments: impl IntoIterator<Item = (N, E)>,
        define: impl Fn(&str, &E) -> Bundle,
    ) -> Self {
        environments
            .into_iter()
            .fold(Environments::new(), |all, (name, values)| {
                let name = name.into();
                let bundle = define(&name, &values);
                all.env(name, bundle)
            })
    }

    /// Adds the environment `name` with its bundle.
    pub fn env(mut self, name: impl Into<String>, bundle: Bundle) -> Self {
        self.environments.push((name.into(), bundle));
        self
    }

    /// Changes the bundle of the environment `name` (with
    /// [`Bundle::patch`](super::Bundle::patch), settings, more objects, ...); no environment
    /// of that name: nothing changes.
    pub fn patch_env(mut self, name: &str, change: impl FnOnce(Bundle) -> Bundle) -> Self {
        if let Some(entry) = self.environments.iter_mut().find(|(n, _)| n == name) {
            let bundle = std::mem::take(&mut entry.1);
            entry.1 = change(bundle);
        }
        self
    }

    /// How each environment's directory is written (format, kustomization, single file):
    /// the settings of `directory`, its path ignored.
    pub fn directory(mut self, directory: Directory) -> Self {
        self.directory = directory;
        self
    }

    /// The environments' names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.environments.iter().map(|(name, _)| name.as_str())
    }

    /// The bundle of the environment `name`.
    pub fn get(&self, name: &str) -> Option<&Bundle> {
        self.environments
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, bundle)| bundle)
    }

    /// Each environment's name and bundle, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Bundle)> {
        self.environments
            .iter()
            .map(|(name, bundle)| (name.as_str(), bundle))
    }

    /// Checks every name and bundle, and renders each environment's files for its directory
    /// under `root`.
    fn render(&self, root: &Path) -> Result<Vec<(Directory, Vec<GeneratedFile>)>, OutputError> {
        let mut seen = BTreeSet::new();
        let mut rendered = Vec::with_capacity(self.environments.len());
        for (name, bundle) in &self.environments {
            check_name(name)?;
            if !seen.insert(name.as_str()) {
                return Err(OutputError::BadFileName {
                    name: name.clone(),
                    reason: "two environments have this name",
                });
            }
            let directory = self.directory.at(root.join(name));
            let files = directory.render(bundle)?.files;
            rendered.push((directory, files));
        }
        Ok(rendered)
    }

    /// Checks every environment, then writes each to `root/<name>/` (see
    /// [`Directory::write_files`]); returns what each write did, in order. Nothing is written
    /// when an environment is invalid. The warnings of each bundle are in its
    /// [`Written::warnings`].
    pub fn write(&self, root: impl AsRef<Path>) -> Result<Vec<(String, Written)>, OutputError> {
        let root = root.as_ref();
        let rendered = self.render(root)?;
        let mut written = Vec::with_capacity(rendered.len());
        for ((name, bundle), (directory, files)) in self.environments.iter().zip(rendered) {
            let mut done = directory.write_files(&files)?;
            let mut warnings = bundle.check()?;
            warnings.append(&mut done.warnings);
            done.warnings = warnings;
            written.push((name.clone(), done));
        }
        Ok(written)
    }

    /// Compares every environment's files with its directory under `root`, writing nothing:
    /// one [`Drift`] for each directory that differs (empty when all are up to date).
    pub fn drift(&self, root: impl AsRef<Path>) -> Result<Vec<Drift>, OutputError> {
        let mut drifts = Vec::new();
        for (directory, files) in self.render(root.as_ref())? {
            if let Some(drift) = directory.drift(&files)? {
                drifts.push(drift);
            }
        }
        Ok(drifts)
    }

    /// The directory of each environment under `root`, in order.
    pub fn dirs(&self, root: impl AsRef<Path>) -> Vec<PathBuf> {
        self.names().map(|name| root.as_ref().join(name)).collect()
    }
}

/// An environment's name is one directory name.
fn check_name(name: &str) -> Result<(), OutputError> {
    let reason = if name.is_empty() {
        Some("an environment needs a name")
    } else if name.contains(['/', '\\']) {
        Some("an environment's name is one directory name: no `/` or `\\`")
    } else if name == "." || name == ".." {
        Some("an environment's name cannot be `.` or `..`")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(OutputError::BadFileName {
            name: name.to_owned(),
            reason,
        }),
        None => Ok(()),
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
    use crate::prelude::*;

    fn web(replicas: i32) -> Bundle {
        Bundle::new().add(
            Deployment::new("web").replicas(replicas).template(
                Pod::template()
                    .label("app", "web")
                    .container(Container::new("web").image("nginx:1.27")),
            ),
        )
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "k8s-dsl-environments-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn each_environment_has_its_directory_and_kustomization() {
        let root = temp("layout");
        let envs = Environments::derive([("a", 1), ("b", 2)], |_, replicas| web(*replicas));
        envs.write(&root).unwrap();
        for (name, replicas) in [("a", 1), ("b", 2)] {
            let dir = root.join(name);
            let kustomization = std::fs::read_to_string(dir.join("kustomization.yaml")).unwrap();
            assert!(kustomization.contains("- deployment_web.yaml"));
            let yaml = std::fs::read_to_string(dir.join("deployment_web.yaml")).unwrap();
            assert!(yaml.contains(&format!("replicas: {replicas}\n")));
        }
        assert!(envs.drift(&root).unwrap().is_empty());
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn drift_is_reported_for_every_changed_environment() {
        let root = temp("drift");
        Environments::derive([("a", 1), ("b", 2), ("c", 3)], |_, r| web(*r))
            .write(&root)
            .unwrap();
        let changed = Environments::derive([("a", 1), ("b", 4), ("c", 5)], |_, r| web(*r));
        let dirs: Vec<PathBuf> = changed
            .drift(&root)
            .unwrap()
            .into_iter()
            .map(|d| d.dir)
            .collect();
        assert_eq!(dirs, [root.join("b"), root.join("c")]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn an_invalid_environment_writes_nothing() {
        let root = temp("invalid");
        let envs = Environments::new().env("a", web(1)).env("b", web(-1));
        assert!(matches!(envs.write(&root), Err(OutputError::Invalid(_))));
        assert!(!root.exists());
    }

    #[test]
    fn bad_and_repeated_names_are_refused() {
        let root = temp("names");
        for names in [vec!["a", "a"], vec![""], vec!["../x"], vec![".."]] {
            let envs = names
                .iter()
                .fold(Environments::new(), |e, n| e.env(*n, web(1)));
            assert!(
                matches!(envs.write(&root), Err(OutputError::BadFileName { .. })),
                "{names:?}"
            );
        }
        assert!(!root.exists());
    }
}
