//! WORKLOADS 15, the StatefulSet `rg`, with `statefulset!`.
//!
//! The same objects as `statefulset_rg`, the StatefulSet written with the compile-time checked
//! macro (its claim template and the headless Service stay builders); the tests require both
//! to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let service = Service::headless("random-generator")
        .selector("app", "random-generator")
        .port(ServicePort::tcp(8080).name("http").target("http"));
    let stateful_set = k8s_dsl::statefulset! {
        name: "rg",
        serviceName: "random-generator",
        replicas: 2,
        template: {
            labels: { app: "random-generator" },
            containers: [ {
                name: "random-generator",
                image: "k8spatterns/random-generator:1.0",
                ports: [ { containerPort: 8080, name: "http" } ],
                volumeMounts: [ { name: "logs", mountPath: "/logs" } ],
            } ],
        },
    }
    .volume_claim(
        VolumeClaimTemplate::new("logs")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("10Mi"),
    );
    Ok(boxed(Bundle::new().add(service).add(stateful_set).build()?))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
