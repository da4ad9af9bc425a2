// `tests/corpus/examples/pod_readiness_exec.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_readiness_exec.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `simple-webapp` (document 1)
        k8s_dsl::pod! {
            name: "simple-webapp",
            labels: { name: "simple-webapp" },
            containers: [ {
                name: "simple-webapp",
                image: "simple-webapp",
                ports: [ { containerPort: 8080 } ],
                readinessProbe: {
                    exec: { command: ["cat", "/app/is_ready"] },
                    initialDelaySeconds: 10s,
                    periodSeconds: 5s,
                    failureThreshold: 8,
                },
            } ],
        }
        .build()?
        .into(),
    ])
}
