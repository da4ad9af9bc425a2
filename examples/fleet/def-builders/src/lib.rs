//! The fleet of the performance benchmark, written with the k8s-dsl builders: for each `i`, a
//! Pod `web-i` (an init container, the app with probes and hooks, a log shipper, an ambassador
//! and an adapter as classic sidecars) and a CronJob `report-i`.
//!
//! ```
//! let [pod, cron] = k8s_dsl_fleet_builders::fleet_builders(7)?;
//! assert_eq!(pod.id().name, "web-7");
//! assert_eq!(cron.id().name, "report-7");
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use k8s_dsl::prelude::*;

/// The shared log volume of the pod.
const LOGS: &str = "logs";
/// Where the app writes its logs.
const LOG_DIR: &str = "/var/log/app";

/// The settings every container of the fleet shares: pulled every time, the same resources,
/// and a locked-down security context.
fn hardened(name: &str, image: &str) -> Container {
    Container::new(name)
        .image(image)
        .image_pull_policy(ImagePullPolicy::Always)
        .cpu("1000m", "1500m")
        .memory("512Mi", "2048Mi")
        .security_context(
            SecurityContext::new()
                .allow_privilege_escalation(false)
                .privileged(false)
                .read_only_root_filesystem(true)
                .run_as_non_root(true),
        )
}

/// The pod-level settings shared by the Pod and the CronJob's pod template, all written
/// explicitly.
fn explicit(pod: Pod, restart: RestartPolicy) -> Pod {
    pod.automount_service_account_token(false)
        .dns_policy(DnsPolicy::ClusterFirst)
        .host_network(false)
        .restart_policy(restart)
        .security_context(
            PodSecurityContext::new()
                .fs_group_change_policy(FsGroupChangePolicy::Always)
                .run_as_non_root(true),
        )
        .set_hostname_as_fqdn(false)
        .share_process_namespace(false)
        .termination_grace_period(Duration::seconds(30))
}

/// The Pod `web-i`.
pub fn web_pod(i: usize) -> Pod {
    let app = hardened("app", "ghcr.io/example/app:1.4.2")
        .port(ContainerPort::new(8080))
        .mount(LOGS, LOG_DIR)
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
        .pre_stop(Handler::http_get("/shutdown", 8080).http_scheme(Scheme::Http));
    let log_shipper = hardened("log-shipper", "fluent/fluent-bit:3.0")
        .args([
            "-i",
            "tail",
            "-p",
            "path=/var/log/app/*.log",
            "-o",
            "stdout",
        ])
        .mount_read_only(LOGS, LOG_DIR);
    let ambassador = hardened("db-ambassador", "bitnami/pgbouncer:1.22.1")
        .env("PGBOUNCER_DATABASE", "app")
        .port(ContainerPort::new(5432))
        .startup_probe(Probe::tcp_socket(5432).failure_threshold(3));
    let adapter = hardened("metrics-adapter", "nginx/nginx-prometheus-exporter:1.1.0")
        .args(["--nginx.scrape-uri=http://localhost:8080/stub_status"])
        .port(ContainerPort::new(9113))
        .startup_probe(Probe::tcp_socket(9113).failure_threshold(3));
    let init = hardened("init-config", "busybox:1.36")
        .command(["sh", "-c", "echo init > /var/log/app/init.log"])
        .mount(LOGS, LOG_DIR);
    let pod = Pod::new(format!("web-{i}"))
        .label("app", format!("web-{i}"))
        .label("tier", "backend")
        .volume(Volume::empty_dir(LOGS))
        .init_container(init)
        .container(app)
        .classic_sidecar(log_shipper)
        .classic_ambassador(ambassador)
        .classic_adapter(adapter);
    explicit(pod, RestartPolicy::Always)
}

/// The CronJob `report-i`.
pub fn report_cronjob(i: usize) -> CronJob {
    let report = hardened("report", "busybox:1.36").command(["sh", "-c", "date; echo report"]);
    let template = explicit(Pod::template().container(report), RestartPolicy::OnFailure);
    CronJob::new(format!("report-{i}"), "*/3 * * * *")
        .label("app", format!("web-{i}"))
        .concurrency_policy(ConcurrencyPolicy::Forbid)
        .failed_jobs_history_limit(1)
        .successful_jobs_history_limit(3)
        .starting_deadline(Duration::seconds(10))
        .suspend(false)
        .job(
            Job::unnamed()
                .restart_policy(JobRestartPolicy::OnFailure)
                .completions(3)
                .parallelism(3)
                .template(template),
        )
}

/// Builds the Pod `web-i` and the CronJob `report-i`, checked.
pub fn fleet_builders(i: usize) -> Result<[Object; 2], Errors> {
    let pod = web_pod(i).build();
    let cron = report_cronjob(i).build();
    match (pod, cron) {
        (Ok(pod), Ok(cron)) => Ok([Object::Pod(pod), Object::CronJob(cron)]),
        (pod, cron) => {
            let mut all = Errors {
                errors: Vec::new(),
                warnings: Vec::new(),
            };
            for errors in [pod.err(), cron.err()].into_iter().flatten() {
                all.errors.extend(errors.errors);
                all.warnings.extend(errors.warnings);
            }
            Err(all)
        }
    }
}
