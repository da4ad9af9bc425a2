// `tests/corpus/workloads/deployment-recreate.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/deployment-recreate.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `db-migrator` (document 1)
        k8s_dsl::deployment! {
            name: "db-migrator",
            replicas: 1,
            strategy: { type: Recreate },
            selector: {
                matchLabels: { app: "db-migrator" },
                matchExpressions: [
                    { key: "track", operator: In, values: ["stable"] },
                    { key: "canary", operator: DoesNotExist },
                ],
            },
            template: {
                labels: { app: "db-migrator", track: "stable" },
                containers: [ { name: "migrator", image: "example/migrator:5.1" } ],
            },
        }
        .build()?
        .into(),
        // Deployment `default-strategy` (document 2)
        k8s_dsl::deployment! {
            name: "default-strategy",
            strategy: { type: RollingUpdate },
            selector: { matchLabels: { app: "default-strategy" } },
            template: {
                labels: { app: "default-strategy" },
                containers: [ { name: "app", image: "example/app:1.0" } ],
            },
        }
        .build()?
        .into(),
    ])
}
