//! A [`Bundle`]: the objects of an application, checked together and written in an order
//! `kubectl apply` is happy with.
//!
//! Objects go in as builders (built when added; their errors are kept) or as built
//! k8s-openapi objects. [`Bundle::check`] (and everything that emits) reports every error of
//! every object, each path prefixed with its object (`Pod/web: spec.containers[0].image`),
//! plus the checks *between* objects:
//!
//! - a Service or PodDisruptionBudget selector that matches no pods of the bundle;
//! - a Service `targetPort` name that no selected container declares;
//! - a HorizontalPodAutoscaler target that is not in the bundle;
//! - a StatefulSet `serviceName` without a headless Service;
//! - a `priorityClassName`, ConfigMap, Secret or PersistentVolumeClaim reference to an object
//!   the bundle lacks (`system-cluster-critical` and `system-node-critical` are always known;
//!   mark anything else the cluster provides with [`Bundle::provided_by_cluster`]);
//! - the same kind/namespace/name twice.
//!
//! Each message names what exists and suggests the closest name.
//!
//! It also runs the [lints](crate::lint) over every object and between them (a key the
//! bundle's ConfigMap lacks, two Services on one node port, a budget that blocks every drain,
//! ...): warnings by default, errors in [strict mode](Bundle::strict).
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let bundle = Bundle::new()
//!     .add(PriorityClass::new("high-priority", 1000).description("This is a very high priority Pod class"))
//!     .add(
//!         Pod::new("random-generator")
//!             .label("env", "random-generator")
//!             .priority_class_name("high-prioirty")
//!             .container(Container::new("random-generator").image("k8spatterns/random-generator:1.0")),
//!     );
//! let errors = bundle.check().unwrap_err();
//! let error = &errors.errors[0];
//! assert_eq!(error.path.as_str(), "Pod/random-generator: spec.priorityClassName");
//! assert!(error.message.contains("`high-prioirty`"));
//! assert!(error.fix.contains("did you mean `high-priority`?"));
//! ```
//!
//! Writing the objects, PriorityClasses and config first, then Services, workloads, and
//! budgets and autoscalers last:
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let yaml = Bundle::new()
//!     .add(
//!         Deployment::new("web").template(
//!             Pod::template()
//!                 .label("app", "web")
//!                 .container(Container::new("web").image("nginx:1.27").port(ContainerPort::tcp(80).name("http"))),
//!         ),
//!     )
//!     .add(Service::new("web").selector("app", "web").port(ServicePort::tcp(80).target("http")))
//!     .to_yaml()?;
//! assert!(yaml.find("kind: Service").unwrap() < yaml.find("kind: Deployment").unwrap());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod checks;
mod environments;
mod generate;
mod include;
mod object;
mod order;
mod patch;
mod settings;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod settings_tests;

use std::collections::BTreeSet;
use std::fmt;
use std::io;
use std::sync::OnceLock;

pub use environments::Environments;
pub use generate::{ConfigMapGenerator, Generator, SecretGenerator};
pub(crate) use object::{typed_kind, typed_kinds};
pub use object::{IntoObject, Object, ObjectId};
pub use patch::Patchable;

use crate::emit::{self, EmitError, YamlWriter};
use crate::lint::LintLevel;
use crate::pss::{self, Profile};
use crate::validate::{Error, Errors, FieldPath, Warning};

/// What one added object became.
#[derive(Debug, Clone)]
struct Entry {
    id: ObjectId,
    result: Result<Object, Errors>,
    warnings: Vec<Warning>,
}

/// A set of objects checked together. See the [module docs](self).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let mut bundle = Bundle::new()
///     .provided_by_cluster("Secret", "registry-token") // made by another tool
///     .add(ConfigMap::new("web-config").data("LOG_LEVEL", "info"))
///     .add(Service::new("web").selector("app", "web").port(ServicePort::tcp(80).target("http")));
/// // `push` adds in place, for loops:
/// for name in ["web"] {
///     bundle.push(Deployment::new(name).template(
///         Pod::template()
///             .label("app", name)
///             .container(Container::new(name).image("nginx:1.27").port(ContainerPort::tcp(80).name("http"))),
///     ));
/// }
/// // No errors; warnings never fail a check:
/// let warnings = bundle.check()?;
/// assert_eq!(warnings.len(), 1);
/// assert!(warnings[0].message.contains("no readiness probe"));
/// let kinds: Vec<&str> = bundle.objects().into_iter().map(|o| o.kind()).collect();
/// assert_eq!(kinds, ["ConfigMap", "Service", "Deployment"]); // apply order
///
/// let yaml = bundle.to_yaml()?;
/// assert!(yaml.contains("kind: ConfigMap"));
/// let streamed = bundle.write_yaml(Vec::new())?;
/// assert_eq!(String::from_utf8(streamed)?, yaml);
/// let list: serde_json::Value = serde_json::from_str(&bundle.to_json()?)?;
/// assert_eq!(list["kind"], "List");
/// assert_eq!(list["items"].as_array().map(Vec::len), Some(3));
///
/// let objects = bundle.build()?;
/// assert_eq!(objects.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Bundle {
    entries: Vec<Entry>,
    provided: BTreeSet<(String, String)>,
    required: Option<Profile>,
    lints: LintLevel,
    /// Namespace, common labels, name prefix: applied when the objects are read.
    settings: settings::Settings,
    /// The entries with the settings applied, computed once after each change.
    applied: OnceLock<Vec<Entry>>,
    /// Errors of the bundle itself: a patch that names no object, text that cannot be read.
    problems: Vec<Error>,
}

