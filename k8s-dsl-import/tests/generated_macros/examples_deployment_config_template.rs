// `tests/corpus/examples/deployment_config_template.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/deployment_config_template.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `wildfly-cm-template` (document 1)
        k8s_dsl::deployment! {
            name: "wildfly-cm-template",
            labels: { example: "cm-template" },
            replicas: 1,
            strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
            selector: { matchLabels: { example: "cm-template" } },
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
                    volumeMounts: [ { name: "wildfly-config", mountPath: "/config" } ],
                    readinessProbe: { httpGet: { path: "/", port: "http" } },
                } ],
                volumes: [
                    { name: "wildfly-parameters", configMap: { name: "wildfly-parameters" } },
                    { name: "wildfly-config", emptyDir: {} },
                ],
            },
        }
        .build()?
        .into(),
        // Deployment `wildfly-cm-template-recreate` (document 2)
        k8s_dsl::deployment! {
            name: "wildfly-cm-template-recreate",
            labels: { example: "cm-template" },
            replicas: 1,
            strategy: { type: Recreate },
            selector: { matchLabels: { example: "cm-template" } },
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
                    volumeMounts: [ { name: "wildfly-config", mountPath: "/config" } ],
                    readinessProbe: { httpGet: { path: "/", port: "http" } },
                } ],
                volumes: [
                    { name: "wildfly-parameters", configMap: { name: "wildfly-parameters" } },
                    { name: "wildfly-config", emptyDir: {} },
                ],
            },
        }
        .build()?
        .into(),
    ])
}
