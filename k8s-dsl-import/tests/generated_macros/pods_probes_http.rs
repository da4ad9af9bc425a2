// `tests/corpus/pods/probes-http.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/probes-http.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `probes-http` (document 1)
        k8s_dsl::pod! {
            name: "probes-http",
            containers: [ {
                name: "api",
                image: "example/api:1.0.0",
                ports: [ { containerPort: 8443, name: "https" } ],
                readinessProbe: {
                    httpGet: {
                        path: "/ready",
                        port: "https",
                        scheme: HTTPS,
                        host: "api.internal",
                        httpHeaders: [
                            { name: "X-Probe", value: "readiness" },
                            { name: "Accept", value: "application/json" },
                        ],
                    },
                    initialDelaySeconds: 5s,
                    periodSeconds: 10s,
                    timeoutSeconds: 2s,
                    successThreshold: 2,
                    failureThreshold: 3,
                },
                livenessProbe: {
                    httpGet: { path: "/live", port: 8443, scheme: HTTPS },
                    initialDelaySeconds: 2m,
                    periodSeconds: 1h,
                    terminationGracePeriodSeconds: 30s,
                },
            } ],
        }
        .build()?
        .into(),
    ])
}
