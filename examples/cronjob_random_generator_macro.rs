//! WORKLOADS 12, the `random-generator` CronJob, with `cronjob!`.
//!
//! The same objects as `cronjob_random_generator`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let cron_job = k8s_dsl::cronjob! {
        name: "random-generator",
        schedule: "*/3 * * * *",
        jobTemplate: {
            template: {
                restartPolicy: OnFailure,
                containers: [ {
                    name: "random-generator",
                    image: "k8spatterns/random-generator:1.0",
                    command: ["java", "-cp", "/", "RandomRunner", "/numbers.txt", "10000"],
                } ],
            },
        },
    };
    Ok(manifests![cron_job.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
