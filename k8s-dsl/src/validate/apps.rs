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
    if let Some(other) = kind.filter(|t| !matches!(*t, "" | "Recreate" | "RollingUpdate")) {
        // The API server reports the whole strategy (`field.NotSupported(strategy)`).
        report.error(
            path,
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
    // Left out (or empty), the API server defaults it to `OrderedReady`.
    if let Some(policy) = spec
        .pod_management_policy
        .as_deref()
        .filter(|p| !p.is_empty() && !matches!(*p, "OrderedReady" | "Parallel"))
    {
        let fix = crate::rules::suggest::did_you_mean(policy, ["OrderedReady", "Parallel"])
            .unwrap_or_else(|| "use `OrderedReady` or `Parallel`".to_owned());
        report.error(
            &path.field("podManagementPolicy"),
            65,
            format!(
                "{} is not a pod management policy; expected `OrderedReady` or `Parallel`",
                crate::rules::shown(policy)
            ),
            fix,
        );
    }
    if let Some(strategy) = &spec.update_strategy {
        stateful_set_strategy(strategy, &path.field("updateStrategy"), report);
    }
}

/// Rule 65: a StatefulSet's update strategy is `RollingUpdate` (the default) or `OnDelete`;
/// only a rolling update has `rollingUpdate`, with a partition of zero or more and a
/// `maxUnavailable` above zero and at most 100%.
fn stateful_set_strategy(
    strategy: &apps::StatefulSetUpdateStrategy,
    path: &At<'_>,
    report: &mut Report,
) {
    match strategy.type_.as_deref() {
        None | Some("" | "RollingUpdate") => {}
        Some("OnDelete") => {
            if strategy.rolling_update.is_some() {
                report.error(
                    &path.field("rollingUpdate"),
                    65,
                    "only allowed for update strategy `RollingUpdate`, not `OnDelete`",
                    "remove `rollingUpdate`, or use `type: RollingUpdate`",
                );
            }
            return;
        }
        Some(other) => {
            // The API server reports the whole strategy (`Recreate` needs an alpha feature).
            let fix = crate::rules::suggest::did_you_mean(other, ["RollingUpdate", "OnDelete"])
                .unwrap_or_else(|| "use `RollingUpdate` or `OnDelete`".to_owned());
            report.error(
                path,
                65,
                format!(
                    "{} is not a StatefulSet update strategy; expected `RollingUpdate` or `OnDelete`",
                    crate::rules::shown(other)
                ),
                fix,
            );
            return;
        }
    }
    let Some(update) = &strategy.rolling_update else {
        return;
    };
    let at = path.field("rollingUpdate");
    if let Some(partition) = update.partition.filter(|p| *p < 0) {
        report.error(
            &at.field("partition"),
            65,
            format!("must be greater than or equal to 0, not {partition}"),
            "use zero or a positive partition",
        );
    }
    let unavailable = at.field("maxUnavailable");
    if int_or_percent(
        &unavailable,
        update.max_unavailable.as_ref(),
        Some(100),
        report,
    ) && is_zero(update.max_unavailable.as_ref())
    {
        report.error(
            &unavailable,
            65,
            "cannot be 0",
            "allow at least one unavailable pod, or leave `maxUnavailable` out",
        );
    }
}

/// The checks of a ReplicaSet's spec at `path` (`spec`), not those of its pod template
/// (`ValidateReplicaSetSpec`).
pub(crate) fn replica_set_spec(spec: &apps::ReplicaSetSpec, path: &At<'_>, report: &mut Report) {
    if let Some(template) = &spec.template {
        selector_and_template("ReplicaSet", &spec.selector, template, path, report);
    } else {
        super::meta::label_selector(&spec.selector, &path.field("selector"), report);
    }
    counts(path, spec.replicas, None, spec.min_ready_seconds, report);
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
    // The selector's syntax (`ValidateLabelSelector`), whatever the template. A selector that
    // does not parse is not matched against the labels (`LabelSelectorAsSelector` fails).
    let before = report.errors().len();
    super::meta::label_selector(selector, &path.field("selector"), report);
    let parses = report.errors().len() == before;
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
    } else if parses && !label_selector_matches(selector, labels) {
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
        // The API server reports an unknown type at the strategy itself.
        assert_eq!(
            strategy(serde_json::json!({ "type": "rollingUpdate" })),
            [("spec.strategy".to_owned(), 65)]
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

    fn stateful_set(spec: serde_json::Value) -> Vec<(String, u16)> {
        let mut all = serde_json::json!({
            "serviceName": "db",
            "selector": { "matchLabels": { "app": "db" } },
            "template": { "metadata": { "labels": { "app": "db" } }, "spec": { "containers": [] } },
        });
        if let (Some(to), serde_json::Value::Object(from)) = (all.as_object_mut(), spec) {
            to.extend(from);
        }
        let spec: apps::StatefulSetSpec = serde_json::from_value(all).unwrap();
        let mut report = Report::new();
        stateful_set_spec(&spec, &At::root().field("spec"), &mut report);
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    #[test]
    fn rule_65_stateful_set_policy_and_update_strategy() {
        let at = |path: &str| (path.to_owned(), 65);
        for policy in ["OrderedReady", "Parallel"] {
            assert!(stateful_set(serde_json::json!({ "podManagementPolicy": policy })).is_empty());
        }
        assert_eq!(
            stateful_set(serde_json::json!({ "podManagementPolicy": "parallel" })),
            [at("spec.podManagementPolicy")]
        );
        let update = |strategy: serde_json::Value| {
            stateful_set(serde_json::json!({ "updateStrategy": strategy }))
        };
        assert!(update(serde_json::json!({ "type": "OnDelete" })).is_empty());
        assert!(update(
            serde_json::json!({ "rollingUpdate": { "partition": 2, "maxUnavailable": "50%" } })
        )
        .is_empty());
        assert_eq!(
            update(serde_json::json!({ "type": "Rolling" })),
            [at("spec.updateStrategy")]
        );
        assert_eq!(
            update(serde_json::json!({ "type": "OnDelete", "rollingUpdate": { "partition": 1 } })),
            [at("spec.updateStrategy.rollingUpdate")]
        );
        let rolling = |update: serde_json::Value| {
            stateful_set(
                serde_json::json!({ "updateStrategy": { "type": "RollingUpdate", "rollingUpdate": update } }),
            )
        };
        assert_eq!(
            rolling(serde_json::json!({ "partition": -1 })),
            [at("spec.updateStrategy.rollingUpdate.partition")]
        );
        for zero in [serde_json::json!(0), serde_json::json!("0%")] {
            assert_eq!(
                rolling(serde_json::json!({ "maxUnavailable": zero })),
                [at("spec.updateStrategy.rollingUpdate.maxUnavailable")]
            );
        }
        assert_eq!(
            rolling(serde_json::json!({ "maxUnavailable": "101%" })),
            [at("spec.updateStrategy.rollingUpdate.maxUnavailable")]
        );
    }

    #[test]
    fn rule_65_selector_syntax_of_a_raw_workload() {
        let expression = |operator: &str, values: serde_json::Value| {
            stateful_set(serde_json::json!({
                "selector": { "matchExpressions": [{ "key": "app", "operator": operator, "values": values }] },
            }))
        };
        let at = |path: &str| (format!("spec.selector.matchExpressions[0].{path}"), 8);
        assert!(expression("In", serde_json::json!(["db"])).is_empty());
        // A selector that does not parse is not matched against the labels.
        assert_eq!(expression("In", serde_json::json!([])), [at("values")]);
        assert_eq!(
            expression("in", serde_json::json!(["db"])),
            [at("operator")]
        );
        assert_eq!(
            expression("Exists", serde_json::json!(["db"])),
            [at("values")]
        );
        // One that parses and selects other pods: rule 65.
        assert_eq!(
            expression("NotIn", serde_json::json!(["db"])),
            [("spec.template.metadata.labels".to_owned(), 65)]
        );
    }
}
