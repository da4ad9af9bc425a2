// `tests/corpus/workloads/cronjob.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/cronjob.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // CronJob `report` (document 1)
        k8s_dsl::cronjob! {
            name: "report",
            labels: { app: "report" },
            schedule: "30 2 * * 1-5",
            timeZone: "Europe/Berlin",
            concurrencyPolicy: Forbid,
            suspend: false,
            startingDeadlineSeconds: 5m,
            successfulJobsHistoryLimit: 3,
            failedJobsHistoryLimit: 1,
            jobTemplate: {
                labels: { app: "report" },
                backoffLimit: 2,
                template: {
                    annotations: { "sidecar.istio.io/inject": "false" },
                    restartPolicy: OnFailure,
                    containers: [ {
                        name: "report",
                        image: "example/report:2024.1",
                        args: ["--since", "24h"],
                    } ],
                },
            },
        }
        .build()?
        .into(),
    ])
}
