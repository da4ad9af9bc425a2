//! Pod Security Standards: one test per control of the `baseline` and `restricted` profiles
//! (a passing and a failing case, asserting the path and the control), the presets on pods and
//! every workload, and a Bundle required to meet `restricted`.
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
// Helpers: a minimal valid PodSpec, and assertions on the violations found.

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
