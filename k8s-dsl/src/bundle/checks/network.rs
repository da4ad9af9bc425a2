//! The checks of a NetworkPolicy: its pod selector selects pods of the bundle, the named
//! ports of its ingress rules are declared by them, and the named ports of its egress rules
//! are declared by the pods their `to` peers select.

use std::collections::{BTreeMap, BTreeSet};

use k8s_openapi::api::networking::v1 as networking;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::{listed, Context};
use crate::bundle::object::{Object, ObjectId};
use crate::bundle::prefixed;
use crate::rules::{shown, suggest};
use crate::validate::{FieldPath, Warning};
use crate::workload::{describe_selector, label_selector_matches};

impl<'a> Context<'a> {
    /// A policy whose selector matches no pod of its namespace isolates nothing the bundle
    /// runs (a warning: the pods may come from elsewhere); a named port of an ingress rule
    /// that no selected container declares never matches (an error); so does a named port of
    /// an egress rule that no pod its `to` selects declares ([`Self::egress_ports`]).
    pub(super) fn network_policy(&mut self, object: &Object) {
        let Object::NetworkPolicy(policy) = object else {
            return;
        };
        let Some(spec) = &policy.spec else { return };
        let id = object.id();
        self.ingress_ports(&id, spec);
        self.egress_ports(&id, spec);
    }

    /// The policy's pod selector and the named ports of its ingress rules.
    fn ingress_ports(&mut self, id: &ObjectId, spec: &networking::NetworkPolicySpec) {
        let selector = spec.pod_selector.clone().unwrap_or_default();
        let empty = BTreeMap::new();
        let pods = self.pods_in(id.namespace.as_deref());
        let matched: Vec<_> = pods
            .iter()
            .filter(|(_, view)| label_selector_matches(&selector, view.labels.unwrap_or(&empty)))
            .collect();
        if matched.is_empty() {
            if !pods.is_empty() {
                let labels: BTreeSet<String> = pods
                    .iter()
                    .flat_map(|(_, view)| view.labels.unwrap_or(&empty).iter())
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                self.warnings.push(Warning {
                    path: prefixed(id, &FieldPath::parse("spec.podSelector")),
                    message: format!(
                        "selector `{}` matches no pod of the bundle in this namespace, so the policy isolates none of them; pod labels: {}",
                        describe_selector(&selector),
                        listed(labels.iter().map(String::as_str))
                    ),
                });
            }
            return;
        }
        let declared: BTreeSet<&str> = matched
            .iter()
            .flat_map(|(_, view)| view.spec.containers.iter())
            .flat_map(|c| c.ports.iter().flatten())
            .filter_map(|p| p.name.as_deref())
            .collect();
        for (i, rule) in spec.ingress.iter().flatten().enumerate() {
            for (j, port) in rule.ports.iter().flatten().enumerate() {
                let Some(IntOrString::String(name)) = &port.port else {
                    continue;
                };
                if declared.contains(name.as_str()) {
                    continue;
                }
                let path = FieldPath::parse("spec.ingress")
                    .index(i)
                    .field("ports")
                    .index(j)
                    .field("port");
                let hint = suggest::did_you_mean(name, declared.iter().copied())
                    .map(|h| format!("{h} otherwise "))
                    .unwrap_or_default();
                self.error(
                    id,
                    &path,
                    format!(
                        "port {} is not declared by the selected pods' containers; ports declared: {}",
                        shown(name),
                        listed(declared.iter().copied())
                    ),
                    format!("{hint}name the container port, or use its number"),
                );
            }
        }
    }

