//! Where a container sees the pod's volumes: `volumeMounts` (rule 37, `ValidateVolumeMounts`)
//! and `volumeDevices` (rule 38, `ValidateVolumeDevices`).
//!
//! Each error is reported at the mount's own field (`volumeMounts[1].subPath`); the API server
//! prints a few of them without the index (`volumeMounts.subPath`).

use std::collections::BTreeSet;

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::MountPropagation;
use crate::rules::{shown, suggest};
use crate::validate::{At, Report};

/// What the mount checks need to know of the container and its pod.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mounting<'a> {
    /// The pod's volumes.
    pub volumes: &'a [k8s::Volume],
    /// Whether the container runs privileged (`Bidirectional` propagation).
    pub privileged: bool,
    /// An ephemeral container (no sub paths).
    pub ephemeral: bool,
}

/// Rules 37 and 38 for one container; `at` is the container's path.
pub(crate) fn mounts_and_devices(
    at: &At<'_>,
    mounts: &[k8s::VolumeMount],
    devices: &[k8s::VolumeDevice],
    container: Mounting<'_>,
    report: &mut Report,
) {
    let device_names: BTreeSet<&str> = devices.iter().map(|d| d.name.as_str()).collect();
    let device_paths: BTreeSet<&str> = devices.iter().map(|d| d.device_path.as_str()).collect();
    let list = at.field("volumeMounts");
    for (i, mount) in mounts.iter().enumerate() {
        let here = list.index(i);
        volume_mount(&here, mount, container, report);
        let first = mounts
            .iter()
            .take(i)
            .position(|m| m.mount_path == mount.mount_path);
        if let (Some(first), false) = (first, mount.mount_path.is_empty()) {
            report.error(
                &here.field("mountPath"),
                37,
                format!(
                    "mount path {} is already used by `volumeMounts[{first}]`",
                    shown(&mount.mount_path)
                ),
                "mount each volume at its own path",
            );
        }
        // Rule 38: a volume is mounted or used as a block device, not both.
        if !mount.name.is_empty() && device_names.contains(mount.name.as_str()) {
            report.error(
                &here.field("name"),
                38,
                format!("volume {} is also in `volumeDevices`", shown(&mount.name)),
                "use the volume either as a filesystem mount or as a block device",
            );
        }
        if !mount.mount_path.is_empty() && device_paths.contains(mount.mount_path.as_str()) {
            report.error(
                &here.field("mountPath"),
                38,
                format!(
                    "mount path {} is also the path of a volume device",
                    shown(&mount.mount_path)
                ),
                "give the mount and the device different paths",
            );
        }
    }
    volume_devices(
        &at.field("volumeDevices"),
        devices,
        mounts,
        container.volumes,
        report,
    );
}

/// Rule 37 for one mount; `path` is `volumeMounts[i]`.
fn volume_mount(
    path: &At<'_>,
    mount: &k8s::VolumeMount,
    container: Mounting<'_>,
    report: &mut Report,
) {
    let volume = container.volumes.iter().find(|v| v.name == mount.name);
    if volume.is_none() {
        not_declared(
            &path.field("name"),
            &mount.name,
            container.volumes,
            37,
            report,
        );
    }
    if mount.mount_path.is_empty() {
        report.error(
            &path.field("mountPath"),
            37,
            "mount path may not be empty",
            "give the absolute path where the volume appears, such as `/data`",
        );
    }
    let sub_path = mount.sub_path.as_deref().filter(|s| !s.is_empty());
    let sub_path_expr = mount.sub_path_expr.as_deref().filter(|s| !s.is_empty());
    if let Some(sub_path) = sub_path {
        let here = path.field("subPath");
        if container.ephemeral {
            sub_path_in_ephemeral(&here, report);
        }
        if volume.is_some_and(|v| v.image.is_some()) {
            sub_path_of_image(&here, report);
        }
        relative(sub_path, &here, report);
    }
    if let Some(expr) = sub_path_expr {
        let here = path.field("subPathExpr");
        if container.ephemeral {
            sub_path_in_ephemeral(&here, report);
        }
        if volume.is_some_and(|v| v.image.is_some()) {
            sub_path_of_image(&here, report);
        }
        if sub_path.is_some() {
            report.error(
                &here,
                37,
                "`subPathExpr` and `subPath` are mutually exclusive",
                "keep only one of `subPath` and `subPathExpr`",
            );
        }
        relative(expr, &here, report);
    }
    let propagation = mount.mount_propagation.as_deref();
    if let Some(value) = propagation {
        let here = path.field("mountPropagation");
        let parsed = report.check(
            &here,
            value.parse::<MountPropagation>().map_err(|mut v| {
                v.rule = 37;
                v
            }),
        );
        // `validateMountPropagation`: Bidirectional needs a privileged container
        if parsed == Some(MountPropagation::Bidirectional) && !container.privileged {
            report.error(
                &here,
                37,
                "`Bidirectional` mount propagation is available only to privileged containers",
                "use `HostToContainer`, or make the container privileged",
            );
        }
    }
    if let Some(value) = mount.recursive_read_only.as_deref() {
        recursive_read_only(
            path,
            value,
            mount.read_only == Some(true),
            propagation,
            report,
        );
    }
}

