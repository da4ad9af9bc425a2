//! WORKLOADS 19, the VerticalPodAutoscaler `my-app-vpa`, a custom resource
//! (`autoscaling.k8s.io/v1`): any object with an `apiVersion` and `kind` is built with
//! `CustomResource`, its metadata checked like every other object's, and emitted the same way.
//! Its `spec` is given as JSON (or any `Serialize` type of your own).

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let vpa = CustomResource::new(
        "autoscaling.k8s.io/v1",
        "VerticalPodAutoscaler",
        "my-app-vpa",
    )
    .spec(serde_json::json!({
        "targetRef": {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "name": "my-app",
        },
        "updatePolicy": { "updateMode": "Auto" },
    }))
    .build()?;
    Ok(manifests![vpa])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