impl Bundle {
    /// An empty bundle.
    pub fn new() -> Self {
        Bundle::default()
    }

    /// Adds an object: a builder (`Deployment::new(..)...`), a built k8s-openapi object, or
    /// an [`Object`]. Builders are built now; their errors are reported by
    /// [`check`](Self::check) with the others.
    #[allow(clippy::should_implement_trait)] // a builder method, not `+`
    pub fn add(mut self, object: impl IntoObject) -> Self {
        self.push(object);
        self
    }

    /// Adds an object in place (for loops).
    pub fn push(&mut self, object: impl IntoObject) -> &mut Self {
        self.applied = OnceLock::new();
        let id = object.object_id();
        let entry = match object.into_object() {
            Ok((object, warnings)) => Entry {
                id: object.id(),
                result: Ok(object),
                warnings,
            },
            Err(errors) => Entry {
                id,
                warnings: errors.warnings.clone(),
                result: Err(errors),
            },
        };
        self.entries.push(entry);
        self
    }

    /// Declares that the cluster provides the `kind` object called `name` (a Secret made by
    /// another tool, a PriorityClass of the platform team), so references to it are fine.
    pub fn provided_by_cluster(mut self, kind: impl Into<String>, name: impl Into<String>) -> Self {
        self.provided.insert((kind.into(), name.into()));
        self
    }

    /// Requires every pod of the bundle (Pods and the templates of Deployments, StatefulSets,
    /// DaemonSets, Jobs and CronJobs, built here or imported) to meet the Pod Security Standard
    /// `profile`: [`check`](Self::check), and everything that writes, fails with every
    /// violation, each at its path (`Deployment/web: spec.template.spec.hostNetwork`) with the
    /// control it breaks. Nothing is changed: use the `.restricted()` presets to set what the
    /// profile requires.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let bundle = Bundle::new()
    ///     .require(Profile::Restricted)
    ///     .add(Deployment::new("web").restricted().template(
    ///         Pod::template().label("app", "web").container(Container::new("web").image("nginx:1.27")),
    ///     ))
    ///     .add(Pod::new("debug").container(Container::new("sh").image("busybox:1.36")));
    /// let errors = bundle.check().unwrap_err();
    /// assert!(errors.has("Pod/debug: spec.containers[0].securityContext.allowPrivilegeEscalation", 0));
    /// assert!(errors.iter().all(|e| e.path.as_str().starts_with("Pod/debug")));
    /// ```
    pub fn require(mut self, profile: Profile) -> Self {
        self.required = self.required.max(Some(profile));
        self
    }

    /// What [`check`](Self::check) does with the [lints](crate::lint) it finds: warnings by
    /// default ([`LintLevel::Warn`]), errors ([`LintLevel::Deny`]) or nothing
    /// ([`LintLevel::Allow`]).
    pub fn lints(mut self, level: LintLevel) -> Self {
        self.lints = level;
        self
    }

