//! WORKLOADS 15, the StatefulSet `rg`: two pods with stable names (`rg-0`, `rg-1`), each with its
//! own `logs` volume from a claim template, and the headless Service `random-generator` that
//! gives them stable DNS names. The bundle checks that `serviceName` names a headless Service.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let service = Service::headless("random-generator")
        .selector("app", "random-generator")
        .port(ServicePort::tcp(8080).name("http").target("http"));
    let stateful_set = StatefulSet::new("rg")
        .service_name("random-generator")
        .replicas(2)
        .template(
            Pod::template().label("app", "random-generator").container(
                Container::new("random-generator")
                    .image("k8spatterns/random-generator:1.0")
                    .port(ContainerPort::new(8080).name("http"))
                    .mount("logs", "/logs"),
            ),
        )
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
