//! WORKLOADS 10, `math-add-job`: a Job that runs `expr 3 + 2` three times, three pods at once.
//! A Job's pods may only restart `Never` or `OnFailure`: `JobRestartPolicy` has no `Always`.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The Job of WORKLOADS 10, shared with the CronJob of WORKLOADS 11 (as `Job::unnamed()`).
pub fn math_add(job: Job) -> Job {
    job.completions(3)
        .parallelism(3)
        .restart_policy(JobRestartPolicy::Never)
        .template(
            Pod::template().container(
                Container::new("math-add")
                    .image("ubuntu")
                    .command(["expr", "3", "+", "2"]),
            ),
        )
}

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    Ok(manifests![math_add(Job::new("math-add-job")).build()?])
}

#[allow(dead_code)] // unused where another example includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
