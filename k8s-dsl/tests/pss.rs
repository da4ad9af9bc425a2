//! Pod Security Standards: each control of the `baseline` and `restricted` profiles, then field
//! by field (every security context a control restricts: the pod's, an init, an app and an
//! ephemeral container's; every allowed value accepted, refused values each reported at their
//! path and nothing else), the Windows exemptions, the presets on pods and every workload, and
//! a Bundle required to meet `restricted`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use k8s_dsl::prelude::*;
use k8s_dsl::pss::{self, apply_preset, Control};
use k8s_openapi::api::core::v1 as core;

// ---------------------------------------------------------------------------------------------
// Shared by the tests: a minimal valid PodSpec, and assertions on the violations found.

/// One app container and one init container, nothing else set.
fn base() -> core::PodSpec {
    core::PodSpec {
        containers: vec![core::Container {
            name: "app".into(),
            image: Some("nginx:1.27".into()),
            ..Default::default()
        }],
        init_containers: Some(vec![core::Container {
            name: "init".into(),
            image: Some("busybox:1.36".into()),
            ..Default::default()
        }]),
        ..Default::default()
    }
}

/// `base()` with the restricted preset applied: passes every control.
fn restricted_base() -> core::PodSpec {
    let mut spec = base();
    apply_preset(&mut spec, Profile::Restricted);
    spec
}

fn found(spec: &core::PodSpec, profile: Profile) -> Vec<(String, Control)> {
    pss::check(spec, profile, &FieldPath::parse("spec"))
        .into_iter()
        .map(|v| (v.path.as_str().to_owned(), v.control))
        .collect()
}

#[track_caller]
fn assert_violation(spec: &core::PodSpec, profile: Profile, path: &str, control: Control) {
    let found = found(spec, profile);
    assert!(
        found.iter().any(|(p, c)| p == path && *c == control),
        "expected `{path}` ({control:?}) in {found:#?}"
    );
}

#[track_caller]
fn assert_passes(spec: &core::PodSpec, profile: Profile) {
    let found = found(spec, profile);
    assert!(
        found.is_empty(),
        "expected no violation of {profile}: {found:#?}"
    );
}

/// The app container's security context, created if missing.
fn app_context(spec: &mut core::PodSpec) -> &mut core::SecurityContext {
    spec.containers[0]
        .security_context
        .get_or_insert_with(Default::default)
}

fn pod_context(spec: &mut core::PodSpec) -> &mut core::PodSecurityContext {
    spec.security_context.get_or_insert_with(Default::default)
}

// ---------------------------------------------------------------------------------------------
// Baseline controls

#[test]
fn baseline_default_pod_passes() {
    assert_passes(&base(), Profile::Baseline);
    assert_passes(&restricted_base(), Profile::Restricted);
}

#[test]
fn baseline_host_process() {
    let mut spec = base();
    app_context(&mut spec).windows_options = Some(core::WindowsSecurityContextOptions {
        host_process: Some(false),
        ..Default::default()
    });
    assert_passes(&spec, Profile::Baseline);
    pod_context(&mut spec).windows_options = Some(core::WindowsSecurityContextOptions {
        host_process: Some(true),
        ..Default::default()
    });
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.securityContext.windowsOptions.hostProcess",
        Control::HostProcess,
    );
}

#[test]
fn baseline_host_namespaces() {
    let mut spec = base();
    spec.host_network = Some(false);
    spec.host_pid = Some(false);
    assert_passes(&spec, Profile::Baseline);
    spec.host_pid = Some(true);
    spec.host_ipc = Some(true);
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.hostPID",
        Control::HostNamespaces,
    );
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.hostIPC",
        Control::HostNamespaces,
    );

    // The builder's `host_network`, through `require_profile`.
    let errors = Pod::new("net")
        .require_profile(Profile::Baseline)
        .host_network(true)
        .container(Container::new("app").image("nginx:1.27"))
        .build()
        .unwrap_err();
    assert!(errors.has("spec.hostNetwork", 0), "{errors}");
    assert!(
        errors.errors[0].message.contains("Host Namespaces"),
        "{errors}"
    );
}

#[test]
fn baseline_privileged_containers() {
    let mut spec = base();
    app_context(&mut spec).privileged = Some(false);
    assert_passes(&spec, Profile::Baseline);
    spec.init_containers.as_mut().unwrap()[0].security_context = Some(core::SecurityContext {
        privileged: Some(true),
        ..Default::default()
    });
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.initContainers[0].securityContext.privileged",
        Control::PrivilegedContainers,
    );
}

#[test]
fn baseline_capabilities() {
    let mut spec = base();
    app_context(&mut spec).capabilities = Some(core::Capabilities {
        add: Some(vec![
            "CHOWN".into(),
            "NET_BIND_SERVICE".into(),
            "SYS_CHROOT".into(),
        ]),
        drop: None,
    });
    assert_passes(&spec, Profile::Baseline);
    let errors = Pod::new("caps")
        .baseline()
        .container(
            Container::new("app").image("nginx:1.27").security_context(
                SecurityContext::new()
                    .add_capability("KILL")
                    .add_capability("SYS_ADMIN"),
            ),
        )
        .build()
        .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert!(
        errors.has("spec.containers[0].securityContext.capabilities.add[1]", 0),
        "{errors}"
    );
}

#[test]
fn baseline_host_path_volumes() {
    let mut spec = base();
    spec.volumes = Some(vec![core::Volume {
        name: "cache".into(),
        empty_dir: Some(Default::default()),
        ..Default::default()
    }]);
    assert_passes(&spec, Profile::Baseline);
    spec.volumes.as_mut().unwrap().push(core::Volume {
        name: "docker".into(),
        host_path: Some(core::HostPathVolumeSource {
            path: "/var/run/docker.sock".into(),
            ..Default::default()
        }),
        ..Default::default()
    });
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.volumes[1].hostPath",
        Control::HostPathVolumes,
    );
}

