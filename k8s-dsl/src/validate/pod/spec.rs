//! The pod spec's own fields (`ValidatePodSpec`): durations (rules 40, 42), host and object
//! names (rules 10, 11), the restart policy (rule 41), the node selector and tolerations
//! (rule 43) and image pull secrets (rule 44).

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::{RestartPolicy, TaintEffect, TolerationOperator};
use crate::rules::{labels, names, shown};
use crate::validate::{At, Report};

/// The largest value of an `int32` field (`math.MaxInt32`).
const MAX_INT32: i64 = i32::MAX as i64;

/// Rule 40: `terminationGracePeriodSeconds` should not be negative. The API server accepts a
/// negative value and treats it as 1 second (since Kubernetes 1.27, with a warning), so this is
/// a warning, not an error. `at` is the field.
pub(crate) fn termination_grace_period(at: &At<'_>, seconds: i64, report: &mut Report) {
    if seconds < 0 {
        report.warn(
            at,
            format!(
                "termination grace period {seconds}s is negative; the API server treats it as 1s; \
                 give 0 or more seconds (rule 40)"
            ),
        );
    }
}

/// Rule 42: `activeDeadlineSeconds` is 1..MaxInt32. `at` is the field.
pub(crate) fn active_deadline(at: &At<'_>, seconds: i64, report: &mut Report) {
    if !(1..=MAX_INT32).contains(&seconds) {
        report.error(
            at,
            42,
            format!("active deadline of {seconds}s is outside 1s to {MAX_INT32}s"),
            "give a deadline of at least one second, or none",
        );
    }
}

/// Rules 10, 11, 43 and 44 over the named fields of `spec`; `path` is the spec's path.
pub(crate) fn names_and_selectors(path: &At<'_>, spec: &k8s::PodSpec, report: &mut Report) {
    // Rule 10: hostname and subdomain are DNS-1123 labels.
    for (field, value) in [("hostname", &spec.hostname), ("subdomain", &spec.subdomain)] {
        if let Some(value) = value {
            report.check(&path.field(field), names::hostname(value));
        }
    }
    // Rule 11: names of other objects are DNS subdomains.
    for (field, value, what) in [
        (
            "serviceAccountName",
            &spec.service_account_name,
            "service account name",
        ),
        (
            "priorityClassName",
            &spec.priority_class_name,
            "priority class name",
        ),
        (
            "runtimeClassName",
            &spec.runtime_class_name,
            "runtime class name",
        ),
        ("schedulerName", &spec.scheduler_name, "scheduler name"),
    ] {
        if let Some(value) = value {
            report.check(&path.field(field), names::object_name(value, 11, what));
        }
    }
    // Rule 43: the node selector follows label syntax.
    if let Some(selector) = &spec.node_selector {
        node_selector(&path.field("nodeSelector"), selector, report);
    }
    // Rule 44: image pull secrets name a Secret.
    image_pull_secrets(
        &path.field("imagePullSecrets"),
        spec.image_pull_secrets.as_deref().unwrap_or_default(),
        report,
    );
}

/// Rule 44 (`validateImagePullSecrets`): an entry may only set `name`, which the type ensures.
/// The API server does not check the name itself; one that is empty or no Secret name can never
/// be found, so that is a warning. `path` is `imagePullSecrets`.
pub(crate) fn image_pull_secrets(
    path: &At<'_>,
    secrets: &[k8s::LocalObjectReference],
    report: &mut Report,
) {
    for (i, secret) in secrets.iter().enumerate() {
        if let Err(violation) = names::object_name(&secret.name, 44, "image pull secret name") {
            report.warn(
                &path.index(i).field("name"),
                format!(
                    "{}; the API server accepts it, but the kubelet finds no such Secret: {}",
                    violation.message, violation.fix
                ),
            );
        }
    }
}

/// Rule 43: a node selector is a label map (`ValidatePodSpec` → `ValidateLabels`), checked at
/// `spec.nodeSelector[<key>]`.
pub(crate) fn node_selector(
    path: &At<'_>,
    selector: &BTreeMap<String, String>,
    report: &mut Report,
) {
    for (key, value) in selector {
        let at = path.key(key);
        for result in [labels::label_key(key), labels::label_value(value)] {
            report.check(
                &at,
                result.map_err(|mut v| {
                    v.rule = 43;
                    v.message = format!("node selector: {}", v.message);
                    v
                }),
            );
        }
    }
}

/// Rule 41 (`validateRestartPolicy`): the pod's `restartPolicy` is `Always`, `OnFailure` or
/// `Never`; empty is defaulted to `Always`. `at` is the field.
pub(crate) fn restart_policy(at: &At<'_>, policy: &str, report: &mut Report) {
    if !policy.is_empty() {
        report.check(at, policy.parse::<RestartPolicy>());
    }
}

