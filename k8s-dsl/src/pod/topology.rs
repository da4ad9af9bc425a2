//! How a pod's replicas spread over nodes, zones or any other node label
//! (`topologySpreadConstraints`, rule 93).

// k8s-openapi structs gain fields between Kubernetes versions: every literal ends with
// `..Default::default()` so it compiles against each supported version.
#![allow(clippy::needless_update)]

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as k8s;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

use crate::meta::non_empty;
use crate::rules::enums::{NodeInclusionPolicy, WhenUnsatisfiable};

/// The node label of a node's zone.
const ZONE: &str = "topology.kubernetes.io/zone";
/// The node label of a node's name.
const HOSTNAME: &str = "kubernetes.io/hostname";

/// A topology spread constraint: the pods it selects differ by at most `max_skew` between
/// the domains of a node label (zones, nodes, ...).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pod = Pod::new("web")
///     .label("app", "web")
///     .topology_spread(TopologySpread::zones(1).label("app", "web").min_domains(3))
///     .topology_spread(
///         TopologySpread::hosts(2, WhenUnsatisfiable::ScheduleAnyway).label("app", "web"),
///     )
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()?;
/// let spec = pod.spec.unwrap();
/// let constraints = spec.topology_spread_constraints.unwrap();
/// assert_eq!(constraints[0].topology_key, "topology.kubernetes.io/zone");
/// assert_eq!(constraints[0].when_unsatisfiable, "DoNotSchedule");
/// assert_eq!(constraints[1].max_skew, 2);
///
/// // Rule 93: `minDomains` goes with `DoNotSchedule` only.
/// let errors = Pod::new("web")
///     .topology_spread(TopologySpread::hosts(1, WhenUnsatisfiable::ScheduleAnyway).min_domains(2))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.topologySpreadConstraints[0].minDomains", 93));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TopologySpread {
    topology_key: String,
    max_skew: i32,
    when_unsatisfiable: WhenUnsatisfiable,
    labels: BTreeMap<String, String>,
    selects: bool,
    match_label_keys: Vec<String>,
    min_domains: Option<i32>,
    node_affinity_policy: Option<NodeInclusionPolicy>,
    node_taints_policy: Option<NodeInclusionPolicy>,
}

impl TopologySpread {
    /// Spreads over the domains of node label `topology_key`, by at most `max_skew` pods (at
    /// least 1), doing `when_unsatisfiable` with a pod that would break it.
    pub fn new(
        topology_key: impl Into<String>,
        max_skew: i32,
        when_unsatisfiable: WhenUnsatisfiable,
    ) -> Self {
        TopologySpread {
            topology_key: topology_key.into(),
            max_skew,
            when_unsatisfiable,
            labels: BTreeMap::new(),
            selects: false,
            match_label_keys: Vec::new(),
            min_domains: None,
            node_affinity_policy: None,
            node_taints_policy: None,
        }
    }

    /// Spreads over zones (`topology.kubernetes.io/zone`), leaving a pod pending rather than
    /// break the skew (`DoNotSchedule`).
    pub fn zones(max_skew: i32) -> Self {
        TopologySpread::new(ZONE, max_skew, WhenUnsatisfiable::DoNotSchedule)
    }

    /// Spreads over nodes (`kubernetes.io/hostname`).
    pub fn hosts(max_skew: i32, when_unsatisfiable: WhenUnsatisfiable) -> Self {
        TopologySpread::new(HOSTNAME, max_skew, when_unsatisfiable)
    }

    /// Counts the pods with label `key: value` (usually the pod's own labels).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.labels.insert(key.into(), value.into());
        self.selects = true;
        self
    }

    /// Selects with an empty label selector (`labelSelector: {}`): every pod of the namespace.
    pub fn all_pods(mut self) -> Self {
        self.selects = true;
        self
    }

    /// Also counts only the pods whose label `key` has this pod's value
    /// (`matchLabelKeys`, such as `pod-template-hash` to spread each rollout on its own).
    pub fn match_label_key(mut self, key: impl Into<String>) -> Self {
        self.match_label_keys.push(key.into());
        self
    }

    /// Counts at least `domains` domains, empty ones as zero pods (`minDomains`; only with
    /// `DoNotSchedule`).
    pub fn min_domains(mut self, domains: i32) -> Self {
        self.min_domains = Some(domains);
        self
    }

    /// Whether nodes that the pod's node affinity excludes count (`nodeAffinityPolicy`).
    pub fn node_affinity_policy(mut self, policy: NodeInclusionPolicy) -> Self {
        self.node_affinity_policy = Some(policy);
        self
    }

    /// Whether tainted nodes the pod does not tolerate count (`nodeTaintsPolicy`).
    pub fn node_taints_policy(mut self, policy: NodeInclusionPolicy) -> Self {
        self.node_taints_policy = Some(policy);
        self
    }

    /// The k8s-openapi form (checked with the pod spec: rule 93).
    pub(crate) fn to_k8s(&self) -> k8s::TopologySpreadConstraint {
        k8s::TopologySpreadConstraint {
            topology_key: self.topology_key.clone(),
            max_skew: self.max_skew,
            when_unsatisfiable: self.when_unsatisfiable.as_str().to_owned(),
            label_selector: self.selects.then(|| LabelSelector {
                match_labels: non_empty(&self.labels),
                ..Default::default()
            }),
            match_label_keys: (!self.match_label_keys.is_empty())
                .then(|| self.match_label_keys.clone()),
            min_domains: self.min_domains,
            node_affinity_policy: self.node_affinity_policy.map(|p| p.as_str().to_owned()),
            node_taints_policy: self.node_taints_policy.map(|p| p.as_str().to_owned()),
            ..Default::default()
        }
    }
}
