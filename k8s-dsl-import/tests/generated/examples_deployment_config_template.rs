// `tests/corpus/examples/deployment_config_template.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/deployment_config_template.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `wildfly-cm-template` (document 1)
        Deployment::new("wildfly-cm-template")
            .label("example", "cm-template")
            .replicas(1)
            .strategy(
                DeploymentStrategy::rolling_update()
                    .max_surge(1)
                    .max_unavailable(0),
            )
            .template(
                Pod::template()
                    .label("example", "cm-template")
                    .init_container(
                        Container::new("init")
                            .image("k8spatterns/example-config-cm-template-init")
                            .mount_read_only("wildfly-parameters", "/params")
                            .mount("wildfly-config", "/out"),
                    )
                    .container(
                        Container::new("server")
                            .image("jboss/wildfly:10.1.0.Final")
                            .command([
                                "/opt/jboss/wildfly/bin/standalone.sh",
                                "-Djboss.server.config.dir=/config",
                            ])
                            .port(ContainerPort::tcp(8080).name("http"))
                            .mount("wildfly-config", "/config")
                            .readiness_probe(Probe::http_get("/", "http")),
                    )
                    .volume(Volume::config_map(
                        "wildfly-parameters",
                        "wildfly-parameters",
                    ))
                    .volume(Volume::empty_dir("wildfly-config")),
            )
            .build()?
            .into(),
        // Deployment `wildfly-cm-template-recreate` (document 2)
        Deployment::new("wildfly-cm-template-recreate")
            .label("example", "cm-template")
            .replicas(1)
            .strategy(DeploymentStrategy::Recreate)
            .template(
                Pod::template()
                    .label("example", "cm-template")
                    .init_container(
                        Container::new("init")
                            .image("k8spatterns/example-config-cm-template-init")
                            .mount_read_only("wildfly-parameters", "/params")
                            .mount("wildfly-config", "/out"),
                    )
                    .container(
                        Container::new("server")
                            .image("jboss/wildfly:10.1.0.Final")
                            .command([
                                "/opt/jboss/wildfly/bin/standalone.sh",
                                "-Djboss.server.config.dir=/config",
                            ])
                            .port(ContainerPort::tcp(8080).name("http"))
                            .mount("wildfly-config", "/config")
                            .readiness_probe(Probe::http_get("/", "http")),
                    )
                    .volume(Volume::config_map(
                        "wildfly-parameters",
                        "wildfly-parameters",
                    ))
                    .volume(Volume::empty_dir("wildfly-config")),
            )
            .build()?
            .into(),
    ])
}
