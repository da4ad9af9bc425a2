//! WORKLOADS 7, the adapter pattern, with `pod!`.
//!
//! The same objects as `pod_adapter`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = k8s_dsl::pod! {
        name: "web-with-metrics",
        labels: { app: "web" },
        annotations: { "prometheus.io/port": "9113" },
        containers: [ {
            name: "web",
            image: "nginx:1.27",
            ports: [ { containerPort: 8080, name: "http", protocol: TCP } ],
            readinessProbe: { httpGet: { path: "/stub_status", port: "http" } },
        } ],
        adapters: [ {
            name: "exporter",
            image: "nginx/nginx-prometheus-exporter:1.3.0",
            args: ["--nginx.scrape-uri=http://localhost:8080/stub_status"],
            ports: [ { containerPort: 9113, name: "metrics", protocol: TCP } ],
            readinessProbe: { httpGet: { path: "/metrics", port: "metrics" } },
        } ],
    };
    Ok(manifests![pod.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
