//! WORKLOADS 4, `echo-lp` and `echo-health`. `echo-lp` probes a path that does not exist, so
//! the kubelet restarts it after one failure (a liveness probe gone wrong, on purpose);
//! `echo-health` probes `/` on 3000 for both liveness and readiness.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

fn echo_pod(name: &str, app: Container) -> Pod {
    Pod::new(name).label("app", "echo").container(app)
}

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let echo_lp = echo_pod(
        "echo-lp",
        Container::new("app")
            .image("ghcr.io/subicura/echo:v1")
            .liveness_probe(
                Probe::http_get("/not/exist", 8080)
                    .initial_delay(Duration::seconds(5))
                    .timeout(Duration::seconds(2))
                    .period(Duration::seconds(5))
                    .failure_threshold(1),
            ),
    )
    .build()?;
    let echo_health = echo_pod(
        "echo-health",
        Container::new("app")
            .image("ghcr.io/subicura/echo:v1")
            .liveness_probe(Probe::http_get("/", 3000))
            .readiness_probe(Probe::http_get("/", 3000)),
    )
    .build()?;
    Ok(manifests![echo_lp, echo_health])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
