//! Object metadata (`ValidateObjectMeta`): the name by the rule of its kind, the namespace,
//! label keys and values (rule 8), annotation keys and their total size (rule 9).

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{At, Report};
use crate::rules::{labels, names, Checked};

/// A `generateName` as the name rules read it (`ValidateNameFunc` with `prefix`,
/// `maskTrailingDash`): a trailing `-` is allowed, since the generated characters follow it.
fn masked_prefix(prefix: &str) -> String {
    match prefix.strip_suffix('-') {
        Some(rest) if !rest.is_empty() => {
            let mut kept: String = rest.chars().collect();
            kept.pop();
            kept.push('a');
            kept
        }
        _ => prefix.to_owned(),
    }
}

/// The name the API server makes from `prefix` (`SimpleNameGenerator`): at most 58 of its
/// characters, then 5 random lower-case letters and digits (here `xxxxx`).
fn generated_name(prefix: &str) -> String {
    let kept: String = prefix.chars().take(63 - 5).collect();
    format!("{kept}xxxxx")
}

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
    // Rules 1 and 3 (and each kind's name rule) for the prefix of a generated name, then for
    // the name made from it.
    if let Some(prefix) = &meta.generate_name {
        let prefix_ok = report
            .check(
                &path.field("generateName"),
                name_rule(&masked_prefix(prefix)),
            )
            .is_some();
        if prefix_ok && meta.name.is_none() {
            report.check(&path.field("name"), name_rule(&generated_name(prefix)));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(name: Option<&str>, prefix: &str, rule: NameRule) -> Vec<(String, u16)> {
        let meta = ObjectMeta {
            name: name.map(Into::into),
            generate_name: Some(prefix.into()),
            ..Default::default()
        };
        let mut report = Report::new();
        object_meta(&meta, &At::root().field("metadata"), rule, &mut report);
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    #[test]
    fn rule_1_generate_name_is_a_prefix_of_a_pod_name() {
        assert!(errors(None, "debug-", names::pod_name).is_empty());
        assert!(errors(None, "debug", names::pod_name).is_empty());
        assert!(errors(None, "a-", names::pod_name).is_empty());
        let prefix = vec![("metadata.generateName".to_owned(), 1)];
        assert_eq!(errors(None, "Debug-", names::pod_name), prefix);
        assert_eq!(errors(None, "debug.", names::pod_name), prefix);
        assert_eq!(errors(None, "-", names::pod_name), prefix);
        // The prefix passes (`web.-` is read as `weba`), the name made from it does not.
        assert_eq!(
            errors(None, "web.-", names::pod_name),
            [("metadata.name".to_owned(), 1)]
        );
        // With a name, the name is used and the prefix only checked.
        assert!(errors(Some("debug"), "web.-", names::pod_name).is_empty());
    }

    #[test]
    fn rule_3_generate_name_is_a_prefix_of_a_job_name() {
        assert!(errors(None, "migrate-", names::job_name).is_empty());
        assert!(errors(None, &"j".repeat(70), names::job_name).is_empty());
        assert_eq!(
            errors(None, "Migrate_", names::job_name),
            [("metadata.generateName".to_owned(), 3)]
        );
    }
}
