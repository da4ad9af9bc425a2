//! The role each container plays in its pod, where the role puts it in the output, and the
//! warnings a role's usual shape allows (see the module docs of [`crate::pod`]).

use k8s_openapi::api::core::v1 as k8s;

use super::ContainerKind;
use crate::validate::{FieldPath, Report};

/// The role of a container in its pod. Chosen by the `Pod` method that adds the container
/// (`.container()`, `.init_container()`, `.sidecar()`, ...).
///
/// ```
/// use k8s_dsl::pod::Role;
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(Role::Ambassador.as_str(), "ambassador");
/// assert_eq!(Role::ClassicAdapter.as_str(), "adapter");
/// assert!(Role::ClassicSidecar.is_sidecar());
/// assert!(!Role::Init.is_sidecar());
///
/// // The role decides where the container goes: a native sidecar is an init container
/// // that keeps running (`restartPolicy: Always`).
/// let logs = Volume::empty_dir("logs");
/// let pod = Pod::new("web")
///     .volume(&logs)
///     .container(Container::new("web").image("nginx:1.27").mount(&logs, "/var/log/nginx"))
///     .sidecar(Container::new("shipper").image("fluent-bit:3.2").mount(&logs, "/logs"))
///     .build()?;
/// let spec = pod.spec.unwrap();
/// let sidecar = &spec.init_containers.unwrap()[0];
/// assert_eq!(sidecar.name, "shipper");
/// assert_eq!(sidecar.restart_policy.as_deref(), Some("Always"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The application (`spec.containers`).
    App,
    /// Runs to completion, in order, before the app (`spec.initContainers`).
    Init,
    /// A native sidecar: runs beside the app for the pod's life
    /// (`spec.initContainers` with `restartPolicy: Always`).
    Sidecar,
    /// A classic sidecar: a second app container (`spec.containers`).
    ClassicSidecar,
    /// A native sidecar proxying the app's outbound connections (the app talks to localhost).
    Ambassador,
    /// An ambassador run as a second app container.
    ClassicAmbassador,
    /// A native sidecar presenting the app's output in a standard form (metrics, logs).
    Adapter,
    /// An adapter run as a second app container.
    ClassicAdapter,
}

impl Role {
    /// Where the container runs, which decides the API rules that apply to it.
    pub(crate) fn kind(self) -> ContainerKind {
        match self {
            Role::App | Role::ClassicSidecar | Role::ClassicAmbassador | Role::ClassicAdapter => {
                ContainerKind::App
            }
            Role::Init => ContainerKind::Init,
            Role::Sidecar | Role::Ambassador | Role::Adapter => ContainerKind::RestartableInit,
        }
    }

    /// The role's word, as used in messages and in the role annotation.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::App => "app",
            Role::Init => "init",
            Role::Sidecar | Role::ClassicSidecar => "sidecar",
            Role::Ambassador | Role::ClassicAmbassador => "ambassador",
            Role::Adapter | Role::ClassicAdapter => "adapter",
        }
    }

    /// Whether the container runs beside the app for the pod's life (any sidecar form).
    pub fn is_sidecar(self) -> bool {
        !matches!(self, Role::App | Role::Init)
    }
}

/// The annotation `Pod::role_annotations()` adds: `init=...,sidecar=...,ambassador=...`.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pod = Pod::new("web")
///     .role_annotations()
///     .init_container(Container::new("migrate").image("migrate:4"))
///     .container(Container::new("web").image("nginx:1.27"))
///     .ambassador(Container::new("proxy").image("envoy:1.32").port(ContainerPort::tcp(9901)))
///     .build()?;
/// let annotations = pod.metadata.annotations.unwrap();
/// assert_eq!(annotations[ROLES_ANNOTATION], "init=migrate,ambassador=proxy");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub const ROLES_ANNOTATION: &str = "k8s-dsl.io/roles";

/// A built container with its role and its path (`spec.initContainers[0]`).
pub(crate) struct Placed<'a> {
    pub role: Role,
    pub path: &'a FieldPath,
    pub container: &'a k8s::Container,
}

fn mounts(container: &k8s::Container) -> impl Iterator<Item = &str> {
    container
        .volume_mounts
        .iter()
        .flatten()
        .map(|m| m.name.as_str())
}

fn has_ports(container: &k8s::Container) -> bool {
    container.ports.as_ref().is_some_and(|p| !p.is_empty())
}

/// Warnings for sidecars whose shape does not fit their role (never errors):
/// an ambassador or adapter with no port, and any sidecar that neither shares a volume with an
/// app container nor declares a port.
pub(crate) fn warn_roles(placed: &[Placed<'_>], report: &mut Report) {
    let app_volumes: Vec<&str> = placed
        .iter()
        .filter(|p| p.role == Role::App)
        .flat_map(|p| mounts(p.container))
        .collect();
    for p in placed.iter().filter(|p| p.role.is_sidecar()) {
        let name = &p.container.name;
        let ports = has_ports(p.container);
        match p.role {
            Role::Ambassador | Role::ClassicAmbassador if !ports => {
                report.warn(
                    &p.path.field("ports"),
                    format!(
                        "ambassador `{name}` declares no port: the app cannot reach it on localhost; \
                         add the port it listens on with `.port(..)`"
                    ),
                );
                continue;
            }
            Role::Adapter | Role::ClassicAdapter if !ports => {
                report.warn(
                    &p.path.field("ports"),
                    format!(
                        "adapter `{name}` exposes no port: nothing can read the output it adapts; \
                         add a named port such as `metrics`"
                    ),
                );
                continue;
            }
            _ => {}
        }
        let shares_volume = mounts(p.container).any(|v| app_volumes.contains(&v));
        if !ports && !shares_volume {
            report.warn(
                &p.path,
                format!(
                    "{} `{name}` shares nothing with the app: no volume mounted by an app container \
                     and no port; mount a shared volume or declare the port it serves",
                    p.role.as_str()
                ),
            );
        }
    }
}

/// The value of [`ROLES_ANNOTATION`]: `role=name` for each non-app container, in output order,
/// or `None` when every container is an app container.
pub(crate) fn roles_annotation<'a>(
    members: impl Iterator<Item = (Role, &'a str)>,
) -> Option<String> {
    let entries: Vec<String> = members
        .filter(|(role, _)| *role != Role::App)
        .map(|(role, name)| format!("{}={name}", role.as_str()))
        .collect();
    (!entries.is_empty()).then(|| entries.join(","))
}
