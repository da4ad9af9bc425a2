// `tests/corpus/pods/scheduling.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/scheduling.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `scheduled` (document 1)
        k8s_dsl::pod! {
            name: "scheduled",
            labels: { app: "scheduled" },
            containers: [ { name: "app", image: "example/app:1.0" } ],
            priorityClassName: "high-priority",
            runtimeClassName: "gvisor",
            nodeSelector: { disktype: "ssd", "kubernetes.io/os": "linux" },
            tolerations: [
                { key: "dedicated", operator: Equal, value: "batch", effect: NoSchedule },
                {
                    key: "node.kubernetes.io/unreachable",
                    operator: Exists,
                    effect: NoExecute,
                    tolerationSeconds: 5m,
                },
                { key: "example.com/special", operator: Exists },
                { operator: Exists },
            ],
            affinity: {
                nodeAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: {
                        nodeSelectorTerms: [ {
                            matchExpressions: [
                                {
                                    key: "topology.kubernetes.io/zone",
                                    operator: In,
                                    values: ["eu-west-1a", "eu-west-1b"],
                                },
                                { key: "example.com/cores", operator: Gt, values: ["4"] },
                            ],
                        } ],
                    },
                    preferredDuringSchedulingIgnoredDuringExecution: [ {
                        weight: 50,
                        preference: {
                            matchExpressions: [ {
                                key: "example.com/spot",
                                operator: DoesNotExist,
                            } ],
                        },
                    } ],
                },
                podAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: [ {
                        topologyKey: "topology.kubernetes.io/zone",
                        labelSelector: { matchLabels: { app: "cache" } },
                    } ],
                },
                podAntiAffinity: {
                    preferredDuringSchedulingIgnoredDuringExecution: [ {
                        weight: 100,
                        podAffinityTerm: {
                            topologyKey: "kubernetes.io/hostname",
                            labelSelector: {
                                matchExpressions: [ {
                                    key: "app",
                                    operator: In,
                                    values: ["scheduled"],
                                } ],
                            },
                            namespaces: ["default", "batch"],
                        },
                    } ],
                },
            },
            schedulerName: "custom-scheduler",
        }
        .build()?
        .into(),
    ])
}
