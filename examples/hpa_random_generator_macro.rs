//! WORKLOADS 18, with `deployment!`.
//!
//! The same objects as `hpa_random_generator`, the Deployment written with the compile-time
//! checked macro (the HorizontalPodAutoscaler stays a builder); the tests require both to
//! print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let deployment = k8s_dsl::deployment! {
        name: "random-generator",
        template: {
            labels: { app: "random-generator" },
            containers: [ {
                name: "random-generator",
                image: "k8spatterns/random-generator:1.0",
                resources: { requests: { cpu: "200m", memory: "256Mi" } },
            } ],
        },
    };
    let hpa = HorizontalPodAutoscaler::new("random-generator")
        .scale_target(ScaleTarget::deployment("random-generator"))
        .min_replicas(1)
        .max_replicas(5)
        .metric(Metric::cpu_utilization(50));
    Ok(boxed(Bundle::new().add(deployment).add(hpa).build()?))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
