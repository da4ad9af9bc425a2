//! HorizontalPodAutoscaler (autoscaling/v2): scale a workload on resource or custom metrics.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let hpa = HorizontalPodAutoscaler::new("random-generator")
//!     .scale_target(ScaleTarget::deployment("random-generator"))
//!     .min_replicas(1)
//!     .max_replicas(5)
//!     .metric(Metric::cpu_utilization(50))
//!     .build()?;
//! assert_eq!(hpa.metadata.name.as_deref(), Some("random-generator"));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```
//!
//! Custom metrics and scaling behaviour:
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let hpa = HorizontalPodAutoscaler::new("queue-worker")
//!     .scale_target(ScaleTarget::deployment("queue-worker"))
//!     .max_replicas(20)
//!     .metric(Metric::pods("requests_per_second", MetricTarget::average_value("100")))
//!     .metric(Metric::external("queue_messages_ready", MetricTarget::value("30")).selector([("queue", "jobs")]))
//!     .scale_down(ScalingRules::new().stabilization_window(Duration::minutes(5)).policy(ScalingPolicy::percent(10, Duration::minutes(1))))
//!     .build()?;
//! # let _ = hpa;
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use k8s_openapi::api::autoscaling::v2 as hpa;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;

use crate::meta::Meta;
use crate::rules::duration::Duration;
use crate::rules::names;
use crate::rules::quantity::{self, Quantity};
use crate::validate::{Errors, FieldPath, Report, Warning};
use crate::value::Parsed;
use crate::workload::{meta_methods, seconds, Selector};

/// The longest scaling policy period (`MaxPeriodSeconds`, 30 minutes).
const MAX_PERIOD_SECONDS: i64 = 1800;
/// The longest stabilization window (`MaxStabilizationWindowSeconds`, one hour).
const MAX_STABILIZATION_SECONDS: i64 = 3600;

/// The object a HorizontalPodAutoscaler scales (or an object metric describes): apiVersion,
/// kind and name.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let web = ScaleTarget::deployment("web");
/// assert_eq!((web.api_version.as_str(), web.kind.as_str(), web.name.as_str()), ("apps/v1", "Deployment", "web"));
/// assert_eq!(ScaleTarget::stateful_set("db").kind, "StatefulSet");
/// let rollout = ScaleTarget::new("argoproj.io/v1alpha1", "Rollout", "shop");
/// let hpa = HorizontalPodAutoscaler::new("shop").scale_target(rollout).max_replicas(4).build()?;
/// let target = hpa.spec.scale_target_ref;
/// assert_eq!((target.kind.as_str(), target.name.as_str()), ("Rollout", "shop"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleTarget {
    /// `apiVersion`, such as `apps/v1`.
    pub api_version: String,
    /// `kind`, such as `Deployment`.
    pub kind: String,
    /// `name`.
    pub name: String,
}

impl ScaleTarget {
    /// Any object: `ScaleTarget::new("apps/v1", "Deployment", "web")`.
    pub fn new(
        api_version: impl Into<String>,
        kind: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        ScaleTarget {
            api_version: api_version.into(),
            kind: kind.into(),
            name: name.into(),
        }
    }

    /// An `apps/v1` Deployment.
    pub fn deployment(name: impl Into<String>) -> Self {
        ScaleTarget::new("apps/v1", "Deployment", name)
    }

    /// An `apps/v1` StatefulSet.
    pub fn stateful_set(name: impl Into<String>) -> Self {
        ScaleTarget::new("apps/v1", "StatefulSet", name)
    }

    fn to_k8s(&self, path: &FieldPath, report: &mut Report) -> hpa::CrossVersionObjectReference {
        if self.kind.is_empty() {
            report.error(
                &path.field("kind"),
                0,
                "kind is required",
                "name the kind, such as `Deployment`",
            );
        }
        report.check(
            &path.field("name"),
            names::object_name(&self.name, 0, "target name"),
        );
        hpa::CrossVersionObjectReference {
            api_version: (!self.api_version.is_empty()).then(|| self.api_version.clone()),
            kind: self.kind.clone(),
            name: self.name.clone(),
        }
    }
}

