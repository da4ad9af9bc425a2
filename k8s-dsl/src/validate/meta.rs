//! Object metadata (`ValidateObjectMeta`): the name by the rule of its kind, the namespace,
//! label keys and values (rule 8), annotation keys and their total size (rule 9).

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};

use super::{At, Report};
use crate::rules::{labels, names, shown, Checked, Violation};

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
    labels_and_annotations(meta, path, report);
}

/// Checks the metadata of a pod template at `path` (`spec.template`) as
/// `ValidatePodTemplateSpec` does: its labels and annotations, reported at
/// `spec.template.labels` and `spec.template.annotations` (the API server's paths leave
/// `metadata` out there). The name and namespace of a template are not used.
pub(crate) fn template_meta(meta: &ObjectMeta, path: &At<'_>, report: &mut Report) {
    labels_and_annotations(meta, path, report);
}

/// Rules 8 and 9 for `meta`, at `path.labels` and `path.annotations`.
fn labels_and_annotations(meta: &ObjectMeta, path: &At<'_>, report: &mut Report) {
    if let Some(labels) = &meta.labels {
        label_map(&path.field("labels"), labels, report);
    }
    if let Some(annotations) = &meta.annotations {
        let annotations_path = path.field("annotations");
        for key in annotations.keys() {
            // Rule 9: annotation keys are qualified names (lower-cased). The API server reports
            // them at the map (`metadata.annotations`); the message names the key.
            report.check(&annotations_path, labels::annotation_key(key));
        }
        // Rule 9: all annotations together are at most 256 KiB.
        report.check(
            &annotations_path,
            labels::annotations_size(annotations.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        );
    }
}

/// Checks a map of labels (or `matchLabels`) at `path`: rule 8 for each key and each value.
/// Like the API server (`ValidateLabels`), every error is reported at the map itself
/// (`metadata.labels`, `spec.selector.matchLabels`); the message names the key.
pub(crate) fn label_map(path: &At<'_>, map: &BTreeMap<String, String>, report: &mut Report) {
    label_map_as(path, map, 8, report);
}

/// [`label_map`] with the errors numbered `rule` (a Service selector is rule 52).
pub(crate) fn label_map_as(
    path: &At<'_>,
    map: &BTreeMap<String, String>,
    rule: u16,
    report: &mut Report,
) {
    for (key, value) in map {
        if let Err(v) = labels::label_key(key) {
            report.violation(path, Violation { rule, ..v });
        }
        if let Err(v) = labels::label_value(value) {
            let message = format!("label {}: {}", shown(key), v.message);
            report.violation(path, Violation { rule, message, ..v });
        }
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

/// Checks a label selector at `path` as the API server does (`ValidateLabelSelector`, rule 8):
/// `matchLabels` like labels, and each of `matchExpressions` a label key, an operator (`In`,
/// `NotIn`, `Exists`, `DoesNotExist`), values for `In` and `NotIn` only, each a label value.
pub(crate) fn label_selector(selector: &LabelSelector, path: &At<'_>, report: &mut Report) {
    if let Some(labels) = &selector.match_labels {
        label_map(&path.field("matchLabels"), labels, report);
    }
    let expressions_path = path.field("matchExpressions");
    for (i, requirement) in selector.match_expressions.iter().flatten().enumerate() {
        let at = expressions_path.index(i);
        let values = requirement.values.as_deref().unwrap_or_default();
        let values_path = at.field("values");
        match requirement.operator.as_str() {
            "In" | "NotIn" if values.is_empty() => report.error(
                &values_path,
                8,
                format!(
                    "must be specified when `operator` is `{}`",
                    requirement.operator
                ),
                "give at least one value",
            ),
            "Exists" | "DoesNotExist" if !values.is_empty() => report.error(
                &values_path,
                8,
                format!(
                    "may not be specified when `operator` is `{}`",
                    requirement.operator
                ),
                "remove the values",
            ),
            "In" | "NotIn" | "Exists" | "DoesNotExist" => {}
            other => {
                let fix = crate::rules::suggest::did_you_mean(
                    other,
                    ["In", "NotIn", "Exists", "DoesNotExist"],
                )
                .unwrap_or_else(|| "use `In`, `NotIn`, `Exists` or `DoesNotExist`".to_owned());
                report.error(
                    &at.field("operator"),
                    8,
                    format!("{} is not a valid selector operator", shown(other)),
                    fix,
                );
            }
        }
        report.check(&at.field("key"), labels::label_key(&requirement.key));
        for (j, value) in values.iter().enumerate() {
            report.check(&values_path.index(j), labels::label_value(value));
        }
    }
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
