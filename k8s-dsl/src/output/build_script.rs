//! [`BuildScript`]: generating manifests from `build.rs`.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::bundle::Bundle;

use super::{Directory, Format, OutputError};

/// The environment variable that turns writing the repository directory into a drift check:
/// `K8S_DSL_CHECK=1 cargo build`.
///
/// ```
/// use k8s_dsl::output::{BuildEnv, BuildScript, OutputError, CHECK_ENV};
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(CHECK_ENV, "K8S_DSL_CHECK");
/// // With the check asked for (`check: true`, as `K8S_DSL_CHECK=1` gives), an empty repository
/// // directory is drift: nothing is written there.
/// let root = std::env::temp_dir().join(format!("k8s-dsl-doc-check-env-{}", std::process::id()));
/// let env = BuildEnv { out_dir: root.join("out"), manifest_dir: root.clone(), check: true };
/// let bundle = Bundle::new().add(ConfigMap::new("settings").data("mode", "production"));
/// let result = BuildScript::new().repo_dir("k8s").generate(&bundle, &env, &mut Vec::new());
/// assert!(matches!(result, Err(OutputError::Drift(_))));
/// assert!(!root.join("k8s").join("configmap_settings.yaml").exists());
/// # std::fs::remove_dir_all(&root)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const CHECK_ENV: &str = "K8S_DSL_CHECK";

/// What cargo tells a build script, read from the environment by [`BuildEnv::from_env`].
///
/// ```
/// use std::path::PathBuf;
/// use k8s_dsl::output::{BuildEnv, OutputError};
///
/// // Cargo sets `OUT_DIR` for build scripts; elsewhere `from_env` says which variable is missing.
/// match std::env::var_os("OUT_DIR") {
///     Some(out_dir) => assert_eq!(BuildEnv::from_env()?.out_dir, PathBuf::from(out_dir)),
///     None => assert!(matches!(BuildEnv::from_env(), Err(OutputError::MissingEnv { name: "OUT_DIR" }))),
/// }
///
/// // Tests build one by hand:
/// let env = BuildEnv { out_dir: "target/out".into(), manifest_dir: ".".into(), check: false };
/// assert!(!env.check);
/// # Ok::<(), OutputError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildEnv {
    /// `OUT_DIR`: the build script's output directory.
    pub out_dir: PathBuf,
    /// `CARGO_MANIFEST_DIR`: the crate's directory; relative repository paths start here.
    pub manifest_dir: PathBuf,
    /// Whether [`CHECK_ENV`] asks for a drift check (`1`, `true` or `yes`).
    pub check: bool,
}

impl BuildEnv {
    /// Reads `OUT_DIR`, `CARGO_MANIFEST_DIR` and [`CHECK_ENV`].
    pub fn from_env() -> Result<Self, OutputError> {
        let var = |name: &'static str| {
            std::env::var_os(name)
                .map(PathBuf::from)
                .ok_or(OutputError::MissingEnv { name })
        };
        Ok(BuildEnv {
            out_dir: var("OUT_DIR")?,
            manifest_dir: var("CARGO_MANIFEST_DIR")?,
            check: check_requested(std::env::var(CHECK_ENV).ok().as_deref()),
        })
    }
}

/// Whether the value of [`CHECK_ENV`] asks for a check.
fn check_requested(value: Option<&str>) -> bool {
    matches!(
        value.map(|v| v.trim().to_ascii_lowercase()).as_deref(),
        Some("1" | "true" | "yes")
    )
}

/// Generates a bundle's manifests from `build.rs`.
///
/// The manifests go into `OUT_DIR` (by default `$OUT_DIR/manifests`), where the crate can
/// `include_str!` them, and optionally into a directory of the repository that is committed
/// for GitOps tools. With `K8S_DSL_CHECK=1` the repository directory is compared instead of
/// written, and any drift fails the build with a unified diff.
///
/// A build script has dependencies of its own: k8s-dsl and k8s-openapi **with a Kubernetes
/// version feature** go under `[build-dependencies]` (a feature enabled under
/// `[dependencies]` does not reach them). Without one, k8s-openapi's build script stops before
/// k8s-dsl compiles, with "None of the v1_\* features are enabled on the k8s-openapi crate":
///
/// ```toml
/// [build-dependencies]
/// k8s-dsl = "0.1"
/// k8s-openapi = { version = "0.29", features = ["v1_33"] }
/// ```
///
/// ```no_run
/// // build.rs (`my_manifests` is a build-dependency that defines the objects)
/// # mod my_manifests { pub fn bundle() -> k8s_dsl::bundle::Bundle { k8s_dsl::bundle::Bundle::new() } }
/// fn main() {
///     k8s_dsl::output::BuildScript::new()
///         .repo_dir("k8s") // relative to the crate's directory
///         .run(&my_manifests::bundle());
/// }
/// ```
///
/// Validation errors fail the build and print every message with its object and field path;
/// warnings become `cargo:warning=` lines (among them one for each Secret with literal values,
/// which end up in the files in plain text).
///
/// [`run`](Self::run) exits the process with status 1 on an error, as a build script should;
/// [`try_run`](Self::try_run) does the same work and returns the error instead, and
/// [`generate`](Self::generate) takes the environment and the output stream as arguments.
#[derive(Debug, Clone)]
pub struct BuildScript {
    subdir: String,
    layout: Directory,
    repo_dir: Option<PathBuf>,
    watched: Vec<PathBuf>,
}