/// The target value of a metric.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let hpa = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .metric(Metric::resource("cpu", MetricTarget::utilization(70)))
///     .metric(Metric::pods("requests_per_second", MetricTarget::average_value("100")))
///     .metric(Metric::external("queue_depth", MetricTarget::value("30")))
///     .build()?;
/// let metrics = hpa.spec.metrics.unwrap_or_default();
/// let types: Vec<_> = metrics
///     .iter()
///     .map(|m| match (&m.resource, &m.pods, &m.external) {
///         (Some(r), _, _) => r.target.type_.clone(),
///         (_, Some(p), _) => p.target.type_.clone(),
///         (_, _, Some(e)) => e.target.type_.clone(),
///         _ => String::new(),
///     })
///     .collect();
/// assert_eq!(types, ["Utilization", "AverageValue", "Value"]);
///
/// // A quantity that does not parse is reported at its path:
/// let errors = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .metric(Metric::pods("requests_per_second", MetricTarget::average_value("100 rps")))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.metrics[0].pods.target.averageValue", 48));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum MetricTarget {
    /// The average utilization across pods, in percent of the request (resource metrics).
    Utilization(i32),
    /// The average value across pods.
    AverageValue(Parsed<Quantity>),
    /// The total value (object and external metrics).
    Value(Parsed<Quantity>),
}

impl MetricTarget {
    /// The average utilization in percent of the pods' requests.
    pub fn utilization(percent: i32) -> Self {
        MetricTarget::Utilization(percent)
    }

    /// The average value per pod: `"100"`, `"500m"`.
    pub fn average_value(value: impl Into<Parsed<Quantity>>) -> Self {
        MetricTarget::AverageValue(value.into())
    }

    /// The total value.
    pub fn value(value: impl Into<Parsed<Quantity>>) -> Self {
        MetricTarget::Value(value.into())
    }

