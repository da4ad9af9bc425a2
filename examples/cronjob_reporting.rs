//! WORKLOADS 11, `reporting-cron-job`: the Job of WORKLOADS 10 (`math-add`), every minute.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

#[path = "job_math_add.rs"]
#[allow(dead_code)]
pub mod job_math_add;

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let cron_job = CronJob::new("reporting-cron-job", "*/1 * * * *")
        .job(job_math_add::math_add(Job::unnamed()))
        .build()?;
    Ok(manifests![cron_job])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
