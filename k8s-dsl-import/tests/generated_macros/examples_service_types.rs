// `tests/corpus/examples/service_types.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/service_types.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `random-generator` (document 1)
        Service::new("random-generator")
            .selector("app", "random-generator")
            .port(ServicePort::tcp(80).name("http").target("http"))
            .build()?
            .into(),
        // Service `random-generator-nodeport` (document 2)
        Service::node_port("random-generator-nodeport")
            .selector("app", "random-generator")
            .port(
                ServicePort::tcp(8080)
                    .name("http")
                    .target("http")
                    .node_port(30036),
            )
            .build()?
            .into(),
        // Deployment `random-generator` (document 3)
        k8s_dsl::deployment! {
            name: "random-generator",
            replicas: 2,
            selector: { matchLabels: { app: "random-generator" } },
            template: {
                labels: { app: "random-generator" },
                containers: [ {
                    name: "random-generator",
                    image: "k8spatterns/random-generator:1.0",
                    ports: [ { containerPort: 8080, name: "http", protocol: TCP } ],
                    readinessProbe: { httpGet: { path: "/actuator/health", port: "http" } },
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
