// `tests/corpus/workloads/job-manual-selector.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/job-manual-selector.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Job `manual` (document 1)
        k8s_dsl::job! {
            name: "manual",
            suspend: true,
            manualSelector: true,
            selector: { matchLabels: { job: "manual" } },
            template: {
                labels: { job: "manual" },
                restartPolicy: OnFailure,
                containers: [ {
                    name: "task",
                    image: "busybox:1.36",
                    command: ["sh", "-c", "echo done"],
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
