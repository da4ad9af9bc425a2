//! Scheduling and disruption policy: PriorityClass and PodDisruptionBudget.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let high = PriorityClass::new("high-priority", 1000)
//!     .global_default(false)
//!     .description("This is a very high priority Pod class")
//!     .build()?;
//! assert_eq!(high.metadata.name.as_deref(), Some("high-priority"));
//!
//! let pdb = PodDisruptionBudget::new("random-generator-pdb")
//!     .selector([("app", "random-generator")])
//!     .min_available(2)
//!     .build()?;
//! assert!(pdb.spec.unwrap().min_available.is_some());
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use k8s_openapi::api::policy::v1 as policy;
use k8s_openapi::api::scheduling::v1 as scheduling;

use crate::meta::Meta;
use crate::rules::enums::PreemptionPolicy;
use crate::rules::names;
use crate::validate::{Errors, FieldPath, Report, Warning};
use crate::workload::{meta_methods, IntOrPercent, Selector};

/// The highest priority a user-defined class may have (`HighestUserDefinablePriority`).
///
/// ```
/// use k8s_dsl::policy::{PriorityClass, HIGHEST_USER_PRIORITY};
///
/// assert!(PriorityClass::new("top", HIGHEST_USER_PRIORITY).build().is_ok());
/// let errors = PriorityClass::new("too-high", HIGHEST_USER_PRIORITY + 1).build().unwrap_err();
/// assert!(errors.has("value", 0));
/// ```
pub const HIGHEST_USER_PRIORITY: i32 = 1_000_000_000;
/// The priority classes every cluster defines.
///
/// ```
/// use k8s_dsl::policy::SYSTEM_PRIORITY_CLASSES;
/// use k8s_dsl::prelude::*;
///
/// // A bundle knows these without a PriorityClass object:
/// let pod = Pod::new("agent")
///     .priority_class_name(SYSTEM_PRIORITY_CLASSES[1])
///     .container(Container::new("agent").image("busybox:1.36"));
/// assert!(Bundle::new().add(pod).check().is_ok());
/// // and user classes may not take their prefix:
/// let errors = PriorityClass::new("system-custom", 10).build().unwrap_err();
/// assert!(errors.has("metadata.name", 0));
/// ```
pub const SYSTEM_PRIORITY_CLASSES: [&str; 2] = ["system-cluster-critical", "system-node-critical"];

/// A PriorityClass: a named priority that pods refer to with `priorityClassName`.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let class = PriorityClass::new("high-priority", 1000)
///     .global_default(false)
///     .description("This is a very high priority Pod class")
///     .build()?;
/// assert_eq!(class.metadata.name.as_deref(), Some("high-priority"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct PriorityClass {
    pub(crate) meta: Meta,
    value: i32,
    global_default: Option<bool>,
    description: Option<String>,
    preemption_policy: Option<PreemptionPolicy>,
}

impl PriorityClass {
    /// A PriorityClass called `name` with priority `value` (at most 1,000,000,000).
    pub fn new(name: impl Into<String>, value: i32) -> Self {
        PriorityClass {
            meta: Meta::new(name),
            value,
            global_default: None,
            description: None,
            preemption_policy: None,
        }
    }

    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.label(key, value);
        self
    }

    /// Adds an annotation.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.annotation(key, value);
        self
    }

    /// Whether pods without a `priorityClassName` get this class (`globalDefault`).
    pub fn global_default(mut self, global_default: bool) -> Self {
        self.global_default = Some(global_default);
        self
    }

    /// What the class is for.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Whether pods of this class preempt lower-priority pods.
    pub fn preemption_policy(mut self, policy: PreemptionPolicy) -> Self {
        self.preemption_policy = Some(policy);
        self
    }

    /// The k8s-openapi `PriorityClass`, or every error found.
    pub fn build(self) -> Result<scheduling::PriorityClass, Errors> {
        self.build_with_warnings().map(|(p, _)| p)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(scheduling::PriorityClass, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let class = self.to_k8s(&mut report);
        report.finish(class)
    }

    /// The PriorityClass, checking everything into `report`.
    // Some fields are `Option<_>` in older Kubernetes versions of k8s-openapi and required in
    // newer ones (`spec`, `value`); `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    pub(crate) fn to_k8s(&self, report: &mut Report) -> scheduling::PriorityClass {
        let metadata = self.meta.to_k8s(
            &crate::validate::At::root().field("metadata"),
            report,
            |name| names::object_name(name, 11, "priority class name"),
        );
        let name = self.meta.name.as_deref().unwrap_or_default();
        // `ValidatePriorityClass`: the `system-` prefix and values above 1e9 are reserved.
        if name.starts_with("system-") {
            report.error(
                &FieldPath::parse("metadata.name"),
                0,
                "priority class names with the prefix `system-` are reserved for the system",
                "choose a name without the `system-` prefix",
            );
        } else if self.value > HIGHEST_USER_PRIORITY {
            report.error(
                &FieldPath::parse("value"),
                0,
                format!(
                    "maximum allowed value of a user defined priority is {HIGHEST_USER_PRIORITY}, not {}",
                    self.value
                ),
                format!("use a value of at most {HIGHEST_USER_PRIORITY}"),
            );
        }
        scheduling::PriorityClass {
            metadata,
            value: self.value.into(),
            global_default: self.global_default,
            description: self.description.clone(),
            preemption_policy: self.preemption_policy.map(|p| p.as_str().to_owned()),
        }
    }
}

