//! One container of any list (`validateContainerCommon`): its name (rule 6) and image (rule 14).

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::{ImagePullPolicy, TerminationMessagePolicy};
use crate::rules::image::Image;
use crate::rules::{names, shown};
use crate::validate::{At, Report};

/// Rule 6: the name is a DNS-1123 label; `path` is the container's path.
pub(crate) fn name(path: &At<'_>, name: &str, report: &mut Report) {
    report.check(&path.field("name"), names::container_name(name));
}

/// Rule 14 (`validateContainers`, `validateContainersOnlyForPod`): the image is required, and a
/// Pod's image may not have leading or trailing whitespace (a template's may: the pods created
/// from it are refused, so that is a warning). That is all the API server checks: anything else
/// the reference parser dislikes (a placeholder such as `<your-image>`, upper-case letters) is a
/// warning, since only the pull fails. `path` is the `image` field.
pub(crate) fn image(path: &At<'_>, image: Option<&str>, is_template: bool, report: &mut Report) {
    let Some(image) = image.filter(|i| !i.is_empty()) else {
        report.error(
            path,
            14,
            "image is required",
            "set it with `.image(\"nginx:1.27\")`",
        );
        return;
    };
    let trimmed = image.trim();
    if trimmed != image {
        if is_template {
            if !trimmed.is_empty() {
                report.warn(
                    path,
                    format!(
                        "image {} has leading or trailing whitespace; pods created from this template will be rejected; use {}",
                        shown(image),
                        shown(trimmed)
                    ),
                );
            }
        } else {
            report.error(
                path,
                14,
                format!("image {} has leading or trailing whitespace", shown(image)),
                format!("use {}", shown(trimmed)),
            );
        }
    }
    match Image::parse(trimmed) {
        Ok(parsed) => {
            for warning in parsed.warnings() {
                report.warn(path, warning);
            }
        }
        Err(violation) if !trimmed.is_empty() => report.warn(
            path,
            format!(
                "{}; the API server accepts it, but no registry can pull it: {}",
                violation.message, violation.fix
            ),
        ),
        Err(_) => {}
    }
}

/// What a container's checks need to know of its pod.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pod<'a> {
    /// A pod template (some rules apply to Pods only, e.g. rule 14's whitespace check).
    pub is_template: bool,
    /// The pod's volumes, which mounts and devices name (rules 37, 38).
    pub volumes: &'a [k8s::Volume],
    /// The pod's `hostUsers`, true when unset (rule 47's `procMount`).
    pub host_users: bool,
    /// `hostNetwork: true` (rule 23).
    pub host_network: bool,
    /// `terminationGracePeriodSeconds`, the bound of sleep hooks (rule 26).
    pub grace: Option<i64>,
}

/// One container of any list: rules 6, 14, 15, 20-23, 30-35, 37, 38, 47 and 48; `at` is the
/// container's path.
pub(crate) fn container(at: &At<'_>, c: &k8s::Container, pod: Pod<'_>, report: &mut Report) {
    name(at, &c.name, report);
    image(
        &at.field("image"),
        c.image.as_deref(),
        pod.is_template,
        report,
    );
    // rule 15: empty is defaulted (Always for `:latest` or no tag, IfNotPresent otherwise)
    if let Some(policy) = c.image_pull_policy.as_deref().filter(|p| !p.is_empty()) {
        report.check(
            &at.field("imagePullPolicy"),
            policy.parse::<ImagePullPolicy>(),
        );
    }
    if let Some(policy) = &c.termination_message_policy {
        report.check(
            &at.field("terminationMessagePolicy"),
            policy.parse::<TerminationMessagePolicy>(),
        );
    }
    if let Some(list) = &c.ports {
        super::ports::container_ports(&at.field("ports"), list, pod.host_network, report);
    }
    super::env::env_and_env_from(at, c, report);
    mounts_resources_security(
        at,
        Parts {
            mounts: c.volume_mounts.as_deref().unwrap_or_default(),
            devices: c.volume_devices.as_deref().unwrap_or_default(),
            resources: c.resources.as_ref(),
            security: c.security_context.as_ref(),
        },
        pod,
        false,
        report,
    );
}

/// The fields of a container (app, init or ephemeral) that rules 37, 38, 47 and 48 read.
pub(crate) struct Parts<'c> {
    pub mounts: &'c [k8s::VolumeMount],
    pub devices: &'c [k8s::VolumeDevice],
    pub resources: Option<&'c k8s::ResourceRequirements>,
    pub security: Option<&'c k8s::SecurityContext>,
}

/// Rules 37 and 38 (mounts and devices), 48 (resources) and 47 (the security context) of one
/// container at `at`; `ephemeral` for an ephemeral container.
pub(crate) fn mounts_resources_security(
    at: &At<'_>,
    parts: Parts<'_>,
    pod: Pod<'_>,
    ephemeral: bool,
    report: &mut Report,
) {
    let privileged = parts.security.and_then(|s| s.privileged) == Some(true);
    let mounting = super::mounts::Mounting {
        volumes: pod.volumes,
        privileged,
        ephemeral,
    };
    super::mounts::mounts_and_devices(at, parts.mounts, parts.devices, mounting, report);
    if let Some(resources) = parts.resources {
        super::resources::requirements(
            &at.field("resources"),
            resources.requests.as_ref(),
            resources.limits.as_ref(),
            report,
        );
    }
    if let Some(security) = parts.security {
        super::security::container_security_context(
            &at.field("securityContext"),
            security,
            pod.host_users,
            report,
        );
    }
}

