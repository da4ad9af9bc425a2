//! What the import could not express with builder methods: each field with its path, where
//! it came from, and how the generated code keeps it.
//!
//! ```
//! use k8s_dsl_import::{import_str, Options};
//!
//! // No builder method sets `metadata.finalizers`: the code keeps it as JSON, and says so.
//! let yaml = "\
//! apiVersion: v1
//! kind: ConfigMap
//! metadata:
//!   name: settings
//!   finalizers:
//!   - example.com/cleanup
//! ";
//! let generated = import_str("settings.yaml", yaml, &Options::default()).map_err(|e| format!("{e:?}"))?;
//! let paths: Vec<&str> = generated.unsupported.iter().map(|u| u.path.as_str()).collect();
//! assert_eq!(paths, ["metadata.finalizers"]);
//! assert!(generated.code.contains("// - ConfigMap/settings `metadata.finalizers`: kept as JSON"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

/// One field (or object) that has no builder method and is kept through an escape hatch.
///
/// It displays as one line naming the source, the object, the field and how it is kept:
///
/// ```
/// use k8s_dsl_import::{import_str, Options, Unsupported};
///
/// let field = Unsupported {
///     source: "pods.yaml document 1".to_owned(),
///     object: "Pod/web".to_owned(),
///     path: "metadata.finalizers".to_owned(),
///     kept: "kept as JSON".to_owned(),
/// };
/// assert_eq!(
///     field.to_string(),
///     "pods.yaml document 1: Pod/web: `metadata.finalizers` has no builder method; kept as JSON"
/// );
///
/// // A kind without builders is kept whole, as a `CustomResource`: the path is empty.
/// let yaml = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n";
/// let generated = import_str("widget.yaml", yaml, &Options::default()).map_err(|e| format!("{e:?}"))?;
/// let [widget] = generated.unsupported.as_slice() else {
///     return Err("expected one unsupported object".into());
/// };
/// assert_eq!((widget.object.as_str(), widget.path.as_str()), ("Widget/w", ""));
/// assert_eq!(
///     widget.to_string(),
///     "widget.yaml document 1: Widget/w: `the whole object` has no builder method; \
///      `example.com/v1` `Widget` has no builder; kept with `CustomResource`"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// Where the object came from: `file.yaml document 1` (document numbers from 1).
    pub source: String,
    /// The object, as `Kind/name`.
    pub object: String,
    /// The field path as the API server prints it (`spec.containers[0].resizePolicy`);
    /// empty for the whole object.
    pub path: String,
    /// How the generated code keeps it (`kept as JSON`, `kept with Volume::from_k8s`, ...).
    pub kept: String,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "the whole object"
        } else {
            &self.path
        };
        write!(
            f,
            "{}: {}: `{}` has no builder method; {}",
            self.source, self.object, path, self.kept
        )
    }
}