#[test]
fn baseline_host_path_volume_from_k8s_is_caught() {
    let raw = core::Volume {
        name: "root".into(),
        host_path: Some(core::HostPathVolumeSource {
            path: "/".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let errors = Pod::new("raw")
        .require_profile(Profile::Baseline)
        .volume(Volume::from_k8s(raw))
        .container(
            Container::new("app")
                .image("nginx:1.27")
                .mount("root", "/host"),
        )
        .build()
        .unwrap_err();
    assert!(errors.has("spec.volumes[0].hostPath", 0), "{errors}");
}

#[test]
fn baseline_host_ports() {
    let mut spec = base();
    spec.containers[0].ports = Some(vec![core::ContainerPort {
        container_port: 80,
        host_port: Some(0),
        ..Default::default()
    }]);
    assert_passes(&spec, Profile::Baseline);
    let errors = Pod::new("ports")
        .require_profile(Profile::Baseline)
        .container(
            Container::new("app")
                .image("nginx:1.27")
                .port(ContainerPort::tcp(80))
                .port(ContainerPort::tcp(443).host_port(443)),
        )
        .build()
        .unwrap_err();
    assert!(
        errors.has("spec.containers[0].ports[1].hostPort", 0),
        "{errors}"
    );
}

#[test]
fn baseline_host_probes_and_lifecycle_hooks() {
    let ok = Pod::new("probes")
        .require_profile(Profile::Baseline)
        .container(
            Container::new("app")
                .image("nginx:1.27")
                .port(ContainerPort::tcp(80).name("http"))
                .readiness_probe(Probe::http_get("/ready", "http")),
        )
        .build();
    assert!(ok.is_ok(), "{ok:?}");
    let errors = Pod::new("probes")
        .require_profile(Profile::Baseline)
        .container(
            Container::new("app")
                .image("nginx:1.27")
                .port(ContainerPort::tcp(80).name("http"))
                .liveness_probe(Probe::http_get("/live", "http").http_host("10.0.0.1"))
                .pre_stop(Handler::http_get("/stop", 80).http_host("metadata.internal")),
        )
        .build()
        .unwrap_err();
    assert!(
        errors.has("spec.containers[0].livenessProbe.httpGet.host", 0),
        "{errors}"
    );
    assert!(
        errors.has("spec.containers[0].lifecycle.preStop.httpGet.host", 0),
        "{errors}"
    );

    let mut spec = base();
    spec.containers[0].startup_probe = Some(core::Probe {
        tcp_socket: Some(core::TCPSocketAction {
            host: Some("node".into()),
            port: k8s_openapi::apimachinery::pkg::util::intstr::IntOrString::Int(80),
        }),
        ..Default::default()
    });
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.containers[0].startupProbe.tcpSocket.host",
        Control::HostProbes,
    );
}

#[test]
fn baseline_app_armor() {
    let mut spec = base();
    app_context(&mut spec).app_armor_profile = Some(core::AppArmorProfile {
        type_: "RuntimeDefault".into(),
        ..Default::default()
    });
    assert_passes(&spec, Profile::Baseline);
    pod_context(&mut spec).app_armor_profile = Some(core::AppArmorProfile {
        type_: "Unconfined".into(),
        ..Default::default()
    });
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.securityContext.appArmorProfile.type",
        Control::AppArmor,
    );
}

#[test]
fn baseline_app_armor_annotations() {
    let key = "container.apparmor.security.beta.kubernetes.io/app";
    let at = FieldPath::parse("metadata");
    let ok: BTreeMap<String, String> = [(key.to_owned(), "localhost/k8s-nginx".to_owned())].into();
    assert!(pss::check_annotations(Some(&ok), Profile::Baseline, &at).is_empty());
    let errors = Pod::new("armor")
        .require_profile(Profile::Baseline)
        .annotation(key, "unconfined")
        .container(Container::new("app").image("nginx:1.27"))
        .build()
        .unwrap_err();
    assert!(
        errors.has(&format!("metadata.annotations[{key}]"), 0),
        "{errors}"
    );
}

#[test]
fn baseline_se_linux() {
    let mut spec = base();
    app_context(&mut spec).se_linux_options = Some(core::SELinuxOptions {
        type_: Some("container_init_t".into()),
        level: Some("s0:c123,c456".into()),
        ..Default::default()
    });
    assert_passes(&spec, Profile::Baseline);
    pod_context(&mut spec).se_linux_options = Some(core::SELinuxOptions {
        type_: Some("spc_t".into()),
        user: Some("system_u".into()),
        role: Some("sysadm_r".into()),
        ..Default::default()
    });
    for field in ["type", "user", "role"] {
        assert_violation(
            &spec,
            Profile::Baseline,
            &format!("spec.securityContext.seLinuxOptions.{field}"),
            Control::SeLinux,
        );
    }
}

#[test]
fn baseline_proc_mount() {
    let mut spec = base();
    app_context(&mut spec).proc_mount = Some("Default".into());
    assert_passes(&spec, Profile::Baseline);
    app_context(&mut spec).proc_mount = Some("Unmasked".into());
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.containers[0].securityContext.procMount",
        Control::ProcMount,
    );
}

#[test]
fn baseline_seccomp() {
    let ok = Pod::new("seccomp")
        .require_profile(Profile::Baseline)
        .security_context(PodSecurityContext::new().seccomp_localhost("profiles/app.json"))
        .container(Container::new("app").image("nginx:1.27"))
        .build();
    assert!(ok.is_ok(), "{ok:?}");
    let errors = Pod::new("seccomp")
        .require_profile(Profile::Baseline)
        .container(Container::new("app").image("nginx:1.27").security_context(
            SecurityContext::new().seccomp_profile(SeccompProfileType::Unconfined),
        ))
        .build()
        .unwrap_err();
    assert!(
        errors.has("spec.containers[0].securityContext.seccompProfile.type", 0),
        "{errors}"
    );
}

#[test]
fn baseline_sysctls() {
    let mut spec = base();
    pod_context(&mut spec).sysctls = Some(vec![core::Sysctl {
        name: "net.ipv4.ip_unprivileged_port_start".into(),
        value: "0".into(),
    }]);
    assert_passes(&spec, Profile::Baseline);
    pod_context(&mut spec)
        .sysctls
        .as_mut()
        .unwrap()
        .push(core::Sysctl {
            name: "kernel.msgmax".into(),
            value: "65536".into(),
        });
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.securityContext.sysctls[1].name",
        Control::Sysctls,
    );
}

#[test]
fn baseline_checks_ephemeral_containers() {
    let mut spec = base();
    spec.ephemeral_containers = Some(vec![core::EphemeralContainer {
        name: "debug".into(),
        image: Some("busybox:1.36".into()),
        security_context: Some(core::SecurityContext {
            privileged: Some(true),
            ..Default::default()
        }),
        ..Default::default()
    }]);
    assert_violation(
        &spec,
        Profile::Baseline,
        "spec.ephemeralContainers[0].securityContext.privileged",
        Control::PrivilegedContainers,
    );
}

// ---------------------------------------------------------------------------------------------
// Restricted controls

#[test]
fn restricted_volume_types() {
    let mut spec = restricted_base();
    spec.volumes = Some(vec![
        core::Volume {
            name: "config".into(),
            config_map: Some(core::ConfigMapVolumeSource {
                name: "app".into(),
                ..Default::default()
            }),
            ..Default::default()
        },
        core::Volume {
            name: "scratch".into(),
            empty_dir: Some(Default::default()),
            ..Default::default()
        },
    ]);
    assert_passes(&spec, Profile::Restricted);
    spec.volumes.as_mut().unwrap().push(core::Volume {
        name: "share".into(),
        nfs: Some(core::NFSVolumeSource {
            server: "nfs.local".into(),
            path: "/exports".into(),
            ..Default::default()
        }),
        ..Default::default()
    });
    assert_violation(
        &spec,
        Profile::Restricted,
        "spec.volumes[2]",
        Control::VolumeTypes,
    );
    // Allowed by baseline: only restricted limits the volume types.
    assert_passes(&spec, Profile::Baseline);
}

#[test]
fn restricted_privilege_escalation() {
    let spec = restricted_base();
    assert_passes(&spec, Profile::Restricted);
    let mut spec = restricted_base();
    app_context(&mut spec).allow_privilege_escalation = None;
    assert_violation(
        &spec,
        Profile::Restricted,
        "spec.containers[0].securityContext.allowPrivilegeEscalation",
        Control::PrivilegeEscalation,
    );
    app_context(&mut spec).allow_privilege_escalation = Some(true);
    assert_violation(
        &spec,
        Profile::Restricted,
        "spec.containers[0].securityContext.allowPrivilegeEscalation",
        Control::PrivilegeEscalation,
    );
}

