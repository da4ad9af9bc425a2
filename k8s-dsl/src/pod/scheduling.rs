//! Where a pod may run: tolerations of node taints and (anti-)affinity to nodes and pods.
//! (The node selector is a plain label map set on the pod; it is checked as labels, rule 43.)
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let affinity = Affinity::new()
//!     .require_node(NodeTerm::new().matching(Requirement::is_in("kubernetes.io/arch", ["amd64", "arm64"])))
//!     .prefer_avoid_pod(100, PodTerm::new("kubernetes.io/hostname").label("app", "web"));
//! let pod = Pod::new("web")
//!     .affinity(affinity)
//!     .toleration(Toleration::exists("dedicated").effect(TaintEffect::NoSchedule))
//!     .container(Container::new("web").image("nginx:1.27"))
//!     .build()?;
//! assert!(pod.spec.and_then(|s| s.affinity).is_some());
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

// k8s-openapi structs gain fields between Kubernetes versions: every literal ends with
// `..Default::default()` so it compiles against each supported version.
#![allow(clippy::needless_update)]

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as k8s;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, LabelSelectorRequirement};

use crate::meta::non_empty;
use crate::rules::enums::{TaintEffect, TolerationOperator};
use crate::rules::labels;
use crate::validate::meta::label_map as check_labels;
use crate::validate::{At, Report};
use crate::value::Parsed;

/// A toleration: lets the pod run on nodes with a matching taint.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pod = Pod::new("web")
///     .toleration(Toleration::equal("dedicated", "web").effect(TaintEffect::NoSchedule))
///     .toleration(
///         Toleration::exists("node.kubernetes.io/unreachable")
///             .effect(TaintEffect::NoExecute)
///             .for_duration("5m"),
///     )
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()?;
/// let tolerations = pod.spec.unwrap().tolerations.unwrap();
/// assert_eq!(tolerations[0].operator.as_deref(), Some("Equal"));
/// assert_eq!(tolerations[0].value.as_deref(), Some("web"));
/// assert_eq!(tolerations[1].operator.as_deref(), Some("Exists"));
/// assert_eq!(tolerations[1].toleration_seconds, Some(300));
///
/// // A toleration time needs effect `NoExecute`.
/// let errors = Pod::new("web")
///     .toleration(Toleration::exists("dedicated").for_duration("5m"))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.tolerations[0].effect", 43));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Toleration {
    key: String,
    operator: TolerationOperator,
    value: String,
    effect: Option<TaintEffect>,
    seconds: Option<Parsed<crate::rules::duration::Duration>>,
}

impl Toleration {
    /// Tolerates taints with key `key` and value `value` (operator `Equal`).
    pub fn equal(key: impl Into<String>, value: impl Into<String>) -> Self {
        Toleration {
            key: key.into(),
            operator: TolerationOperator::Equal,
            value: value.into(),
            effect: None,
            seconds: None,
        }
    }

    /// Tolerates taints with key `key`, whatever their value (operator `Exists`).
    pub fn exists(key: impl Into<String>) -> Self {
        Toleration {
            operator: TolerationOperator::Exists,
            ..Toleration::equal(key, "")
        }
    }

    /// Tolerates every taint (empty key, operator `Exists`).
    pub fn everything() -> Self {
        Toleration::exists("")
    }

    /// Only taints with this effect (unset: every effect).
    pub fn effect(mut self, effect: TaintEffect) -> Self {
        self.effect = Some(effect);
        self
    }

    /// How long the pod stays bound after a `NoExecute` taint appears (`"5m"`); needs
    /// `.effect(TaintEffect::NoExecute)` (rule 43).
    pub fn for_duration(
        mut self,
        time: impl Into<Parsed<crate::rules::duration::Duration>>,
    ) -> Self {
        self.seconds = Some(time.into());
        self
    }

    /// The k8s-openapi toleration; `path` is `spec.tolerations[i]`. Only the time is read here;
    /// rule 43 (`ValidateTolerations`) is checked with the pod spec (`validate::pod`).
    pub(crate) fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> k8s::Toleration {
        let toleration_seconds = self.seconds.as_ref().and_then(|time| {
            let at = path.field("tolerationSeconds");
            Some(report.check(&at, time.parse())?.as_secs())
        });
        k8s::Toleration {
            key: (!self.key.is_empty()).then(|| self.key.clone()),
            operator: Some(self.operator.as_str().to_owned()),
            value: (self.operator == TolerationOperator::Equal).then(|| self.value.clone()),
            effect: self.effect.map(|e| e.as_str().to_owned()),
            toleration_seconds,
            ..Default::default()
        }
    }
}