impl Default for BuildScript {
    fn default() -> Self {
        BuildScript::new()
    }
}

impl BuildScript {
    /// Writes into `$OUT_DIR/manifests`, one YAML file per object plus `kustomization.yaml`.
    pub fn new() -> Self {
        BuildScript {
            subdir: "manifests".to_owned(),
            layout: Directory::new(""),
            repo_dir: None,
            watched: Vec::new(),
        }
    }

    /// The directory inside `OUT_DIR` (default `manifests`); use one per bundle when a build
    /// script generates several.
    pub fn subdir(mut self, name: impl Into<String>) -> Self {
        self.subdir = name.into();
        self
    }

    /// YAML (the default) or JSON.
    pub fn format(mut self, format: Format) -> Self {
        self.layout = self.layout.format(format);
        self
    }

    /// Whether to write a `kustomization.yaml` (the default).
    pub fn kustomization(mut self, kustomization: bool) -> Self {
        self.layout = self.layout.kustomization(kustomization);
        self
    }

    /// One file called `name` instead of one file per object.
    pub fn single_file(mut self, name: impl Into<String>) -> Self {
        self.layout = self.layout.single_file(name);
        self
    }

    /// Also writes the manifests to `path` in the repository (relative to the crate's
    /// directory), or compares them with it when [`CHECK_ENV`] is set.
    pub fn repo_dir(mut self, path: impl Into<PathBuf>) -> Self {
        self.repo_dir = Some(path.into());
        self
    }

    /// Reruns the build script when `path` changes (an input file the manifests are computed
    /// from). Paths are relative to the crate's directory.
    pub fn rerun_if_changed(mut self, path: impl Into<PathBuf>) -> Self {
        self.watched.push(path.into());
        self
    }

    /// Generates the manifests as cargo asks: prints cargo's instructions on stdout, and on
    /// an error prints it on stderr and exits with status 1, which fails the build with the
    /// messages. Returns the directory in `OUT_DIR` that holds the files.
    ///
    /// It never returns on an error: to handle the error (or to call this outside a build
    /// script, where `OUT_DIR` is missing) use [`try_run`](Self::try_run), which returns it.
    ///
    /// ```no_run
    /// // build.rs
    /// # mod my_manifests { pub fn bundle() -> k8s_dsl::bundle::Bundle { k8s_dsl::bundle::Bundle::new() } }
    /// fn main() {
    ///     let dir = k8s_dsl::output::BuildScript::new().run(&my_manifests::bundle());
    ///     println!("cargo:rustc-env=MANIFESTS_DIR={}", dir.display());
    /// }
    /// ```
    pub fn run(&self, bundle: &Bundle) -> PathBuf {
        match self.try_run(bundle) {
            Ok(dir) => dir,
            Err(error) => {
                eprintln!("error: {error}");
                std::process::exit(1)
            }
        }
    }

