// `tests/corpus/pods/roles-annotation.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/roles-annotation.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `roles` (document 1)
        k8s_dsl::pod! {
            name: "roles",
            annotations: {
                "k8s-dsl.io/roles": "init=setup,ambassador=db-proxy,adapter=exporter,sidecar=logger",
                owner: "team-a",
            },
            initContainers: [ {
                name: "setup",
                image: "busybox:1.36",
                command: ["sh", "-c", "echo ready > /work/ready"],
                volumeMounts: [ { name: "work", mountPath: "/work" } ],
            } ],
            ambassadors: [ {
                name: "db-proxy",
                image: "haproxy:3.0",
                ports: [ { containerPort: 5432, name: "postgres" } ],
            } ],
            adapters: [ {
                name: "exporter",
                image: "nginx/nginx-prometheus-exporter:1.4",
                args: ["--nginx.scrape-uri=http://localhost:80/stub_status"],
                ports: [ { containerPort: 9113, name: "metrics" } ],
            } ],
            containers: [ {
                name: "app",
                image: "nginx:1.27",
                ports: [ { containerPort: 80, name: "http" } ],
                volumeMounts: [ { name: "work", mountPath: "/work" } ],
                readinessProbe: { tcpSocket: { port: "http" } },
            } ],
            classicSidecars: [ {
                name: "logger",
                image: "fluent/fluent-bit:3.2",
                volumeMounts: [ { name: "work", mountPath: "/logs", readOnly: true } ],
            } ],
            volumes: [ { name: "work", emptyDir: {} } ],
        }
        .build()?
        .into(),
    ])
}