#[test]
fn restricted_running_as_non_root() {
    // Every container instead of the pod: passes.
    let mut spec = restricted_base();
    pod_context(&mut spec).run_as_non_root = None;
    app_context(&mut spec).run_as_non_root = Some(true);
    spec.init_containers.as_mut().unwrap()[0]
        .security_context
        .as_mut()
        .unwrap()
        .run_as_non_root = Some(true);
    assert_passes(&spec, Profile::Restricted);
    // The init container leaves it unset and the pod does not set it.
    spec.init_containers.as_mut().unwrap()[0]
        .security_context
        .as_mut()
        .unwrap()
        .run_as_non_root = None;
    assert_violation(
        &spec,
        Profile::Restricted,
        "spec.initContainers[0].securityContext.runAsNonRoot",
        Control::RunningAsNonRoot,
    );
    // An explicit false on the pod.
    let mut spec = restricted_base();
    pod_context(&mut spec).run_as_non_root = Some(false);
    assert_violation(
        &spec,
        Profile::Restricted,
        "spec.securityContext.runAsNonRoot",
        Control::RunningAsNonRoot,
    );
}

#[test]
fn restricted_running_as_non_root_user() {
    let mut spec = restricted_base();
    app_context(&mut spec).run_as_user = Some(10001);
    assert_passes(&spec, Profile::Restricted);
    let errors = Pod::new("root")
        .restricted()
        .container(
            Container::new("app")
                .image("nginx:1.27")
                .security_context(SecurityContext::new().run_as_user(0)),
        )
        .build()
        .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert!(
        errors.has("spec.containers[0].securityContext.runAsUser", 0),
        "{errors}"
    );
}

#[test]
fn restricted_seccomp() {
    // Every container instead of the pod: passes.
    let mut spec = restricted_base();
    pod_context(&mut spec).seccomp_profile = None;
    for c in spec
        .containers
        .iter_mut()
        .chain(spec.init_containers.iter_mut().flatten())
    {
        c.security_context.as_mut().unwrap().seccomp_profile = Some(core::SeccompProfile {
            type_: "RuntimeDefault".into(),
            ..Default::default()
        });
    }
    assert_passes(&spec, Profile::Restricted);
    spec.init_containers.as_mut().unwrap()[0]
        .security_context
        .as_mut()
        .unwrap()
        .seccomp_profile = None;
    assert_violation(
        &spec,
        Profile::Restricted,
        "spec.initContainers[0].securityContext.seccompProfile",
        Control::SeccompRequired,
    );
}

#[test]
fn restricted_capabilities() {
    let mut spec = restricted_base();
    app_context(&mut spec).capabilities.as_mut().unwrap().add =
        Some(vec!["NET_BIND_SERVICE".into()]);
    assert_passes(&spec, Profile::Restricted);
    app_context(&mut spec).capabilities = Some(core::Capabilities {
        add: Some(vec!["CHOWN".into()]),
        drop: Some(vec!["NET_RAW".into()]),
    });
    assert_violation(
        &spec,
        Profile::Restricted,
        "spec.containers[0].securityContext.capabilities.drop",
        Control::CapabilitiesRestricted,
    );
    assert_violation(
        &spec,
        Profile::Restricted,
        "spec.containers[0].securityContext.capabilities.add[0]",
        Control::CapabilitiesRestricted,
    );
    // CHOWN is in baseline's default set.
    assert_passes(&spec, Profile::Baseline);
}

#[test]
fn restricted_reports_a_setting_once() {
    let mut spec = restricted_base();
    app_context(&mut spec).capabilities.as_mut().unwrap().add = Some(vec!["SYS_ADMIN".into()]);
    app_context(&mut spec).seccomp_profile = Some(core::SeccompProfile {
        type_: "Unconfined".into(),
        ..Default::default()
    });
    let found = found(&spec, Profile::Restricted);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found.contains(&(
        "spec.containers[0].securityContext.capabilities.add[0]".into(),
        Control::Capabilities
    )));
    assert!(found.contains(&(
        "spec.containers[0].securityContext.seccompProfile.type".into(),
        Control::Seccomp
    )));
}

#[test]
fn restricted_linux_only_controls_skip_windows_pods() {
    let mut spec = base();
    spec.os = Some(core::PodOS {
        name: "windows".into(),
    });
    apply_preset(&mut spec, Profile::Restricted);
    // Only runAsNonRoot is set on Windows; the Linux-only fields stay unset.
    assert!(spec
        .security_context
        .as_ref()
        .unwrap()
        .seccomp_profile
        .is_none());
    assert!(spec.containers[0].security_context.is_none());
    assert_passes(&spec, Profile::Restricted);
}

// ---------------------------------------------------------------------------------------------
// Field by field: every place a control looks at, every allowed value, refused values

/// `base()` plus an ephemeral container: the three container lists a control looks at.
fn all_containers() -> core::PodSpec {
    let mut spec = base();
    spec.ephemeral_containers = Some(vec![core::EphemeralContainer {
        name: "debug".into(),
        image: Some("busybox:1.36".into()),
        ..Default::default()
    }]);
    spec
}

/// `all_containers()` with the restricted preset: passes `restricted`.
fn restricted_all() -> core::PodSpec {
    let mut spec = all_containers();
    apply_preset(&mut spec, Profile::Restricted);
    assert_passes(&spec, Profile::Restricted);
    spec
}

/// The containers of `all_containers()`, each with its path.
const CONTAINERS: [&str; 3] = [
    "spec.initContainers[0]",
    "spec.containers[0]",
    "spec.ephemeralContainers[0]",
];

/// The pod's security context and each container's, with their paths.
const CONTEXTS: [&str; 4] = [
    "spec.securityContext",
    "spec.initContainers[0].securityContext",
    "spec.containers[0].securityContext",
    "spec.ephemeralContainers[0].securityContext",
];

/// The security context of the container at `path` (one of [`CONTAINERS`]), created if missing.
fn context_of<'a>(spec: &'a mut core::PodSpec, path: &str) -> &'a mut core::SecurityContext {
    let context = match path {
        "spec.initContainers[0]" => &mut spec.init_containers.as_mut().unwrap()[0].security_context,
        "spec.containers[0]" => &mut spec.containers[0].security_context,
        "spec.ephemeralContainers[0]" => {
            &mut spec.ephemeral_containers.as_mut().unwrap()[0].security_context
        }
        other => panic!("no container at {other}"),
    };
    context.get_or_insert_with(Default::default)
}

/// The ports of the container at `path` (one of [`CONTAINERS`]).
fn ports_of<'a>(
    spec: &'a mut core::PodSpec,
    path: &str,
) -> &'a mut Option<Vec<core::ContainerPort>> {
    match path {
        "spec.initContainers[0]" => &mut spec.init_containers.as_mut().unwrap()[0].ports,
        "spec.containers[0]" => &mut spec.containers[0].ports,
        "spec.ephemeralContainers[0]" => &mut spec.ephemeral_containers.as_mut().unwrap()[0].ports,
        other => panic!("no container at {other}"),
    }
}

/// Sets a field that the pod's security context and a container's both have, in the context at
/// `at` (one of [`CONTEXTS`]).
fn set_in_context(
    spec: &mut core::PodSpec,
    at: &str,
    pod: impl FnOnce(&mut core::PodSecurityContext),
    container: impl FnOnce(&mut core::SecurityContext),
) {
    match at.strip_suffix(".securityContext") {
        Some("spec") => pod(pod_context(spec)),
        Some(container_path) => container(context_of(spec, container_path)),
        None => panic!("not a security context: {at}"),
    }
}

