//! WORKLOADS 10, `math-add-job`: a Job that runs `expr 3 + 2` three times, three pods at once.
//! A Job's pods may only restart `Never` or `OnFailure`: `JobRestartPolicy` has no `Always`.

use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run};

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

#[allow(dead_code)] // `main` of this file when it runs as an example
fn main() -> ExitCode {
    run(|| Ok(manifests![math_add(Job::new("math-add-job")).build()?]))
}
