//! [`Namespace`], with its Pod Security admission levels as typed settings.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let shop = Namespace::new("shop")
//!     .enforce(Profile::Baseline)
//!     .warn(Profile::Restricted)
//!     .pod_security_version("v1.33")
//!     .build()?;
//! let labels = shop.metadata.labels.unwrap();
//! assert_eq!(labels["pod-security.kubernetes.io/enforce"], "baseline");
//! assert_eq!(labels["pod-security.kubernetes.io/warn"], "restricted");
//! assert_eq!(labels["pod-security.kubernetes.io/enforce-version"], "v1.33");
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use k8s_openapi::api::core::v1 as core;

use crate::meta::Meta;
use crate::pss::Profile;
use crate::validate::namespace::PREFIX;
use crate::validate::{Errors, Warning};

/// A Namespace.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let errors = Namespace::new("shop").enforce_version("1.33").build().unwrap_err();
/// assert!(errors.has("metadata.labels[pod-security.kubernetes.io/enforce-version]", 72));
/// let errors = Namespace::new("shop.eu").build().unwrap_err();
/// assert!(errors.iter().any(|e| e.path.as_str() == "metadata.name"));
/// ```
#[derive(Debug, Clone)]
pub struct Namespace {
    pub(crate) meta: Meta,
}

impl Namespace {
    /// A Namespace called `name` (a DNS label).
    pub fn new(name: impl Into<String>) -> Self {
        Namespace {
            meta: Meta::new(name),
        }
    }

    /// Adds a label to `metadata.labels` (key and value checked when built, rule 8).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.label(key, value);
        self
    }

    /// Adds an annotation to `metadata.annotations` (checked when built, rule 9).
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.annotation(key, value);
        self
    }

    /// The namespace's name.
    pub fn name(&self) -> &str {
        self.meta.name.as_deref().unwrap_or_default()
    }

    fn setting(self, mode: &str, value: &str) -> Self {
        self.label(format!("{PREFIX}{mode}"), value)
    }

    /// Rejects pods that break `profile` (`pod-security.kubernetes.io/enforce`).
    pub fn enforce(self, profile: Profile) -> Self {
        self.setting("enforce", profile.as_str())
    }

    /// Records pods that break `profile` in the audit log (`pod-security.kubernetes.io/audit`).
    pub fn audit(self, profile: Profile) -> Self {
        self.setting("audit", profile.as_str())
    }

    /// Warns the client about pods that break `profile` (`pod-security.kubernetes.io/warn`).
    pub fn warn(self, profile: Profile) -> Self {
        self.setting("warn", profile.as_str())
    }

    /// The version of the enforced profile: `latest` or `v1.<minor>` (rule 72).
    pub fn enforce_version(self, version: &str) -> Self {
        self.setting("enforce-version", version)
    }

    /// The version of the audited profile: `latest` or `v1.<minor>` (rule 72).
    pub fn audit_version(self, version: &str) -> Self {
        self.setting("audit-version", version)
    }

    /// The version of the warned profile: `latest` or `v1.<minor>` (rule 72).
    pub fn warn_version(self, version: &str) -> Self {
        self.setting("warn-version", version)
    }

    /// The version of all three modes' profiles, pinning them against upgrades of the
    /// cluster: `latest` or `v1.<minor>` (rule 72).
    pub fn pod_security_version(self, version: &str) -> Self {
        self.enforce_version(version)
            .audit_version(version)
            .warn_version(version)
    }

    /// The k8s-openapi `Namespace`, or every error found.
    pub fn build(self) -> Result<core::Namespace, Errors> {
        self.build_with_warnings().map(|(namespace, _)| namespace)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(core::Namespace, Vec<Warning>), Errors> {
        let namespace = core::Namespace {
            metadata: self.meta.into_object_meta(),
            ..core::Namespace::default()
        };
        crate::validate::namespace(&namespace).finish(namespace)
    }
}
