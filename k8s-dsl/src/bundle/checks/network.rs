//! The checks of a NetworkPolicy: its pod selector selects pods of the bundle, and the named
//! ports of its ingress rules are declared by them.

use std::collections::{BTreeMap, BTreeSet};

use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::{listed, Context};
use crate::bundle::object::Object;
use crate::bundle::prefixed;
use crate::rules::{shown, suggest};
use crate::validate::{FieldPath, Warning};
use crate::workload::{describe_selector, label_selector_matches};

impl Context<'_> {
    /// A policy whose selector matches no pod of its namespace isolates nothing the bundle
    /// runs (a warning: the pods may come from elsewhere); a named port of an ingress rule
    /// that no selected container declares never matches (an error).
    pub(super) fn network_policy(&mut self, object: &Object) {
        let Object::NetworkPolicy(policy) = object else {
            return;
        };
        let Some(spec) = &policy.spec else { return };
        let id = object.id();
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
                    path: prefixed(&id, &FieldPath::parse("spec.podSelector")),
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
                    &id,
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
}