/// Exactly these violations (path, control), in any order: the refused field and nothing else.
#[track_caller]
fn assert_exactly(spec: &core::PodSpec, profile: Profile, expected: &[(&str, Control)]) {
    let mut found = found(spec, profile);
    found.sort();
    let mut expected: Vec<(String, Control)> = expected
        .iter()
        .map(|(path, control)| ((*path).to_owned(), *control))
        .collect();
    expected.sort();
    assert_eq!(found, expected, "violations of {profile}");
}

fn windows_options(host_process: bool) -> Option<core::WindowsSecurityContextOptions> {
    Some(core::WindowsSecurityContextOptions {
        host_process: Some(host_process),
        ..Default::default()
    })
}

#[test]
fn host_process_on_the_pod_and_every_container() {
    for at in CONTEXTS {
        let mut spec = all_containers();
        set_in_context(
            &mut spec,
            at,
            |c| c.windows_options = windows_options(false),
            |c| c.windows_options = windows_options(false),
        );
        assert_passes(&spec, Profile::Baseline);
        set_in_context(
            &mut spec,
            at,
            |c| c.windows_options = windows_options(true),
            |c| c.windows_options = windows_options(true),
        );
        let path = format!("{at}.windowsOptions.hostProcess");
        assert_exactly(&spec, Profile::Baseline, &[(&path, Control::HostProcess)]);

        // A Windows pod is exempt from some restricted controls, never from HostProcess.
        let mut windows = spec.clone();
        windows.os = Some(core::PodOS {
            name: "windows".into(),
        });
        apply_preset(&mut windows, Profile::Restricted);
        assert_exactly(
            &windows,
            Profile::Restricted,
            &[(&path, Control::HostProcess)],
        );
    }
}

fn app_armor(type_: &str) -> Option<core::AppArmorProfile> {
    Some(core::AppArmorProfile {
        type_: type_.into(),
        localhost_profile: (type_ == "Localhost").then(|| "k8s-apparmor-example".into()),
    })
}

#[test]
fn app_armor_field_on_the_pod_and_every_container() {
    for at in CONTEXTS {
        for (type_, allowed) in [
            ("RuntimeDefault", true),
            ("Localhost", true),
            ("Unconfined", false),
            ("unconfined", false), // values are compared exactly
            ("", false),
        ] {
            let mut spec = all_containers();
            set_in_context(
                &mut spec,
                at,
                |c| c.app_armor_profile = app_armor(type_),
                |c| c.app_armor_profile = app_armor(type_),
            );
            for profile in [Profile::Baseline, Profile::Restricted] {
                let mut spec = spec.clone();
                apply_preset(&mut spec, profile);
                if allowed {
                    assert_passes(&spec, profile);
                } else {
                    let path = format!("{at}.appArmorProfile.type");
                    assert_exactly(&spec, profile, &[(&path, Control::AppArmor)]);
                }
            }
        }
    }
}

#[test]
fn app_armor_annotations_of_every_container() {
    let at = FieldPath::parse("metadata");
    for container in ["init", "app", "debug"] {
        let key = format!("container.apparmor.security.beta.kubernetes.io/{container}");
        for (value, allowed) in [
            ("runtime/default", true),
            ("localhost/k8s-apparmor-example", true),
            ("", true),
            ("unconfined", false),
            ("Unconfined", false),
            ("docker/default", false),
            ("localhost", false), // a profile name is required after `localhost/`
        ] {
            let annotations: BTreeMap<String, String> = [(key.clone(), value.to_owned())].into();
            let found: Vec<(String, Control)> =
                pss::check_annotations(Some(&annotations), Profile::Baseline, &at)
                    .into_iter()
                    .map(|v| (v.path.as_str().to_owned(), v.control))
                    .collect();
            if allowed {
                assert!(found.is_empty(), "{key}={value:?}: {found:?}");
            } else {
                assert_eq!(
                    found,
                    [(format!("metadata.annotations[{key}]"), Control::AppArmor)],
                    "{key}={value:?}"
                );
            }
            // The same under restricted; privileged allows everything.
            assert_eq!(
                pss::check_annotations(Some(&annotations), Profile::Restricted, &at).len(),
                usize::from(!allowed)
            );
            assert!(
                pss::check_annotations(Some(&annotations), Profile::Privileged, &at).is_empty()
            );
        }
    }
    // Other annotations are not the control's business.
    let other: BTreeMap<String, String> =
        [("example.com/apparmor".to_owned(), "unconfined".to_owned())].into();
    assert!(pss::check_annotations(Some(&other), Profile::Restricted, &at).is_empty());
    assert!(pss::check_annotations(None, Profile::Restricted, &at).is_empty());

    // Through a builder: a Localhost profile passes, unconfined names the annotation.
    let key = "container.apparmor.security.beta.kubernetes.io/app";
    let pod = |value: &str| {
        Pod::new("armor")
            .require_profile(Profile::Baseline)
            .annotation(key, value)
            .container(Container::new("app").image("nginx:1.27"))
            .build()
    };
    assert!(pod("localhost/k8s-apparmor-example").is_ok());
    let errors = pod("unconfined").unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert!(
        errors.has(&format!("metadata.annotations[{key}]"), 0),
        "{errors}"
    );
    assert!(errors.errors[0].message.contains("AppArmor"), "{errors}");
}

fn se_linux(
    type_: Option<&str>,
    user: Option<&str>,
    role: Option<&str>,
) -> Option<core::SELinuxOptions> {
    Some(core::SELinuxOptions {
        type_: type_.map(Into::into),
        user: user.map(Into::into),
        role: role.map(Into::into),
        level: Some("s0:c123,c456".into()), // the level is free
    })
}

#[test]
fn se_linux_options_on_the_pod_and_every_container() {
    /// The type, user and role set, and the fields refused.
    type Case<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        &'a [&'a str],
    );
    let cases: &[Case<'_>] = &[
        (None, None, None, &[]),
        (Some(""), Some(""), Some(""), &[]), // empty is the same as unset
        (Some("container_t"), None, None, &[]),
        (Some("container_init_t"), None, None, &[]),
        (Some("container_kvm_t"), None, None, &[]),
        (Some("container_engine_t"), None, None, &[]),
        (Some("spc_t"), None, None, &["type"]),
        (Some("unconfined_t"), None, None, &["type"]),
        (Some("container_logreader_t"), None, None, &["type"]),
        (Some("Container_t"), None, None, &["type"]),
        (Some("container_t"), Some("system_u"), None, &["user"]),
        (Some("container_t"), None, Some("system_r"), &["role"]),
        (
            Some("spc_t"),
            Some("unconfined_u"),
            Some("sysadm_r"),
            &["type", "user", "role"],
        ),
    ];
    for at in CONTEXTS {
        for (type_, user, role, refused) in cases {
            let mut spec = all_containers();
            let options = se_linux(*type_, *user, *role);
            set_in_context(
                &mut spec,
                at,
                |c| c.se_linux_options = options.clone(),
                |c| c.se_linux_options = options.clone(),
            );
            let paths: Vec<String> = refused
                .iter()
                .map(|field| format!("{at}.seLinuxOptions.{field}"))
                .collect();
            let expected: Vec<(&str, Control)> = paths
                .iter()
                .map(|p| (p.as_str(), Control::SeLinux))
                .collect();
            assert_exactly(&spec, Profile::Baseline, &expected);
            apply_preset(&mut spec, Profile::Restricted);
            assert_exactly(&spec, Profile::Restricted, &expected);
        }
    }
}

