//! WORKLOADS 5, `hooks`, with `pod!`.
//!
//! The same objects as `pod_lifecycle_hooks`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = k8s_dsl::pod! {
        name: "hooks",
        containers: [ {
            name: "random-generator",
            image: "k8spatterns/random-generator:1.0",
            lifecycle: {
                postStart: { exec: { command: ["sh", "-c", "sleep 30 && echo \"Wake up!\" > /tmp/postStart_done"] } },
                preStop: { httpGet: { path: "/shutdown", port: 8080 } },
            },
        } ],
    };
    Ok(manifests![pod.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
