// `tests/corpus/examples/pod_liveness_echo.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_liveness_echo.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `echo-lp` (document 1)
        k8s_dsl::pod! {
            name: "echo-lp",
            labels: { app: "echo" },
            containers: [ {
                name: "app",
                image: "ghcr.io/subicura/echo:v1",
                livenessProbe: {
                    httpGet: { path: "/not/exist", port: 8080 },
                    initialDelaySeconds: 5s,
                    periodSeconds: 5s,
                    timeoutSeconds: 2s,
                    failureThreshold: 1,
                },
            } ],
        }
        .build()?
        .into(),
        // Pod `echo-health` (document 2)
        k8s_dsl::pod! {
            name: "echo-health",
            labels: { app: "echo" },
            containers: [ {
                name: "app",
                image: "ghcr.io/subicura/echo:v1",
                readinessProbe: { httpGet: { path: "/", port: 3000 } },
                livenessProbe: { httpGet: { path: "/", port: 3000 } },
            } ],
        }
        .build()?
        .into(),
    ])
}
