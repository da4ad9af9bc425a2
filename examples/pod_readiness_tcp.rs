//! WORKLOADS 2, `simple-webapp` with a TCP readiness probe: ready once port 3306 accepts a
//! connection.

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
                .port(ContainerPort::new(3306))
                .readiness_probe(
                    Probe::tcp_socket(3306)
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
