// `tests/corpus/examples/hpa_random_generator.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/hpa_random_generator.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `random-generator` (document 1)
        k8s_dsl::deployment! {
            name: "random-generator",
            selector: { matchLabels: { app: "random-generator" } },
            template: {
                labels: { app: "random-generator" },
                containers: [ {
                    name: "random-generator",
                    image: "k8spatterns/random-generator:1.0",
                    resources: { requests: { cpu: "200m", memory: "256Mi" } },
                } ],
            },
        }
        .build()?
        .into(),
        // HorizontalPodAutoscaler `random-generator` (document 2)
        HorizontalPodAutoscaler::new("random-generator")
            .scale_target(ScaleTarget::deployment("random-generator"))
            .min_replicas(1)
            .max_replicas(5)
            .metric(Metric::cpu_utilization(50))
            .build()?
            .into(),
    ])
}
