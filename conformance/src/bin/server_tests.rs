//! Builder output against the real server, and Pod Security admission against our checker.
//!
//! 1. The typed API: a Pod and a Deployment built with the builders go straight into
//!    `Api::<Pod>::create` (dry run) and server-side apply (`Patch::Apply`, for real), and
//!    what the server stores is what was built.
//! 2. Pod Security admission: namespaces labelled `pod-security.kubernetes.io/enforce` =
//!    `baseline` and `restricted`; pods built with `.baseline()` and `.restricted()` are
//!    admitted; for each control of `k8s_dsl::pss`, a pod that breaks only that control (and
//!    pods at its boundary that break nothing) is refused by the server exactly when our
//!    checker refuses it, in each of the two namespaces.
//!
//! `bash scripts/apiserver run target/debug/server-tests`

use std::collections::BTreeMap;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl::pss::{self, Control};
use k8s_dsl_conformance::server::{Server, FIELD_MANAGER};
use k8s_dsl_conformance::{Error, SERVER_VERSION};
use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::core::v1 as core;
use kube::api::{Api, DeleteParams, Patch, PatchParams, PostParams};
use serde_json::{json, Value};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failures) => {
            eprintln!("server-tests: {failures} failed");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

async fn run() -> Result<usize, Error> {
    let server = Server::connect().await?;
    let mut failures = typed_api(&server).await?;
    failures += pod_security(&server).await?;
    Ok(failures)
}

/// Reports one check; returns 1 when it failed.
fn report(ok: bool, what: &str) -> usize {
    println!("{} {what}", if ok { "ok  " } else { "FAIL" });
    usize::from(!ok)
}

async fn typed_api(server: &Server) -> Result<usize, Error> {
    let namespace = "typed-api";
    server.create_namespace(namespace, &BTreeMap::new()).await?;
    let mut failures = 0;

    let pod = Pod::new("typed-web")
        .label("app", "typed-web")
        .container(
            Container::new("web")
                .image("nginx:1.27")
                .port(ContainerPort::new(8080).name("http")),
        )
        .build()?;
    let pods: Api<core::Pod> = Api::namespaced(server.client(), namespace);
    let dry_run = PostParams {
        dry_run: true,
        field_manager: Some(FIELD_MANAGER.into()),
    };
    let created = pods.create(&dry_run, &pod).await?;
    failures += report(
        created
            .spec
            .as_ref()
            .and_then(|s| s.containers.first())
            .and_then(|c| c.image.as_deref())
            == Some("nginx:1.27"),
        "Api::<Pod>::create (dry run) takes the builder's Pod and returns it defaulted",
    );
    let apply = PatchParams::apply(FIELD_MANAGER)
        .force()
        .validation_strict();
    let applied = pods.patch("typed-web", &apply, &Patch::Apply(&pod)).await?;
    let stored = pods.get("typed-web").await?;
    failures += report(
        applied.metadata.labels == pod.metadata.labels && first_ports(&stored) == first_ports(&pod),
        "server-side apply of the builder's Pod stores its labels and ports",
    );
    pods.delete("typed-web", &DeleteParams::default()).await?;

    let deployment = Deployment::new("typed-shop")
        .label("app", "typed-shop")
        .replicas(2)
        .template(
            Pod::template()
                .label("app", "typed-shop")
                .restricted()
                .container(Container::new("shop").image("nginx:1.27")),
        )
        .build()?;
    let deployments: Api<apps::Deployment> = Api::namespaced(server.client(), namespace);
    deployments.create(&dry_run, &deployment).await?;
    let applied = deployments
        .patch("typed-shop", &apply, &Patch::Apply(&deployment))
        .await?;
    failures += report(
        applied.spec.replicas == Some(2) && applied.spec.selector == deployment.spec.selector,
        "Api::<Deployment>::create (dry run) and server-side apply of the builder's Deployment",
    );
    deployments
        .delete("typed-shop", &DeleteParams::default())
        .await?;
    Ok(failures)
}

/// The (name, containerPort) of the first container's ports (the server adds the default
/// protocol).
fn first_ports(pod: &core::Pod) -> Vec<(Option<String>, i32)> {
    pod.spec
        .as_ref()
        .and_then(|s| s.containers.first())
        .and_then(|c| c.ports.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p.name, p.container_port))
        .collect()
}