/// The operator of a [`Requirement`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
    Gt,
    Lt,
}

impl Operator {
    fn as_str(self) -> &'static str {
        match self {
            Operator::In => "In",
            Operator::NotIn => "NotIn",
            Operator::Exists => "Exists",
            Operator::DoesNotExist => "DoesNotExist",
            Operator::Gt => "Gt",
            Operator::Lt => "Lt",
        }
    }
}

/// One match expression of a node or pod term: a label key, an operator and values.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let term = NodeTerm::new()
///     .matching(Requirement::is_in("kubernetes.io/arch", ["amd64", "arm64"]))
///     .matching(Requirement::greater_than("example.com/cpu-generation", 3))
///     .matching(Requirement::does_not_exist("example.com/draining"));
/// let pod = Pod::new("web")
///     .affinity(Affinity::new().require_node(term))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()?;
/// let node = pod.spec.unwrap().affinity.unwrap().node_affinity.unwrap();
/// let required = node.required_during_scheduling_ignored_during_execution.unwrap();
/// let terms = required.node_selector_terms;
/// let expressions = terms[0].match_expressions.clone().unwrap();
/// assert_eq!(expressions[0].operator, "In");
/// assert_eq!(expressions[0].values, Some(vec!["amd64".to_string(), "arm64".to_string()]));
/// assert_eq!(expressions[1].operator, "Gt");
/// assert_eq!(expressions[1].values, Some(vec!["3".to_string()]));
/// assert_eq!(expressions[2].operator, "DoesNotExist");
///
/// // `In` needs at least one value.
/// let empty: [&str; 0] = [];
/// let no_zone = NodeTerm::new().matching(Requirement::is_in("zone", empty));
/// let errors = Pod::new("web")
///     .affinity(Affinity::new().require_node(no_zone))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has(
///     "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution\
///      .nodeSelectorTerms[0].matchExpressions[0].values",
///     43
/// ));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    key: String,
    operator: Operator,
    values: Vec<String>,
}

impl Requirement {
    fn new(key: impl Into<String>, operator: Operator, values: Vec<String>) -> Self {
        Requirement {
            key: key.into(),
            operator,
            values,
        }
    }

    /// The label `key` has one of `values` (`In`; at least one value).
    pub fn is_in<V: Into<String>>(
        key: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        Requirement::new(
            key,
            Operator::In,
            values.into_iter().map(Into::into).collect(),
        )
    }

    /// The label `key` is missing or has none of `values` (`NotIn`).
    pub fn not_in<V: Into<String>>(
        key: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        Requirement::new(
            key,
            Operator::NotIn,
            values.into_iter().map(Into::into).collect(),
        )
    }

    /// The label `key` is set (`Exists`).
    pub fn exists(key: impl Into<String>) -> Self {
        Requirement::new(key, Operator::Exists, Vec::new())
    }

    /// The label `key` is not set (`DoesNotExist`).
    pub fn does_not_exist(key: impl Into<String>) -> Self {
        Requirement::new(key, Operator::DoesNotExist, Vec::new())
    }

    /// The node label `key` is an integer greater than `value` (`Gt`; node terms only).
    pub fn greater_than(key: impl Into<String>, value: i64) -> Self {
        Requirement::new(key, Operator::Gt, vec![value.to_string()])
    }

    /// The node label `key` is an integer less than `value` (`Lt`; node terms only).
    pub fn less_than(key: impl Into<String>, value: i64) -> Self {
        Requirement::new(key, Operator::Lt, vec![value.to_string()])
    }

    /// Rule 43 (`ValidateNodeSelectorRequirement`, `ValidateLabelSelectorRequirement`): a
    /// qualified key; `In`/`NotIn` need values, `Exists`/`DoesNotExist` take none. Label
    /// selectors of pod terms have no `Gt`/`Lt`.
    fn check(&self, path: &At<'_>, for_pods: bool, report: &mut Report) {
        report.check(
            &path.field("key"),
            labels::qualified_name(&self.key, 43, "match expression key"),
        );
        let values = path.field("values");
        match self.operator {
            Operator::In | Operator::NotIn if self.values.is_empty() => report.error(
                &values,
                43,
                format!(
                    "operator `{}` needs at least one value",
                    self.operator.as_str()
                ),
                "list the values, or use `Requirement::exists`",
            ),
            Operator::Gt | Operator::Lt if for_pods => report.error(
                &path.field("operator"),
                43,
                format!(
                    "operator `{}` is only for node terms",
                    self.operator.as_str()
                ),
                "use `In`, `NotIn`, `Exists` or `DoesNotExist` in pod terms",
            ),
            _ => {}
        }
        if for_pods {
            for (i, value) in self.values.iter().enumerate() {
                report.check(&values.index(i), labels::label_value(value));
            }
        }
    }

