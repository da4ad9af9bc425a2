//! Volume mounts: where a container sees a volume of its pod (rule 37).

use k8s_openapi::api::core::v1 as api;

use crate::pod::VolumeName;
use crate::rules::enums::MountPropagation;

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

    /// The k8s-openapi form (rule 37 is checked with the pod spec: `validate::pod`).
    fn to_k8s(&self) -> api::VolumeMount {
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
}

/// Converts a container's mounts (checked with the pod spec: `validate::pod`, rule 37).
pub(crate) fn mounts_to_k8s(mounts: &[VolumeMount]) -> Option<Vec<api::VolumeMount>> {
    if mounts.is_empty() {
        return None;
    }
    Some(mounts.iter().map(VolumeMount::to_k8s).collect())
}
