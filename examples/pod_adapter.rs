//! WORKLOADS 7, the adapter pattern: the app (nginx) reports its status in its own format on
//! `/stub_status`; the adapter (nginx-prometheus-exporter) turns that into Prometheus metrics on
//! the named port `metrics` (9113), the standard form a Prometheus scrape expects.
//!
//! The adapter is a native sidecar (restartable init container). Images: `nginx:1.27`,
//! `nginx/nginx-prometheus-exporter:1.3.0`.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = Pod::new("web-with-metrics")
        .label("app", "web")
        .annotation("prometheus.io/port", "9113")
        .container(
            Container::new("web")
                .image("nginx:1.27")
                .port(ContainerPort::tcp(8080).name("http"))
                .readiness_probe(Probe::http_get("/stub_status", "http")),
        )
        .adapter(
            Container::new("exporter")
                .image("nginx/nginx-prometheus-exporter:1.3.0")
                .args(["--nginx.scrape-uri=http://localhost:8080/stub_status"])
                .port(ContainerPort::tcp(9113).name("metrics"))
                .readiness_probe(Probe::http_get("/metrics", "metrics")),
        )
        .build()?;
    Ok(manifests![pod])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