    /// Strict mode: every [lint](crate::lint) is an error, so a setting that is valid but
    /// almost surely a mistake fails the check (as `k8s-dsl check --strict` does).
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let bundle = Bundle::new().add(Pod::new("web").container(
    ///     Container::new("web").image("nginx:1.27").cpu("500", "500"),
    /// ));
    /// let warnings = bundle.check()?; // 500 whole cores: a warning...
    /// assert!(warnings.iter().any(|w| w.message.ends_with("(lint `cpu-in-cores`)")));
    /// let errors = bundle.strict().check().unwrap_err(); // ...and an error when strict
    /// assert!(errors.has("Pod/web: spec.containers[0].resources.requests[cpu]", 0));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn strict(self) -> Self {
        self.lints(LintLevel::Deny)
    }

    /// Every error of every object and between objects, or the warnings when there is none.
    pub fn check(&self) -> Result<Vec<Warning>, Errors> {
        let mut errors: Vec<Error> = self.problems.clone();
        let mut warnings: Vec<Warning> = Vec::new();
        let entries = self.applied();
        for entry in entries {
            if let Err(own) = &entry.result {
                errors.extend(own.errors.iter().map(|e| Error {
                    path: prefixed(&entry.id, &e.path),
                    ..e.clone()
                }));
            }
            warnings.extend(entry.warnings.iter().map(|w| Warning {
                path: prefixed(&entry.id, &w.path),
                message: w.message.clone(),
            }));
        }
        let ids: Vec<&ObjectId> = entries.iter().map(|e| &e.id).collect();
        let objects: Vec<&Object> = entries
            .iter()
            .filter_map(|e| e.result.as_ref().ok())
            .collect();
        if let Some(profile) = self.required {
            errors.extend(security_violations(&objects, profile));
        }
        let mut report = checks::Context::new(&objects, &self.provided);
        report.duplicates(&ids);
        report.run();
        let (cross_errors, cross_warnings) = report.finish();
        errors.extend(cross_errors);
        warnings.extend(cross_warnings);
        crate::lint::report(&objects, self.lints, &mut errors, &mut warnings);
        if errors.is_empty() {
            Ok(warnings)
        } else {
            Err(Errors { errors, warnings })
        }
    }

    /// Checks the bundle and returns its objects in apply order.
    pub fn build(self) -> Result<Vec<Object>, Errors> {
        self.check()?;
        let entries = match self.settings.is_empty() {
            true => self.entries,
            false => self.applied().to_vec(),
        };
        let mut objects: Vec<Object> = entries.into_iter().filter_map(|e| e.result.ok()).collect();
        order::sort(&mut objects);
        Ok(objects)
    }

    /// The objects built so far, in apply order (objects with errors are left out; call
    /// [`check`](Self::check) first).
    pub fn objects(&self) -> Vec<&Object> {
        let mut objects: Vec<&Object> = self
            .applied()
            .iter()
            .filter_map(|e| e.result.as_ref().ok())
            .collect();
        order::sort_refs(&mut objects);
        objects
    }

    /// Checks the bundle and writes it as multi-document YAML (`---` between objects).
    pub fn to_yaml(&self) -> Result<String, BundleError> {
        let mut out = Vec::new();
        self.write_yaml(&mut out)?;
        String::from_utf8(out).map_err(|e| BundleError::Emit(EmitError::Unsupported(e.to_string())))
    }

    /// Checks the bundle and streams it as multi-document YAML to `sink`.
    pub fn write_yaml<W: io::Write>(&self, sink: W) -> Result<W, BundleError> {
        self.check()?;
        let mut writer = YamlWriter::new(sink);
        for object in self.objects() {
            writer.write(object)?;
        }
        Ok(writer.finish()?)
    }

    /// The entries as they are written: with the bundle-wide settings applied.
    fn applied(&self) -> &[Entry] {
        match self.settings.is_empty() {
            true => &self.entries,
            false => self
                .applied
                .get_or_init(|| settings::apply(&self.entries, &self.settings)),
        }
    }

    /// Changes the settings (and forgets the entries they were applied to).
    fn set(&mut self, change: impl FnOnce(&mut settings::Settings)) {
        change(&mut self.settings);
        self.applied = OnceLock::new();
    }

    /// Checks the bundle and writes it as one JSON `v1` `List`.
    pub fn to_json(&self) -> Result<String, BundleError> {
        self.check()?;
        Ok(emit::to_json_list(&self.objects())?)
    }
}

/// Every violation of `profile` in the pods of `objects`, as errors with prefixed paths.
fn security_violations(objects: &[&Object], profile: Profile) -> Vec<Error> {
    let mut errors = Vec::new();
    for object in objects {
        let Some(pod) = object.pod() else {
            continue;
        };
        let id = object.id();
        let found = pss::check_annotations(pod.annotations, profile, &pod.metadata_path)
            .into_iter()
            .chain(pss::check(pod.spec, profile, &pod.path));
        errors.extend(found.map(|violation| {
            let error = violation.into_error();
            Error {
                path: prefixed(&id, &error.path),
                ..error
            }
        }));
    }
    errors
}

/// `Kind/namespace/name: path`, or just the object when the path is empty.
fn prefixed(id: &ObjectId, path: &FieldPath) -> FieldPath {
    if path.as_str().is_empty() {
        FieldPath::parse(&id.to_string())
    } else {
        FieldPath::parse(&format!("{id}: {path}"))
    }
}

/// Why a bundle could not be written: its objects are invalid, or writing failed.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // A Service whose selector matches no pod of the bundle:
/// let bundle = Bundle::new().add(Service::new("web").selector("app", "web").port(80));
/// match bundle.to_yaml() {
///     Err(BundleError::Invalid(errors)) => {
///         assert!(errors.has("Service/web: spec.selector", 0));
///     }
///     other => panic!("expected the selector error, got {other:?}"),
/// }
/// ```
#[derive(Debug)]
pub enum BundleError {
    /// Every error found in the objects and between them.
    Invalid(Errors),
    /// The text could not be written.
    Emit(EmitError),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Invalid(errors) => errors.fmt(f),
            BundleError::Emit(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for BundleError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BundleError::Invalid(errors) => Some(errors),
            BundleError::Emit(error) => Some(error),
        }
    }
}

impl From<Errors> for BundleError {
    fn from(errors: Errors) -> Self {
        BundleError::Invalid(errors)
    }
}

impl From<EmitError> for BundleError {
    fn from(error: EmitError) -> Self {
        BundleError::Emit(error)
    }
}
