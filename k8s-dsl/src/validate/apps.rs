//! The spec of a Deployment, StatefulSet or DaemonSet (`ValidateDeploymentSpec`,
//! `ValidateStatefulSetSpec`, `ValidateDaemonSetSpec`, rule 65): a non-empty selector that
//! matches the template labels, pods that restart `Always`, counts that are not negative, and
//! rollout settings that let a rollout progress.

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::{At, Report};
use crate::workload::{describe_labels, describe_selector, label_selector_matches};

/// The checks of a Deployment's spec at `path` (`spec`), not those of its pod template.
pub(crate) fn deployment_spec(spec: &apps::DeploymentSpec, path: &At<'_>, report: &mut Report) {
    selector_and_template("Deployment", &spec.selector, &spec.template, path, report);
    counts(
        path,
        spec.replicas,
        spec.revision_history_limit,
        spec.min_ready_seconds,
        report,
    );
    if let Some(deadline) = spec.progress_deadline_seconds {
        let min_ready = spec.min_ready_seconds.unwrap_or(0);
        if deadline <= min_ready {
            report.error(
                &path.field("progressDeadlineSeconds"),
                65,
                format!("must be greater than `minReadySeconds` ({min_ready}s), not {deadline}s"),
                "make the progress deadline longer than the minimum ready time",
            );
        }
    }
    if let Some(strategy) = &spec.strategy {
        deployment_strategy(strategy, &path.field("strategy"), report);
    }
}

/// Rule 65: the strategy's type is `Recreate` or `RollingUpdate`, and only a rolling update has
/// `rollingUpdate`, whose limits let the rollout progress.
fn deployment_strategy(strategy: &apps::DeploymentStrategy, path: &At<'_>, report: &mut Report) {
    let kind = strategy.type_.as_deref();
    if let Some(other) = kind.filter(|t| !matches!(*t, "Recreate" | "RollingUpdate")) {
        report.error(
            &path.field("type"),
            65,
            format!(
                "{} is not a deployment strategy; expected one of `Recreate`, `RollingUpdate`",
                crate::rules::shown(other)
            ),
            "use `Recreate` or `RollingUpdate`",
        );
    }
    let Some(update) = &strategy.rolling_update else {
        return;
    };
    let at = path.field("rollingUpdate");
    if kind == Some("Recreate") {
        report.error(
            &at,
            65,
            "may not be specified when strategy `type` is `Recreate`",
            "remove `rollingUpdate`, or use `type: RollingUpdate`",
        );
        return;
    }
    let surge = at.field("maxSurge");
    let unavailable = at.field("maxUnavailable");
    // Both are checked (each reports its own error) before the pair is.
    let surge_fine = int_or_percent(&surge, update.max_surge.as_ref(), None, report);
    let unavailable_fine = int_or_percent(
        &unavailable,
        update.max_unavailable.as_ref(),
        Some(100),
        report,
    );
    if surge_fine && unavailable_fine {
        rolling_update(
            &at,
            update.max_surge.as_ref(),
            update.max_unavailable.as_ref(),
            report,
        );
    }
}

/// Rule 65: a `maxSurge` or `maxUnavailable` is a number or a percentage (`N%`), not negative,
/// a percentage at most `max_percent`; whether it is fine.
fn int_or_percent(
    path: &At<'_>,
    value: Option<&IntOrString>,
    max_percent: Option<i32>,
    report: &mut Report,
) -> bool {
    let (number, percent) = match value {
        None => return true,
        Some(IntOrString::Int(v)) => (*v, false),
        Some(IntOrString::String(text)) => {
            match text.strip_suffix('%').and_then(|n| n.parse::<i32>().ok()) {
                Some(v) => (v, true),
                None => {
                    report.error(
                        path,
                        65,
                        format!(
                            "{} is neither a number nor a percentage",
                            crate::rules::shown(text)
                        ),
                        "use a whole number such as `2` or a percentage such as `25%`",
                    );
                    return false;
                }
            }
        }
    };
    if number < 0 {
        report.error(
            path,
            65,
            format!("must be greater than or equal to 0, not {number}"),
            "use zero or a positive number",
        );
        return false;
    }
    if let (true, Some(max)) = (percent, max_percent) {
        if number > max {
            report.error(
                path,
                65,
                format!("must not be greater than {max}%, not {number}%"),
                format!("use a percentage between 0% and {max}%"),
            );
            return false;
        }
    }
    true
}

/// The checks of a StatefulSet's spec at `path` (`spec`), not those of its pod template.
pub(crate) fn stateful_set_spec(spec: &apps::StatefulSetSpec, path: &At<'_>, report: &mut Report) {
    selector_and_template("StatefulSet", &spec.selector, &spec.template, path, report);
    counts(
        path,
        spec.replicas,
        spec.revision_history_limit,
        spec.min_ready_seconds,
        report,
    );
}

/// The checks of a DaemonSet's spec at `path` (`spec`), not those of its pod template.
pub(crate) fn daemon_set_spec(spec: &apps::DaemonSetSpec, path: &At<'_>, report: &mut Report) {
    selector_and_template("DaemonSet", &spec.selector, &spec.template, path, report);
    counts(
        path,
        None,
        spec.revision_history_limit,
        spec.min_ready_seconds,
        report,
    );
    let update = spec
        .update_strategy
        .as_ref()
        .and_then(|s| s.rolling_update.as_ref());
    if let Some(update) = update {
        let at = path.field("updateStrategy");
        rolling_update(
            &at.field("rollingUpdate"),
            update.max_surge.as_ref(),
            update.max_unavailable.as_ref(),
            report,
        );
    }
}

