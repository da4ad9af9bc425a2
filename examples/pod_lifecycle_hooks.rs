//! WORKLOADS 5, `hooks`: a postStart hook runs a command right after the container starts, and a
//! preStop hook asks the app to shut down over HTTP before the kubelet stops it.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = Pod::new("hooks")
        .container(
            Container::new("random-generator")
                .image("k8spatterns/random-generator:1.0")
                .post_start(Handler::exec([
                    "sh",
                    "-c",
                    "sleep 30 && echo \"Wake up!\" > /tmp/postStart_done",
                ]))
                .pre_stop(Handler::http_get("/shutdown", 8080)),
        )
        .build()?;
    Ok(manifests![pod])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
