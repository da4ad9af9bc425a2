//! WORKLOADS 3, `pod-with-liveness-check`: the kubelet restarts `random-generator` when GET
//! `/actuator/health` on 8080 fails, checking first 30 s after start.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = Pod::new("pod-with-liveness-check")
        .container(
            Container::new("random-generator")
                .image("k8spatterns/random-generator:1.0")
                .env("DELAY_STARTUP", "20")
                .port(ContainerPort::tcp(8080))
                .liveness_probe(
                    Probe::http_get("/actuator/health", 8080).initial_delay(Duration::seconds(30)),
                ),
        )
        .build()?;
    Ok(manifests![pod])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
