// `tests/corpus/examples/fleet/fleet-n2.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/fleet/fleet-n2.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `web-0` (document 1)
        Pod::new("web-0")
            .label("app", "web-0")
            .label("tier", "backend")
            .init_container(
                Container::new("init-config")
                    .image("busybox:1.36")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .command(["sh", "-c", "echo init > /var/log/app/init.log"])
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .mount("logs", "/var/log/app")
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .container(
                Container::new("app")
                    .image("ghcr.io/example/app:1.4.2")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .port(ContainerPort::new(8080))
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .mount("logs", "/var/log/app")
                    .readiness_probe(
                        Probe::http_get("/ready", 8080)
                            .http_scheme(Scheme::Http)
                            .initial_delay(Duration::seconds(10))
                            .period(Duration::seconds(5))
                            .failure_threshold(8),
                    )
                    .liveness_probe(
                        Probe::tcp_socket(8080)
                            .initial_delay(Duration::seconds(15))
                            .period(Duration::seconds(20))
                            .failure_threshold(3),
                    )
                    .startup_probe(Probe::tcp_socket(8080).failure_threshold(3))
                    .post_start(Handler::exec([
                        "sh",
                        "-c",
                        "echo started > /var/log/app/started",
                    ]))
                    .pre_stop(Handler::http_get("/shutdown", 8080).http_scheme(Scheme::Http))
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .container(
                Container::new("log-shipper")
                    .image("fluent/fluent-bit:3.0")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .args([
                        "-i",
                        "tail",
                        "-p",
                        "path=/var/log/app/*.log",
                        "-o",
                        "stdout",
                    ])
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .mount_read_only("logs", "/var/log/app")
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .container(
                Container::new("db-ambassador")
                    .image("bitnami/pgbouncer:1.22.1")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .port(ContainerPort::new(5432))
                    .env("PGBOUNCER_DATABASE", "app")
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .startup_probe(Probe::tcp_socket(5432).failure_threshold(3))
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .container(
                Container::new("metrics-adapter")
                    .image("nginx/nginx-prometheus-exporter:1.1.0")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .args(["--nginx.scrape-uri=http://localhost:8080/stub_status"])
                    .port(ContainerPort::new(9113))
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .startup_probe(Probe::tcp_socket(9113).failure_threshold(3))
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .volume(Volume::empty_dir("logs"))
            .restart_policy(RestartPolicy::Always)
            .termination_grace_period(Duration::seconds(30))
            .security_context(
                PodSecurityContext::new()
                    .run_as_non_root(true)
                    .fs_group_change_policy(FsGroupChangePolicy::Always),
            )
            .dns_policy(DnsPolicy::ClusterFirst)
            .automount_service_account_token(false)
            .host_network(false)
            .share_process_namespace(false)
            .set_hostname_as_fqdn(false)
            .build()?
            .into(),
        // CronJob `report-0` (document 2)
        CronJob::new("report-0", "*/3 * * * *")
            .label("app", "web-0")
            .concurrency_policy(ConcurrencyPolicy::Forbid)
            .starting_deadline(Duration::seconds(10))
            .suspend(false)
            .successful_jobs_history_limit(3)
            .failed_jobs_history_limit(1)
            .job(
                Job::unnamed()
                    .restart_policy(JobRestartPolicy::OnFailure)
                    .completions(3)
                    .parallelism(3)
                    .template(
                        Pod::template()
                            .container(
                                Container::new("report")
                                    .image("busybox:1.36")
                                    .image_pull_policy(ImagePullPolicy::Always)
                                    .command(["sh", "-c", "date; echo report"])
                                    .cpu("1000m", "1500m")
                                    .memory("512Mi", "2048Mi")
                                    .security_context(
                                        SecurityContext::new()
                                            .run_as_non_root(true)
                                            .read_only_root_filesystem(true)
                                            .allow_privilege_escalation(false)
                                            .privileged(false),
                                    ),
                            )
                            .termination_grace_period(Duration::seconds(30))
                            .security_context(
                                PodSecurityContext::new()
                                    .run_as_non_root(true)
                                    .fs_group_change_policy(FsGroupChangePolicy::Always),
                            )
                            .dns_policy(DnsPolicy::ClusterFirst)
                            .automount_service_account_token(false)
                            .host_network(false)
                            .share_process_namespace(false)
                            .set_hostname_as_fqdn(false),
                    ),
            )
            .build()?
            .into(),
        // Pod `web-1` (document 3)
        Pod::new("web-1")
            .label("app", "web-1")
            .label("tier", "backend")
            .init_container(
                Container::new("init-config")
                    .image("busybox:1.36")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .command(["sh", "-c", "echo init > /var/log/app/init.log"])
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .mount("logs", "/var/log/app")
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .container(
                Container::new("app")
                    .image("ghcr.io/example/app:1.4.2")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .port(ContainerPort::new(8080))
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .mount("logs", "/var/log/app")
                    .readiness_probe(
                        Probe::http_get("/ready", 8080)
                            .http_scheme(Scheme::Http)
                            .initial_delay(Duration::seconds(10))
                            .period(Duration::seconds(5))
                            .failure_threshold(8),
                    )
                    .liveness_probe(
                        Probe::tcp_socket(8080)
                            .initial_delay(Duration::seconds(15))
                            .period(Duration::seconds(20))
                            .failure_threshold(3),
                    )
                    .startup_probe(Probe::tcp_socket(8080).failure_threshold(3))
                    .post_start(Handler::exec([
                        "sh",
                        "-c",
                        "echo started > /var/log/app/started",
                    ]))
                    .pre_stop(Handler::http_get("/shutdown", 8080).http_scheme(Scheme::Http))
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .container(
                Container::new("log-shipper")
                    .image("fluent/fluent-bit:3.0")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .args([
                        "-i",
                        "tail",
                        "-p",
                        "path=/var/log/app/*.log",
                        "-o",
                        "stdout",
                    ])
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .mount_read_only("logs", "/var/log/app")
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .container(
                Container::new("db-ambassador")
                    .image("bitnami/pgbouncer:1.22.1")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .port(ContainerPort::new(5432))
                    .env("PGBOUNCER_DATABASE", "app")
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .startup_probe(Probe::tcp_socket(5432).failure_threshold(3))
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .container(
                Container::new("metrics-adapter")
                    .image("nginx/nginx-prometheus-exporter:1.1.0")
                    .image_pull_policy(ImagePullPolicy::Always)
                    .args(["--nginx.scrape-uri=http://localhost:8080/stub_status"])
                    .port(ContainerPort::new(9113))
                    .cpu("1000m", "1500m")
                    .memory("512Mi", "2048Mi")
                    .startup_probe(Probe::tcp_socket(9113).failure_threshold(3))
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .privileged(false),
                    ),
            )
            .volume(Volume::empty_dir("logs"))
            .restart_policy(RestartPolicy::Always)
            .termination_grace_period(Duration::seconds(30))
            .security_context(
                PodSecurityContext::new()
                    .run_as_non_root(true)
                    .fs_group_change_policy(FsGroupChangePolicy::Always),
            )
            .dns_policy(DnsPolicy::ClusterFirst)
            .automount_service_account_token(false)
            .host_network(false)
            .share_process_namespace(false)
            .set_hostname_as_fqdn(false)
            .build()?
            .into(),
        // CronJob `report-1` (document 4)
        CronJob::new("report-1", "*/3 * * * *")
            .label("app", "web-1")
            .concurrency_policy(ConcurrencyPolicy::Forbid)
            .starting_deadline(Duration::seconds(10))
            .suspend(false)
            .successful_jobs_history_limit(3)
            .failed_jobs_history_limit(1)
            .job(
                Job::unnamed()
                    .restart_policy(JobRestartPolicy::OnFailure)
                    .completions(3)
                    .parallelism(3)
                    .template(
                        Pod::template()
                            .container(
                                Container::new("report")
                                    .image("busybox:1.36")
                                    .image_pull_policy(ImagePullPolicy::Always)
                                    .command(["sh", "-c", "date; echo report"])
                                    .cpu("1000m", "1500m")
                                    .memory("512Mi", "2048Mi")
                                    .security_context(
                                        SecurityContext::new()
                                            .run_as_non_root(true)
                                            .read_only_root_filesystem(true)
                                            .allow_privilege_escalation(false)
                                            .privileged(false),
                                    ),
                            )
                            .termination_grace_period(Duration::seconds(30))
                            .security_context(
                                PodSecurityContext::new()
                                    .run_as_non_root(true)
                                    .fs_group_change_policy(FsGroupChangePolicy::Always),
                            )
                            .dns_policy(DnsPolicy::ClusterFirst)
                            .automount_service_account_token(false)
                            .host_network(false)
                            .share_process_namespace(false)
                            .set_hostname_as_fqdn(false),
                    ),
            )
            .build()?
            .into(),
    ])
}
