//! WORKLOADS 11, `reporting-cron-job`: the Job of WORKLOADS 10 (`math-add`), every minute.

use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run};

#[path = "job_math_add.rs"]
#[allow(dead_code)]
mod job_math_add;

fn main() -> ExitCode {
    run(|| {
        let cron_job = CronJob::new("reporting-cron-job", "*/1 * * * *")
            .job(job_math_add::math_add(Job::unnamed()))
            .build()?;
        Ok(manifests![cron_job])
    })
}
