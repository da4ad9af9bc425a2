// `tests/corpus/batch-app.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/batch-app.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ConfigMap `batch-settings` (document 1)
        ConfigMap::new("batch-settings")
            .label("app", "batch")
            .data("DATABASE_URL", "postgres://db:5432/app")
            .data("REPORT_BUCKET", "s3://reports")
            .build()?
            .into(),
        // Job `migrate` (document 2)
        Job::new("migrate")
            .label("app", "batch")
            .restart_policy(JobRestartPolicy::Never)
            .backoff_limit(2)
            .active_deadline(Duration::minutes(15))
            .ttl_after_finished(Duration::hours(1))
            .template(
                Pod::template()
                    .label("app", "batch")
                    .sidecar(
                        Container::new("log-shipper")
                            .image("fluent/fluent-bit:3.2")
                            .mount_read_only("logs", "/logs"),
                    )
                    .container(
                        Container::new("migrate")
                            .image("example/app:2.4.0")
                            .command(["app", "migrate", "--log-dir", "/logs"])
                            .env_var(EnvVar::config_map_key(
                                "DATABASE_URL",
                                "batch-settings",
                                "DATABASE_URL",
                            ))
                            .request("cpu", "250m")
                            .memory("256Mi", "512Mi")
                            .mount("logs", "/logs"),
                    )
                    .volume(Volume::empty_dir("logs")),
            )
            .build()?
            .into(),
        // CronJob `nightly-report` (document 3)
        CronJob::new("nightly-report", "0 3 * * *")
            .label("app", "batch")
            .time_zone("Etc/UTC")
            .concurrency_policy(ConcurrencyPolicy::Forbid)
            .job(
                Job::unnamed()
                    .restart_policy(JobRestartPolicy::OnFailure)
                    .backoff_limit(1)
                    .template(
                        Pod::template().container(
                            Container::new("report")
                                .image("example/app:2.4.0")
                                .args(["report", "--since", "24h"])
                                .env_from(EnvFrom::config_map("batch-settings")),
                        ),
                    ),
            )
            .build()?
            .into(),
        // Pod `debug` (document 4)
        Pod::new("debug")
            .label("app", "batch")
            .container(
                Container::new("shell")
                    .image("busybox:1.36")
                    .command(["sleep", "3600"])
                    .mount_read_only("exports", "/exports"),
            )
            .volume(Volume::nfs("exports", "nfs.example.com", "/exports/batch").read_only())
            .toleration(Toleration::equal("dedicated", "batch").effect(TaintEffect::NoSchedule))
            .build()?
            .into(),
    ])
}