/// One pod of the Pod Security test: the restricted pod with one change.
struct Case {
    name: &'static str,
    /// The control it breaks, or `None` for a pod at a control's boundary that breaks none.
    control: Option<Control>,
    change: fn(&mut Value),
}

/// Known, documented differences: (case, profile). Our checker is the strict one where
/// Kubernetes releases differ (see `k8s_dsl::pss`): from 1.35 on, a pod in a user namespace
/// (`hostUsers: false`) may set any `procMount` under baseline, which 1.33 and 1.34 refuse.
const STRICTER_THAN_1_37: &[(&str, Profile)] = &[
    ("proc-mount-unmasked-user-namespace", Profile::Baseline),
    ("proc-mount-unmasked-user-namespace", Profile::Restricted),
];

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "host-network",
            control: Some(Control::HostNamespaces),
            change: |p| set(p, "/spec/hostNetwork", json!(true)),
        },
        Case {
            name: "host-pid",
            control: Some(Control::HostNamespaces),
            change: |p| set(p, "/spec/hostPID", json!(true)),
        },
        Case {
            name: "host-ipc",
            control: Some(Control::HostNamespaces),
            change: |p| set(p, "/spec/hostIPC", json!(true)),
        },
        Case {
            name: "host-process",
            control: Some(Control::HostProcess),
            change: |p| {
                set(p, "/spec/hostNetwork", json!(true));
                set(
                    p,
                    "/spec/securityContext/windowsOptions/hostProcess",
                    json!(true),
                );
            },
        },
        Case {
            name: "privileged",
            control: Some(Control::PrivilegedContainers),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/privileged",
                    json!(true),
                );
                set(
                    p,
                    "/spec/containers/0/securityContext/allowPrivilegeEscalation",
                    json!(true),
                );
            },
        },
        Case {
            name: "privileged-false",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/privileged",
                    json!(false),
                )
            },
        },
        Case {
            name: "capability-add-net-admin",
            control: Some(Control::Capabilities),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/capabilities/add",
                    json!(["NET_ADMIN"]),
                )
            },
        },
        Case {
            name: "capability-add-net-raw",
            control: Some(Control::CapabilitiesRestricted),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/capabilities/add",
                    json!(["NET_RAW"]),
                )
            },
        },
        Case {
            name: "capability-add-chown",
            control: Some(Control::CapabilitiesRestricted),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/capabilities/add",
                    json!(["CHOWN"]),
                )
            },
        },
        Case {
            name: "capability-add-net-bind-service",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/capabilities/add",
                    json!(["NET_BIND_SERVICE"]),
                )
            },
        },
        Case {
            name: "capability-drop-not-all",
            control: Some(Control::CapabilitiesRestricted),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/capabilities/drop",
                    json!(["NET_RAW"]),
                )
            },
        },
        Case {
            name: "host-path-volume",
            control: Some(Control::HostPathVolumes),
            change: |p| {
                set(
                    p,
                    "/spec/volumes",
                    json!([{ "name": "host", "hostPath": { "path": "/tmp" } }]),
                )
            },
        },
        Case {
            name: "host-port",
            control: Some(Control::HostPorts),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/ports",
                    json!([{ "containerPort": 8080, "hostPort": 8080 }]),
                )
            },
        },
        Case {
            name: "host-port-zero",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/ports",
                    json!([{ "containerPort": 8080, "hostPort": 0 }]),
                )
            },
        },
        Case {
            name: "probe-host",
            control: Some(Control::HostProbes),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/livenessProbe",
                    json!({ "httpGet": { "path": "/", "port": 8080, "host": "10.0.0.1" } }),
                )
            },
        },
        Case {
            name: "probe-host-loopback",
            control: Some(Control::HostProbes),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/livenessProbe",
                    json!({ "tcpSocket": { "port": 8080, "host": "127.0.0.1" } }),
                )
            },
        },
        Case {
            name: "lifecycle-host",
            control: Some(Control::HostProbes),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/lifecycle",
                    json!({ "postStart": { "httpGet": { "path": "/", "port": 8080, "host": "example.com" } } }),
                )
            },
        },
        Case {
            name: "apparmor-unconfined",
            control: Some(Control::AppArmor),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/appArmorProfile",
                    json!({ "type": "Unconfined" }),
                )
            },
        },
        Case {
            name: "apparmor-pod-unconfined",
            control: Some(Control::AppArmor),
            change: |p| {
                set(
                    p,
                    "/spec/securityContext/appArmorProfile",
                    json!({ "type": "Unconfined" }),
                )
            },
        },
        Case {
            name: "apparmor-runtime-default",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/appArmorProfile",
                    json!({ "type": "RuntimeDefault" }),
                )
            },
        },
        Case {
            name: "apparmor-annotation-unconfined",
            control: Some(Control::AppArmor),
            change: |p| {
                set(
                    p,
                    "/metadata/annotations",
                    json!({ "container.apparmor.security.beta.kubernetes.io/app": "unconfined" }),
                )
            },
        },
        Case {
            name: "selinux-type-unconfined",
            control: Some(Control::SeLinux),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/seLinuxOptions",
                    json!({ "type": "unconfined_t" }),
                )
            },
        },
        Case {
            name: "selinux-type-container-init",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/seLinuxOptions",
                    json!({ "type": "container_init_t", "level": "s0:c123,c456" }),
                )
            },
        },
        Case {
            name: "selinux-user",
            control: Some(Control::SeLinux),
            change: |p| {
                set(
                    p,
                    "/spec/securityContext/seLinuxOptions",
                    json!({ "user": "system_u" }),
                )
            },
        },
        Case {
            name: "selinux-role",
            control: Some(Control::SeLinux),
            change: |p| {
                set(
                    p,
                    "/spec/securityContext/seLinuxOptions",
                    json!({ "role": "system_r" }),
                )
            },
        },
        Case {
            name: "proc-mount-unmasked-user-namespace",
            control: Some(Control::ProcMount),
            change: |p| {
                set(p, "/spec/hostUsers", json!(false));
                set(
                    p,
                    "/spec/containers/0/securityContext/procMount",
                    json!("Unmasked"),
                );
            },
        },
        Case {
            name: "proc-mount-default",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/procMount",
                    json!("Default"),
                )
            },
        },
        Case {
            name: "seccomp-pod-unconfined",
            control: Some(Control::Seccomp),
            change: |p| {
                set(
                    p,
                    "/spec/securityContext/seccompProfile",
                    json!({ "type": "Unconfined" }),
                )
            },
        },
        Case {
            name: "seccomp-container-unconfined",
            control: Some(Control::Seccomp),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/seccompProfile",
                    json!({ "type": "Unconfined" }),
                )
            },
        },
        Case {
            name: "seccomp-missing",
            control: Some(Control::SeccompRequired),
            change: |p| remove(p, "/spec/securityContext", "seccompProfile"),
        },
        Case {
            name: "seccomp-localhost",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/securityContext/seccompProfile",
                    json!({ "type": "Localhost", "localhostProfile": "profiles/audit.json" }),
                )
            },
        },
        Case {
            name: "sysctl-unsafe",
            control: Some(Control::Sysctls),
            change: |p| {
                set(
                    p,
                    "/spec/securityContext/sysctls",
                    json!([{ "name": "kernel.msgmax", "value": "65536" }]),
                )
            },
        },
        Case {
            name: "sysctl-port-range",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/securityContext/sysctls",
                    json!([{ "name": "net.ipv4.ip_local_port_range", "value": "1024 65000" }]),
                )
            },
        },
        Case {
            name: "sysctl-tcp-rmem",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/securityContext/sysctls",
                    json!([{ "name": "net.ipv4.tcp_rmem", "value": "4096 87380 6291456" }]),
                )
            },
        },
        Case {
            name: "volume-nfs",
            control: Some(Control::VolumeTypes),
            change: |p| {
                set(
                    p,
                    "/spec/volumes",
                    json!([{ "name": "share", "nfs": { "server": "nfs.example.com", "path": "/export" } }]),
                )
            },
        },
        Case {
            name: "volume-csi",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/volumes",
                    json!([{ "name": "secrets", "csi": { "driver": "secrets-store.csi.k8s.io" } }]),
                )
            },
        },
        Case {
            name: "privilege-escalation-true",
            control: Some(Control::PrivilegeEscalation),
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/allowPrivilegeEscalation",
                    json!(true),
                )
            },
        },
        Case {
            name: "privilege-escalation-unset",
            control: Some(Control::PrivilegeEscalation),
            change: |p| {
                remove(
                    p,
                    "/spec/containers/0/securityContext",
                    "allowPrivilegeEscalation",
                )
            },
        },
        Case {
            name: "run-as-non-root-false",
            control: Some(Control::RunningAsNonRoot),
            change: |p| set(p, "/spec/securityContext/runAsNonRoot", json!(false)),
        },
        Case {
            name: "run-as-non-root-unset-with-user",
            control: Some(Control::RunningAsNonRoot),
            change: |p| {
                remove(p, "/spec/securityContext", "runAsNonRoot");
                set(p, "/spec/securityContext/runAsUser", json!(1000));
            },
        },
        Case {
            name: "run-as-non-root-on-container",
            control: None,
            change: |p| {
                remove(p, "/spec/securityContext", "runAsNonRoot");
                set(
                    p,
                    "/spec/containers/0/securityContext/runAsNonRoot",
                    json!(true),
                );
            },
        },
        Case {
            name: "run-as-user-root",
            control: Some(Control::RunningAsNonRootUser),
            change: |p| set(p, "/spec/containers/0/securityContext/runAsUser", json!(0)),
        },
        Case {
            name: "run-as-user-1000",
            control: None,
            change: |p| {
                set(
                    p,
                    "/spec/containers/0/securityContext/runAsUser",
                    json!(1000),
                )
            },
        },
    ]
}

