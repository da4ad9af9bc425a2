//! WORKLOADS 12, the `random-generator` CronJob: every three minutes, a pod writes 10000 random
//! numbers to `/numbers.txt`, restarting on failure.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let cron_job = CronJob::new("random-generator", "*/3 * * * *")
        .job(
            Job::unnamed()
                .restart_policy(JobRestartPolicy::OnFailure)
                .template(
                    Pod::template().container(
                        Container::new("random-generator")
                            .image("k8spatterns/random-generator:1.0")
                            .command(["java", "-cp", "/", "RandomRunner", "/numbers.txt", "10000"]),
                    ),
                ),
        )
        .build()?;
    Ok(manifests![cron_job])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
