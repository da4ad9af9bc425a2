// `tests/corpus/workloads/batch-policies.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/batch-policies.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // CronJob `nightly-train` (document 1)
        k8s_dsl::cronjob! {
            name: "nightly-train",
            schedule: "0 3 * * *",
            jobTemplate: {
                podFailurePolicy: {
                    rules: [
                        {
                            action: FailJob,
                            onExitCodes: { containerName: "train", operator: In, values: [42, 43] },
                        },
                        {
                            action: Count,
                            onPodConditions: [ { type: "example.com/Evicted", status: Unknown } ],
                        },
                    ],
                },
                podReplacementPolicy: Failed,
                template: {
                    labels: { job: "nightly-train", team: "data" },
                    restartPolicy: Never,
                    containers: [ {
                        name: "train",
                        image: "example/train:1.0",
                        stdin: false,
                        tty: false,
                    } ],
                    tolerations: [ { key: "gpu", operator: Exists, effect: NoSchedule } ],
                    affinity: {
                        nodeAffinity: {
                            requiredDuringSchedulingIgnoredDuringExecution: {
                                nodeSelectorTerms: [ {
                                    matchExpressions: [
                                        {
                                            key: "example.com/memory-gb",
                                            operator: Lt,
                                            values: ["512"],
                                        },
                                        { key: "example.com/legacy", operator: DoesNotExist },
                                    ],
                                } ],
                            },
                        },
                    },
                    priority: 1000,
                },
            },
        }
        .build()?
        .into(),
        // Job `selected` (document 2)
        k8s_dsl::job! {
            name: "selected",
            manualSelector: true,
            selector: {
                matchLabels: { job: "selected" },
                matchExpressions: [
                    { key: "tier", operator: NotIn, values: ["web"] },
                    { key: "team", operator: Exists },
                ],
            },
            template: {
                labels: { job: "selected", team: "data" },
                restartPolicy: OnFailure,
                containers: [ { name: "main", image: "busybox:1.36" } ],
            },
        }
        .build()?
        .into(),
    ])
}
