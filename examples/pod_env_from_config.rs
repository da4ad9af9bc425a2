//! WORKLOADS 9, `random-generator` with its environment from configuration: a literal
//! `LOG_FILE`, `PATTERN` from the ConfigMap `random-generator-config` and `SEED` from the Secret
//! `random-generator-secret`. The ConfigMap and Secret are in the same bundle, which checks that
//! every reference the pod makes names an object it holds.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let config = ConfigMap::new("random-generator-config").data("pattern", "\\d\\d\\d");
    let secret = Secret::new("random-generator-secret").string_data("seed", "11232156346");
    let pod = Pod::new("random-generator").container(
        Container::new("random-generator")
            .image("k8spatterns/random-generator:1.0")
            .env("LOG_FILE", "/tmp/random.log")
            .env_var(EnvVar::config_map_key(
                "PATTERN",
                "random-generator-config",
                "pattern",
            ))
            .env_var(EnvVar::secret_key(
                "SEED",
                "random-generator-secret",
                "seed",
            )),
    );
    let objects = Bundle::new().add(config).add(secret).add(pod).build()?;
    Ok(boxed(objects))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
