//! One container of any list (`validateContainerCommon`): its name (rule 6) and image (rule 14).

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::image::Image;
use crate::rules::{names, shown};
use crate::validate::{At, Report};

/// Rule 6: the name is a DNS-1123 label; `path` is the container's path.
pub(crate) fn name(path: &At<'_>, name: &str, report: &mut Report) {
    report.check(&path.field("name"), names::container_name(name));
}

/// Rule 14: the image is required (except in a pod template, where a controller may fill
/// it in, the API server asks for it too), and may not have leading or trailing whitespace.
/// Anything else the reference parser dislikes (a placeholder such as `<your-image>`) is a
/// warning: the API server accepts it and only the pull fails. `path` is the `image` field.
pub(crate) fn image(path: &At<'_>, image: Option<&str>, is_template: bool, report: &mut Report) {
    let Some(image) = image else {
        // rule 14: image is required
        report.error(
            path,
            14,
            "image is required",
            "set it with `.image(\"nginx:1.27\")`",
        );
        return;
    };
    // rule 14: surrounding whitespace is rejected for Pods only; a template keeps it, but
    // the pods created from it are rejected
    let trimmed = image.trim();
    let text = if is_template && trimmed != image && !trimmed.is_empty() {
        report.warn(
            path,
            format!(
                "image {} has leading or trailing whitespace; pods created from this template will be rejected; use {}",
                shown(image),
                shown(trimmed)
            ),
        );
        trimmed
    } else {
        image
    };
    if let Some(parsed) = report.check(path, Image::parse(text)) {
        for warning in parsed.warnings() {
            report.warn(path, warning);
        }
    }
}

/// Rule 6 and 14 for every container of one list; `list` is the list's path.
pub(crate) fn each(
    list: &At<'_>,
    containers: &[k8s::Container],
    is_template: bool,
    report: &mut Report,
) {
    for (i, c) in containers.iter().enumerate() {
        let at = list.index(i);
        name(&at, &c.name, report);
        image(&at.field("image"), c.image.as_deref(), is_template, report);
    }
}
