//! The pod spec's own fields (`ValidatePodSpec`): durations (rules 40, 42), host and object
//! names (rules 10, 11), the node selector (rule 43) and image pull secrets (rule 44).

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::{labels, names};
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
