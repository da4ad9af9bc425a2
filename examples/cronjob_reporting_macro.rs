//! WORKLOADS 11, `reporting-cron-job`, with `cronjob!`.
//!
//! The same objects as `cronjob_reporting`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let cron_job = k8s_dsl::cronjob! {
        name: "reporting-cron-job",
        schedule: "*/1 * * * *",
        jobTemplate: {
            completions: 3,
            parallelism: 3,
            template: {
                restartPolicy: Never,
                containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
            },
        },
    };
    Ok(manifests![cron_job.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
