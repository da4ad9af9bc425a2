//! What the import could not express with builder methods: each field with its path, where
//! it came from, and how the generated code keeps it.

use std::fmt;

/// One field (or object) that has no builder method and is kept through an escape hatch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// Where the object came from: `file.yaml`, document number (1-based).
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
