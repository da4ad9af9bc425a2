// `tests/corpus/workloads/cronjob.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/cronjob.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // CronJob `report` (document 1)
        CronJob::new("report", "30 2 * * 1-5")
            .label("app", "report")
            .time_zone("Europe/Berlin")
            .concurrency_policy(ConcurrencyPolicy::Forbid)
            .starting_deadline(Duration::minutes(5))
            .suspend(false)
            .successful_jobs_history_limit(3)
            .failed_jobs_history_limit(1)
            .job(
                Job::unnamed()
                    .label("app", "report")
                    .restart_policy(JobRestartPolicy::OnFailure)
                    .backoff_limit(2)
                    .template(
                        Pod::template()
                            .annotation("sidecar.istio.io/inject", "false")
                            .container(
                                Container::new("report")
                                    .image("example/report:2024.1")
                                    .args(["--since", "24h"]),
                            ),
                    ),
            )
            .build()?
            .into(),
    ])
}