    fn kind(&self) -> &'static str {
        match self {
            MetricTarget::Utilization(_) => "Utilization",
            MetricTarget::AverageValue(_) => "AverageValue",
            MetricTarget::Value(_) => "Value",
        }
    }

    fn to_k8s(&self, path: &FieldPath, report: &mut Report, allowed: &[&str]) -> hpa::MetricTarget {
        if !allowed.contains(&self.kind()) {
            report.error(
                &path.field("type"),
                0,
                format!(
                    "target type `{}` is not supported here; supported: {}",
                    self.kind(),
                    allowed
                        .iter()
                        .map(|a| format!("`{a}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!(
                    "use `MetricTarget::{}`",
                    snake(allowed.first().copied().unwrap_or("Value"))
                ),
            );
        }
        let quantity = |q: &Parsed<Quantity>, field: &str, report: &mut Report| {
            let at = path.field(field);
            let q = report.check(&at, q.parse())?;
            if q.is_negative() || q.is_zero() {
                report.error(
                    &at,
                    0,
                    format!("must be positive, not {q}"),
                    "use a value above zero",
                );
            }
            Some(K8sQuantity(q.as_str().to_owned()))
        };
        let mut target = hpa::MetricTarget {
            type_: self.kind().to_owned(),
            ..hpa::MetricTarget::default()
        };
        match self {
            MetricTarget::Utilization(percent) => {
                if *percent <= 0 {
                    report.error(
                        &path.field("averageUtilization"),
                        0,
                        format!("must be greater than 0, not {percent}"),
                        "use a percentage above 0",
                    );
                }
                target.average_utilization = Some(*percent);
            }
            MetricTarget::AverageValue(q) => {
                target.average_value = quantity(q, "averageValue", report)
            }
            MetricTarget::Value(q) => target.value = quantity(q, "value", report),
        }
        target
    }
}

/// `AverageValue` → `average_value`.
fn snake(kind: &str) -> String {
    let mut out = String::new();
    for (i, c) in kind.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Source {
    Resource {
        name: String,
        container: Option<String>,
    },
    Pods {
        name: String,
    },
    Object {
        described: ScaleTarget,
        name: String,
    },
    External {
        name: String,
    },
}

/// One metric a HorizontalPodAutoscaler scales on: a resource (CPU, memory), a per-pod
/// custom metric, a metric of another object, or an external metric.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let hpa = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .metric(Metric::cpu_utilization(60))
///     .metric(Metric::memory_utilization(80))
///     .metric(Metric::container_resource("app", "cpu", MetricTarget::utilization(50)))
///     .metric(Metric::object(
///         ScaleTarget::new("networking.k8s.io/v1", "Ingress", "main"),
///         "requests_per_second",
///         MetricTarget::value("2k"),
///     ))
///     .metric(Metric::external("queue_messages_ready", MetricTarget::average_value("30")).selector([("queue", "jobs")]))
///     .build()?;
/// let metrics = hpa.spec.metrics.unwrap_or_default();
/// let kinds: Vec<_> = metrics.iter().map(|m| m.type_.as_str()).collect();
/// assert_eq!(kinds, ["Resource", "Resource", "ContainerResource", "Object", "External"]);
///
/// // A Utilization target is for resource metrics only:
/// let errors = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .metric(Metric::pods("requests_per_second", MetricTarget::utilization(50)))
///     .build()
///     .unwrap_err();
/// assert!(errors.iter().any(|e| e.path.as_str().starts_with("spec.metrics[0].pods.target")));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    source: Source,
    target: MetricTarget,
    selector: Option<Selector>,
}

impl Metric {
    /// Average CPU utilization in percent of the pods' CPU requests.
    pub fn cpu_utilization(percent: i32) -> Self {
        Metric::resource("cpu", MetricTarget::Utilization(percent))
    }

    /// Average memory utilization in percent of the pods' memory requests.
    pub fn memory_utilization(percent: i32) -> Self {
        Metric::resource("memory", MetricTarget::Utilization(percent))
    }

    /// A resource metric (`cpu`, `memory`, ...) with a `Utilization` or `AverageValue` target.
    pub fn resource(name: impl Into<String>, target: MetricTarget) -> Self {
        Metric {
            source: Source::Resource {
                name: name.into(),
                container: None,
            },
            target,
            selector: None,
        }
    }

    /// A resource metric of one container of the pods (`containerResource`).
    pub fn container_resource(
        container: impl Into<String>,
        name: impl Into<String>,
        target: MetricTarget,
    ) -> Self {
        Metric {
            source: Source::Resource {
                name: name.into(),
                container: Some(container.into()),
            },
            target,
            selector: None,
        }
    }

    /// A custom per-pod metric, averaged (`AverageValue` target).
    pub fn pods(name: impl Into<String>, target: MetricTarget) -> Self {
        Metric {
            source: Source::Pods { name: name.into() },
            target,
            selector: None,
        }
    }

    /// A metric describing another object in the namespace (`Value` or `AverageValue`).
    pub fn object(described: ScaleTarget, name: impl Into<String>, target: MetricTarget) -> Self {
        Metric {
            source: Source::Object {
                described,
                name: name.into(),
            },
            target,
            selector: None,
        }
    }

    /// A metric from outside the cluster (`Value` or `AverageValue`).
    pub fn external(name: impl Into<String>, target: MetricTarget) -> Self {
        Metric {
            source: Source::External { name: name.into() },
            target,
            selector: None,
        }
    }

    /// Narrows a pods, object or external metric by labels.
    pub fn selector(mut self, selector: impl Into<Selector>) -> Self {
        self.selector = Some(selector.into());
        self
    }

    fn to_k8s(&self, path: &FieldPath, report: &mut Report) -> hpa::MetricSpec {
        const AVERAGES: &[&str] = &["Utilization", "AverageValue"];
        const VALUES: &[&str] = &["Value", "AverageValue"];
        let identifier = |name: &str, at: &FieldPath, report: &mut Report| {
            if name.is_empty() {
                report.error(
                    &at.field("metric").field("name"),
                    0,
                    "metric name is required",
                    "name the metric",
                );
            }
            hpa::MetricIdentifier {
                name: name.to_owned(),
                selector: self
                    .selector
                    .as_ref()
                    .map(|s| s.to_k8s(&at.field("metric").field("selector").at(), report)),
            }
        };
        let mut spec = hpa::MetricSpec::default();
        match &self.source {
            Source::Resource { name, container } => {
                let field = if container.is_some() {
                    "containerResource"
                } else {
                    "resource"
                };
                let at = path.field(field);
                report.check(&at.field("name"), quantity::resource_name(name));
                if self.selector.is_some() {
                    report.error(
                        &at,
                        0,
                        "a resource metric has no selector",
                        "remove `.selector(..)`",
                    );
                }
                let target = self.target.to_k8s(&at.field("target"), report, AVERAGES);
                spec.type_ = if container.is_some() {
                    "ContainerResource"
                } else {
                    "Resource"
                }
                .to_owned();
                match container {
                    Some(container) => {
                        report.check(&at.field("container"), names::container_name(container));
                        spec.container_resource = Some(hpa::ContainerResourceMetricSource {
                            container: container.clone(),
                            name: name.clone(),
                            target,
                        });
                    }
                    None => {
                        spec.resource = Some(hpa::ResourceMetricSource {
                            name: name.clone(),
                            target,
                        });
                    }
                }
            }
            Source::Pods { name } => {
                let at = path.field("pods");
                spec.type_ = "Pods".to_owned();
                spec.pods = Some(hpa::PodsMetricSource {
                    metric: identifier(name, &at, report),
                    target: self
                        .target
                        .to_k8s(&at.field("target"), report, &["AverageValue"]),
                });
            }
            Source::Object { described, name } => {
                let at = path.field("object");
                spec.type_ = "Object".to_owned();
                spec.object = Some(hpa::ObjectMetricSource {
                    described_object: described.to_k8s(&at.field("describedObject"), report),
                    metric: identifier(name, &at, report),
                    target: self.target.to_k8s(&at.field("target"), report, VALUES),
                });
            }
            Source::External { name } => {
                let at = path.field("external");
                spec.type_ = "External".to_owned();
                spec.external = Some(hpa::ExternalMetricSource {
                    metric: identifier(name, &at, report),
                    target: self.target.to_k8s(&at.field("target"), report, VALUES),
                });
            }
        }
        spec
    }
}

/// One scaling policy: change by at most `value` pods (or percent) per period.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let hpa = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .scale_up(ScalingRules::new().policy(ScalingPolicy::pods(4, Duration::seconds(15))))
///     .scale_down(ScalingRules::new().policy(ScalingPolicy::percent(10, "1m")))
///     .build()?;
/// let behavior = hpa.spec.behavior.unwrap_or_default();
/// let up = behavior.scale_up.unwrap_or_default().policies.unwrap_or_default();
/// assert_eq!((up[0].type_.as_str(), up[0].value, up[0].period_seconds), ("Pods", 4, 15));
/// let down = behavior.scale_down.unwrap_or_default().policies.unwrap_or_default();
/// assert_eq!((down[0].type_.as_str(), down[0].period_seconds), ("Percent", 60));
///
/// let errors = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .scale_up(ScalingRules::new().policy(ScalingPolicy::pods(0, "15s")))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.behavior.scaleUp.policies[0].value", 0));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ScalingPolicy {
    percent: bool,
    value: i32,
    period: Parsed<Duration>,
}