    fn to_node(&self, path: &At<'_>, report: &mut Report) -> k8s::NodeSelectorRequirement {
        self.check(path, false, report);
        k8s::NodeSelectorRequirement {
            key: self.key.clone(),
            operator: self.operator.as_str().to_owned(),
            values: (!self.values.is_empty()).then(|| self.values.clone()),
            ..Default::default()
        }
    }

    fn to_label_selector(&self, path: &At<'_>, report: &mut Report) -> LabelSelectorRequirement {
        self.check(path, true, report);
        LabelSelectorRequirement {
            key: self.key.clone(),
            operator: self.operator.as_str().to_owned(),
            values: (!self.values.is_empty()).then(|| self.values.clone()),
            ..Default::default()
        }
    }
}

/// A node selector term: nodes matching every expression (terms of one list are ORed).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let ssd = NodeTerm::new().matching(Requirement::is_in("disktype", ["ssd"]));
/// let pod = Pod::new("db")
///     .affinity(Affinity::new().prefer_node(80, ssd))
///     .container(Container::new("db").image("postgres:17"))
///     .build()?;
/// let node = pod.spec.unwrap().affinity.unwrap().node_affinity.unwrap();
/// let preferred = node.preferred_during_scheduling_ignored_during_execution.unwrap();
/// assert_eq!(preferred[0].weight, 80);
/// assert_eq!(preferred[0].preference.match_expressions.as_ref().unwrap()[0].key, "disktype");
///
/// // An empty term matches no node.
/// let errors = Pod::new("db")
///     .affinity(Affinity::new().require_node(NodeTerm::new()))
///     .container(Container::new("db").image("postgres:17"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has(
///     "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution\
///      .nodeSelectorTerms[0].matchExpressions",
///     43
/// ));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeTerm {
    expressions: Vec<Requirement>,
}

impl NodeTerm {
    /// A term with no expressions yet (an empty term matches no node: add one).
    pub fn new() -> Self {
        NodeTerm::default()
    }

    /// Adds an expression on node labels (ANDed with the others).
    pub fn matching(mut self, requirement: Requirement) -> Self {
        self.expressions.push(requirement);
        self
    }

    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> k8s::NodeSelectorTerm {
        let at = path.field("matchExpressions");
        if self.expressions.is_empty() {
            report.error(
                &at,
                43,
                "a node term needs at least one expression",
                "add one with `.matching(Requirement::is_in(..))`",
            );
        }
        k8s::NodeSelectorTerm {
            match_expressions: Some(
                self.expressions
                    .iter()
                    .enumerate()
                    .map(|(i, r)| r.to_node(&at.index(i), report))
                    .collect(),
            ),
            match_fields: None,
            ..Default::default()
        }
    }
}

/// A pod (anti-)affinity term: pods matching a label selector, in the same topology domain
/// (node, zone, ...) named by a node label key.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let near_cache = PodTerm::new("topology.kubernetes.io/zone")
///     .label("app", "cache")
///     .matching(Requirement::not_in("tier", ["test"]))
///     .namespace("shop");
/// let pod = Pod::new("web")
///     .affinity(Affinity::new().require_pod(near_cache))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()?;
/// let pod_affinity = pod.spec.unwrap().affinity.unwrap().pod_affinity.unwrap();
/// let term = &pod_affinity.required_during_scheduling_ignored_during_execution.unwrap()[0];
/// assert_eq!(term.topology_key, "topology.kubernetes.io/zone");
/// let selector = term.label_selector.clone().unwrap();
/// assert_eq!(selector.match_labels.unwrap()["app"], "cache");
/// assert_eq!(selector.match_expressions.unwrap()[0].operator, "NotIn");
/// assert_eq!(term.namespaces, Some(vec!["shop".to_string()]));
///
/// // Label selectors of pod terms have no `Gt`.
/// let bad = PodTerm::new("kubernetes.io/hostname").matching(Requirement::greater_than("rank", 1));
/// let errors = Pod::new("web")
///     .affinity(Affinity::new().avoid_pod(bad))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has(
///     "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]\
///      .labelSelector.matchExpressions[0].operator",
///     43
/// ));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PodTerm {
    topology_key: String,
    labels: BTreeMap<String, String>,
    expressions: Vec<Requirement>,
    namespaces: Vec<String>,
}

