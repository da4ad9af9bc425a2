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
pub mod read;
pub mod report;
pub mod rust;

use std::path::Path;

pub use codegen::{generate, Generated, Options};
pub use read::{Document, ReadError};
pub use report::Unsupported;

/// Reads a file or directory and returns the formatted Rust module for all its objects.
pub fn import(path: &Path, options: &Options) -> Result<Generated, Vec<ReadError>> {
    let documents = read::read_path(path)?;
    Ok(finish(&path.display().to_string(), &documents, options))
}

/// Like [`import`], for YAML text that came from `file`.
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
