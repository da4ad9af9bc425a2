//! WORKLOADS 17, with `deployment!`.
//!
//! The same objects as `service_types`, the Deployment written with the compile-time checked
//! macro (the Services stay builders); the tests require both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let deployment = k8s_dsl::deployment! {
        name: "random-generator",
        replicas: 2,
        template: {
            labels: { app: "random-generator" },
            containers: [ {
                name: "random-generator",
                image: "k8spatterns/random-generator:1.0",
                ports: [ { containerPort: 8080, name: "http", protocol: TCP } ],
                readinessProbe: { httpGet: { path: "/actuator/health", port: "http" } },
            } ],
        },
    };
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
