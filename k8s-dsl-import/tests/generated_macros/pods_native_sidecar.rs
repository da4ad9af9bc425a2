// `tests/corpus/pods/native-sidecar.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/native-sidecar.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `with-proxy` (document 1)
        k8s_dsl::pod! {
            name: "with-proxy",
            sidecars: [ {
                name: "proxy",
                image: "envoyproxy/envoy:v1.31.0",
                ports: [ { containerPort: 9901, name: "admin" } ],
                livenessProbe: { tcpSocket: { port: 9901 } },
                startupProbe: {
                    httpGet: { path: "/ready", port: "admin" },
                    periodSeconds: 2s,
                    failureThreshold: 30,
                },
            } ],
            initContainers: [ {
                name: "migrate",
                image: "migrate/migrate:v4.17.1",
                args: ["-path", "/migrations", "up"],
            } ],
            containers: [ {
                name: "app",
                image: "example/app:2.1.0",
                ports: [ { containerPort: 8080, name: "http" } ],
                readinessProbe: { httpGet: { path: "/healthz", port: "http" } },
            } ],
        }
        .build()?
        .into(),
    ])
}