impl ScalingPolicy {
    /// At most `value` pods per `period` (at most 30 minutes).
    pub fn pods(value: i32, period: impl Into<Parsed<Duration>>) -> Self {
        ScalingPolicy {
            percent: false,
            value,
            period: period.into(),
        }
    }

    /// At most `value` percent of the current pods per `period`.
    pub fn percent(value: i32, period: impl Into<Parsed<Duration>>) -> Self {
        ScalingPolicy {
            percent: true,
            value,
            period: period.into(),
        }
    }
}

/// Which policy wins when several apply (`selectPolicy`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(SelectPolicy::Max.as_str(), "Max");
/// // Never scale down:
/// let hpa = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .scale_down(ScalingRules::new().select_policy(SelectPolicy::Disabled))
///     .build()?;
/// let down = hpa.spec.behavior.unwrap_or_default().scale_down.unwrap_or_default();
/// assert_eq!(down.select_policy.as_deref(), Some("Disabled"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SelectPolicy {
    /// The policy allowing the biggest change.
    Max,
    /// The policy allowing the smallest change.
    Min,
    /// No scaling in this direction.
    Disabled,
}

impl SelectPolicy {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            SelectPolicy::Max => "Max",
            SelectPolicy::Min => "Min",
            SelectPolicy::Disabled => "Disabled",
        }
    }
}

