//! WORKLOADS 13: the PriorityClass `high-priority` and a Pod that uses it by name. The bundle
//! checks the reference: a misspelled `priorityClassName` fails with the names that exist.

use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run};

fn main() -> ExitCode {
    run(|| {
        let priority = PriorityClass::new("high-priority", 1000)
            .global_default(false)
            .description("This is a very high priority Pod class");
        let pod = Pod::new("random-generator")
            .label("env", "random-generator")
            .priority_class_name("high-priority")
            .container(
                Container::new("random-generator").image("k8spatterns/random-generator:1.0"),
            );
        Ok(boxed(Bundle::new().add(priority).add(pod).build()?))
    })
}