/// Rule 43 (`ValidateTolerations`): a key with label syntax (empty only with `Exists`), a value
/// with label syntax for `Equal` and none for `Exists`, `tolerationSeconds` only with effect
/// `NoExecute`, known operators and effects. `path` is `tolerations`.
///
/// A bad value of an `Equal` toleration is reported at its `value` (the API server prints
/// `operator`).
pub(crate) fn tolerations(path: &At<'_>, tolerations: &[k8s::Toleration], report: &mut Report) {
    for (i, toleration) in tolerations.iter().enumerate() {
        let at = path.index(i);
        let key = toleration.key.as_deref().unwrap_or_default();
        let operator = toleration.operator.as_deref().unwrap_or_default();
        let value = toleration.value.as_deref().unwrap_or_default();
        let effect = toleration.effect.as_deref().unwrap_or_default();
        if !key.is_empty() {
            report.check(
                &at.field("key"),
                labels::qualified_name(key, 43, "toleration key"),
            );
        } else if operator != "Exists" {
            report.error(
                &at.field("operator"),
                43,
                "a toleration with an empty key must use operator `Exists`",
                "give the taint key, or use operator `Exists` to tolerate every taint",
            );
        }
        if toleration.toleration_seconds.is_some() && effect != "NoExecute" {
            report.error(
                &at.field("effect"),
                43,
                "a toleration time only applies to effect `NoExecute`",
                "set `effect: NoExecute`, or remove `tolerationSeconds`",
            );
        }
        match operator {
            "" | "Equal" => {
                report.check(
                    &at.field("value"),
                    labels::label_value(value).map_err(|mut v| {
                        v.rule = 43;
                        v
                    }),
                );
            }
            "Exists" if !value.is_empty() => report.error(
                &at.field("operator"),
                43,
                format!(
                    "a toleration with operator `Exists` has value {}",
                    shown(value)
                ),
                "remove the value, or use operator `Equal`",
            ),
            "Exists" => {}
            other => {
                report.check(&at.field("operator"), other.parse::<TolerationOperator>());
            }
        }
        if !effect.is_empty() {
            report.check(&at.field("effect"), effect.parse::<TaintEffect>());
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn rule_41_restart_policy_takes_its_values() {
        let mut report = Report::new();
        let at = At::root().field("restartPolicy");
        for ok in ["Always", "OnFailure", "Never", ""] {
            restart_policy(&at, ok, &mut report);
        }
        assert!(report.errors().is_empty(), "{:?}", report.errors());
        restart_policy(&at, "always", &mut report);
        assert_eq!(report.errors().len(), 1);
        assert_eq!(report.errors()[0].rule, 41);
        assert!(report.errors()[0].fix.contains("Always"));
    }

    #[test]
    fn rule_43_tolerations_of_an_object() {
        let t = |key: Option<&str>, operator: Option<&str>, value: Option<&str>| k8s::Toleration {
            key: key.map(Into::into),
            operator: operator.map(Into::into),
            value: value.map(Into::into),
            ..Default::default()
        };
        let with_seconds = |effect: Option<&str>| k8s::Toleration {
            toleration_seconds: Some(60),
            effect: effect.map(Into::into),
            ..t(Some("gpu"), Some("Exists"), None)
        };
        let list = [
            t(None, Some("Exists"), None),
            t(Some("gpu"), Some("Equal"), Some("true")),
            with_seconds(Some("NoExecute")),
            // errors from here
            t(None, Some("Equal"), Some("x")),
            t(None, None, Some("x")),
            t(Some("gpu"), Some("Exists"), Some("true")),
            with_seconds(Some("NoSchedule")),
            with_seconds(None),
            t(Some("gpu"), Some("exists"), None),
            k8s::Toleration {
                effect: Some("noSchedule".into()),
                ..t(Some("gpu"), Some("Exists"), None)
            },
            t(Some("gpu key"), Some("Exists"), None),
            t(Some("gpu"), Some("Equal"), Some("not a value")),
        ];
        let mut report = Report::new();
        tolerations(&At::root().field("tolerations"), &list, &mut report);
        let found: Vec<(&str, u16)> = report
            .errors()
            .iter()
            .map(|e| (e.path.as_str(), e.rule))
            .collect();
        assert_eq!(
            found,
            [
                ("tolerations[3].operator", 43),
                ("tolerations[4].operator", 43),
                ("tolerations[5].operator", 43),
                ("tolerations[6].effect", 43),
                ("tolerations[7].effect", 43),
                ("tolerations[8].operator", 43),
                ("tolerations[9].effect", 43),
                ("tolerations[10].key", 43),
                ("tolerations[11].value", 43),
            ]
        );
    }
}
