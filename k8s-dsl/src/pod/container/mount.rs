//! Volume mounts: where a container sees a volume of its pod (rule 37).

use k8s_openapi::api::core::v1 as api;

use crate::pod::port::listed;
use crate::pod::{PodContext, VolumeName};
use crate::rules::enums::MountPropagation;
use crate::rules::{shown, suggest};
use crate::validate::{At, Report};

/// A volume of the pod mounted into a container (`spec.containers[].volumeMounts[]`).
///
/// The volume is named by a `&str`, a `String` or a volume handle; `build()` checks that the
/// pod declares it (rule 37).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let config = VolumeMount::new("config", "/etc/app").read_only().sub_path("app.yaml");
/// let logs = VolumeMount::new("logs", "/var/log/$(POD_NAME)")
///     .propagation(MountPropagation::HostToContainer);
/// # let _ = (config, logs);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeMount {
    volume: String,
    mount_path: String,
    read_only: Option<bool>,
    sub_path: Option<String>,
    sub_path_expr: Option<String>,
    propagation: Option<MountPropagation>,
}

impl VolumeMount {
    /// Mounts `volume` at `mount_path` (an absolute path in the container), read-write.
    pub fn new(volume: impl VolumeName, mount_path: impl Into<String>) -> Self {
        VolumeMount {
            volume: volume.volume_name().to_owned(),
            mount_path: mount_path.into(),
            read_only: None,
            sub_path: None,
            sub_path_expr: None,
            propagation: None,
        }
    }

    /// Mounts the volume read-only.
    pub fn read_only(mut self) -> Self {
        self.read_only = Some(true);
        self
    }

    /// Mounts only this path inside the volume (rule 37: relative, without `..`; not together
    /// with [`VolumeMount::sub_path_expr`]).
    pub fn sub_path(mut self, path: impl Into<String>) -> Self {
        self.sub_path = Some(path.into());
        self
    }

    /// Like [`VolumeMount::sub_path`], with `$(VAR)` references to the container's environment
    /// expanded (rule 37: not together with `sub_path`).
    pub fn sub_path_expr(mut self, path: impl Into<String>) -> Self {
        self.sub_path_expr = Some(path.into());
        self
    }

    /// How mounts propagate between the host and the container (`Bidirectional` needs a
    /// privileged container).
    pub fn propagation(mut self, propagation: MountPropagation) -> Self {
        self.propagation = Some(propagation);
        self
    }

    /// The name of the mounted volume.
    pub fn volume(&self) -> &str {
        &self.volume
    }

    /// Where the volume appears in the container.
    pub fn mount_path(&self) -> &str {
        &self.mount_path
    }

    /// The k8s-openapi form, after checking rule 37. `path` is `volumeMounts[i]`.
    fn to_k8s(
        &self,
        path: &At<'_>,
        ctx: &PodContext<'_>,
        privileged: bool,
        report: &mut Report,
    ) -> api::VolumeMount {
        self.check_volume(&path.field("name"), ctx, report);
        // rule 37: mountPath is required
        if self.mount_path.is_empty() {
            report.error(
                &path.field("mountPath"),
                37,
                "mount path may not be empty",
                "give the absolute path where the volume appears, such as `/data`",
            );
        }
        if let Some(sub_path) = &self.sub_path {
            check_relative(sub_path, &path.field("subPath"), report);
        }
        if let Some(expr) = &self.sub_path_expr {
            let here = path.field("subPathExpr");
            // rule 37: subPath and subPathExpr are mutually exclusive
            if self.sub_path.is_some() {
                report.error(
                    &here,
                    37,
                    "`subPathExpr` and `subPath` are mutually exclusive",
                    "keep only one of `.sub_path(...)` and `.sub_path_expr(...)`",
                );
            }
            check_relative(expr, &here, report);
        }
        // rule 37 (`validateMountPropagation`): Bidirectional needs a privileged container
        if self.propagation == Some(MountPropagation::Bidirectional) && !privileged {
            report.error(
                &path.field("mountPropagation"),
                37,
                "`Bidirectional` mount propagation is available only to privileged containers",
                "use `HostToContainer`, or make the container privileged",
            );
        }
        api::VolumeMount {
            mount_path: self.mount_path.clone(),
            mount_propagation: self.propagation.map(|p| p.as_str().to_owned()),
            name: self.volume.clone(),
            read_only: self.read_only,
            sub_path: self.sub_path.clone(),
            sub_path_expr: self.sub_path_expr.clone(),
            ..api::VolumeMount::default()
        }
    }

    /// Rule 37: the mount names a volume the pod declares (`field.NotFound`).
    fn check_volume(&self, path: &At<'_>, ctx: &PodContext<'_>, report: &mut Report) {
        if ctx.volumes.contains(&self.volume.as_str()) {
            return;
        }
        let message = if ctx.volumes.is_empty() {
            format!(
                "volume {} is not declared by the pod, which declares no volumes",
                shown(&self.volume)
            )
        } else {
            format!(
                "volume {} is not declared by the pod; declared volumes: {}",
                shown(&self.volume),
                listed(ctx.volumes)
            )
        };
        let fix =
            suggest::did_you_mean(&self.volume, ctx.volumes.iter().copied()).unwrap_or_else(|| {
                format!("declare a volume named {} on the pod", shown(&self.volume))
            });
        report.error(path, 37, message, fix);
    }
}

/// Rule 37 (`validateLocalDescendingPath`): a sub path is relative and has no `..` element.
fn check_relative(sub_path: &str, path: &At<'_>, report: &mut Report) {
    if sub_path.starts_with('/') {
        report.error(
            path,
            37,
            format!("{} is an absolute path", shown(sub_path)),
            "use a path relative to the volume's root, without the leading `/`",
        );
    }
    if sub_path.split('/').any(|part| part == "..") {
        report.error(
            path,
            37,
            format!("{} contains `..`", shown(sub_path)),
            "use a path inside the volume, without `..`",
        );
    }
}

/// Checks and converts a container's mounts; `path` is its `volumeMounts` field. Rule 37
/// also requires each mount path to be unique within the container.
pub(crate) fn mounts_to_k8s(
    mounts: &[VolumeMount],
    path: &At<'_>,
    ctx: &PodContext<'_>,
    privileged: bool,
    report: &mut Report,
) -> Option<Vec<api::VolumeMount>> {
    if mounts.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(mounts.len());
    for (i, mount) in mounts.iter().enumerate() {
        let here = path.index(i);
        out.push(mount.to_k8s(&here, ctx, privileged, report));
        let first = mounts
            .iter()
            .take(i)
            .position(|m| m.mount_path == mount.mount_path);
        if let (Some(first), false) = (first, mount.mount_path.is_empty()) {
            // rule 37: mountPath must be unique
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
    }
    Some(out)
}