impl PodTerm {
    /// Pods in the same domain of node label `topology_key` (`kubernetes.io/hostname`: same
    /// node; `topology.kubernetes.io/zone`: same zone).
    pub fn new(topology_key: impl Into<String>) -> Self {
        PodTerm {
            topology_key: topology_key.into(),
            labels: BTreeMap::new(),
            expressions: Vec::new(),
            namespaces: Vec::new(),
        }
    }

    /// Selects pods with label `key: value`.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.labels.insert(key.into(), value.into());
        self
    }

    /// Selects pods matching an expression (`In`, `NotIn`, `Exists`, `DoesNotExist`).
    pub fn matching(mut self, requirement: Requirement) -> Self {
        self.expressions.push(requirement);
        self
    }

    /// Looks for the pods in `namespace` (default: the pod's own namespace).
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.namespaces.push(namespace.into());
        self
    }

    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> k8s::PodAffinityTerm {
        // `validatePodAffinityTerm`: the topology key is required and a qualified name.
        report.check(
            &path.field("topologyKey"),
            labels::qualified_name(&self.topology_key, 43, "topology key"),
        );
        let selector = path.field("labelSelector");
        check_labels(&selector.field("matchLabels"), &self.labels, report);
        let expressions_path = selector.field("matchExpressions");
        let expressions: Vec<_> = self
            .expressions
            .iter()
            .enumerate()
            .map(|(i, r)| r.to_label_selector(&expressions_path.index(i), report))
            .collect();
        for (i, namespace) in self.namespaces.iter().enumerate() {
            report.check(
                &path.field("namespaces").index(i),
                crate::rules::names::dns1123_label(namespace, 43, "namespace"),
            );
        }
        k8s::PodAffinityTerm {
            topology_key: self.topology_key.clone(),
            label_selector: Some(LabelSelector {
                match_labels: non_empty(&self.labels),
                match_expressions: (!expressions.is_empty()).then_some(expressions),
                ..Default::default()
            }),
            namespaces: (!self.namespaces.is_empty()).then(|| self.namespaces.clone()),
            ..k8s::PodAffinityTerm::default()
        }
    }
}

/// Node affinity, pod affinity and pod anti-affinity, in their common forms: required terms
/// (hard) and weighted preferred terms (soft, weight 1-100).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // Spread replicas over nodes, preferably next to the cache.
/// let affinity = Affinity::new()
///     .avoid_pod(PodTerm::new("kubernetes.io/hostname").label("app", "web"))
///     .prefer_pod(50, PodTerm::new("topology.kubernetes.io/zone").label("app", "cache"))
///     .prefer_avoid_pod(10, PodTerm::new("topology.kubernetes.io/zone").label("app", "batch"));
/// let pod = Pod::new("web")
///     .affinity(affinity)
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()?;
/// let affinity = pod.spec.unwrap().affinity.unwrap();
/// assert!(affinity.node_affinity.is_none());
/// let anti = affinity.pod_anti_affinity.unwrap();
/// let required = anti.required_during_scheduling_ignored_during_execution.unwrap();
/// assert_eq!(required[0].topology_key, "kubernetes.io/hostname");
/// assert_eq!(anti.preferred_during_scheduling_ignored_during_execution.unwrap()[0].weight, 10);
/// let near = affinity.pod_affinity.unwrap();
/// assert_eq!(near.preferred_during_scheduling_ignored_during_execution.unwrap()[0].weight, 50);
///
/// // Weights are 1 to 100.
/// let errors = Pod::new("web")
///     .affinity(Affinity::new().prefer_pod(0, PodTerm::new("kubernetes.io/hostname")))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has(
///     "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
///     43
/// ));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Affinity {
    node_required: Vec<NodeTerm>,
    node_preferred: Vec<(i32, NodeTerm)>,
    pod_required: Vec<PodTerm>,
    pod_preferred: Vec<(i32, PodTerm)>,
    avoid_required: Vec<PodTerm>,
    avoid_preferred: Vec<(i32, PodTerm)>,
}

/// `validatePreferredSchedulingTerms`, `validateWeightedPodAffinityTerms`: weights 1-100.
fn check_weight(path: &At<'_>, weight: i32, report: &mut Report) {
    if !(1..=100).contains(&weight) {
        report.error(
            path,
            43,
            format!("weight {weight} is not between 1 and 100"),
            "give a weight from 1 (weak) to 100 (strong)",
        );
    }
}

impl Affinity {
    /// No affinity yet.
    pub fn new() -> Self {
        Affinity::default()
    }

    /// Runs only on nodes matching `term` (several calls: any of the terms).
    pub fn require_node(mut self, term: NodeTerm) -> Self {
        self.node_required.push(term);
        self
    }

