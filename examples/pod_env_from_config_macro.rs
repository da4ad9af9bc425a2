//! WORKLOADS 9, `random-generator` with env from a ConfigMap and a Secret; the pod with `pod!`, in a bundle with the ConfigMap and Secret.
//!
//! The same objects as `pod_env_from_config`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{boxed, run, Manifests};

use k8s_dsl::prelude::*;

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = k8s_dsl::pod! {
        name: "random-generator",
        containers: [ {
            name: "random-generator",
            image: "k8spatterns/random-generator:1.0",
            env: [
                { name: "LOG_FILE", value: "/tmp/random.log" },
                { name: "PATTERN", valueFrom: { configMapKeyRef: { name: "random-generator-config", key: "pattern" } } },
                { name: "SEED", valueFrom: { secretKeyRef: { name: "random-generator-secret", key: "seed" } } },
            ],
        } ],
    };
    let config = ConfigMap::new("random-generator-config").data("pattern", "\\d\\d\\d");
    let secret = Secret::new("random-generator-secret").string_data("seed", "11232156346");
    Ok(boxed(
        Bundle::new().add(config).add(secret).add(pod).build()?,
    ))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