    /// What [`run`](Self::run) does, returning the error instead of exiting: reads `OUT_DIR`,
    /// `CARGO_MANIFEST_DIR` and [`CHECK_ENV`] ([`BuildEnv::from_env`]), prints cargo's
    /// instructions on stdout and returns the directory in `OUT_DIR` that holds the files.
    /// Outside a build script it fails with [`OutputError::MissingEnv`].
    ///
    /// ```
    /// use k8s_dsl::output::{BuildScript, OutputError};
    /// use k8s_dsl::prelude::*;
    ///
    /// let bundle = Bundle::new().add(ConfigMap::new("settings").data("mode", "production"));
    /// match BuildScript::new().try_run(&bundle) {
    ///     // In a build script: the files are in `$OUT_DIR/manifests`.
    ///     Ok(dir) => assert!(dir.join("configmap_settings.yaml").exists()),
    ///     // Anywhere else (as when this example runs): the missing variable is named.
    ///     Err(OutputError::MissingEnv { name }) => assert!(name == "OUT_DIR" || name == "CARGO_MANIFEST_DIR"),
    ///     Err(other) => panic!("unexpected error: {other}"),
    /// }
    /// ```
    pub fn try_run(&self, bundle: &Bundle) -> Result<PathBuf, OutputError> {
        let env = BuildEnv::from_env()?;
        let stdout = io::stdout();
        let mut lock = stdout.lock();
        self.generate(bundle, &env, &mut lock)
    }

    /// Generates the manifests for `env`, writing cargo's instructions
    /// (`cargo:rerun-if-changed=`, `cargo:warning=`) to `instructions`. Returns the directory
    /// in `OUT_DIR` that holds the files. [`run`](Self::run) calls this.
    ///
    /// ```
    /// use k8s_dsl::output::{BuildEnv, BuildScript};
    /// use k8s_dsl::prelude::*;
    ///
    /// let root = std::env::temp_dir().join(format!("k8s-dsl-doc-generate-{}", std::process::id()));
    /// let env = BuildEnv { out_dir: root.join("out"), manifest_dir: root.clone(), check: false };
    /// let bundle = Bundle::new().add(ConfigMap::new("settings").data("mode", "production"));
    ///
    /// let mut instructions = Vec::new();
    /// let dir = BuildScript::new()
    ///     .subdir("config")
    ///     .repo_dir("k8s")
    ///     .rerun_if_changed("settings.toml")
    ///     .generate(&bundle, &env, &mut instructions)?;
    /// assert_eq!(dir, root.join("out").join("config"));
    /// assert!(dir.join("configmap_settings.yaml").exists());
    /// assert!(root.join("k8s").join("kustomization.yaml").exists());
    /// let instructions = String::from_utf8(instructions)?;
    /// assert!(instructions.contains("cargo:rerun-if-changed=settings.toml\n"));
    /// assert!(instructions.contains("cargo:rerun-if-env-changed=K8S_DSL_CHECK\n"));
    /// # std::fs::remove_dir_all(&root)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn generate(
        &self,
        bundle: &Bundle,
        env: &BuildEnv,
        instructions: &mut impl Write,
    ) -> Result<PathBuf, OutputError> {
        let mut say = |line: String| {
            writeln!(instructions, "{line}").map_err(|e| OutputError::io("write", "stdout", e))
        };
        if env.manifest_dir.join("build.rs").is_file() {
            say("cargo:rerun-if-changed=build.rs".to_owned())?;
        }
        for path in &self.watched {
            say(format!("cargo:rerun-if-changed={}", path.display()))?;
        }
        say(format!("cargo:rerun-if-env-changed={CHECK_ENV}"))?;
        let repo = self.repo_dir.as_ref().map(|dir| env.manifest_dir.join(dir));
        if let Some(repo) = &repo {
            say(format!("cargo:rerun-if-changed={}", repo.display()))?;
        }

        let warnings = bundle.check()?;
        for warning in warnings {
            let text = format!("{}: {}", warning.path, warning.message);
            say(format!("cargo:warning={}", one_line(&text)))?;
        }
        let files = self.layout.render_objects(bundle.objects())?;

        let out = env.out_dir.join(&self.subdir);
        let mut kept = self.layout.at(out.clone()).write_files(&files)?.warnings;
        if let Some(repo) = repo {
            let repo = self.layout.at(repo);
            if env.check {
                repo.check_files(&files)?;
            } else {
                kept.extend(repo.write_files(&files)?.warnings);
            }
        }
        // Files the directories listed but kept (edited by hand since they were written).
        for warning in kept {
            let text = format!("{}: {}", warning.path, warning.message);
            say(format!("cargo:warning={}", one_line(&text)))?;
        }
        Ok(out)
    }
}

/// `text` on one line, as cargo instructions must be.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
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
    fn check_values() {
        for yes in ["1", "true", "YES", " yes "] {
            assert!(check_requested(Some(yes)), "{yes}");
        }
        for no in [None, Some(""), Some("0"), Some("false"), Some("no")] {
            assert!(!check_requested(no), "{no:?}");
        }
    }

    #[test]
    fn instructions_stay_on_one_line() {
        assert_eq!(one_line("a\nb\r\nc"), "a b  c");
    }
}
