// `tests/corpus/examples/pod_adapter.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_adapter.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `web-with-metrics` (document 1)
        Pod::new("web-with-metrics")
            .label("app", "web")
            .annotation("prometheus.io/port", "9113")
            .sidecar(
                Container::new("exporter")
                    .image("nginx/nginx-prometheus-exporter:1.3.0")
                    .args(["--nginx.scrape-uri=http://localhost:8080/stub_status"])
                    .port(ContainerPort::tcp(9113).name("metrics"))
                    .readiness_probe(Probe::http_get("/metrics", "metrics")),
            )
            .container(
                Container::new("web")
                    .image("nginx:1.27")
                    .port(ContainerPort::tcp(8080).name("http"))
                    .readiness_probe(Probe::http_get("/stub_status", "http")),
            )
            .build()?
            .into(),
    ])
}