/// `validateMountRecursiveReadOnly`: `Disabled`, `IfPossible` or `Enabled`; the last two only on
/// a read-only mount without propagation. `path` is `volumeMounts[i]`.
fn recursive_read_only(
    path: &At<'_>,
    value: &str,
    read_only: bool,
    propagation: Option<&str>,
    report: &mut Report,
) {
    let here = path.field("recursiveReadOnly");
    match value {
        "Disabled" => {}
        "IfPossible" | "Enabled" => {
            if !read_only {
                report.error(
                    &here,
                    37,
                    format!("`recursiveReadOnly: {value}` needs a read-only mount"),
                    "add `readOnly: true`, or remove `recursiveReadOnly`",
                );
            }
            if propagation.is_some_and(|p| p != "None") {
                report.error(
                    &here,
                    37,
                    format!("`recursiveReadOnly: {value}` needs mount propagation `None`"),
                    "remove `mountPropagation`, or `recursiveReadOnly`",
                );
            }
        }
        _ => report.violation(
            &here,
            crate::rules::enums::unknown(
                value,
                "recursive read-only mode",
                37,
                &["Disabled", "IfPossible", "Enabled"],
            ),
        ),
    }
}

/// Rule 37: a name that no volume of the pod has (`field.NotFound`), with the declared names
/// and the closest one.
fn not_declared(
    path: &At<'_>,
    name: &str,
    volumes: &[k8s::Volume],
    rule: u16,
    report: &mut Report,
) {
    let declared: Vec<&str> = volumes.iter().map(|v| v.name.as_str()).collect();
    if name.is_empty() {
        report.error(
            path,
            rule,
            "the name of a volume is required",
            "name one of the pod's volumes",
        );
        return;
    }
    let message = if declared.is_empty() {
        format!(
            "volume {} is not declared by the pod, which declares no volumes",
            shown(name)
        )
    } else {
        format!(
            "volume {} is not declared by the pod; declared volumes: {}",
            shown(name),
            declared
                .iter()
                .map(|n| shown(n))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let fix = suggest::did_you_mean(name, declared.iter().copied())
        .unwrap_or_else(|| format!("declare a volume named {} on the pod", shown(name)));
    report.error(path, rule, message, fix);
}

/// Rule 37 (`validateLocalDescendingPath`): a sub path is relative and has no `..` element.
fn relative(sub_path: &str, path: &At<'_>, report: &mut Report) {
    if sub_path.starts_with('/') {
        report.error(
            path,
            37,
            format!("{} is an absolute path", shown(sub_path)),
            "use a path relative to the volume's root, without the leading `/`",
        );
    }
    if has_backsteps(sub_path) {
        report.error(
            path,
            37,
            format!("{} contains `..`", shown(sub_path)),
            "use a path inside the volume, without `..`",
        );
    }
}

/// `validatePathNoBacksteps`: a `..` element between slashes.
fn has_backsteps(path: &str) -> bool {
    path.split('/').any(|part| part == "..")
}

/// Rule 37: ephemeral containers may not mount sub paths.
fn sub_path_in_ephemeral(path: &At<'_>, report: &mut Report) {
    report.error(
        path,
        37,
        "an ephemeral container may not mount a sub path",
        "mount the whole volume",
    );
}

/// Rule 37: an image volume is mounted whole.
fn sub_path_of_image(path: &At<'_>, report: &mut Report) {
    report.error(
        path,
        37,
        "a sub path of an image volume is not allowed",
        "mount the whole image volume",
    );
}

/// Rule 38 (`ValidateVolumeDevices`): each device names a claim (a `persistentVolumeClaim` or
/// `ephemeral` volume) once, at a path of its own, without `..`, used by no mount. `list` is
/// `volumeDevices`.
fn volume_devices(
    list: &At<'_>,
    devices: &[k8s::VolumeDevice],
    mounts: &[k8s::VolumeMount],
    volumes: &[k8s::Volume],
    report: &mut Report,
) {
    for (i, device) in devices.iter().enumerate() {
        let here = list.index(i);
        let name = here.field("name");
        let path = here.field("devicePath");
        let earlier = devices.get(..i).unwrap_or_default();
        match volumes.iter().find(|v| v.name == device.name) {
            None => not_declared(&name, &device.name, volumes, 38, report),
            Some(v) if v.persistent_volume_claim.is_none() && v.ephemeral.is_none() => {
                report.error(
                    &name,
                    38,
                    format!(
                        "volume {} is not a claim; a block device needs a `persistentVolumeClaim` or `ephemeral` volume",
                        shown(&device.name)
                    ),
                    "use a claim with `volumeMode: Block`, or mount the volume with `volumeMounts`",
                );
            }
            Some(_) => {}
        }
        if !device.name.is_empty() && earlier.iter().any(|d| d.name == device.name) {
            report.error(
                &name,
                38,
                format!(
                    "volume {} is already a device of this container",
                    shown(&device.name)
                ),
                "list each volume once in `volumeDevices`",
            );
        }
        if device.device_path.is_empty() {
            report.error(
                &path,
                38,
                "device path may not be empty",
                "give the path of the block device in the container, such as `/dev/xvda`",
            );
        } else if earlier.iter().any(|d| d.device_path == device.device_path) {
            report.error(
                &path,
                38,
                format!("device path {} is used twice", shown(&device.device_path)),
                "give each device its own path",
            );
        }
        if has_backsteps(&device.device_path) {
            report.error(
                &path,
                38,
                format!("device path {} contains `..`", shown(&device.device_path)),
                "use a path without `..`",
            );
        }
        if !device.name.is_empty() && mounts.iter().any(|m| m.name == device.name) {
            report.error(
                &name,
                38,
                format!("volume {} is also in `volumeMounts`", shown(&device.name)),
                "use the volume either as a filesystem mount or as a block device",
            );
        }
        if !device.device_path.is_empty()
            && mounts.iter().any(|m| m.mount_path == device.device_path)
        {
            report.error(
                &path,
                38,
                format!(
                    "device path {} is also a mount path",
                    shown(&device.device_path)
                ),
                "give the mount and the device different paths",
            );
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn volume(name: &str, claim: bool) -> k8s::Volume {
        k8s::Volume {
            name: name.into(),
            persistent_volume_claim: claim.then(|| k8s::PersistentVolumeClaimVolumeSource {
                claim_name: format!("{name}-claim"),
                ..Default::default()
            }),
            empty_dir: (!claim).then(Default::default),
            ..Default::default()
        }
    }

    fn mount(name: &str, path: &str) -> k8s::VolumeMount {
        k8s::VolumeMount {
            name: name.into(),
            mount_path: path.into(),
            ..Default::default()
        }
    }

    fn device(name: &str, path: &str) -> k8s::VolumeDevice {
        k8s::VolumeDevice {
            name: name.into(),
            device_path: path.into(),
        }
    }

    fn errors(
        mounts: &[k8s::VolumeMount],
        devices: &[k8s::VolumeDevice],
        ephemeral: bool,
    ) -> Vec<(String, u16)> {
        let volumes = [
            volume("data", false),
            volume("block", true),
            volume("disk", true),
        ];
        let mut report = Report::new();
        let at = At::root().field("c");
        let container = Mounting {
            volumes: &volumes,
            privileged: false,
            ephemeral,
        };
        mounts_and_devices(&at, mounts, devices, container, &mut report);
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    fn pairs(list: &[(&str, u16)]) -> Vec<(String, u16)> {
        list.iter().map(|(p, r)| ((*p).to_owned(), *r)).collect()
    }

    #[test]
    fn rule_37_mounts_name_a_volume_with_a_unique_path() {
        let found = errors(
            &[
                mount("dat", "/a"),
                mount("data", ""),
                mount("data", "/a"),
                mount("", "/b"),
            ],
            &[],
            false,
        );
        assert_eq!(
            found,
            pairs(&[
                ("c.volumeMounts[0].name", 37),
                ("c.volumeMounts[1].mountPath", 37),
                ("c.volumeMounts[2].mountPath", 37),
                ("c.volumeMounts[3].name", 37),
            ])
        );
    }

    #[test]
    fn rule_37_sub_paths_propagation_and_recursive_read_only() {
        let with = |f: fn(&mut k8s::VolumeMount)| {
            let mut m = mount("data", "/a");
            f(&mut m);
            m
        };
        let mounts = [
            with(|m| m.sub_path = Some("../x".into())),
            with(|m| m.sub_path = Some("/x".into())),
            with(|m| {
                m.sub_path = Some("x".into());
                m.sub_path_expr = Some("$(POD)/..".into());
            }),
            with(|m| m.mount_propagation = Some("Bidirectional".into())),
            with(|m| m.mount_propagation = Some("hostToContainer".into())),
            with(|m| m.recursive_read_only = Some("Enabled".into())),
            with(|m| m.sub_path = Some("a..b".into())),
        ];
        let mut mounts = mounts.to_vec();
        for (i, m) in mounts.iter_mut().enumerate() {
            m.mount_path = format!("/m{i}");
        }
        let found = errors(&mounts, &[], false);
        assert_eq!(
            found,
            pairs(&[
                ("c.volumeMounts[0].subPath", 37),
                ("c.volumeMounts[1].subPath", 37),
                ("c.volumeMounts[2].subPathExpr", 37),
                ("c.volumeMounts[2].subPathExpr", 37),
                ("c.volumeMounts[3].mountPropagation", 37),
                ("c.volumeMounts[4].mountPropagation", 37),
                ("c.volumeMounts[5].recursiveReadOnly", 37),
            ])
        );
    }

    #[test]
    fn rule_37_ephemeral_containers_mount_no_sub_path() {
        let mut m = mount("data", "/a");
        m.sub_path = Some("x".into());
        assert_eq!(
            errors(&[m.clone()], &[], true),
            pairs(&[("c.volumeMounts[0].subPath", 37)])
        );
        assert!(errors(&[m], &[], false).is_empty());
    }

    #[test]
    fn rule_38_devices_are_claims_used_once_and_not_mounted() {
        let found = errors(
            &[mount("data", "/data"), mount("disk", "/disk")],
            &[
                device("data", "/dev/a"),
                device("missing", "/dev/b"),
                device("block", "/dev/c"),
                device("block", "/dev/c"),
                device("disk", ""),
                device("block", "/data"),
                device("block", "/dev/../x"),
            ],
            false,
        );
        assert_eq!(
            found,
            pairs(&[
                ("c.volumeMounts[0].name", 38),
                ("c.volumeMounts[0].mountPath", 38),
                ("c.volumeMounts[1].name", 38),
                ("c.volumeDevices[0].name", 38),
                ("c.volumeDevices[0].name", 38),
                ("c.volumeDevices[1].name", 38),
                ("c.volumeDevices[3].name", 38),
                ("c.volumeDevices[3].devicePath", 38),
                ("c.volumeDevices[4].devicePath", 38),
                ("c.volumeDevices[4].name", 38),
                ("c.volumeDevices[5].name", 38),
                ("c.volumeDevices[5].devicePath", 38),
                ("c.volumeDevices[6].name", 38),
                ("c.volumeDevices[6].devicePath", 38),
            ])
        );
        assert!(errors(&[], &[device("block", "/dev/xvda")], false).is_empty());
    }
}
