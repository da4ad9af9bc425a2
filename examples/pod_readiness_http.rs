//! WORKLOADS 2, `simple-webapp` with an HTTP readiness probe: GET `/api/ready` on 8080, first
//! after 10 s, then every 5 s; the pod counts as unready after 8 failures in a row.
//!
//! The image `simple-webapp` has no tag, as in the reference workload; `build_with_warnings`
//! reports that (a warning, not an error).

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
                    Probe::http_get("/api/ready", 8080)
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
