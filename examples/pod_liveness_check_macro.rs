//! WORKLOADS 3, `pod-with-liveness-check`, with `pod!`.
//!
//! The same objects as `pod_liveness_check`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = k8s_dsl::pod! {
        name: "pod-with-liveness-check",
        containers: [ {
            name: "random-generator",
            image: "k8spatterns/random-generator:1.0",
            env: [ { name: "DELAY_STARTUP", value: "20" } ],
            ports: [ { containerPort: 8080, protocol: TCP } ],
            livenessProbe: {
                httpGet: { path: "/actuator/health", port: 8080 },
                initialDelaySeconds: 30s,
            },
        } ],
    };
    Ok(manifests![pod.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
