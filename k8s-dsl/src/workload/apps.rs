//! What Deployments, StatefulSets and DaemonSets share: a pod template whose pods always
//! restart, and a selector that matches the template labels (rule 65).

use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

use super::selector::Selector;
use crate::pod::Pod;
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
/// The selector is the given one or else the template labels themselves (`validate::apps`
/// checks that it is not empty, that it matches the labels and the restart policy, rule 65).
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
    let template = template_with_claims(pod, &template_path, claim_names, report);
    let labels = || {
        template
            .metadata
            .as_ref()
            .and_then(|m| m.labels.clone())
            .filter(|labels| !labels.is_empty())
    };
    // The selector's syntax, that it is not empty and matches the labels, with the pod's
    // restart policy, are checked by `validate::apps` (rules 8 and 65).
    let k8s = match selector {
        Some(selector) => selector.to_k8s_unchecked(),
        None => LabelSelector {
            match_labels: labels(),
            match_expressions: None,
        },
    };
    (k8s, template)
}