    /// The named ports of each egress rule, against the pods of the bundle its `to` peers
    /// select (pod and namespace selectors; no peers: every pod). When they select none of
    /// the bundle's pods the name cannot be checked: a warning, since the destination may be
    /// outside the bundle. When they select some and none declares the name, the port never
    /// matches them: an error, or a warning when the rule also reaches addresses beyond
    /// them (an `ipBlock`, or no peers).
    fn egress_ports(&mut self, id: &ObjectId, spec: &networking::NetworkPolicySpec) {
        let namespaces = self.namespace_labels();
        let empty = BTreeMap::new();
        for (i, rule) in spec.egress.iter().flatten().enumerate() {
            let named: Vec<(usize, &str)> = rule
                .ports
                .iter()
                .flatten()
                .enumerate()
                .filter_map(|(j, port)| match &port.port {
                    Some(IntOrString::String(name)) => Some((j, name.as_str())),
                    _ => None,
                })
                .collect();
            if named.is_empty() {
                continue;
            }
            let peers = rule.to.as_deref().unwrap_or_default();
            let open = peers.is_empty() || peers.iter().any(|p| p.ip_block.is_some());
            let mut selected = 0;
            let mut declared = BTreeSet::new();
            for (namespace, objects) in &self.index.pods {
                let namespace_labels = namespaces.get(namespace).unwrap_or(&empty);
                for view in objects.iter().filter_map(|o| o.pod()) {
                    let labels = view.labels.unwrap_or(&empty);
                    let reached = peers.is_empty()
                        || peers.iter().any(|peer| {
                            peer_selects(
                                peer,
                                id.namespace.as_deref() == *namespace,
                                namespace_labels,
                                labels,
                            )
                        });
                    if !reached {
                        continue;
                    }
                    selected += 1;
                    declared.extend(
                        view.spec
                            .containers
                            .iter()
                            .flat_map(|c| c.ports.iter().flatten())
                            .filter_map(|p| p.name.clone()),
                    );
                }
            }
            for (j, name) in named {
                if declared.contains(name) {
                    continue;
                }
                let path = FieldPath::parse("spec.egress")
                    .index(i)
                    .field("ports")
                    .index(j)
                    .field("port");
                if selected == 0 {
                    self.warnings.push(Warning {
                        path: prefixed(id, &path),
                        message: format!(
                            "port {} is named, but the rule's `to` selects no pod of the bundle, so the name cannot be checked here (the destination may be outside the bundle); the pods the name must belong to should declare it",
                            shown(name)
                        ),
                    });
                    continue;
                }
                let hint = suggest::did_you_mean(name, declared.iter().map(String::as_str))
                    .map(|h| format!("{h} otherwise "))
                    .unwrap_or_default();
                let message = format!(
                    "port {} is not declared by the containers of the pods this rule's `to` selects; ports declared: {}",
                    shown(name),
                    listed(declared.iter().map(String::as_str))
                );
                if open {
                    self.warnings.push(Warning {
                        path: prefixed(id, &path),
                        message: format!(
                            "{message}; the rule also reaches addresses beyond them, which may declare it; {hint}name a container port of the destination pods, or use its number"
                        ),
                    });
                } else {
                    self.error(
                        id,
                        &path,
                        message,
                        format!("{hint}name a container port of the destination pods, or use its number"),
                    );
                }
            }
        }
    }

    /// The labels of each namespace the bundle's pods are in, as a namespace selector sees
    /// them: a Namespace of the bundle's labels, and `kubernetes.io/metadata.name` (which
    /// the API server sets on every namespace).
    fn namespace_labels(&self) -> BTreeMap<Option<&'a str>, BTreeMap<String, String>> {
        let mut out: BTreeMap<Option<&'a str>, BTreeMap<String, String>> = BTreeMap::new();
        for namespace in self.index.pods.keys().copied().flatten() {
            out.entry(Some(namespace)).or_default().insert(
                "kubernetes.io/metadata.name".to_owned(),
                namespace.to_owned(),
            );
        }
        for object in self.objects.iter().copied() {
            let Object::Namespace(namespace) = object else {
                continue;
            };
            let Some(name) = namespace.metadata.name.as_deref() else {
                continue;
            };
            if let Some(labels) = out.get_mut(&Some(name)) {
                labels.extend(namespace.metadata.labels.clone().unwrap_or_default());
            }
        }
        out
    }
}

/// Whether `peer` selects a pod with `pod_labels` in a namespace with `namespace_labels`
/// (`same_namespace`: the policy's own). An IP block selects no pod of the bundle.
fn peer_selects(
    peer: &networking::NetworkPolicyPeer,
    same_namespace: bool,
    namespace_labels: &BTreeMap<String, String>,
    pod_labels: &BTreeMap<String, String>,
) -> bool {
    if peer.ip_block.is_some() {
        return false;
    }
    let in_namespace = match &peer.namespace_selector {
        Some(selector) => label_selector_matches(selector, namespace_labels),
        None => same_namespace,
    };
    in_namespace
        && peer
            .pod_selector
            .as_ref()
            .is_none_or(|selector| label_selector_matches(selector, pod_labels))
}
