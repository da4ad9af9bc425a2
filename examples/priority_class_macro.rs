//! WORKLOADS 13, the PriorityClass `high-priority` and a pod using it; the pod with `pod!`.
//!
//! The same objects as `priority_class`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{boxed, run, Manifests};

use k8s_dsl::prelude::*;

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let priority = PriorityClass::new("high-priority", 1000)
        .global_default(false)
        .description("This is a very high priority Pod class");
    let pod = k8s_dsl::pod! {
        name: "random-generator",
        labels: { env: "random-generator" },
        priorityClassName: "high-priority",
        containers: [ { name: "random-generator", image: "k8spatterns/random-generator:1.0" } ],
    };
    Ok(boxed(Bundle::new().add(priority).add(pod).build()?))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
