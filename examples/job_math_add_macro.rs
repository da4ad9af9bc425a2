//! WORKLOADS 10, `math-add-job`, with `job!`.
//!
//! The same objects as `job_math_add`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let job = k8s_dsl::job! {
        name: "math-add-job",
        completions: 3,
        parallelism: 3,
        template: {
            restartPolicy: Never,
            containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
        },
    };
    Ok(manifests![job.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
