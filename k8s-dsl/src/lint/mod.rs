//! Lints: settings the API server accepts that are almost always mistakes.
//!
//! Validation ([`crate::validate`]) answers "would the API server take this?". A lint answers
//! "will this work once it runs?": a key a ConfigMap lacks, `memory: 512m` (0.512 bytes), a
//! probe whose timeout is not shorter than its period, a schedule that never fires, two
//! Services on one node port, a budget that blocks every drain, `$(VAR)` that Kubernetes
//! leaves as written. Each [`Lint`] has a stable id (kebab-case, listed in [`LINTS`] and in the
//! book's *Lints* chapter), the field path, why it is likely wrong, and the fix.
//!
//! Lints read finished k8s-openapi objects, however they were made (builders, macros, YAML).
//! [`object`] lints one object; [`bundle`] lints every object of a bundle and the objects
//! against each other. [`Bundle::check`](crate::bundle::Bundle::check) reports them as
//! warnings by default, as errors under [`Bundle::strict`](crate::bundle::Bundle::strict), or
//! not at all under [`LintLevel::Allow`].
//!
//! ```
//! use k8s_dsl::prelude::*;
//! use k8s_dsl::lint::{self, LintLevel};
//!
//! let bundle = Bundle::new()
//!     .add(ConfigMap::new("web-config").data("LOG_LEVEL", "info"))
//!     .add(Pod::new("web").container(
//!         Container::new("web")
//!             .image("nginx:1.27")
//!             .env_var(EnvVar::config_map_key("LEVEL", "web-config", "LOG_LEVL")),
//!     ));
//! // A warning by default:
//! let warnings = bundle.check()?;
//! let warning = warnings.iter().find(|w| w.message.contains("config-key-missing")).unwrap();
//! assert_eq!(warning.path.as_str(), "Pod/web: spec.containers[0].env[0].valueFrom.configMapKeyRef.key");
//! // An error in strict mode:
//! let errors = bundle.clone().strict().check().unwrap_err();
//! assert!(errors.iter().any(|e| e.fix.ends_with("(lint `config-key-missing`)")));
//! // The lints themselves, with their ids:
//! let objects: Vec<&Object> = bundle.objects();
//! let found = lint::bundle(&objects);
//! assert_eq!(found[0].id, "config-key-missing");
//! assert!(found[0].fix.contains("`LOG_LEVEL`"));
//! # let _ = LintLevel::Deny;
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

mod conflicts;
mod expansion;
mod keys;
mod values;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests;

use std::fmt;

use k8s_openapi::api::core::v1 as core;

use crate::bundle::{Object, ObjectId};
use crate::validate::{Error, FieldPath, Warning};

/// What a bundle does with the lints it finds.
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_dsl::lint::LintLevel;
///
/// let bundle = Bundle::new().add(Pod::new("web").container(
///     Container::new("web").image("nginx:1.27").memory("512m", "512m"),
/// ));
/// assert!(bundle.check()?.iter().any(|w| w.message.contains("memory-in-millibytes")));
/// assert!(bundle.clone().lints(LintLevel::Deny).check().is_err());
/// assert!(bundle.lints(LintLevel::Allow).check()?.is_empty());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LintLevel {
    /// Not reported.
    Allow,
    /// Reported as warnings (the default).
    #[default]
    Warn,
    /// Reported as errors: the strict mode of `Bundle::strict()` and `k8s-dsl check --strict`.
    Deny,
}

/// One lint found: its id, where, why it is likely wrong, and the fix.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pod = Pod::new("web")
///     .container(Container::new("web").image("nginx:1.27").memory("512m", "512m"))
///     .build()?;
/// let found = k8s_dsl::lint::object(&Object::Pod(pod));
/// let lint = &found[0];
/// assert_eq!(lint.id, "memory-in-millibytes");
/// assert_eq!(lint.path.as_str(), "spec.containers[0].resources.requests[memory]");
/// assert!(lint.to_string().ends_with("(lint `memory-in-millibytes`)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    /// The stable id, such as `config-key-missing` (see [`LINTS`]).
    pub id: &'static str,
    /// Where: the field path (prefixed with its object in a bundle).
    pub path: FieldPath,
    /// What is likely wrong, and why.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}; {} (lint `{}`)",
            self.path, self.message, self.fix, self.id
        )
    }
}

impl Lint {
    fn new(id: &'static str, path: FieldPath, message: String, fix: impl Into<String>) -> Self {
        Lint {
            id,
            path,
            message,
            fix: fix.into(),
        }
    }

    /// This lint as a warning (`message; fix (lint `id`)`).
    pub fn to_warning(&self) -> Warning {
        Warning {
            path: self.path.clone(),
            message: format!("{}; {} (lint `{}`)", self.message, self.fix, self.id),
        }
    }

    /// This lint as an error (rule 0: the API server accepts it), for strict mode.
    pub fn to_error(&self) -> Error {
        Error {
            path: self.path.clone(),
            rule: 0,
            message: self.message.clone(),
            fix: format!("{} (lint `{}`)", self.fix, self.id),
        }
    }
}

