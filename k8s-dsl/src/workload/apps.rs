//! What Deployments, StatefulSets and DaemonSets share: a pod template whose pods always
//! restart, and a selector that matches the template labels (rule 65).

use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

use super::selector::{describe_labels, describe_selector, Selector};
use crate::pod::Pod;
use crate::rules::enums::RestartPolicy;
use crate::validate::{At, Report};

/// The pod template at `path`. Containers of a StatefulSet mount volume claim templates by
/// name although the pod declares no such volume: the "mount of an unknown volume" errors
/// (rule 37) for those names are dropped, every other finding is kept.
fn template_with_claims(
    pod: &Pod,
    path: &At<'_>,
    claim_names: &[&str],
    report: &mut Report,
) -> PodTemplateSpec {
    if claim_names.is_empty() {
        return pod.to_template(path, report);
    }
    let mut own = Report::new();
    let template = pod.to_template(path, &mut own);
    let mut claim_mounts = Vec::new();
    if let Some(spec) = &template.spec {
        let groups = [
            ("containers", spec.containers.as_slice()),
            (
                "initContainers",
                spec.init_containers.as_deref().unwrap_or_default(),
            ),
        ];
        for (field, containers) in groups {
            for (i, container) in containers.iter().enumerate() {
                for (j, mount) in container.volume_mounts.iter().flatten().enumerate() {
                    if claim_names.contains(&mount.name.as_str()) {
                        let mount_path = path
                            .field("spec")
                            .field(field)
                            .index(i)
                            .field("volumeMounts")
                            .index(j)
                            .to_path();
                        claim_mounts.push(mount_path.field("name"));
                        claim_mounts.push(mount_path);
                    }
                }
            }
        }
    }
    for error in own.errors() {
        if error.rule == 37 && claim_mounts.contains(&error.path) {
            continue;
        }
        report.error(
            &error.path,
            error.rule,
            error.message.clone(),
            error.fix.clone(),
        );
    }
    for warning in own.warnings() {
        report.warn(&warning.path, warning.message.clone());
    }
    template
}

/// The selector and template of an apps/v1 workload called a `kind`, at `spec` = `path`.
///
/// The template's restart policy must be `Always` or unset (rule 65). The selector is the
/// given one, which must match the template labels, or else the template labels themselves;
/// either way it may not be empty (rule 65).
pub(crate) fn selector_and_template(
    kind: &str,
    pod: Option<&Pod>,
    selector: Option<&Selector>,
    claim_names: &[&str],
    path: &At<'_>,
    report: &mut Report,
) -> (LabelSelector, PodTemplateSpec) {
    let template_path = path.field("template");
    let Some(pod) = pod else {
        report.error(
            &template_path.field("spec").field("containers"),
            12,
            format!("a {kind} needs a pod template with at least one container"),
            "call `.template(Pod::template().label(..).container(..))`",
        );
        return (LabelSelector::default(), PodTemplateSpec::default());
    };
    if let Some(policy) = pod
        .restart_policy_value()
        .filter(|p| *p != RestartPolicy::Always)
    {
        report.error(
            &template_path.field("spec").field("restartPolicy"),
            65,
            format!("a {kind}'s pods must use restart policy `Always`, not `{policy}`"),
            "remove `.restart_policy(..)` from the pod template (or use a Job for pods that finish)",
        );
    }
    let template = template_with_claims(pod, &template_path, claim_names, report);
    let labels = template
        .metadata
        .as_ref()
        .and_then(|m| m.labels.clone())
        .unwrap_or_default();
    let selector_path = path.field("selector");
    let k8s = match selector {
        Some(selector) => {
            let k8s = selector.to_k8s(&selector_path, report);
            if selector.is_empty() {
                report.error(
                    &selector_path,
                    65,
                    format!("empty selector is invalid for a {kind}"),
                    "select the pods by at least one of their labels",
                );
            } else if !selector.matches(&labels) {
                report.error(
                    &template_path.field("metadata").field("labels"),
                    65,
                    format!(
                        "`selector` does not match template `labels` (selector `{}`, labels `{}`)",
                        describe_selector(&k8s),
                        describe_labels(&labels)
                    ),
                    "give the pod template the labels the selector asks for, or leave the selector out to derive it from the labels",
                );
            }
            k8s
        }
        None => {
            if labels.is_empty() {
                report.error(
                    &selector_path,
                    65,
                    format!("a {kind} needs a selector, and its pod template has no labels to derive one from"),
                    "add a label to the pod template: `Pod::template().label(\"app\", ..)`",
                );
            }
            LabelSelector {
                match_labels: (!labels.is_empty()).then_some(labels),
                match_expressions: None,
            }
        }
    };
    (k8s, template)
}
