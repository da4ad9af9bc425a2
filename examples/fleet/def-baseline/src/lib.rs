//! The fleet of the performance benchmark as plain k8s-openapi struct literals, with no
//! checks: the baseline that the k8s-dsl builders are measured against. The objects are the
//! same as `k8s_dsl_fleet_builders::fleet_builders(i)` gives (a test compares them).
//!
//! ```
//! let (pod, cron) = k8s_dsl_fleet_baseline::fleet_baseline(7);
//! assert_eq!(pod.metadata.name.as_deref(), Some("web-7"));
//! assert_eq!(cron.metadata.name.as_deref(), Some("report-7"));
//! ```

// k8s-openapi structs gain fields between Kubernetes versions: literals end with
// `..Default::default()`.
#![allow(clippy::needless_update)]

use std::collections::BTreeMap;

use k8s_openapi::api::batch::v1::{CronJob, CronJobSpec, JobSpec, JobTemplateSpec};
use k8s_openapi::api::core::v1::{
    Container, ContainerPort, EmptyDirVolumeSource, EnvVar, ExecAction, HTTPGetAction, Lifecycle,
    LifecycleHandler, Pod, PodSecurityContext, PodSpec, PodTemplateSpec, Probe,
    ResourceRequirements, SecurityContext, TCPSocketAction, Volume, VolumeMount,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn quantities(cpu: &str, memory: &str) -> BTreeMap<String, Quantity> {
    BTreeMap::from([
        ("cpu".to_owned(), Quantity(cpu.to_owned())),
        ("memory".to_owned(), Quantity(memory.to_owned())),
    ])
}

/// A container with the settings every container of the fleet shares.
fn hardened(name: &str, image: &str) -> Container {
    Container {
        name: name.to_owned(),
        image: Some(image.to_owned()),
        image_pull_policy: Some("Always".to_owned()),
        resources: Some(ResourceRequirements {
            limits: Some(quantities("1500m", "2048Mi")),
            requests: Some(quantities("1000m", "512Mi")),
            ..Default::default()
        }),
        security_context: Some(SecurityContext {
            allow_privilege_escalation: Some(false),
            privileged: Some(false),
            read_only_root_filesystem: Some(true),
            run_as_non_root: Some(true),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn tcp_probe(port: i32) -> Probe {
    Probe {
        failure_threshold: Some(3),
        tcp_socket: Some(TCPSocketAction {
            port: IntOrString::Int(port),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn port(number: i32) -> Option<Vec<ContainerPort>> {
    Some(vec![ContainerPort {
        container_port: number,
        ..Default::default()
    }])
}

fn log_mount(read_only: Option<bool>) -> Option<Vec<VolumeMount>> {
    Some(vec![VolumeMount {
        mount_path: "/var/log/app".to_owned(),
        name: "logs".to_owned(),
        read_only,
        ..Default::default()
    }])
}

/// The pod spec settings the Pod and the CronJob's template share.
fn explicit(containers: Vec<Container>, restart: &str) -> PodSpec {
    PodSpec {
        automount_service_account_token: Some(false),
        containers,
        dns_policy: Some("ClusterFirst".to_owned()),
        host_network: Some(false),
        restart_policy: Some(restart.to_owned()),
        security_context: Some(PodSecurityContext {
            fs_group_change_policy: Some("Always".to_owned()),
            run_as_non_root: Some(true),
            ..Default::default()
        }),
        set_hostname_as_fqdn: Some(false),
        share_process_namespace: Some(false),
        termination_grace_period_seconds: Some(30),
        ..Default::default()
    }
}

/// The Pod `web-i`.
pub fn web_pod(i: usize) -> Pod {
    let app = Container {
        lifecycle: Some(Lifecycle {
            post_start: Some(LifecycleHandler {
                exec: Some(ExecAction {
                    command: Some(strings(&[
                        "sh",
                        "-c",
                        "echo started > /var/log/app/started",
                    ])),
                }),
                ..Default::default()
            }),
            pre_stop: Some(LifecycleHandler {
                http_get: Some(HTTPGetAction {
                    path: Some("/shutdown".to_owned()),
                    port: IntOrString::Int(8080),
                    scheme: Some("HTTP".to_owned()),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }),
        liveness_probe: Some(Probe {
            initial_delay_seconds: Some(15),
            period_seconds: Some(20),
            ..tcp_probe(8080)
        }),
        ports: port(8080),
        readiness_probe: Some(Probe {
            failure_threshold: Some(8),
            http_get: Some(HTTPGetAction {
                path: Some("/ready".to_owned()),
                port: IntOrString::Int(8080),
                scheme: Some("HTTP".to_owned()),
                ..Default::default()
            }),
            initial_delay_seconds: Some(10),
            period_seconds: Some(5),
            ..Default::default()
        }),
        startup_probe: Some(tcp_probe(8080)),
        volume_mounts: log_mount(None),
        ..hardened("app", "ghcr.io/example/app:1.4.2")
    };
    let log_shipper = Container {
        args: Some(strings(&[
            "-i",
            "tail",
            "-p",
            "path=/var/log/app/*.log",
            "-o",
            "stdout",
        ])),
        volume_mounts: log_mount(Some(true)),
        ..hardened("log-shipper", "fluent/fluent-bit:3.0")
    };
    let ambassador = Container {
        env: Some(vec![EnvVar {
            name: "PGBOUNCER_DATABASE".to_owned(),
            value: Some("app".to_owned()),
            ..Default::default()
        }]),
        ports: port(5432),
        startup_probe: Some(tcp_probe(5432)),
        ..hardened("db-ambassador", "bitnami/pgbouncer:1.22.1")
    };
    let adapter = Container {
        args: Some(strings(&[
            "--nginx.scrape-uri=http://localhost:8080/stub_status",
        ])),
        ports: port(9113),
        startup_probe: Some(tcp_probe(9113)),
        ..hardened("metrics-adapter", "nginx/nginx-prometheus-exporter:1.1.0")
    };
    let init = Container {
        command: Some(strings(&["sh", "-c", "echo init > /var/log/app/init.log"])),
        volume_mounts: log_mount(None),
        ..hardened("init-config", "busybox:1.36")
    };
    Pod {
        metadata: ObjectMeta {
            labels: Some(BTreeMap::from([
                ("app".to_owned(), format!("web-{i}")),
                ("tier".to_owned(), "backend".to_owned()),
            ])),
            name: Some(format!("web-{i}")),
            ..Default::default()
        },
        spec: Some(PodSpec {
            init_containers: Some(vec![init]),
            volumes: Some(vec![Volume {
                empty_dir: Some(EmptyDirVolumeSource::default()),
                name: "logs".to_owned(),
                ..Default::default()
            }]),
            ..explicit(vec![app, log_shipper, ambassador, adapter], "Always")
        }),
        ..Default::default()
    }
}

/// The CronJob `report-i`.
// `spec` is an `Option` in older Kubernetes versions of k8s-openapi and required in newer
// ones; `.into()` fits both.
#[allow(clippy::useless_conversion)]
pub fn report_cronjob(i: usize) -> CronJob {
    let report = Container {
        command: Some(strings(&["sh", "-c", "date; echo report"])),
        ..hardened("report", "busybox:1.36")
    };
    CronJob {
        metadata: ObjectMeta {
            labels: Some(BTreeMap::from([("app".to_owned(), format!("web-{i}"))])),
            name: Some(format!("report-{i}")),
            ..Default::default()
        },
        spec: CronJobSpec {
            concurrency_policy: Some("Forbid".to_owned()),
            failed_jobs_history_limit: Some(1),
            job_template: JobTemplateSpec {
                metadata: None,
                spec: Some(JobSpec {
                    completions: Some(3),
                    parallelism: Some(3),
                    template: PodTemplateSpec {
                        metadata: None,
                        spec: Some(explicit(vec![report], "OnFailure")),
                    },
                    ..Default::default()
                }),
            },
            schedule: "*/3 * * * *".to_owned(),
            starting_deadline_seconds: Some(10),
            successful_jobs_history_limit: Some(3),
            suspend: Some(false),
            ..Default::default()
        }
        .into(),
        ..Default::default()
    }
}

/// The Pod `web-i` and the CronJob `report-i`.
pub fn fleet_baseline(i: usize) -> (Pod, CronJob) {
    (web_pod(i), report_cronjob(i))
}
