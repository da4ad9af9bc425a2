// `tests/corpus/workloads/job-indexed.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/job-indexed.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Job `indexed` (document 1)
        k8s_dsl::job! {
            name: "indexed",
            completions: 10,
            parallelism: 3,
            completionMode: Indexed,
            backoffLimitPerIndex: 1,
            maxFailedIndexes: 5,
            podFailurePolicy: {
                rules: [
                    {
                        action: FailJob,
                        onExitCodes: { containerName: "worker", operator: In, values: [42] },
                    },
                    {
                        action: Ignore,
                        onPodConditions: [ { type: "DisruptionTarget", status: True } ],
                    },
                    { action: FailIndex, onExitCodes: { operator: NotIn, values: [0, 1] } },
                ],
            },
            successPolicy: { rules: [ { succeededIndexes: "0-2", succeededCount: 2 } ] },
            podReplacementPolicy: Failed,
            template: {
                restartPolicy: Never,
                containers: [ {
                    name: "worker",
                    image: "example/worker:1.0",
                    env: [ {
                        name: "INDEX",
                        valueFrom: {
                            fieldRef: {
                                fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']",
                            },
                        },
                    } ],
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