    /// Prefers nodes matching `term`, with weight 1-100.
    pub fn prefer_node(mut self, weight: i32, term: NodeTerm) -> Self {
        self.node_preferred.push((weight, term));
        self
    }

    /// Runs only where pods matching `term` run (pod affinity, required).
    pub fn require_pod(mut self, term: PodTerm) -> Self {
        self.pod_required.push(term);
        self
    }

    /// Prefers to run where pods matching `term` run (pod affinity, preferred).
    pub fn prefer_pod(mut self, weight: i32, term: PodTerm) -> Self {
        self.pod_preferred.push((weight, term));
        self
    }

    /// Never runs where pods matching `term` run (pod anti-affinity, required).
    pub fn avoid_pod(mut self, term: PodTerm) -> Self {
        self.avoid_required.push(term);
        self
    }

    /// Prefers not to run where pods matching `term` run (pod anti-affinity, preferred).
    pub fn prefer_avoid_pod(mut self, weight: i32, term: PodTerm) -> Self {
        self.avoid_preferred.push((weight, term));
        self
    }

    /// The k8s-openapi affinity; `path` is `spec.affinity`.
    pub(crate) fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> k8s::Affinity {
        const REQUIRED: &str = "requiredDuringSchedulingIgnoredDuringExecution";
        const PREFERRED: &str = "preferredDuringSchedulingIgnoredDuringExecution";
        let node = path.field("nodeAffinity");
        let node_required = (!self.node_required.is_empty()).then(|| {
            let terms = node.field(REQUIRED);
            let terms = terms.field("nodeSelectorTerms");
            k8s::NodeSelector {
                node_selector_terms: self
                    .node_required
                    .iter()
                    .enumerate()
                    .map(|(i, t)| t.to_k8s(&terms.index(i), report))
                    .collect(),
                ..Default::default()
            }
        });
        let node_preferred = non_empty_vec(
            self.node_preferred
                .iter()
                .enumerate()
                .map(|(i, (weight, term))| {
                    let at = node.field(PREFERRED);
                    let at = at.index(i);
                    check_weight(&at.field("weight"), *weight, report);
                    k8s::PreferredSchedulingTerm {
                        weight: *weight,
                        preference: term.to_k8s(&at.field("preference"), report),
                        ..Default::default()
                    }
                })
                .collect(),
        );
        let node_affinity =
            (node_required.is_some() || node_preferred.is_some()).then(|| k8s::NodeAffinity {
                required_during_scheduling_ignored_during_execution: node_required,
                preferred_during_scheduling_ignored_during_execution: node_preferred,
                ..Default::default()
            });
        let mut pod_terms = |field: &str, required: &[PodTerm], preferred: &[(i32, PodTerm)]| {
            let at = path.field(field);
            let required = non_empty_vec(
                required
                    .iter()
                    .enumerate()
                    .map(|(i, t)| t.to_k8s(&at.field(REQUIRED).index(i), report))
                    .collect(),
            );
            let preferred = non_empty_vec(
                preferred
                    .iter()
                    .enumerate()
                    .map(|(i, (weight, term))| {
                        let p = at.field(PREFERRED);
                        let p = p.index(i);
                        check_weight(&p.field("weight"), *weight, report);
                        k8s::WeightedPodAffinityTerm {
                            weight: *weight,
                            pod_affinity_term: term.to_k8s(&p.field("podAffinityTerm"), report),
                            ..Default::default()
                        }
                    })
                    .collect(),
            );
            (required, preferred)
        };
        let (pod_required, pod_preferred) =
            pod_terms("podAffinity", &self.pod_required, &self.pod_preferred);
        let (avoid_required, avoid_preferred) = pod_terms(
            "podAntiAffinity",
            &self.avoid_required,
            &self.avoid_preferred,
        );
        k8s::Affinity {
            node_affinity,
            pod_affinity: (pod_required.is_some() || pod_preferred.is_some()).then(|| {
                k8s::PodAffinity {
                    required_during_scheduling_ignored_during_execution: pod_required,
                    preferred_during_scheduling_ignored_during_execution: pod_preferred,
                    ..Default::default()
                }
            }),
            pod_anti_affinity: (avoid_required.is_some() || avoid_preferred.is_some()).then(|| {
                k8s::PodAntiAffinity {
                    required_during_scheduling_ignored_during_execution: avoid_required,
                    preferred_during_scheduling_ignored_during_execution: avoid_preferred,
                    ..Default::default()
                }
            }),
            ..Default::default()
        }
    }
}

fn non_empty_vec<T>(items: Vec<T>) -> Option<Vec<T>> {
    (!items.is_empty()).then_some(items)
}
