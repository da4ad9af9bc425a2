//! WORKLOADS 4, `echo-lp` and `echo-health`, with `pod!`.
//!
//! The same objects as `pod_liveness_echo`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let echo_lp = k8s_dsl::pod! {
        name: "echo-lp",
        labels: { app: "echo" },
        containers: [ {
            name: "app",
            image: "ghcr.io/subicura/echo:v1",
            livenessProbe: {
                httpGet: { path: "/not/exist", port: 8080 },
                initialDelaySeconds: 5s,
                timeoutSeconds: 2s,
                periodSeconds: 5s,
                failureThreshold: 1,
            },
        } ],
    };
    let echo_health = k8s_dsl::pod! {
        name: "echo-health",
        labels: { app: "echo" },
        containers: [ {
            name: "app",
            image: "ghcr.io/subicura/echo:v1",
            livenessProbe: { httpGet: { path: "/", port: 3000 } },
            readinessProbe: { httpGet: { path: "/", port: 3000 } },
        } ],
    };
    Ok(manifests![echo_lp.build()?, echo_health.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
