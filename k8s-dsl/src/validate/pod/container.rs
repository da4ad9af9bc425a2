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
pub(crate) struct Pod {
    /// A pod template (some rules apply to Pods only, e.g. rule 14's whitespace check).
    pub is_template: bool,
    /// `hostNetwork: true` (rule 23).
    pub host_network: bool,
}

/// One container of any list: rules 6, 14, 15 and 20-23; `at` is the container's path.
pub(crate) fn container(at: &At<'_>, c: &k8s::Container, pod: Pod, report: &mut Report) {
    name(at, &c.name, report);
    image(
        &at.field("image"),
        c.image.as_deref(),
        pod.is_template,
        report,
    );
    if let Some(policy) = &c.image_pull_policy {
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
}

/// [`container`] for every container of one list; `list` is the list's path.
pub(crate) fn each(list: &At<'_>, containers: &[k8s::Container], pod: Pod, report: &mut Report) {
    for (i, c) in containers.iter().enumerate() {
        container(&list.index(i), c, pod, report);
    }
}
