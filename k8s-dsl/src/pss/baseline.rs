//! The controls of the `baseline` profile, one function each, in the documentation's order.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as core;

use super::containers::{self, ContainerView};
use super::{Control, Violation};
use crate::rules::shown;
use crate::validate::FieldPath;

/// Capabilities a baseline container may add (the container runtime's default set).
pub(super) const ALLOWED_CAPABILITIES: &[&str] = &[
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

/// SELinux types a baseline pod may ask for (`container_engine_t` since Kubernetes 1.31).
const ALLOWED_SELINUX_TYPES: &[&str] = &[
    "container_t",
    "container_init_t",
    "container_kvm_t",
    "container_engine_t",
];

/// The "safe" sysctls (namespaced and isolated from other pods), as the profile lists them:
/// those of every version, `ip_local_reserved_ports` since 1.27, the four TCP keepalive and
/// FIN settings since 1.29, and `tcp_rmem`/`tcp_wmem` since 1.32 (pod-security-admission's
/// `check_sysctls.go`, kubernetes/kubernetes#127489).
const SAFE_SYSCTLS: &[&str] = &[
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
    "net.ipv4.tcp_rmem",
    "net.ipv4.tcp_wmem",
];

/// The annotation prefix of the AppArmor profile of each container (before Kubernetes 1.30).
const APP_ARMOR_ANNOTATION: &str = "container.apparmor.security.beta.kubernetes.io/";

/// Every baseline control on `spec` at `path`.
pub(super) fn check(spec: &core::PodSpec, path: &FieldPath, found: &mut Vec<Violation>) {
    let views = containers::all(spec, path);
    host_process(spec, &views, path, found);
    host_namespaces(spec, path, found);
    privileged_containers(&views, found);
    capabilities(&views, found);
    host_path_volumes(spec, path, found);
    host_ports(&views, found);
    host_probes(&views, found);
    app_armor(spec, &views, path, found);
    se_linux(spec, &views, path, found);
    proc_mount(&views, found);
    seccomp(spec, &views, path, found);
    sysctls(spec, path, found);
}

/// The `windowsOptions` of the pod and of every container, with the security context paths.
fn windows_options<'a>(
    spec: &'a core::PodSpec,
    views: &'a [ContainerView<'a>],
    path: &FieldPath,
) -> Vec<(FieldPath, Option<&'a core::WindowsSecurityContextOptions>)> {
    let pod = spec.security_context.as_ref();
    std::iter::once((
        path.field("securityContext"),
        pod.and_then(|c| c.windows_options.as_ref()),
    ))
    .chain(views.iter().map(|v| {
        (
            v.context_path(),
            v.security_context.and_then(|c| c.windows_options.as_ref()),
        )
    }))
    .collect()
}

