//! WORKLOADS 2, `simple-webapp` with an exec readiness probe: ready once `cat /app/is_ready`
//! succeeds inside the container.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = Pod::new("simple-webapp")
        .label("name", "simple-webapp")
        .container(
            Container::new("simple-webapp")
                .image("simple-webapp")
                .port(ContainerPort::new(8080))
                .readiness_probe(
                    Probe::exec(["cat", "/app/is_ready"])
                        .initial_delay(Duration::seconds(10))
                        .period(Duration::seconds(5))
                        .failure_threshold(8),
                ),
        )
        .build()?;
    Ok(manifests![pod])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