fn seccomp(type_: &str) -> Option<core::SeccompProfile> {
    Some(core::SeccompProfile {
        type_: type_.into(),
        localhost_profile: (type_ == "Localhost").then(|| "profiles/audit.json".into()),
    })
}

#[test]
fn seccomp_unconfined_on_the_pod_and_every_container() {
    for at in CONTEXTS {
        for (type_, allowed) in [
            ("RuntimeDefault", true),
            ("Localhost", true),
            ("Unconfined", false),
            ("unconfined", false),
        ] {
            let mut spec = all_containers();
            set_in_context(
                &mut spec,
                at,
                |c| c.seccomp_profile = seccomp(type_),
                |c| c.seccomp_profile = seccomp(type_),
            );
            let path = format!("{at}.seccompProfile.type");
            if allowed {
                assert_passes(&spec, Profile::Baseline);
            } else {
                assert_exactly(&spec, Profile::Baseline, &[(&path, Control::Seccomp)]);
            }

            // Restricted: the preset keeps the explicit value. A refused one is reported once,
            // by the baseline control, even where containers inherit it from the pod.
            let mut restricted = spec.clone();
            apply_preset(&mut restricted, Profile::Restricted);
            if allowed {
                assert_passes(&restricted, Profile::Restricted);
            } else {
                assert_exactly(
                    &restricted,
                    Profile::Restricted,
                    &[(&path, Control::Seccomp)],
                );
            }
        }
    }
}

#[test]
fn restricted_seccomp_localhost_is_accepted() {
    // On the pod:
    let mut spec = restricted_all();
    pod_context(&mut spec).seccomp_profile = seccomp("Localhost");
    assert_passes(&spec, Profile::Restricted);
    // On every container instead of the pod:
    pod_context(&mut spec).seccomp_profile = None;
    for container in CONTAINERS {
        context_of(&mut spec, container).seccomp_profile = seccomp("Localhost");
    }
    assert_passes(&spec, Profile::Restricted);
    // One container without a profile, and none on the pod:
    context_of(&mut spec, "spec.ephemeralContainers[0]").seccomp_profile = None;
    assert_exactly(
        &spec,
        Profile::Restricted,
        &[(
            "spec.ephemeralContainers[0].securityContext.seccompProfile",
            Control::SeccompRequired,
        )],
    );
    // Through the builder:
    let pod = Pod::new("audited")
        .restricted()
        .security_context(PodSecurityContext::new().seccomp_localhost("profiles/audit.json"))
        .container(Container::new("app").image("nginx:1.27"))
        .build()
        .unwrap();
    let profile = pod
        .spec
        .unwrap()
        .security_context
        .unwrap()
        .seccomp_profile
        .unwrap();
    assert_eq!(profile.type_, "Localhost");
}

#[test]
fn host_ports_of_every_container() {
    for container in CONTAINERS {
        for (host_port, allowed) in [(None, true), (Some(0), true), (Some(8080), false)] {
            let mut spec = all_containers();
            *ports_of(&mut spec, container) = Some(vec![
                core::ContainerPort {
                    container_port: 8443,
                    ..Default::default()
                },
                core::ContainerPort {
                    container_port: 8080,
                    host_port,
                    ..Default::default()
                },
            ]);
            if allowed {
                assert_passes(&spec, Profile::Baseline);
            } else {
                let path = format!("{container}.ports[1].hostPort");
                assert_exactly(&spec, Profile::Baseline, &[(&path, Control::HostPorts)]);
            }
        }
    }
}

