// `tests/corpus/workloads/deployment-rolling.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/deployment-rolling.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `web` (document 1)
        k8s_dsl::deployment! {
            name: "web",
            namespace: "shop",
            labels: { app: "web" },
            replicas: 3,
            minReadySeconds: 10s,
            progressDeadlineSeconds: 10m,
            revisionHistoryLimit: 5,
            paused: false,
            strategy: {
                type: RollingUpdate,
                rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 },
            },
            selector: { matchLabels: { app: "web" } },
            template: {
                labels: { app: "web" },
                annotations: { "prometheus.io/scrape": "true" },
                containers: [ {
                    name: "web",
                    image: "nginx:1.27",
                    ports: [ { containerPort: 80, name: "http" } ],
                    readinessProbe: { httpGet: { path: "/", port: "http" } },
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