/// Sets the value at a JSON pointer, creating objects on the way.
fn set(value: &mut Value, pointer: &str, new: Value) {
    let mut at = value;
    for part in pointer.trim_start_matches('/').split('/') {
        at = match at {
            Value::Array(items) => {
                match part.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                    Some(item) => item,
                    None => return,
                }
            }
            other => {
                if !other.is_object() {
                    *other = json!({});
                }
                match other.as_object_mut() {
                    Some(map) => map.entry(part).or_insert(Value::Null),
                    None => return,
                }
            }
        };
    }
    *at = new;
}

fn remove(value: &mut Value, pointer: &str, key: &str) {
    if let Some(map) = value.pointer_mut(pointer).and_then(Value::as_object_mut) {
        map.remove(key);
    }
}

/// Whether our checker refuses `pod` under `profile`.
fn ours_refuses(pod: &core::Pod, profile: Profile) -> bool {
    let spec = pod.spec.clone().unwrap_or_default();
    !pss::check(&spec, profile, &FieldPath::parse("spec")).is_empty()
        || !pss::check_annotations(
            pod.metadata.annotations.as_ref(),
            profile,
            &FieldPath::parse("metadata"),
        )
        .is_empty()
}

async fn pod_security(server: &Server) -> Result<usize, Error> {
    let mut failures = 0;
    let profiles = [Profile::Baseline, Profile::Restricted];
    for profile in profiles {
        let labels = BTreeMap::from([
            (
                "pod-security.kubernetes.io/enforce".to_string(),
                profile.to_string(),
            ),
            (
                "pod-security.kubernetes.io/enforce-version".to_string(),
                "latest".to_string(),
            ),
        ]);
        server
            .create_namespace(&namespace(profile), &labels)
            .await?;
    }

    // The presets are admitted.
    let baseline = Pod::new("preset-baseline")
        .baseline()
        .container(
            Container::new("app")
                .image("busybox:1.36")
                .command(["sleep", "3600"]),
        )
        .build()?;
    let restricted = Pod::new("preset-restricted")
        .restricted()
        .container(
            Container::new("app")
                .image("busybox:1.36")
                .command(["sleep", "3600"]),
        )
        .sidecar(
            Container::new("logs")
                .image("busybox:1.36")
                .command(["sleep", "3600"]),
        )
        .build()?;
    let restricted_deployment = Deployment::new("preset-restricted")
        .template(
            Pod::template()
                .label("app", "preset-restricted")
                .container(Container::new("app").image("busybox:1.36")),
        )
        .restricted()
        .build()?;
    for (what, object, profile) in [
        (
            "Pod .baseline()",
            serde_json::to_value(&baseline)?,
            Profile::Baseline,
        ),
        (
            "Pod .restricted()",
            serde_json::to_value(&restricted)?,
            Profile::Restricted,
        ),
        (
            "Pod .restricted()",
            serde_json::to_value(&restricted)?,
            Profile::Baseline,
        ),
        (
            "Deployment .restricted()",
            serde_json::to_value(&restricted_deployment)?,
            Profile::Restricted,
        ),
    ] {
        let verdict = server
            .dry_run(&object, &namespace(profile))
            .await?
            .ok_or("the server serves no Pods")?;
        failures += report(
            verdict.accepted(),
            &format!(
                "{what} admitted in a namespace that enforces {profile} {}",
                verdict.message
            ),
        );
    }

    // One control at a time: the server refuses exactly when our checker does.
    let base = serde_json::to_value(
        Pod::new("pss-case")
            .restricted()
            .container(
                Container::new("app")
                    .image("busybox:1.36")
                    .command(["sleep", "3600"]),
            )
            .build()?,
    )?;
    let (mut compared, mut agreed, mut expected_differences) = (0, 0, 0);
    println!("\nPod Security admission (kube-apiserver {SERVER_VERSION}) against k8s_dsl::pss:");
    println!(
        "{:<38} {:<24} {:<22} {:<22}",
        "case", "control", "baseline ours/server", "restricted ours/server"
    );
    for case in cases() {
        let mut object = base.clone();
        (case.change)(&mut object);
        let pod: core::Pod = serde_json::from_value(object.clone())?;
        let mut cells = Vec::new();
        for profile in profiles {
            let ours = ours_refuses(&pod, profile);
            let verdict = server
                .dry_run(&object, &namespace(profile))
                .await?
                .ok_or("the server serves no Pods")?;
            if !verdict.accepted() && !verdict.refused_by_pod_security() {
                failures += report(
                    false,
                    &format!(
                        "{}: not a valid pod: {} {}",
                        case.name,
                        verdict.message,
                        causes(&verdict)
                    ),
                );
                cells.push("invalid".to_string());
                continue;
            }
            let server_refuses = verdict.refused_by_pod_security();
            compared += 1;
            let cell = format!("{}/{}", word(ours), word(server_refuses));
            if ours == server_refuses {
                agreed += 1;
                cells.push(cell);
            } else if STRICTER_THAN_1_37.contains(&(case.name, profile)) && ours && !server_refuses
            {
                expected_differences += 1;
                cells.push(format!("{cell} (stricter)"));
            } else {
                failures += report(
                    false,
                    &format!(
                        "{}: under {profile} ours {} but the server {}: {}",
                        case.name,
                        word(ours),
                        word(server_refuses),
                        verdict.message
                    ),
                );
                cells.push(format!("{cell} DIFFERS"));
            }
        }
        let control = case
            .control
            .map_or("(none)".to_string(), |c| format!("{c:?}"));
        println!(
            "{:<38} {:<24} {:<22} {:<22}",
            case.name,
            control,
            cells.first().map_or("", String::as_str),
            cells.get(1).map_or("", String::as_str)
        );
        // A case that breaks a control must be refused by our checker under that control's profile.
        if let Some(control) = case.control {
            failures += usize::from(!ours_refuses(&pod, control.profile()));
        }
    }
    println!(
        "pod security: {agreed} of {compared} verdicts agree with kube-apiserver {SERVER_VERSION} \
         ({expected_differences} where our checker is deliberately stricter: a procMount in a user namespace, allowed from 1.35 on)"
    );
    Ok(failures)
}

fn namespace(profile: Profile) -> String {
    format!("pss-{profile}")
}

fn word(refused: bool) -> &'static str {
    if refused {
        "refuses"
    } else {
        "admits"
    }
}

fn causes(verdict: &k8s_dsl_conformance::server::Verdict) -> String {
    verdict
        .causes
        .iter()
        .map(|c| format!("[{}: {}]", c.field, c.message))
        .collect::<Vec<_>>()
        .join(" ")
}
