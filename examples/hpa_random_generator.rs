//! WORKLOADS 18, the HorizontalPodAutoscaler `random-generator` (autoscaling/v2): one to five
//! replicas of the Deployment `random-generator`, aiming at 50 % average CPU utilization. The
//! Deployment is in the bundle, which checks the HPA's target exists; CPU utilization needs CPU
//! requests, so the container sets them.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let deployment = Deployment::new("random-generator").template(
        Pod::template().label("app", "random-generator").container(
            Container::new("random-generator")
                .image("k8spatterns/random-generator:1.0")
                .request("cpu", "200m")
                .request("memory", "256Mi"),
        ),
    );
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
