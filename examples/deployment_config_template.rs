//! WORKLOADS 16, `wildfly-cm-template`: an init container renders the WildFly configuration
//! from the parameters in the ConfigMap `wildfly-parameters` into the shared emptyDir
//! `wildfly-config`, which the server then reads from `/config`.
//!
//! Two Deployments show the two strategies: a RollingUpdate (one extra pod at a time, never
//! below the desired count) and Recreate (`wildfly-cm-template-recreate`, all old pods stop
//! before new ones start). The ConfigMap `wildfly-parameters` comes from the cluster (it holds
//! site-specific parameters), so the bundle is told so.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

fn wildfly(name: &str, strategy: DeploymentStrategy) -> Deployment {
    let parameters = Volume::config_map("wildfly-parameters", "wildfly-parameters");
    let config = Volume::empty_dir("wildfly-config");
    Deployment::new(name)
        .label("example", "cm-template")
        .replicas(1)
        .strategy(strategy)
        .template(
            Pod::template()
                .label("example", "cm-template")
                .init_container(
                    Container::new("init")
                        .image("k8spatterns/example-config-cm-template-init")
                        .mount_read_only(&parameters, "/params")
                        .mount(&config, "/out"),
                )
                .container(
                    Container::new("server")
                        .image("jboss/wildfly:10.1.0.Final")
                        .command([
                            "/opt/jboss/wildfly/bin/standalone.sh",
                            "-Djboss.server.config.dir=/config",
                        ])
                        .port(ContainerPort::tcp(8080).name("http"))
                        .readiness_probe(Probe::http_get("/", "http"))
                        .mount(&config, "/config"),
                )
                .volume(parameters)
                .volume(config),
        )
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