/// Every lint id, with a line saying what it finds. The book's *Lints* chapter explains each.
///
/// ```
/// let ids: Vec<&str> = k8s_dsl::lint::LINTS.iter().map(|(id, _)| *id).collect();
/// assert!(ids.contains(&"config-key-missing"));
/// assert!(ids.iter().all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
/// ```
pub const LINTS: &[(&str, &str)] = &[
    (
        "config-key-missing",
        "a reference by key to a key the bundle's ConfigMap lacks",
    ),
    (
        "secret-key-missing",
        "a reference by key to a key the bundle's Secret lacks",
    ),
    (
        "memory-in-millibytes",
        "a memory or storage quantity in thousandths of a byte (`512m`)",
    ),
    (
        "memory-without-unit",
        "a memory quantity without a unit, under 1 MiB (`512`)",
    ),
    (
        "cpu-in-cores",
        "a CPU quantity of 100 cores or more without a unit (`500`)",
    ),
    (
        "probe-timeout-not-below-period",
        "a probe whose timeout is not shorter than its period",
    ),
    (
        "liveness-kills-before-ready",
        "a liveness probe that restarts the container before its readiness delay is over",
    ),
    (
        "job-deadline-before-probe",
        "a Job deadline that ends before a probe's first check",
    ),
    (
        "schedule-never-fires",
        "a CronJob schedule naming only days a month never has",
    ),
    (
        "starting-deadline-too-short",
        "a CronJob startingDeadlineSeconds under 10 seconds",
    ),
    ("node-port-collision", "two Services on the same node port"),
    (
        "cluster-ip-collision",
        "two Services asking for the same cluster IP",
    ),
    (
        "selector-overlap",
        "two workloads whose selectors match the same pods",
    ),
    (
        "pdb-blocks-drain",
        "a PodDisruptionBudget that allows no disruption of its pods",
    ),
    (
        "pdb-selects-nothing",
        "a PodDisruptionBudget without a selector",
    ),
    (
        "hpa-utilization-without-request",
        "an autoscaler on utilization of a resource its target does not request",
    ),
    (
        "hpa-max-below-replicas",
        "an autoscaler whose maxReplicas is below its target's replicas",
    ),
    (
        "env-var-undefined",
        "`$(VAR)` naming a variable the container does not define before it",
    ),
    (
        "shell-variable-without-shell",
        "`$VAR` or `${VAR}` in a command that runs without a shell",
    ),
];

/// The lints of one object, with paths inside the object (`spec.containers[0]...`). The lints
/// that compare objects (keys, node ports, selectors, budgets, autoscalers) need
/// [`bundle`].
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let cron = CronJob::new("report", "0 0 30 2 *")
///     .job(Job::new("report").template(
///         Pod::template()
///             .restart_policy(RestartPolicy::Never)
///             .container(Container::new("report").image("busybox:1.36")),
///     ))
///     .build()?;
/// let found = k8s_dsl::lint::object(&Object::CronJob(cron));
/// assert_eq!(found[0].id, "schedule-never-fires");
/// assert_eq!(found[0].path.as_str(), "spec.schedule");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn object(object: &Object) -> Vec<Lint> {
    let mut found = Vec::new();
    values::object(object, &mut found);
    expansion::object(object, &mut found);
    found
}

/// The lints of every object of a bundle and between them, each path prefixed with its object
/// (`Pod/web: spec.containers[0]...`), in the order of `objects`.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let bundle = Bundle::new()
///     .add(Service::node_port("a").selector("app", "a").port(ServicePort::tcp(80).node_port(30080)))
///     .add(Service::node_port("b").selector("app", "b").port(ServicePort::tcp(80).node_port(30080)));
/// let found = k8s_dsl::lint::bundle(&bundle.objects());
/// assert_eq!(found[0].id, "node-port-collision");
/// assert_eq!(found[0].path.as_str(), "Service/b: spec.ports[0].nodePort");
/// ```
pub fn bundle(objects: &[&Object]) -> Vec<Lint> {
    let mut found = Vec::new();
    for item in objects {
        let id = item.id();
        let mut own = object(item);
        keys::object(item, objects, &mut own);
        conflicts::object(item, objects, &mut own);
        found.extend(own.into_iter().map(|lint| Lint {
            path: prefixed(&id, &lint.path),
            ..lint
        }));
    }
    found
}

/// Adds the lints of `objects` to `errors` or `warnings`, as `level` says.
pub(crate) fn report(
    objects: &[&Object],
    level: LintLevel,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Warning>,
) {
    if level == LintLevel::Allow {
        return;
    }
    for lint in bundle(objects) {
        match level {
            LintLevel::Deny => errors.push(lint.to_error()),
            _ => warnings.push(lint.to_warning()),
        }
    }
}

/// `Kind/namespace/name: path`.
fn prefixed(id: &ObjectId, path: &FieldPath) -> FieldPath {
    if path.as_str().is_empty() {
        FieldPath::parse(&id.to_string())
    } else {
        FieldPath::parse(&format!("{id}: {path}"))
    }
}

/// Every container of a pod spec (init containers first, as they run), with its path.
fn containers<'a>(
    spec: &'a core::PodSpec,
    path: &FieldPath,
) -> Vec<(&'a core::Container, FieldPath)> {
    let init = spec
        .init_containers
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, c)| (c, path.field("initContainers").index(i)));
    let app = spec
        .containers
        .iter()
        .enumerate()
        .map(|(i, c)| (c, path.field("containers").index(i)));
    init.chain(app).collect()
}

/// `` `a`, `b` `` (or `none`).
fn listed<'s>(names: impl IntoIterator<Item = &'s str>) -> String {
    let list: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    if list.is_empty() {
        "none".to_owned()
    } else {
        list.join(", ")
    }
}
