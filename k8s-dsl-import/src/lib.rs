//! # k8s-dsl-import
//!
//! Turns existing Kubernetes YAML into k8s-dsl code: every supported object becomes a
//! builder expression (`Pod::new("web").container(...)`), every other object a
//! `CustomResource`, and every field without a builder method is kept as JSON at its path
//! and reported, so the generated code builds exactly the objects it was made from. With
//! [`Options::macros`], Pods, Jobs and CronJobs are written as `pod!`, `job!` and `cronjob!`
//! instead (builder code, with the reason, where a field has no macro key).
//!
//! ```no_run
//! use std::path::Path;
//! use k8s_dsl_import::{import, Options};
//!
//! let generated = import(Path::new("manifests/"), &Options::default()).map_err(|errors| errors.len())?;
//! println!("{}", generated.code);
//! for field in &generated.unsupported {
//!     eprintln!("{field}");
//! }
//! # Ok::<(), usize>(())
//! ```
//!
//! From text, with the code it gives:
//!
//! ```
//! use k8s_dsl_import::{import_str, Options};
//!
//! let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: production\n";
//! let generated = import_str("settings.yaml", yaml, &Options::default()).map_err(|errors| errors.len())?;
//! assert!(generated.code.contains(r#"ConfigMap::new("settings")"#));
//! assert!(generated.code.contains(r#".data("mode", "production")"#));
//! assert!(generated.unsupported.is_empty());
//! # Ok::<(), usize>(())
//! ```
//!
//! The flow: [`read`] (files, documents, `kind: List`, errors with file, document and line)
//! → [`kinds`] (k8s-openapi types: field types checked, unknown fields found) →
//! [`codegen`] (builder code or macros, escape hatches, [`report`]) → [`rust`] (literals,
//! rustfmt).

mod base64;
pub mod codegen;
pub mod kinds;
pub mod limits;
pub mod read;
pub mod report;
pub mod rust;

use std::path::Path;

pub use codegen::{generate, Generated, Options};
pub use read::{Document, ReadError};
pub use report::Unsupported;

/// Reads a file or directory and returns the formatted Rust module for all its objects.
///
/// A directory gives one module for every `.yaml`/`.yml` file under it, sorted by path (see
/// [`read::read_path`]).
///
/// ```
/// use std::fs;
/// use k8s_dsl_import::{import, Options};
///
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-import-import-{}", std::process::id()));
/// fs::create_dir_all(&dir)?;
/// fs::write(dir.join("settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n")?;
/// let service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n";
/// fs::write(dir.join("web.yaml"), service)?;
/// let generated = import(&dir, &Options::default());
/// let missing = import(&dir.join("missing.yaml"), &Options::default());
/// fs::remove_dir_all(&dir)?;
///
/// let generated = generated.map_err(|errors| format!("{errors:?}"))?;
/// let settings = generated.code.find(r#"ConfigMap::new("settings")"#);
/// let web = generated.code.find(r#"Service::new("web")"#);
/// assert!(settings.is_some() && web.is_some() && settings < web);
/// // Documents of several files are named with their file.
/// assert!(generated.code.contains("settings.yaml document 1"));
///
/// // A file that cannot be read is an error naming it.
/// let errors = missing.err().unwrap_or_default();
/// assert_eq!(errors.len(), 1);
/// assert!(errors.iter().all(|e| e.file.ends_with("missing.yaml") && e.message.starts_with("cannot read it")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import(path: &Path, options: &Options) -> Result<Generated, Vec<ReadError>> {
    let documents = read::read_path(path)?;
    Ok(finish(&path.display().to_string(), &documents, options))
}

/// Like [`import`], for YAML text that came from `file`.
///
/// ```
/// use k8s_dsl_import::{import_str, Options};
///
/// let yaml = "\
/// apiVersion: v1
/// kind: Service
/// metadata:
///   name: web
/// spec:
///   selector:
///     app: web
///   ports:
///   - port: 80
/// ";
/// let generated = import_str("web.yaml", yaml, &Options::default()).map_err(|e| format!("{e:?}"))?;
/// assert!(generated.code.starts_with("// `web.yaml`, imported by `k8s-dsl-import`.\n"));
/// assert!(generated.code.contains(r#"Service::new("web")"#));
/// assert!(generated.code.contains(r#".selector("app", "web")"#));
/// assert!(generated.unsupported.is_empty());
///
/// // Text that is not a valid manifest: every error, with `file`, document and line.
/// let wrong = yaml.replace("  - port: 80", "  - port: eighty");
/// let errors = import_str("web.yaml", &wrong, &Options::default()).err().unwrap_or_default();
/// let places: Vec<_> = errors.iter().map(|e| (e.file.as_str(), e.document, e.line)).collect();
/// assert_eq!(places, [("web.yaml", Some(1), Some(9))]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import_str(file: &str, text: &str, options: &Options) -> Result<Generated, Vec<ReadError>> {
    let documents = read::read_str(file, text)?;
    Ok(finish(file, &documents, options))
}

fn finish(title: &str, documents: &[Document], options: &Options) -> Generated {
    let mut generated = generate(title, documents, options);
    match rust::try_format(&generated.code) {
        Ok(code) => generated.code = code,
        Err(warning) => generated.warnings.push(warning),
    }
    generated
}