/// The capabilities a baseline container may add: the documentation's list.
const BASELINE_CAPABILITIES: [&str; 13] = [
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

/// Capabilities outside the list, and names that are not its names exactly.
const OTHER_CAPABILITIES: [&str; 10] = [
    "SYS_ADMIN",
    "NET_ADMIN",
    "ALL",
    "SYS_PTRACE",
    "NET_RAW",
    "SYS_MODULE",
    "BPF",
    "SYS_TIME",
    "CAP_CHOWN",
    "chown",
];

fn add_capabilities(context: &mut core::SecurityContext, add: &[&str]) {
    let capabilities = context.capabilities.get_or_insert_with(Default::default);
    capabilities.add = Some(add.iter().map(|c| (*c).to_owned()).collect());
}

#[test]
fn baseline_capabilities_one_by_one() {
    for container in CONTAINERS {
        for capability in BASELINE_CAPABILITIES {
            let mut spec = all_containers();
            add_capabilities(context_of(&mut spec, container), &[capability]);
            assert_passes(&spec, Profile::Baseline);
        }
        for capability in OTHER_CAPABILITIES {
            let mut spec = all_containers();
            // After an allowed one: the path names the refused entry.
            add_capabilities(context_of(&mut spec, container), &["CHOWN", capability]);
            let path = format!("{container}.securityContext.capabilities.add[1]");
            assert_exactly(&spec, Profile::Baseline, &[(&path, Control::Capabilities)]);
        }
    }
    // All of them at once pass.
    let mut spec = all_containers();
    add_capabilities(
        context_of(&mut spec, "spec.containers[0]"),
        &BASELINE_CAPABILITIES,
    );
    assert_passes(&spec, Profile::Baseline);
}

#[test]
fn restricted_capabilities_only_net_bind_service_may_be_added() {
    for container in CONTAINERS {
        let mut spec = restricted_all();
        add_capabilities(context_of(&mut spec, container), &["NET_BIND_SERVICE"]);
        assert_passes(&spec, Profile::Restricted);

        let path = format!("{container}.securityContext.capabilities.add[1]");
        for capability in BASELINE_CAPABILITIES {
            if capability == "NET_BIND_SERVICE" {
                continue;
            }
            let mut spec = restricted_all();
            add_capabilities(
                context_of(&mut spec, container),
                &["NET_BIND_SERVICE", capability],
            );
            assert_exactly(
                &spec,
                Profile::Restricted,
                &[(&path, Control::CapabilitiesRestricted)],
            );
            // Allowed by baseline.
            assert_passes(&spec, Profile::Baseline);
        }
        // Outside the baseline list: reported once, by the baseline control.
        for capability in OTHER_CAPABILITIES {
            let mut spec = restricted_all();
            add_capabilities(
                context_of(&mut spec, container),
                &["NET_BIND_SERVICE", capability],
            );
            assert_exactly(
                &spec,
                Profile::Restricted,
                &[(&path, Control::Capabilities)],
            );
        }

        // `drop` must list ALL; other entries beside it are fine.
        let mut spec = restricted_all();
        let capabilities = context_of(&mut spec, container)
            .capabilities
            .as_mut()
            .unwrap();
        capabilities.drop = Some(vec!["NET_RAW".into(), "ALL".into()]);
        assert_passes(&spec, Profile::Restricted);
        context_of(&mut spec, container)
            .capabilities
            .as_mut()
            .unwrap()
            .drop = Some(vec!["NET_RAW".into(), "all".into()]);
        let drop = format!("{container}.securityContext.capabilities.drop");
        assert_exactly(
            &spec,
            Profile::Restricted,
            &[(&drop, Control::CapabilitiesRestricted)],
        );
        context_of(&mut spec, container).capabilities = None;
        assert_exactly(
            &spec,
            Profile::Restricted,
            &[(&drop, Control::CapabilitiesRestricted)],
        );
    }
}

/// The safe sysctls of the baseline profile (Kubernetes 1.32 and later).
const SAFE_SYSCTLS: [&str; 12] = [
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

fn sysctls(names: &[&str]) -> Option<Vec<core::Sysctl>> {
    Some(
        names
            .iter()
            .map(|name| core::Sysctl {
                name: (*name).to_owned(),
                value: "1".into(),
            })
            .collect(),
    )
}

#[test]
fn every_safe_sysctl_is_accepted_and_others_refused() {
    for name in SAFE_SYSCTLS {
        let mut spec = base();
        pod_context(&mut spec).sysctls = sysctls(&[name]);
        assert_passes(&spec, Profile::Baseline);
    }
    let mut spec = base();
    pod_context(&mut spec).sysctls = sysctls(&SAFE_SYSCTLS);
    assert_passes(&spec, Profile::Baseline);

    for unsafe_name in [
        "kernel.msgmax",
        "kernel.sem",
        "net.core.somaxconn",
        "net.ipv4.ip_forward",
        "vm.swappiness",
        "kernel.shm_rmid_forced.extra",
        "",
    ] {
        let mut spec = restricted_all();
        pod_context(&mut spec).sysctls = sysctls(&["net.ipv4.tcp_syncookies", unsafe_name]);
        let path = "spec.securityContext.sysctls[1].name";
        assert_exactly(&spec, Profile::Baseline, &[(path, Control::Sysctls)]);
        assert_exactly(&spec, Profile::Restricted, &[(path, Control::Sysctls)]);
    }
}

#[test]
fn privilege_escalation_of_every_container() {
    for container in CONTAINERS {
        for (value, allowed) in [(Some(false), true), (None, false), (Some(true), false)] {
            let mut spec = restricted_all();
            context_of(&mut spec, container).allow_privilege_escalation = value;
            if allowed {
                assert_passes(&spec, Profile::Restricted);
            } else {
                let path = format!("{container}.securityContext.allowPrivilegeEscalation");
                assert_exactly(
                    &spec,
                    Profile::Restricted,
                    &[(&path, Control::PrivilegeEscalation)],
                );
            }
            // Not a baseline control.
            assert_passes(&spec, Profile::Baseline);
        }
    }
}

#[test]
fn run_as_non_root_on_the_pod_and_every_container() {
    // The pod's explicit `false` is reported once, at the pod, not again for each container
    // that inherits it.
    let mut spec = restricted_all();
    pod_context(&mut spec).run_as_non_root = Some(false);
    assert_exactly(
        &spec,
        Profile::Restricted,
        &[(
            "spec.securityContext.runAsNonRoot",
            Control::RunningAsNonRoot,
        )],
    );
    // ... unless every container says `true` itself, which the pod's `false` does not excuse.
    for container in CONTAINERS {
        context_of(&mut spec, container).run_as_non_root = Some(true);
    }
    assert_exactly(
        &spec,
        Profile::Restricted,
        &[(
            "spec.securityContext.runAsNonRoot",
            Control::RunningAsNonRoot,
        )],
    );

    for container in CONTAINERS {
        let path = format!("{container}.securityContext.runAsNonRoot");
        // An explicit `false` on a container overrides the pod's `true`.
        let mut spec = restricted_all();
        context_of(&mut spec, container).run_as_non_root = Some(false);
        assert_exactly(
            &spec,
            Profile::Restricted,
            &[(&path, Control::RunningAsNonRoot)],
        );
        // Nothing on the pod: every container must say `true`.
        let mut spec = restricted_all();
        pod_context(&mut spec).run_as_non_root = None;
        for other in CONTAINERS {
            context_of(&mut spec, other).run_as_non_root = Some(other != container);
        }
        context_of(&mut spec, container).run_as_non_root = None;
        assert_exactly(
            &spec,
            Profile::Restricted,
            &[(&path, Control::RunningAsNonRoot)],
        );
        assert_passes(&spec, Profile::Baseline);
    }
}

#[test]
fn run_as_user_0_on_the_pod_and_every_container() {
    for at in CONTEXTS {
        for (user, allowed) in [
            (Some(10001), true),
            (Some(1), true),
            (None, true),
            (Some(0), false),
        ] {
            let mut spec = restricted_all();
            set_in_context(
                &mut spec,
                at,
                |c| c.run_as_user = user,
                |c| c.run_as_user = user,
            );
            if allowed {
                assert_passes(&spec, Profile::Restricted);
            } else {
                let path = format!("{at}.runAsUser");
                assert_exactly(
                    &spec,
                    Profile::Restricted,
                    &[(&path, Control::RunningAsNonRootUser)],
                );
            }
            // Baseline lets a pod run as root.
            assert_passes(&spec, Profile::Baseline);
        }
    }
    // Through the builder, on the pod:
    let errors = Pod::new("root")
        .restricted()
        .security_context(PodSecurityContext::new().run_as_user(0))
        .container(Container::new("app").image("nginx:1.27"))
        .build()
        .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert!(errors.has("spec.securityContext.runAsUser", 0), "{errors}");
}

/// Kubernetes 1.35 exempts pods in a user namespace (`hostUsers: false`) from the two
/// non-root controls and from baseline's procMount; 1.33 and 1.34 do not. The check is the
/// strict one (the module documentation says so), so such a pod is still refused.
#[test]
fn user_namespace_pods_are_checked_as_every_version_does() {
    let mut spec = restricted_all();
    spec.host_users = Some(false);
    pod_context(&mut spec).run_as_non_root = None;
    pod_context(&mut spec).run_as_user = Some(0);
    context_of(&mut spec, "spec.containers[0]").proc_mount = Some("Unmasked".into());
    let mut expected = vec![
        (
            "spec.securityContext.runAsUser",
            Control::RunningAsNonRootUser,
        ),
        (
            "spec.containers[0].securityContext.procMount",
            Control::ProcMount,
        ),
    ];
    let non_root: Vec<String> = CONTAINERS
        .iter()
        .map(|c| format!("{c}.securityContext.runAsNonRoot"))
        .collect();
    expected.extend(
        non_root
            .iter()
            .map(|p| (p.as_str(), Control::RunningAsNonRoot)),
    );
    assert_exactly(&spec, Profile::Restricted, &expected);
}

fn volume(name: &str, set: impl FnOnce(&mut core::Volume)) -> core::Volume {
    let mut volume = core::Volume {
        name: name.into(),
        ..Default::default()
    };
    set(&mut volume);
    volume
}

#[test]
fn restricted_volume_types_one_by_one() {
    let allowed = [
        volume("config", |v| v.config_map = Some(Default::default())),
        volume("csi", |v| v.csi = Some(Default::default())),
        volume("downward", |v| v.downward_api = Some(Default::default())),
        volume("scratch", |v| v.empty_dir = Some(Default::default())),
        volume("ephemeral", |v| v.ephemeral = Some(Default::default())),
        // Allowed by pod-security-admission since Kubernetes 1.33 (kubernetes/kubernetes#130394).
        volume("image", |v| v.image = Some(Default::default())),
        volume("claim", |v| {
            v.persistent_volume_claim = Some(Default::default())
        }),
        volume("projected", |v| v.projected = Some(Default::default())),
        volume("secret", |v| v.secret = Some(Default::default())),
    ];
    for volume in &allowed {
        let mut spec = restricted_all();
        spec.volumes = Some(vec![volume.clone()]);
        assert_passes(&spec, Profile::Restricted);
    }
    let mut spec = restricted_all();
    spec.volumes = Some(allowed.to_vec());
    assert_passes(&spec, Profile::Restricted);

    let refused = [
        volume("nfs", |v| v.nfs = Some(Default::default())),
        volume("iscsi", |v| v.iscsi = Some(Default::default())),
        volume("git", |v| v.git_repo = Some(Default::default())),
        volume("rbd", |v| v.rbd = Some(Default::default())),
        volume("cephfs", |v| v.cephfs = Some(Default::default())),
        volume("glusterfs", |v| v.glusterfs = Some(Default::default())),
        volume("fc", |v| v.fc = Some(Default::default())),
        volume("flex", |v| v.flex_volume = Some(Default::default())),
        volume("cinder", |v| v.cinder = Some(Default::default())),
        volume("ebs", |v| {
            v.aws_elastic_block_store = Some(Default::default())
        }),
        volume("gce", |v| v.gce_persistent_disk = Some(Default::default())),
        volume("azure-disk", |v| v.azure_disk = Some(Default::default())),
        volume("azure-file", |v| v.azure_file = Some(Default::default())),
        volume("vsphere", |v| v.vsphere_volume = Some(Default::default())),
        volume("portworx", |v| v.portworx_volume = Some(Default::default())),
        volume("scaleio", |v| v.scale_io = Some(Default::default())),
        volume("storageos", |v| v.storageos = Some(Default::default())),
        volume("quobyte", |v| v.quobyte = Some(Default::default())),
        volume("flocker", |v| v.flocker = Some(Default::default())),
        volume("photon", |v| {
            v.photon_persistent_disk = Some(Default::default())
        }),
        volume("no-source", |_| {}),
    ];
    for volume in &refused {
        let mut spec = restricted_all();
        spec.volumes = Some(vec![allowed[0].clone(), volume.clone()]);
        assert_exactly(
            &spec,
            Profile::Restricted,
            &[("spec.volumes[1]", Control::VolumeTypes)],
        );
        assert_passes(&spec, Profile::Baseline);
    }

    // hostPath: refused by both profiles, reported once, by the baseline control.
    let mut spec = restricted_all();
    spec.volumes = Some(vec![
        allowed[0].clone(),
        volume("host", |v| v.host_path = Some(Default::default())),
    ]);
    let expected = [("spec.volumes[1].hostPath", Control::HostPathVolumes)];
    assert_exactly(&spec, Profile::Restricted, &expected);
    assert_exactly(&spec, Profile::Baseline, &expected);
}

/// A Windows pod (`spec.os.name: windows`) is exempt from the Linux-only restricted controls
/// (privilege escalation, seccomp, capabilities) and from nothing else.
#[test]
fn windows_pods_skip_only_the_linux_controls() {
    let windows = |spec: &mut core::PodSpec| {
        spec.os = Some(core::PodOS {
            name: "windows".into(),
        });
    };
    let mut spec = all_containers();
    windows(&mut spec);
    apply_preset(&mut spec, Profile::Restricted);
    assert_passes(&spec, Profile::Restricted);

    // Exempt: each of these alone would fail a Linux pod.
    let mut exempt = spec.clone();
    for container in CONTAINERS {
        let context = context_of(&mut exempt, container);
        context.allow_privilege_escalation = Some(true);
        context.capabilities = Some(core::Capabilities {
            add: Some(vec!["CHOWN".into()]),
            drop: None,
        });
    }
    assert_passes(&exempt, Profile::Restricted);
    let mut linux = exempt.clone();
    linux.os = None;
    apply_preset(&mut linux, Profile::Restricted); // the pod's seccomp profile
    assert_eq!(
        found(&linux, Profile::Restricted).len(),
        6,
        "{:#?}",
        found(&linux, Profile::Restricted)
    );

    // Not exempt: the baseline controls, non-root, runAsUser and the volume types.
    let mut spec = spec.clone();
    pod_context(&mut spec).run_as_non_root = Some(false);
    pod_context(&mut spec).run_as_user = Some(0);
    context_of(&mut spec, "spec.containers[0]").privileged = Some(true);
    add_capabilities(
        context_of(&mut spec, "spec.initContainers[0]"),
        &["SYS_ADMIN"],
    );
    spec.volumes = Some(vec![volume("share", |v| v.nfs = Some(Default::default()))]);
    spec.host_network = Some(true);
    assert_exactly(
        &spec,
        Profile::Restricted,
        &[
            (
                "spec.securityContext.runAsNonRoot",
                Control::RunningAsNonRoot,
            ),
            (
                "spec.securityContext.runAsUser",
                Control::RunningAsNonRootUser,
            ),
            (
                "spec.containers[0].securityContext.privileged",
                Control::PrivilegedContainers,
            ),
            (
                "spec.initContainers[0].securityContext.capabilities.add[0]",
                Control::Capabilities,
            ),
            ("spec.volumes[0]", Control::VolumeTypes),
            ("spec.hostNetwork", Control::HostNamespaces),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Presets on pods and workloads

fn app() -> Container {
    Container::new("app")
        .image("nginx:1.27")
        .port(ContainerPort::tcp(8080).name("http"))
}

fn template() -> Pod {
    Pod::template()
        .label("app", "web")
        .init_container(Container::new("init").image("busybox:1.36"))
        .container(app())
}

/// The pod spec at `pointer` (`/spec/template/spec`) of a built object; through JSON, because
/// the optionality of `spec` differs between Kubernetes versions.
fn pod_spec_at(object: &impl serde::Serialize, pointer: &str) -> core::PodSpec {
    let value = serde_json::to_value(object).unwrap();
    serde_json::from_value(value.pointer(pointer).unwrap().clone()).unwrap()
}

#[track_caller]
fn assert_template_passes(object: &impl serde::Serialize, profile: Profile) {
    assert_passes(&pod_spec_at(object, "/spec/template/spec"), profile);
}

#[test]
fn restricted_preset_on_pods_passes_restricted() {
    let pod = Pod::new("web")
        .restricted()
        .init_container(Container::new("init").image("busybox:1.36"))
        .sidecar(
            Container::new("proxy")
                .image("envoyproxy/envoy:v1.31")
                .port(ContainerPort::tcp(9901)),
        )
        .container(app())
        .build()
        .unwrap();
    let spec = pod.spec.unwrap();
    assert_passes(&spec, Profile::Restricted);
    let pod_context = spec.security_context.unwrap();
    assert_eq!(pod_context.run_as_non_root, Some(true));
    assert_eq!(pod_context.seccomp_profile.unwrap().type_, "RuntimeDefault");
    for container in spec.init_containers.unwrap().iter().chain(&spec.containers) {
        let context = container.security_context.clone().unwrap();
        assert_eq!(context.allow_privilege_escalation, Some(false));
        assert_eq!(
            context.capabilities.unwrap().drop,
            Some(vec!["ALL".to_owned()])
        );
    }
}

#[test]
fn restricted_preset_keeps_explicit_settings() {
    let pod = Pod::new("web")
        .restricted()
        .container(
            app().security_context(
                SecurityContext::new()
                    .run_as_user(10001)
                    .read_only_root_filesystem(true)
                    .drop_capability("NET_RAW"),
            ),
        )
        .build()
        .unwrap();
    let context = pod.spec.unwrap().containers[0]
        .security_context
        .clone()
        .unwrap();
    assert_eq!(context.run_as_user, Some(10001));
    assert_eq!(context.read_only_root_filesystem, Some(true));
    assert_eq!(
        context.capabilities.unwrap().drop,
        Some(vec!["NET_RAW".to_owned(), "ALL".to_owned()])
    );
}

#[test]
fn restricted_preset_reports_contradicting_settings() {
    let errors = Pod::new("web")
        .restricted()
        .host_network(true)
        .volume(Volume::host_path("logs", "/var/log"))
        .container(
            app().mount("logs", "/logs").security_context(
                SecurityContext::new()
                    .privileged(true)
                    .allow_privilege_escalation(true),
            ),
        )
        .build()
        .unwrap_err();
    for path in [
        "spec.hostNetwork",
        "spec.volumes[0].hostPath",
        "spec.containers[0].securityContext.privileged",
        "spec.containers[0].securityContext.allowPrivilegeEscalation",
    ] {
        assert!(errors.has(path, 0), "{path} missing in {errors}");
    }
    assert_eq!(errors.len(), 4, "{errors}");
}

#[test]
fn presets_are_never_a_default() {
    let pod = Pod::new("web").container(app()).build().unwrap();
    let spec = pod.spec.unwrap();
    assert!(spec.security_context.is_none());
    assert!(spec.containers[0].security_context.is_none());
}

#[test]
fn baseline_preset_sets_nothing_and_requires_baseline() {
    let pod = Pod::new("web").baseline().container(app()).build().unwrap();
    let spec = pod.spec.unwrap();
    assert!(spec.security_context.is_none());
    assert!(spec.containers[0].security_context.is_none());
    assert_passes(&spec, Profile::Baseline);
    let errors = Pod::new("web")
        .baseline()
        .container(app().security_context(SecurityContext::new().privileged(true)))
        .build()
        .unwrap_err();
    assert!(
        errors.has("spec.containers[0].securityContext.privileged", 0),
        "{errors}"
    );
}

#[test]
fn restricted_preset_on_every_workload() {
    const T: &str = "spec.template.spec";
    let deployment = Deployment::new("web")
        .restricted()
        .template(template())
        .build()
        .unwrap();
    assert_template_passes(&deployment, Profile::Restricted);

    // The preset applies whether it comes before or after the template.
    let stateful = StatefulSet::new("web")
        .service_name("web")
        .template(template())
        .restricted()
        .build()
        .unwrap();
    assert_template_passes(&stateful, Profile::Restricted);

    let daemon = DaemonSet::new("agent")
        .restricted()
        .template(template())
        .build()
        .unwrap();
    assert_template_passes(&daemon, Profile::Restricted);

    let job = Job::new("once")
        .restricted()
        .restart_policy(JobRestartPolicy::Never)
        .template(template())
        .build()
        .unwrap();
    assert_template_passes(&job, Profile::Restricted);

    let cron = CronJob::new("nightly", "0 3 * * *")
        .restricted()
        .job(
            Job::unnamed()
                .restart_policy(JobRestartPolicy::Never)
                .template(template()),
        )
        .build()
        .unwrap();
    let spec = pod_spec_at(&cron, "/spec/jobTemplate/spec/template/spec");
    assert_passes(&spec, Profile::Restricted);

    // A workload's requirement reports under its template's path.
    let errors = Deployment::new("web")
        .template(template().host_network(true))
        .require_profile(Profile::Baseline)
        .build()
        .unwrap_err();
    assert!(errors.has(&format!("{T}.hostNetwork"), 0), "{errors}");
    let errors = CronJob::new("nightly", "0 3 * * *")
        .require_profile(Profile::Restricted)
        .job(
            Job::unnamed()
                .restart_policy(JobRestartPolicy::Never)
                .template(template()),
        )
        .build()
        .unwrap_err();
    assert!(
        errors.has(
            "spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation",
            0
        ),
        "{errors}"
    );
}

#[test]
fn baseline_preset_on_workloads() {
    let deployment = Deployment::new("web")
        .baseline()
        .template(template())
        .build()
        .unwrap();
    assert_template_passes(&deployment, Profile::Baseline);
    let errors = DaemonSet::new("agent")
        .baseline()
        .template(template().volume(Volume::host_path("root", "/")))
        .build()
        .unwrap_err();
    assert!(
        errors.has("spec.template.spec.volumes[0].hostPath", 0),
        "{errors}"
    );
}

// ---------------------------------------------------------------------------------------------
// Bundles

#[test]
fn bundle_required_to_meet_restricted_fails_with_all_paths() {
    let imported = core::Pod {
        metadata: k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
            name: Some("imported".into()),
            ..Default::default()
        },
        spec: Some(core::PodSpec {
            host_pid: Some(true),
            ..base()
        }),
        ..Default::default()
    };
    let bundle = Bundle::new()
        .require(Profile::Restricted)
        .add(Deployment::new("web").restricted().template(template()))
        .add(
            Job::new("migrate")
                .restart_policy(JobRestartPolicy::Never)
                .template(template()),
        )
        .add(imported);
    let errors = bundle.check().unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    for path in [
        "Job/migrate: spec.template.spec.initContainers[0].securityContext.allowPrivilegeEscalation",
        "Job/migrate: spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation",
        "Job/migrate: spec.template.spec.containers[0].securityContext.runAsNonRoot",
        "Job/migrate: spec.template.spec.containers[0].securityContext.seccompProfile",
        "Job/migrate: spec.template.spec.containers[0].securityContext.capabilities.drop",
        "Pod/imported: spec.hostPID",
        "Pod/imported: spec.containers[0].securityContext.allowPrivilegeEscalation",
    ] {
        assert!(paths.contains(&path), "{path} missing in {paths:#?}");
    }
    assert!(
        paths.iter().all(|p| !p.starts_with("Deployment/")),
        "{paths:#?}"
    );
    // Every error names the control broken.
    assert!(
        errors
            .iter()
            .all(|e| e.message.contains("pod security standard")),
        "{errors}"
    );

    // Baseline instead: only the host namespace is left.
    let bundle = Bundle::new()
        .require(Profile::Baseline)
        .add(
            Job::new("migrate")
                .restart_policy(JobRestartPolicy::Never)
                .template(template()),
        )
        .add(Pod::new("debug").host_network(true).container(app()));
    let errors = bundle.check().unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert!(errors.has("Pod/debug: spec.hostNetwork", 0), "{errors}");
}

#[test]
fn bundle_without_a_requirement_checks_nothing() {
    let bundle = Bundle::new().add(Pod::new("debug").host_network(true).container(app()));
    assert!(bundle.check().is_ok());
}

#[test]
fn violations_name_the_control_and_the_fix() {
    let mut spec = base();
    spec.host_ipc = Some(true);
    let violation = pss::check(&spec, Profile::Baseline, &FieldPath::parse("spec"))
        .into_iter()
        .next()
        .unwrap();
    assert_eq!(violation.control, Control::HostNamespaces);
    assert!(!violation.fix.is_empty());
    let error = violation.into_error();
    assert_eq!(error.path.as_str(), "spec.hostIPC");
    assert!(error.message.contains("`baseline`"), "{error}");
    assert!(error.message.contains("Host Namespaces"), "{error}");
}
