//! WORKLOADS 17: a Deployment `random-generator` behind a ClusterIP Service (`targetPort` by the
//! container port's name `http`) and a NodePort Service (node port 30036, inside the default
//! 30000-32767 range). The bundle checks that each Service selects the Deployment's pods and
//! that they declare the port name.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let deployment = Deployment::new("random-generator").replicas(2).template(
        Pod::template().label("app", "random-generator").container(
            Container::new("random-generator")
                .image("k8spatterns/random-generator:1.0")
                .port(ContainerPort::tcp(8080).name("http"))
                .readiness_probe(Probe::http_get("/actuator/health", "http")),
        ),
    );
    let cluster_ip = Service::new("random-generator")
        .selector("app", "random-generator")
        .port(ServicePort::tcp(80).name("http").target("http"));
    let node_port = Service::node_port("random-generator-nodeport")
        .selector("app", "random-generator")
        .port(
            ServicePort::tcp(8080)
                .name("http")
                .target("http")
                .node_port(30036),
        );
    let objects = Bundle::new()
        .add(deployment)
        .add(cluster_ip)
        .add(node_port)
        .build()?;
    Ok(boxed(objects))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