/// `replicas`, `revisionHistoryLimit` and `minReadySeconds` are not negative (rule 65).
fn counts(
    path: &At<'_>,
    replicas: Option<i32>,
    revision_history_limit: Option<i32>,
    min_ready_seconds: Option<i32>,
    report: &mut Report,
) {
    for (field, value) in [
        ("replicas", replicas),
        ("revisionHistoryLimit", revision_history_limit),
        ("minReadySeconds", min_ready_seconds),
    ] {
        if let Some(v) = value.filter(|v| *v < 0) {
            report.error(
                &path.field(field),
                65,
                format!("must be greater than or equal to 0, not {v}"),
                "use zero or a positive number",
            );
        }
    }
}

/// Whether a `maxSurge` or `maxUnavailable` is zero (`0` or `"0%"`).
fn is_zero(value: Option<&IntOrString>) -> bool {
    match value {
        Some(IntOrString::Int(v)) => *v == 0,
        Some(IntOrString::String(text)) => text.strip_suffix('%') == Some("0"),
        None => false,
    }
}

/// A rolling update may not have both `maxSurge` and `maxUnavailable` zero (rule 65).
fn rolling_update(
    path: &At<'_>,
    max_surge: Option<&IntOrString>,
    max_unavailable: Option<&IntOrString>,
    report: &mut Report,
) {
    if is_zero(max_surge) && is_zero(max_unavailable) {
        report.error(
            &path.field("maxUnavailable"),
            65,
            "may not be 0 when `maxSurge` is 0",
            "allow at least one extra or one unavailable pod, such as `.max_surge(1)`",
        );
    }
}

/// The template's pods restart `Always` (or leave it unset), and the selector is not empty and
/// matches the template labels (rule 65). A template without a pod spec has no containers
/// (rule 12, reported with the template): its selector is not checked.
fn selector_and_template(
    kind: &str,
    selector: &LabelSelector,
    template: &PodTemplateSpec,
    path: &At<'_>,
    report: &mut Report,
) {
    let Some(pod) = &template.spec else {
        return;
    };
    let template_path = path.field("template");
    if let Some(policy) = pod.restart_policy.as_deref().filter(|p| *p != "Always") {
        report.error(
            &template_path.field("spec").field("restartPolicy"),
            65,
            format!("a {kind}'s pods must use restart policy `Always`, not `{policy}`"),
            "remove `.restart_policy(..)` from the pod template (or use a Job for pods that finish)",
        );
    }
    let default = Default::default();
    let labels = template
        .metadata
        .as_ref()
        .and_then(|m| m.labels.as_ref())
        .unwrap_or(&default);
    let empty = selector.match_labels.as_ref().is_none_or(|m| m.is_empty())
        && selector
            .match_expressions
            .as_ref()
            .is_none_or(|e| e.is_empty());
    if empty && labels.is_empty() {
        report.error(
            &path.field("selector"),
            65,
            format!(
                "a {kind} needs a selector, and its pod template has no labels to derive one from"
            ),
            "add a label to the pod template: `Pod::template().label(\"app\", ..)`",
        );
    } else if empty {
        report.error(
            &path.field("selector"),
            65,
            format!("empty selector is invalid for a {kind}"),
            "select the pods by at least one of their labels",
        );
    } else if !label_selector_matches(selector, labels) {
        report.error(
            &template_path.field("metadata").field("labels"),
            65,
            format!(
                "`selector` does not match template `labels` (selector `{}`, labels `{}`)",
                describe_selector(selector),
                describe_labels(labels)
            ),
            "give the pod template the labels the selector asks for, or leave the selector out to derive it from the labels",
        );
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn strategy(strategy: serde_json::Value) -> Vec<(String, u16)> {
        let spec: apps::DeploymentSpec = serde_json::from_value(serde_json::json!({
            "selector": { "matchLabels": { "app": "web" } },
            "template": { "metadata": { "labels": { "app": "web" } }, "spec": { "containers": [] } },
            "strategy": strategy,
        }))
        .unwrap();
        let mut report = Report::new();
        deployment_spec(&spec, &At::root().field("spec"), &mut report);
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    #[test]
    fn rule_65_strategy_of_a_raw_deployment() {
        let at = |field: &str| (format!("spec.strategy.{field}"), 65);
        assert_eq!(
            strategy(serde_json::json!({ "type": "Recreate", "rollingUpdate": { "maxSurge": 1 } })),
            [at("rollingUpdate")]
        );
        assert_eq!(
            strategy(serde_json::json!({ "type": "rollingUpdate" })),
            [at("type")]
        );
        assert_eq!(
            strategy(
                serde_json::json!({ "rollingUpdate": { "maxSurge": -1, "maxUnavailable": "101%" } })
            ),
            [
                at("rollingUpdate.maxSurge"),
                at("rollingUpdate.maxUnavailable")
            ]
        );
        assert_eq!(
            strategy(
                serde_json::json!({ "rollingUpdate": { "maxSurge": "x%", "maxUnavailable": 1 } })
            ),
            [at("rollingUpdate.maxSurge")]
        );
        assert_eq!(
            strategy(
                serde_json::json!({ "rollingUpdate": { "maxSurge": "0%", "maxUnavailable": 0 } })
            ),
            [at("rollingUpdate.maxUnavailable")]
        );
    }
}