/// When unhealthy pods may be evicted despite the budget
/// (`spec.unhealthyPodEvictionPolicy`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(UnhealthyPodEvictionPolicy::AlwaysAllow.as_str(), "AlwaysAllow");
/// let pdb = PodDisruptionBudget::new("web")
///     .selector([("app", "web")])
///     .max_unavailable(1)
///     .unhealthy_pod_eviction_policy(UnhealthyPodEvictionPolicy::AlwaysAllow)
///     .build()?;
/// let spec = pdb.spec.unwrap_or_default();
/// assert_eq!(spec.unhealthy_pod_eviction_policy.as_deref(), Some("AlwaysAllow"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnhealthyPodEvictionPolicy {
    /// Only while the application is not disrupted (the default).
    IfHealthyBudget,
    /// Always (unhealthy pods do not count towards the budget).
    AlwaysAllow,
}

impl UnhealthyPodEvictionPolicy {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            UnhealthyPodEvictionPolicy::IfHealthyBudget => "IfHealthyBudget",
            UnhealthyPodEvictionPolicy::AlwaysAllow => "AlwaysAllow",
        }
    }
}

/// A PodDisruptionBudget: how many of the selected pods must stay up during voluntary
/// disruptions (node drains). Give exactly one of `min_available` and `max_unavailable`,
/// as a number or a percentage.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pdb = PodDisruptionBudget::new("random-generator-pdb")
///     .selector([("app", "random-generator")])
///     .min_available(2)
///     .build()?;
/// assert!(pdb.spec.is_some());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct PodDisruptionBudget {
    pub(crate) meta: Meta,
    selector: Option<Selector>,
    min_available: Option<IntOrPercent>,
    max_unavailable: Option<IntOrPercent>,
    unhealthy_pod_eviction_policy: Option<UnhealthyPodEvictionPolicy>,
}

