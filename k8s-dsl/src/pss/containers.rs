//! One view of the three container lists of a `PodSpec` (init, app and ephemeral containers
//! have different types but the same fields the profiles restrict).

use k8s_openapi::api::core::v1 as core;

use crate::validate::FieldPath;

/// The fields of one container that the profiles look at, with the container's path.
pub(super) struct ContainerView<'a> {
    /// `spec.containers[0]`, `spec.initContainers[1]`, `spec.ephemeralContainers[0]`.
    pub path: FieldPath,
    pub security_context: Option<&'a core::SecurityContext>,
    pub ports: &'a [core::ContainerPort],
    /// `(field, probe)` for the liveness, readiness and startup probes that are set.
    pub probes: Vec<(&'static str, &'a core::Probe)>,
    pub lifecycle: Option<&'a core::Lifecycle>,
}

impl<'a> ContainerView<'a> {
    /// The container's `securityContext` path.
    pub fn context_path(&self) -> FieldPath {
        self.path.field("securityContext")
    }
}

fn probes<'a>(
    liveness: Option<&'a core::Probe>,
    readiness: Option<&'a core::Probe>,
    startup: Option<&'a core::Probe>,
) -> Vec<(&'static str, &'a core::Probe)> {
    [
        ("livenessProbe", liveness),
        ("readinessProbe", readiness),
        ("startupProbe", startup),
    ]
    .into_iter()
    .filter_map(|(field, probe)| probe.map(|p| (field, p)))
    .collect()
}

/// Every container of `spec` (init containers, app containers, ephemeral containers), whose
/// own path is `path`.
pub(super) fn all<'a>(spec: &'a core::PodSpec, path: &FieldPath) -> Vec<ContainerView<'a>> {
    let regular = |field: &str, list: &'a [core::Container]| {
        let at = path.field(field);
        list.iter()
            .enumerate()
            .map(|(i, c)| ContainerView {
                path: at.index(i),
                security_context: c.security_context.as_ref(),
                ports: c.ports.as_deref().unwrap_or_default(),
                probes: probes(
                    c.liveness_probe.as_ref(),
                    c.readiness_probe.as_ref(),
                    c.startup_probe.as_ref(),
                ),
                lifecycle: c.lifecycle.as_ref(),
            })
            .collect::<Vec<_>>()
    };
    let mut views = regular(
        "initContainers",
        spec.init_containers.as_deref().unwrap_or_default(),
    );
    views.extend(regular("containers", &spec.containers));
    let at = path.field("ephemeralContainers");
    views.extend(
        spec.ephemeral_containers
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, c)| ContainerView {
                path: at.index(i),
                security_context: c.security_context.as_ref(),
                ports: c.ports.as_deref().unwrap_or_default(),
                probes: probes(
                    c.liveness_probe.as_ref(),
                    c.readiness_probe.as_ref(),
                    c.startup_probe.as_ref(),
                ),
                lifecycle: c.lifecycle.as_ref(),
            }),
    );
    views
}

/// Whether the pod runs on Windows (`spec.os.name: windows`): the Linux-only controls of
/// `restricted` do not apply.
pub(super) fn is_windows(spec: &core::PodSpec) -> bool {
    spec.os.as_ref().is_some_and(|os| os.name == "windows")
}