/// HostProcess: `windowsOptions.hostProcess` is unset or false, on the pod and every container.
fn host_process(
    spec: &core::PodSpec,
    views: &[ContainerView<'_>],
    path: &FieldPath,
    found: &mut Vec<Violation>,
) {
    for (at, windows) in windows_options(spec, views, path) {
        if windows.and_then(|w| w.host_process) == Some(true) {
            found.push(Violation::new(
                at.field("windowsOptions").field("hostProcess"),
                Control::HostProcess,
                "a Windows HostProcess container has privileged access to the node",
                "remove `hostProcess: true`, or run the pod where the `privileged` profile applies",
            ));
        }
    }
}

/// Host Namespaces: `hostNetwork`, `hostPID` and `hostIPC` are unset or false.
fn host_namespaces(spec: &core::PodSpec, path: &FieldPath, found: &mut Vec<Violation>) {
    for (field, value, method) in [
        ("hostNetwork", spec.host_network, "`.host_network(true)`"),
        ("hostPID", spec.host_pid, "`hostPID: true`"),
        ("hostIPC", spec.host_ipc, "`hostIPC: true`"),
    ] {
        if value == Some(true) {
            found.push(Violation::new(
                path.field(field),
                Control::HostNamespaces,
                format!("`{field}: true` shares a namespace of the node with the pod"),
                format!("remove {method}"),
            ));
        }
    }
}

/// Privileged Containers: `privileged` is unset or false.
fn privileged_containers(views: &[ContainerView<'_>], found: &mut Vec<Violation>) {
    for view in views {
        if view.security_context.and_then(|c| c.privileged) == Some(true) {
            found.push(Violation::new(
                view.context_path().field("privileged"),
                Control::PrivilegedContainers,
                "a privileged container turns off most security mechanisms",
                "remove `.privileged(true)`; add only the capabilities the container needs",
            ));
        }
    }
}

/// Capabilities: `capabilities.add` only from [`ALLOWED_CAPABILITIES`].
fn capabilities(views: &[ContainerView<'_>], found: &mut Vec<Violation>) {
    for view in views {
        let added = view
            .security_context
            .and_then(|c| c.capabilities.as_ref())
            .and_then(|c| c.add.as_deref())
            .unwrap_or_default();
        for (i, capability) in added.iter().enumerate() {
            if !ALLOWED_CAPABILITIES.contains(&capability.as_str()) {
                found.push(Violation::new(
                    view.context_path()
                        .field("capabilities")
                        .field("add")
                        .index(i),
                    Control::Capabilities,
                    format!("capability {} is not in the default set", shown(capability)),
                    format!(
                        "do not add it; the baseline allows `{}`",
                        ALLOWED_CAPABILITIES.join("`, `")
                    ),
                ));
            }
        }
    }
}

/// HostPath Volumes: no `hostPath` volume.
fn host_path_volumes(spec: &core::PodSpec, path: &FieldPath, found: &mut Vec<Violation>) {
    for (i, volume) in spec.volumes.iter().flatten().enumerate() {
        if volume.host_path.is_some() {
            found.push(Violation::new(
                path.field("volumes").index(i).field("hostPath"),
                Control::HostPathVolumes,
                format!(
                    "volume {} mounts a directory of the node",
                    shown(&volume.name)
                ),
                "use an `emptyDir`, a ConfigMap or a PersistentVolumeClaim instead",
            ));
        }
    }
}

/// Host Ports: `hostPort` is unset or 0.
fn host_ports(views: &[ContainerView<'_>], found: &mut Vec<Violation>) {
    for view in views {
        for (j, port) in view.ports.iter().enumerate() {
            if let Some(host_port) = port.host_port.filter(|p| *p != 0) {
                found.push(Violation::new(
                    view.path.field("ports").index(j).field("hostPort"),
                    Control::HostPorts,
                    format!("host port {host_port} opens a port on the node"),
                    "remove the host port and reach the pod through a Service",
                ));
            }
        }
    }
}

/// Host Probes / Lifecycle Hooks (Kubernetes 1.34+): no `host` in `httpGet` or `tcpSocket` of
/// probes and lifecycle hooks.
fn host_probes(views: &[ContainerView<'_>], found: &mut Vec<Violation>) {
    let mut check =
        |at: FieldPath, http: Option<&core::HTTPGetAction>, tcp: Option<&core::TCPSocketAction>| {
            let http_host = http.and_then(|h| h.host.as_deref());
            let tcp_host = tcp.and_then(|t| t.host.as_deref());
            for (action, host) in [("httpGet", http_host), ("tcpSocket", tcp_host)] {
                if let Some(host) = host.filter(|h| !h.is_empty()) {
                    found.push(Violation::new(
                        at.field(action).field("host"),
                        Control::HostProbes,
                        format!(
                            "the kubelet would connect to host {} for this check",
                            shown(host)
                        ),
                        "remove the host: probes and hooks connect to the pod's own IP",
                    ));
                }
            }
        };
    for view in views {
        for (field, probe) in &view.probes {
            check(
                view.path.field(field),
                probe.http_get.as_ref(),
                probe.tcp_socket.as_ref(),
            );
        }
        let lifecycle = view.lifecycle;
        for (field, handler) in [
            ("postStart", lifecycle.and_then(|l| l.post_start.as_ref())),
            ("preStop", lifecycle.and_then(|l| l.pre_stop.as_ref())),
        ] {
            if let Some(handler) = handler {
                check(
                    view.path.field("lifecycle").field(field),
                    handler.http_get.as_ref(),
                    handler.tcp_socket.as_ref(),
                );
            }
        }
    }
}

/// AppArmor: `appArmorProfile.type` is unset, `RuntimeDefault` or `Localhost`.
fn app_armor(
    spec: &core::PodSpec,
    views: &[ContainerView<'_>],
    path: &FieldPath,
    found: &mut Vec<Violation>,
) {
    let pod = spec
        .security_context
        .as_ref()
        .and_then(|c| c.app_armor_profile.as_ref());
    let all = std::iter::once((path.field("securityContext"), pod)).chain(views.iter().map(|v| {
        (
            v.context_path(),
            v.security_context
                .and_then(|c| c.app_armor_profile.as_ref()),
        )
    }));
    for (at, profile) in all {
        if let Some(profile) = profile {
            if !matches!(profile.type_.as_str(), "RuntimeDefault" | "Localhost") {
                found.push(Violation::new(
                    at.field("appArmorProfile").field("type"),
                    Control::AppArmor,
                    format!(
                        "AppArmor profile {} turns off or overrides the default profile",
                        shown(&profile.type_)
                    ),
                    "use `RuntimeDefault` or a `Localhost` profile, or leave it unset",
                ));
            }
        }
    }
}

/// AppArmor, in the annotations of clusters before Kubernetes 1.30: each
/// `container.apparmor.security.beta.kubernetes.io/*` value is `runtime/default` or
/// `localhost/*`.
pub(super) fn app_armor_annotations(
    annotations: Option<&BTreeMap<String, String>>,
    path: &FieldPath,
    found: &mut Vec<Violation>,
) {
    for (key, value) in annotations.into_iter().flatten() {
        if !key.starts_with(APP_ARMOR_ANNOTATION) {
            continue;
        }
        if value.is_empty() || value == "runtime/default" || value.starts_with("localhost/") {
            continue;
        }
        found.push(Violation::new(
            path.field("annotations").key(key),
            Control::AppArmor,
            format!("AppArmor profile {} turns off or overrides the default profile", shown(value)),
            "use `runtime/default` or `localhost/<profile>`, or set `appArmorProfile` in the security context",
        ));
    }
}

/// SELinux: `seLinuxOptions.type` from [`ALLOWED_SELINUX_TYPES`]; `user` and `role` unset.
fn se_linux(
    spec: &core::PodSpec,
    views: &[ContainerView<'_>],
    path: &FieldPath,
    found: &mut Vec<Violation>,
) {
    let pod = spec
        .security_context
        .as_ref()
        .and_then(|c| c.se_linux_options.as_ref());
    let all = std::iter::once((path.field("securityContext"), pod)).chain(views.iter().map(|v| {
        (
            v.context_path(),
            v.security_context.and_then(|c| c.se_linux_options.as_ref()),
        )
    }));
    for (at, options) in all {
        let Some(options) = options else {
            continue;
        };
        let at = at.field("seLinuxOptions");
        if let Some(type_) = options.type_.as_deref().filter(|t| !t.is_empty()) {
            if !ALLOWED_SELINUX_TYPES.contains(&type_) {
                found.push(Violation::new(
                    at.field("type"),
                    Control::SeLinux,
                    format!("SELinux type {} is not a container type", shown(type_)),
                    format!(
                        "use one of `{}`, or leave it unset",
                        ALLOWED_SELINUX_TYPES.join("`, `")
                    ),
                ));
            }
        }
        for (field, value) in [("user", &options.user), ("role", &options.role)] {
            if value.as_deref().is_some_and(|v| !v.is_empty()) {
                found.push(Violation::new(
                    at.field(field),
                    Control::SeLinux,
                    format!("a custom SELinux {field} is not allowed"),
                    format!("remove the SELinux {field}"),
                ));
            }
        }
    }
}

/// /proc Mount Type: `procMount` is unset or `Default`.
fn proc_mount(views: &[ContainerView<'_>], found: &mut Vec<Violation>) {
    for view in views {
        let mount = view.security_context.and_then(|c| c.proc_mount.as_deref());
        if let Some(mount) = mount.filter(|m| *m != "Default") {
            found.push(Violation::new(
                view.context_path().field("procMount"),
                Control::ProcMount,
                format!("`procMount: {mount}` unmasks paths of `/proc`"),
                "use `Default` or leave it unset",
            ));
        }
    }
}

/// Seccomp: `seccompProfile.type` is not `Unconfined` (unset, `RuntimeDefault` or
/// `Localhost`).
fn seccomp(
    spec: &core::PodSpec,
    views: &[ContainerView<'_>],
    path: &FieldPath,
    found: &mut Vec<Violation>,
) {
    for (at, profile) in seccomp_profiles(spec, views, path) {
        if let Some(type_) = profile.filter(|t| !is_allowed_seccomp(t)) {
            found.push(Violation::new(
                at.field("seccompProfile").field("type"),
                Control::Seccomp,
                format!(
                    "seccomp profile {} lets the container make any system call",
                    shown(type_)
                ),
                "use `SeccompProfileType::RuntimeDefault` or a `Localhost` profile",
            ));
        }
    }
}

/// Whether a seccomp profile type is one both profiles allow.
fn is_allowed_seccomp(type_: &str) -> bool {
    matches!(type_, "RuntimeDefault" | "Localhost")
}

/// The seccomp profile type of the pod and of every container, with the security context's
/// path (pod first).
pub(super) fn seccomp_profiles<'a>(
    spec: &'a core::PodSpec,
    views: &'a [ContainerView<'a>],
    path: &FieldPath,
) -> Vec<(FieldPath, Option<&'a str>)> {
    let pod = spec
        .security_context
        .as_ref()
        .and_then(|c| c.seccomp_profile.as_ref())
        .map(|p| p.type_.as_str());
    std::iter::once((path.field("securityContext"), pod))
        .chain(views.iter().map(|v| {
            (
                v.context_path(),
                v.security_context
                    .and_then(|c| c.seccomp_profile.as_ref())
                    .map(|p| p.type_.as_str()),
            )
        }))
        .collect()
}

/// Sysctls: only [`SAFE_SYSCTLS`].
fn sysctls(spec: &core::PodSpec, path: &FieldPath, found: &mut Vec<Violation>) {
    let sysctls = spec
        .security_context
        .as_ref()
        .and_then(|c| c.sysctls.as_deref())
        .unwrap_or_default();
    for (i, sysctl) in sysctls.iter().enumerate() {
        if !SAFE_SYSCTLS.contains(&sysctl.name.as_str()) {
            found.push(Violation::new(
                path.field("securityContext")
                    .field("sysctls")
                    .index(i)
                    .field("name"),
                Control::Sysctls,
                format!("sysctl {} is not in the safe set", shown(&sysctl.name)),
                format!(
                    "set it on the node instead; pods may set `{}`",
                    SAFE_SYSCTLS.join("`, `")
                ),
            ));
        }
    }
}
