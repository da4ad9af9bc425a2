//! WORKLOADS 2, `simple-webapp` with the tcp readiness probe, with `pod!`.
//!
//! The same objects as `pod_readiness_tcp`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = k8s_dsl::pod! {
        name: "simple-webapp",
        labels: { name: "simple-webapp" },
        containers: [ {
            name: "simple-webapp",
            image: "simple-webapp",
            ports: [ { containerPort: 3306 } ],
            readinessProbe: {
                tcpSocket: { port: 3306 },
                initialDelaySeconds: 10s,
                periodSeconds: 5s,
                failureThreshold: 8,
            },
        } ],
    };
    Ok(manifests![pod.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
