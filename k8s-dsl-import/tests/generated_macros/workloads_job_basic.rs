// `tests/corpus/workloads/job-basic.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/job-basic.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Job `pi` (document 1)
        k8s_dsl::job! {
            name: "pi",
            namespace: "batch",
            labels: { app: "pi" },
            completions: 5,
            parallelism: 2,
            backoffLimit: 4,
            activeDeadlineSeconds: 10m,
            ttlSecondsAfterFinished: 24h,
            template: {
                labels: { app: "pi" },
                restartPolicy: Never,
                containers: [ {
                    name: "pi",
                    image: "perl:5.34.0",
                    command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"],
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
