//! Object metadata (`ValidateObjectMeta`): the name by the rule of its kind, the namespace,
//! label keys and values (rule 8), annotation keys and their total size (rule 9).

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{At, Report};
use crate::rules::{labels, names, Checked};

/// The check of an object's name, chosen by its kind.
pub(crate) type NameRule = fn(&str) -> Checked;

/// Checks `meta` at `path` (`metadata`, or `spec.template.metadata`): `name` with
/// `name_rule` when set, `namespace`, `labels[<key>]` and `annotations[<key>]`.
pub(crate) fn object_meta(
    meta: &ObjectMeta,
    path: &At<'_>,
    name_rule: NameRule,
    report: &mut Report,
) {
    if let Some(name) = &meta.name {
        report.check(&path.field("name"), name_rule(name));
    }
    if let Some(namespace) = &meta.namespace {
        // Namespaces are DNS-1123 labels (`ValidateNamespaceName`), like the rule-11 names.
        report.check(
            &path.field("namespace"),
            names::dns1123_label(namespace, 11, "namespace"),
        );
    }
    if let Some(labels) = &meta.labels {
        label_map(&path.field("labels"), labels, report);
    }
    if let Some(annotations) = &meta.annotations {
        let annotations_path = path.field("annotations");
        for key in annotations.keys() {
            // Rule 9: annotation keys are qualified names (lower-cased).
            report.check(&annotations_path.key(key), labels::annotation_key(key));
        }
        // Rule 9: all annotations together are at most 256 KiB.
        report.check(
            &annotations_path,
            labels::annotations_size(annotations.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        );
    }
}

/// Checks a map of labels (or a node selector, or `matchLabels`) at `path[<key>]`: rule 8 for
/// each key and each value.
pub(crate) fn label_map(path: &At<'_>, map: &BTreeMap<String, String>, report: &mut Report) {
    for (key, value) in map {
        let entry = path.key(key);
        report.check(&entry, labels::label_key(key));
        report.check(&entry, labels::label_value(value));
    }
}

/// The name of a Service (rule 2): a DNS-1123 label. Kubernetes 1.37 validates it so
/// (`RelaxedServiceNameValidation`, on by default), so a name may start with a digit; older
/// servers asked for a DNS-1035 label ([`names::service_name`]).
pub(crate) fn service_name(name: &str) -> Checked {
    names::dns1123_label(name, 2, "service name")
}

/// The name of a Deployment (`ValidateDeploymentName`, a DNS subdomain).
pub(crate) fn deployment_name(name: &str) -> Checked {
    names::object_name(name, 0, "deployment name")
}

/// The name of a StatefulSet (a DNS subdomain).
pub(crate) fn stateful_set_name(name: &str) -> Checked {
    names::object_name(name, 0, "statefulset name")
}

/// The name of a DaemonSet (a DNS subdomain).
pub(crate) fn daemon_set_name(name: &str) -> Checked {
    names::object_name(name, 0, "daemonset name")
}

/// The name of a ReplicaSet (a DNS subdomain).
pub(crate) fn replica_set_name(name: &str) -> Checked {
    names::object_name(name, 0, "replicaset name")
}

/// The name of a ConfigMap or Secret (a DNS subdomain).
pub(crate) fn config_name(name: &str) -> Checked {
    names::object_name(name, 0, "object name")
}

/// The name of a PriorityClass (rule 11).
pub(crate) fn priority_class_name(name: &str) -> Checked {
    names::object_name(name, 11, "priority class name")
}

/// The name of a PodDisruptionBudget.
pub(crate) fn pod_disruption_budget_name(name: &str) -> Checked {
    names::object_name(name, 0, "pod disruption budget name")
}

/// The name of a HorizontalPodAutoscaler.
pub(crate) fn horizontal_pod_autoscaler_name(name: &str) -> Checked {
    names::object_name(name, 0, "horizontal pod autoscaler name")
}

/// The name of any other object (a DNS subdomain).
pub(crate) fn any_name(name: &str) -> Checked {
    names::object_name(name, 0, "object name")
}