/// Rule 16 (`validateContainers`, `validateInitContainerRestartPolicy`, and since 1.34 the
/// container restart rules, `ContainerRestartRules`): kube-apiserver 1.37 accepts `Always`,
/// `OnFailure` and `Never` on any container, app or init (`Always` makes an init container a
/// native sidecar; on an app container a policy other than the pod's overrides it, for a Pod:
/// a warning, since servers before 1.34 refuse it). Any other value is an error. `is_init` says
/// which list `c` is in; `at` is its path.
pub(crate) fn restart_policy(at: &At<'_>, c: &k8s::Container, is_init: bool, report: &mut Report) {
    let Some(policy) = c.restart_policy.as_deref() else {
        return;
    };
    let here = at.field("restartPolicy");
    if !matches!(policy, "Always" | "OnFailure" | "Never") {
        report.error(
            &here,
            16,
            format!(
                "a container's `restartPolicy` may only be `Always`, `OnFailure` or `Never`, not {}",
                shown(policy)
            ),
            "remove it, or use `Always` on an init container (a native sidecar)",
        );
    } else if !is_init {
        report.warn(
            &here,
            "`restartPolicy` on an app container needs Kubernetes 1.34 or newer (container restart rules); older API servers refuse it",
        );
    } else if policy != "Always" {
        report.warn(
            &here,
            format!(
                "an init container's `restartPolicy: {policy}` needs Kubernetes 1.34 or newer (container restart rules); older API servers refuse it, and only `Always` makes a native sidecar"
            ),
        );
    }
}

/// [`container`] for every container of one list; `list` is the list's path.
/// `is_init` for `initContainers`.
pub(crate) fn each(
    list: &At<'_>,
    containers: &[k8s::Container],
    is_init: bool,
    pod: Pod<'_>,
    report: &mut Report,
) {
    for (i, c) in containers.iter().enumerate() {
        let at = list.index(i);
        container(&at, c, pod, report);
        restart_policy(&at, c, is_init, report);
        super::probes::probes_and_hooks(&at, c, is_init, pod.grace, report);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const POD: Pod = Pod {
        is_template: false,
        volumes: &[],
        host_users: true,
        host_network: false,
        grace: None,
    };

    fn report(c: &k8s::Container) -> Report {
        let mut report = Report::new();
        let path = At::root().field("spec");
        let path = path.field("containers");
        container(&path.index(0), c, POD, &mut report);
        report
    }

    #[test]
    fn rule_15_pull_and_termination_message_policies_take_their_values() {
        let c = k8s::Container {
            name: "web".into(),
            image: Some("nginx:1.27".into()),
            image_pull_policy: Some("Sometimes".into()),
            termination_message_policy: Some("Stdout".into()),
            ..Default::default()
        };
        let report = report(&c);
        let paths: Vec<(&str, u16)> = report
            .errors()
            .iter()
            .map(|e| (e.path.as_str(), e.rule))
            .collect();
        assert_eq!(
            paths,
            [
                ("spec.containers[0].imagePullPolicy", 15),
                ("spec.containers[0].terminationMessagePolicy", 15),
            ]
        );
    }

    #[test]
    fn rule_16_restart_policy_takes_the_three_values_on_any_container() {
        let with = |policy: &str| k8s::Container {
            name: "web".into(),
            image: Some("nginx:1.27".into()),
            restart_policy: Some(policy.into()),
            ..Default::default()
        };
        let spec = At::root().field("spec");
        let mut report = Report::new();
        let app = spec.field("containers");
        each(
            &app,
            &[with("Always"), with("Sometimes")],
            false,
            POD,
            &mut report,
        );
        let init = spec.field("initContainers");
        each(
            &init,
            &[with("Always"), with("OnFailure"), with("always")],
            true,
            POD,
            &mut report,
        );
        let paths: Vec<(&str, u16)> = report
            .errors()
            .iter()
            .map(|e| (e.path.as_str(), e.rule))
            .collect();
        assert_eq!(
            paths,
            [
                ("spec.containers[1].restartPolicy", 16),
                ("spec.initContainers[2].restartPolicy", 16),
            ]
        );
        // Accepted by kube-apiserver 1.37, refused before 1.34: warnings.
        let warned: Vec<&str> = report.warnings().iter().map(|w| w.path.as_str()).collect();
        assert!(
            warned.contains(&"spec.containers[0].restartPolicy"),
            "{warned:?}"
        );
        assert!(
            warned.contains(&"spec.initContainers[1].restartPolicy"),
            "{warned:?}"
        );
    }

    #[test]
    fn rule_22_an_unknown_protocol_is_an_error() {
        let c = k8s::Container {
            name: "web".into(),
            image: Some("nginx:1.27".into()),
            ports: Some(vec![k8s::ContainerPort {
                container_port: 53,
                protocol: Some("QUIC".into()),
                ..Default::default()
            }]),
            ..Default::default()
        };
        let report = report(&c);
        assert_eq!(report.errors().len(), 1, "{:?}", report.errors());
        assert_eq!(
            report.errors()[0].path.as_str(),
            "spec.containers[0].ports[0].protocol"
        );
        assert_eq!(report.errors()[0].rule, 22);
    }
}
