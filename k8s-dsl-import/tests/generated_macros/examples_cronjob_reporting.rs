// `tests/corpus/examples/cronjob_reporting.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/cronjob_reporting.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // CronJob `reporting-cron-job` (document 1)
        k8s_dsl::cronjob! {
            name: "reporting-cron-job",
            schedule: "*/1 * * * *",
            jobTemplate: {
                completions: 3,
                parallelism: 3,
                template: {
                    restartPolicy: Never,
                    containers: [ {
                        name: "math-add",
                        image: "ubuntu",
                        command: ["expr", "3", "+", "2"],
                    } ],
                },
            },
        }
        .build()?
        .into(),
    ])
}