/// How fast a HorizontalPodAutoscaler scales in one direction (`behavior.scaleUp` or
/// `behavior.scaleDown`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let calm = ScalingRules::new()
///     .stabilization_window(Duration::minutes(5))
///     .select_policy(SelectPolicy::Min)
///     .policy(ScalingPolicy::percent(10, "1m"))
///     .policy(ScalingPolicy::pods(2, "1m"));
/// let hpa = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .scale_down(calm)
///     .build()?;
/// let down = hpa.spec.behavior.unwrap_or_default().scale_down.unwrap_or_default();
/// assert_eq!(down.stabilization_window_seconds, Some(300));
/// assert_eq!(down.policies.unwrap_or_default().len(), 2);
///
/// // The window is at most one hour:
/// let errors = HorizontalPodAutoscaler::new("web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .max_replicas(10)
///     .scale_down(ScalingRules::new().stabilization_window("2h"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.behavior.scaleDown.stabilizationWindowSeconds", 0));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScalingRules {
    stabilization_window: Option<Parsed<Duration>>,
    select_policy: Option<SelectPolicy>,
    policies: Vec<ScalingPolicy>,
}

impl ScalingRules {
    /// Rules with the API defaults; add policies.
    pub fn new() -> Self {
        ScalingRules::default()
    }

    /// How far back recommendations are considered (0 to 1 hour).
    pub fn stabilization_window(mut self, window: impl Into<Parsed<Duration>>) -> Self {
        self.stabilization_window = Some(window.into());
        self
    }

    /// Which policy wins.
    pub fn select_policy(mut self, policy: SelectPolicy) -> Self {
        self.select_policy = Some(policy);
        self
    }

    /// Adds a policy.
    pub fn policy(mut self, policy: ScalingPolicy) -> Self {
        self.policies.push(policy);
        self
    }

    fn to_k8s(&self, path: &FieldPath, report: &mut Report) -> hpa::HPAScalingRules {
        let stabilization_window_seconds = seconds(
            report,
            &path.field("stabilizationWindowSeconds").at(),
            self.stabilization_window.as_ref(),
            0,
            MAX_STABILIZATION_SECONDS,
        )
        .and_then(|s| i32::try_from(s).ok());
        let policies_path = path.field("policies");
        let policies: Vec<_> = self
            .policies
            .iter()
            .enumerate()
            .map(|(i, policy)| {
                let at = policies_path.index(i);
                if policy.value <= 0 {
                    report.error(
                        &at.field("value"),
                        0,
                        format!("must be greater than zero, not {}", policy.value),
                        "use a positive value",
                    );
                }
                let period_path = at.field("periodSeconds");
                let period = seconds(
                    report,
                    &period_path.at(),
                    Some(&policy.period),
                    0,
                    MAX_PERIOD_SECONDS,
                )
                .and_then(|s| i32::try_from(s).ok())
                .unwrap_or_default();
                if period == 0 && policy.period.parse().is_ok_and(|d| d.as_secs() == 0) {
                    report.error(
                        &period_path,
                        0,
                        "must be greater than zero",
                        "use a period of at least one second",
                    );
                }
                hpa::HPAScalingPolicy {
                    period_seconds: period,
                    type_: if policy.percent { "Percent" } else { "Pods" }.to_owned(),
                    value: policy.value,
                }
            })
            .collect();
        hpa::HPAScalingRules {
            policies: (!policies.is_empty()).then_some(policies),
            select_policy: self.select_policy.map(|p| p.as_str().to_owned()),
            stabilization_window_seconds,
            ..hpa::HPAScalingRules::default()
        }
    }
}

/// A HorizontalPodAutoscaler (autoscaling/v2). See the [module docs](self) for examples.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let (hpa, warnings) = HorizontalPodAutoscaler::new("web")
///     .namespace("shop")
///     .label("app", "web")
///     .scale_target(ScaleTarget::deployment("web"))
///     .min_replicas(2)
///     .max_replicas(10)
///     .metric(Metric::cpu_utilization(70))
///     .scale_up(ScalingRules::new().policy(ScalingPolicy::pods(4, "15s")))
///     .scale_down(ScalingRules::new().stabilization_window("5m"))
///     .build_with_warnings()?;
/// let spec = hpa.spec;
/// assert_eq!((spec.min_replicas, spec.max_replicas), (Some(2), 10));
/// assert!(warnings.is_empty());
///
/// // Every mistake at once, each at its path:
/// let errors = HorizontalPodAutoscaler::new("web").min_replicas(5).max_replicas(3).build().unwrap_err();
/// assert!(errors.has("spec.scaleTargetRef", 0));
/// assert!(errors.has("spec.maxReplicas", 0));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct HorizontalPodAutoscaler {
    pub(crate) meta: Meta,
    target: Option<ScaleTarget>,
    min_replicas: Option<i32>,
    max_replicas: Option<i32>,
    metrics: Vec<Metric>,
    scale_up: Option<ScalingRules>,
    scale_down: Option<ScalingRules>,
}

