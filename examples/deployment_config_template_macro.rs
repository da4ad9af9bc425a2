//! WORKLOADS 16, `wildfly-cm-template`, with `deployment!`.
//!
//! The same objects as `deployment_config_template`, written with the compile-time checked
//! macros; the tests require both to print byte-identical YAML. The strategy is a value of
//! the builder type, passed to the macro as an expression.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

fn wildfly(name: &str, strategy: DeploymentStrategy) -> Deployment {
    k8s_dsl::deployment! {
        name: name,
        labels: { example: "cm-template" },
        replicas: 1,
        strategy: strategy,
        template: {
            labels: { example: "cm-template" },
            initContainers: [ {
                name: "init",
                image: "k8spatterns/example-config-cm-template-init",
                volumeMounts: [
                    { name: "wildfly-parameters", mountPath: "/params", readOnly: true },
                    { name: "wildfly-config", mountPath: "/out" },
                ],
            } ],
            containers: [ {
                name: "server",
                image: "jboss/wildfly:10.1.0.Final",
                command: [
                    "/opt/jboss/wildfly/bin/standalone.sh",
                    "-Djboss.server.config.dir=/config",
                ],
                ports: [ { containerPort: 8080, name: "http", protocol: TCP } ],
                readinessProbe: { httpGet: { path: "/", port: "http" } },
                volumeMounts: [ { name: "wildfly-config", mountPath: "/config" } ],
            } ],
            volumes: [
                { name: "wildfly-parameters", configMap: { name: "wildfly-parameters" } },
                { name: "wildfly-config", emptyDir: {} },
            ],
        },
    }
}

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let rolling = wildfly(
        "wildfly-cm-template",
        DeploymentStrategy::rolling_update()
            .max_surge(1)
            .max_unavailable(0)
            .into(),
    );
    let recreate = wildfly("wildfly-cm-template-recreate", DeploymentStrategy::Recreate);
    let objects = Bundle::new()
        .provided_by_cluster("ConfigMap", "wildfly-parameters")
        .add(rolling)
        .add(recreate)
        .build()?;
    Ok(boxed(objects))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
