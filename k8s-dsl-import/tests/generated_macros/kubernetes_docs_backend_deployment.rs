// `tests/corpus/kubernetes-docs/backend-deployment.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/backend-deployment.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `backend` (document 1)
        k8s_dsl::deployment! {
            name: "backend",
            replicas: 3,
            selector: {
                matchLabels: {
                    "app.kubernetes.io/name": "hello",
                    tier: "backend",
                    track: "stable",
                },
            },
            template: {
                labels: { "app.kubernetes.io/name": "hello", tier: "backend", track: "stable" },
                containers: [ {
                    name: "hello",
                    image: "gcr.io/google-samples/hello-go-gke:1.0",
                    ports: [ { containerPort: 80, name: "http" } ],
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
