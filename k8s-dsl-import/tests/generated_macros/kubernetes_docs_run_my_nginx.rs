// `tests/corpus/kubernetes-docs/run-my-nginx.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/run-my-nginx.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `my-nginx` (document 1)
        k8s_dsl::deployment! {
            name: "my-nginx",
            replicas: 2,
            selector: { matchLabels: { run: "my-nginx" } },
            template: {
                labels: { run: "my-nginx" },
                containers: [ {
                    name: "my-nginx",
                    image: "nginx",
                    ports: [ { containerPort: 80 } ],
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