impl PodDisruptionBudget {
    /// A PodDisruptionBudget called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        PodDisruptionBudget {
            meta: Meta::new(name),
            selector: None,
            min_available: None,
            max_unavailable: None,
            unhealthy_pod_eviction_policy: None,
        }
    }

    meta_methods!();

    /// The pods the budget protects: `[("app", "web")]` or a [`Selector`]. A
    /// [`Bundle`](crate::bundle::Bundle) checks that some workload's pods match.
    pub fn selector(mut self, selector: impl Into<Selector>) -> Self {
        self.selector = Some(selector.into());
        self
    }

    /// At least this many (or this percentage of) pods stay available: `2` or `"50%"`.
    pub fn min_available(mut self, value: impl Into<IntOrPercent>) -> Self {
        self.min_available = Some(value.into());
        self
    }

    /// At most this many (or this percentage of) pods may be unavailable: `1` or `"25%"`.
    pub fn max_unavailable(mut self, value: impl Into<IntOrPercent>) -> Self {
        self.max_unavailable = Some(value.into());
        self
    }

    /// When unhealthy pods may be evicted.
    pub fn unhealthy_pod_eviction_policy(mut self, policy: UnhealthyPodEvictionPolicy) -> Self {
        self.unhealthy_pod_eviction_policy = Some(policy);
        self
    }

    /// The k8s-openapi `PodDisruptionBudget`, or every error found.
    pub fn build(self) -> Result<policy::PodDisruptionBudget, Errors> {
        self.build_with_warnings().map(|(p, _)| p)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(
        self,
    ) -> Result<(policy::PodDisruptionBudget, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let budget = self.to_k8s(&mut report);
        report.finish(budget)
    }

    /// The PodDisruptionBudget, checking everything into `report`.
    pub(crate) fn to_k8s(&self, report: &mut Report) -> policy::PodDisruptionBudget {
        let metadata = self.meta.to_k8s(
            &crate::validate::At::root().field("metadata"),
            report,
            |name| names::object_name(name, 0, "pod disruption budget name"),
        );
        let path = FieldPath::parse("spec");
        // `ValidatePodDisruptionBudgetSpec`: not both; this crate also asks for one of them.
        match (&self.min_available, &self.max_unavailable) {
            (Some(_), Some(_)) => report.error(
                &path,
                0,
                "`minAvailable` and `maxUnavailable` cannot be both set",
                "keep one of `.min_available(..)` and `.max_unavailable(..)`",
            ),
            (None, None) => report.error(
                &path,
                0,
                "a budget needs `minAvailable` or `maxUnavailable`",
                "call `.min_available(..)` or `.max_unavailable(..)`",
            ),
            _ => {}
        }
        let min_available = self
            .min_available
            .as_ref()
            .and_then(|v| v.check(report, &path.field("minAvailable").at(), 0, Some(100)))
            .map(|(v, _)| v);
        let max_unavailable = self
            .max_unavailable
            .as_ref()
            .and_then(|v| v.check(report, &path.field("maxUnavailable").at(), 0, Some(100)))
            .map(|(v, _)| v);
        let selector = match &self.selector {
            Some(selector) => Some(selector.to_k8s(&path.field("selector").at(), report)),
            None => {
                report.warn(
                    &path.field("selector"),
                    "a budget without a selector protects no pods; add `.selector([(\"app\", ..)])`",
                );
                None
            }
        };
        policy::PodDisruptionBudget {
            metadata,
            spec: Some(policy::PodDisruptionBudgetSpec {
                max_unavailable,
                min_available,
                selector,
                unhealthy_pod_eviction_policy: self
                    .unhealthy_pod_eviction_policy
                    .map(|p| p.as_str().to_owned()),
            }),
            ..policy::PodDisruptionBudget::default()
        }
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

    #[test]
    fn priority_class_of_workload_13() {
        let class = PriorityClass::new("high-priority", 1000)
            .global_default(false)
            .description("This is a very high priority Pod class")
            .build()
            .unwrap();
        assert_eq!(class.metadata.name.as_deref(), Some("high-priority"));
        assert_eq!(class.global_default, Some(false));
        assert!(class.preemption_policy.is_none());
    }

    #[test]
    fn priority_class_limits() {
        let errors = PriorityClass::new("huge", HIGHEST_USER_PRIORITY + 1)
            .build()
            .unwrap_err();
        assert!(errors.has("value", 0));
        let errors = PriorityClass::new("system-mine", 1).build().unwrap_err();
        assert!(errors.has("metadata.name", 0));
        let errors = PriorityClass::new("Bad_Name", 1).build().unwrap_err();
        assert!(errors.has("metadata.name", 11));
    }

    #[test]
    fn pdb_needs_exactly_one_limit() {
        let errors = PodDisruptionBudget::new("pdb")
            .selector([("app", "web")])
            .min_available(1)
            .max_unavailable("10%")
            .build()
            .unwrap_err();
        assert!(errors.has("spec", 0));
        let errors = PodDisruptionBudget::new("pdb")
            .selector([("app", "web")])
            .build()
            .unwrap_err();
        assert!(errors.has("spec", 0));
        let errors = PodDisruptionBudget::new("pdb")
            .selector([("app", "web")])
            .max_unavailable("150%")
            .build()
            .unwrap_err();
        assert!(errors.has("spec.maxUnavailable", 0));
    }

    #[test]
    fn pdb_percentages_and_numbers() {
        let pdb = PodDisruptionBudget::new("pdb")
            .selector([("app", "web")])
            .max_unavailable("25%")
            .build()
            .unwrap();
        let yaml = crate::emit::to_yaml(&pdb).unwrap();
        assert!(yaml.contains("maxUnavailable: 25%"), "{yaml}");
        let (_, warnings) = PodDisruptionBudget::new("pdb")
            .min_available(2)
            .build_with_warnings()
            .unwrap();
        assert_eq!(warnings.len(), 1);
    }
}
