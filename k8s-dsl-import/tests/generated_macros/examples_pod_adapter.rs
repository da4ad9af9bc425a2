// `tests/corpus/examples/pod_adapter.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_adapter.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `web-with-metrics` (document 1)
        k8s_dsl::pod! {
            name: "web-with-metrics",
            labels: { app: "web" },
            annotations: { "prometheus.io/port": "9113" },
            sidecars: [ {
                name: "exporter",
                image: "nginx/nginx-prometheus-exporter:1.3.0",
                args: ["--nginx.scrape-uri=http://localhost:8080/stub_status"],
                ports: [ { containerPort: 9113, name: "metrics", protocol: TCP } ],
                readinessProbe: { httpGet: { path: "/metrics", port: "metrics" } },
            } ],
            containers: [ {
                name: "web",
                image: "nginx:1.27",
                ports: [ { containerPort: 8080, name: "http", protocol: TCP } ],
                readinessProbe: { httpGet: { path: "/stub_status", port: "http" } },
            } ],
        }
        .build()?
        .into(),
    ])
}
