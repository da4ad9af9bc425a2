// `tests/corpus/examples/pod_liveness_check.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_liveness_check.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `pod-with-liveness-check` (document 1)
        k8s_dsl::pod! {
            name: "pod-with-liveness-check",
            containers: [ {
                name: "random-generator",
                image: "k8spatterns/random-generator:1.0",
                ports: [ { containerPort: 8080, protocol: TCP } ],
                env: [ { name: "DELAY_STARTUP", value: "20" } ],
                livenessProbe: {
                    httpGet: { path: "/actuator/health", port: 8080 },
                    initialDelaySeconds: 30s,
                },
            } ],
        }
        .build()?
        .into(),
    ])
}
