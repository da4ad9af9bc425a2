//! WORKLOADS 14, `random-generator-pdb`: voluntary disruptions (node drains) must leave at
//! least two pods labelled `app: random-generator` running.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pdb = PodDisruptionBudget::new("random-generator-pdb")
        .selector([("app", "random-generator")])
        .min_available(2)
        .build()?;
    Ok(manifests![pdb])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
