//! WORKLOADS 13: the PriorityClass `high-priority` and a Pod that uses it by name. The bundle
//! checks the reference: a misspelled `priorityClassName` fails with the names that exist.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let priority = PriorityClass::new("high-priority", 1000)
        .global_default(false)
        .description("This is a very high priority Pod class");
    let pod = Pod::new("random-generator")
        .label("env", "random-generator")
        .priority_class_name("high-priority")
        .container(Container::new("random-generator").image("k8spatterns/random-generator:1.0"));
    Ok(boxed(Bundle::new().add(priority).add(pod).build()?))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