impl HorizontalPodAutoscaler {
    /// A HorizontalPodAutoscaler called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        HorizontalPodAutoscaler {
            meta: Meta::new(name),
            target: None,
            min_replicas: None,
            max_replicas: None,
            metrics: Vec::new(),
            scale_up: None,
            scale_down: None,
        }
    }

    meta_methods!();

    /// The workload to scale; a [`Bundle`](crate::bundle::Bundle) checks that it exists.
    pub fn scale_target(mut self, target: ScaleTarget) -> Self {
        self.target = Some(target);
        self
    }

    /// The fewest replicas (at least 1; the API default is 1).
    pub fn min_replicas(mut self, replicas: i32) -> Self {
        self.min_replicas = Some(replicas);
        self
    }

    /// The most replicas (required; at least `min_replicas`).
    pub fn max_replicas(mut self, replicas: i32) -> Self {
        self.max_replicas = Some(replicas);
        self
    }

    /// Adds a metric (without any, the API default is 80% CPU utilization).
    pub fn metric(mut self, metric: Metric) -> Self {
        self.metrics.push(metric);
        self
    }

    /// How fast to scale up.
    pub fn scale_up(mut self, rules: ScalingRules) -> Self {
        self.scale_up = Some(rules);
        self
    }

    /// How fast to scale down.
    pub fn scale_down(mut self, rules: ScalingRules) -> Self {
        self.scale_down = Some(rules);
        self
    }

    /// The k8s-openapi `HorizontalPodAutoscaler`, or every error found.
    pub fn build(self) -> Result<hpa::HorizontalPodAutoscaler, Errors> {
        self.build_with_warnings().map(|(h, _)| h)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(
        self,
    ) -> Result<(hpa::HorizontalPodAutoscaler, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let autoscaler = self.to_k8s(&mut report);
        report.finish(autoscaler)
    }

    /// The HorizontalPodAutoscaler, checking everything into `report`.
    // Some fields are `Option<_>` in older Kubernetes versions of k8s-openapi and required in
    // newer ones (`spec`, `value`); `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    pub(crate) fn to_k8s(&self, report: &mut Report) -> hpa::HorizontalPodAutoscaler {
        let metadata = self.meta.to_k8s(
            &crate::validate::At::root().field("metadata"),
            report,
            |name| names::object_name(name, 0, "horizontal pod autoscaler name"),
        );
        let path = FieldPath::parse("spec");
        let target_path = path.field("scaleTargetRef");
        let scale_target_ref = match &self.target {
            Some(target) => target.to_k8s(&target_path, report),
            None => {
                report.error(
                    &target_path,
                    0,
                    "a HorizontalPodAutoscaler needs a target to scale",
                    "call `.scale_target(ScaleTarget::deployment(..))`",
                );
                hpa::CrossVersionObjectReference::default()
            }
        };
        // `ValidateHorizontalPodAutoscalerSpec`: 1 <= minReplicas <= maxReplicas.
        if let Some(min) = self.min_replicas.filter(|&m| m < 1) {
            report.error(
                &path.field("minReplicas"),
                0,
                format!("must be greater than or equal to 1, not {min}"),
                "use at least 1",
            );
        }
        let max_path = path.field("maxReplicas");
        let max_replicas = match self.max_replicas {
            None => {
                report.error(
                    &max_path,
                    0,
                    "`maxReplicas` is required",
                    "call `.max_replicas(n)`",
                );
                0
            }
            Some(max) if max < 1 => {
                report.error(
                    &max_path,
                    0,
                    format!("must be greater than 0, not {max}"),
                    "use at least 1",
                );
                max
            }
            Some(max) => {
                if let Some(min) = self.min_replicas.filter(|&min| max < min) {
                    report.error(
                        &max_path,
                        0,
                        format!(
                            "must be greater than or equal to `minReplicas` ({min}), not {max}"
                        ),
                        format!("raise `maxReplicas` to at least {min} or lower `minReplicas`"),
                    );
                }
                max
            }
        };
        let metrics_path = path.field("metrics");
        let metrics: Vec<_> = self
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| m.to_k8s(&metrics_path.index(i), report))
            .collect();
        let behavior_path = path.field("behavior");
        let behavior = (self.scale_up.is_some() || self.scale_down.is_some()).then(|| {
            hpa::HorizontalPodAutoscalerBehavior {
                scale_up: self
                    .scale_up
                    .as_ref()
                    .map(|r| r.to_k8s(&behavior_path.field("scaleUp"), report)),
                scale_down: self
                    .scale_down
                    .as_ref()
                    .map(|r| r.to_k8s(&behavior_path.field("scaleDown"), report)),
            }
        });
        let spec = hpa::HorizontalPodAutoscalerSpec {
            behavior,
            max_replicas,
            metrics: (!metrics.is_empty()).then_some(metrics),
            min_replicas: self.min_replicas,
            scale_target_ref,
        };
        hpa::HorizontalPodAutoscaler {
            metadata,
            spec: spec.into(),
            ..hpa::HorizontalPodAutoscaler::default()
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

    fn base() -> HorizontalPodAutoscaler {
        HorizontalPodAutoscaler::new("rg").scale_target(ScaleTarget::deployment("rg"))
    }

    #[test]
    fn workload_18_cpu_utilization() {
        let h = base()
            .min_replicas(1)
            .max_replicas(5)
            .metric(Metric::cpu_utilization(50))
            .build()
            .unwrap();
        let yaml = crate::emit::to_yaml(&h).unwrap();
        assert!(yaml.contains("averageUtilization: 50"), "{yaml}");
        assert!(yaml.contains("kind: Deployment"), "{yaml}");
        assert!(yaml.contains("apiVersion: autoscaling/v2"), "{yaml}");
    }

    #[test]
    fn replicas_bounds() {
        let errors = base().min_replicas(0).max_replicas(5).build().unwrap_err();
        assert!(errors.has("spec.minReplicas", 0));
        let errors = base().min_replicas(3).max_replicas(2).build().unwrap_err();
        assert!(errors.has("spec.maxReplicas", 0));
        let errors = base().build().unwrap_err();
        assert!(errors.has("spec.maxReplicas", 0));
        let errors = HorizontalPodAutoscaler::new("x")
            .max_replicas(2)
            .build()
            .unwrap_err();
        assert!(errors.has("spec.scaleTargetRef", 0));
    }

    #[test]
    fn metric_targets_are_checked() {
        let errors = base()
            .max_replicas(3)
            .metric(Metric::pods("rps", MetricTarget::utilization(50)))
            .metric(Metric::resource("cpu", MetricTarget::value("1")))
            .metric(Metric::cpu_utilization(0))
            .metric(Metric::external("q", MetricTarget::value("abc")))
            .build()
            .unwrap_err();
        assert!(
            errors.has("spec.metrics[0].pods.target.type", 0),
            "{errors}"
        );
        assert!(
            errors.has("spec.metrics[1].resource.target.type", 0),
            "{errors}"
        );
        assert!(
            errors.has("spec.metrics[2].resource.target.averageUtilization", 0),
            "{errors}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.path.as_str() == "spec.metrics[3].external.target.value"),
            "{errors}"
        );
    }

    #[test]
    fn behavior_policies() {
        let h = base()
            .max_replicas(3)
            .scale_up(
                ScalingRules::new()
                    .policy(ScalingPolicy::pods(4, Duration::seconds(15)))
                    .select_policy(SelectPolicy::Max),
            )
            .build()
            .unwrap();
        let yaml = crate::emit::to_yaml(&h).unwrap();
        assert!(yaml.contains("periodSeconds: 15"), "{yaml}");
        let errors = base()
            .max_replicas(3)
            .scale_down(
                ScalingRules::new()
                    .stabilization_window(Duration::hours(2))
                    .policy(ScalingPolicy::percent(0, Duration::hours(1))),
            )
            .build()
            .unwrap_err();
        assert!(
            errors.has("spec.behavior.scaleDown.stabilizationWindowSeconds", 0),
            "{errors}"
        );
        assert!(
            errors.has("spec.behavior.scaleDown.policies[0].value", 0),
            "{errors}"
        );
        assert!(
            errors.has("spec.behavior.scaleDown.policies[0].periodSeconds", 0),
            "{errors}"
        );
    }
}
