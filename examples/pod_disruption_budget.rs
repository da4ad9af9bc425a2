//! WORKLOADS 14, `random-generator-pdb`: voluntary disruptions (node drains) must leave at
//! least two pods labelled `app: random-generator` running.

use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run};

fn main() -> ExitCode {
    run(|| {
        let pdb = PodDisruptionBudget::new("random-generator-pdb")
            .selector([("app", "random-generator")])
            .min_available(2)
            .build()?;
        Ok(manifests![pdb])
    })
}
