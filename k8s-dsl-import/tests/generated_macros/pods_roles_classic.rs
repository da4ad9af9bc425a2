// `tests/corpus/pods/roles-classic.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/roles-classic.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `classic-roles` (document 1)
        k8s_dsl::pod! {
            name: "classic-roles",
            annotations: {
                "k8s-dsl.io/roles": "init=migrate,ambassador=db-proxy,adapter=exporter",
            },
            initContainers: [ {
                name: "migrate",
                image: "migrate/migrate:v4.17.1",
                args: ["-path", "/migrations", "up"],
            } ],
            containers: [ {
                name: "app",
                image: "ghcr.io/example/orders:2.3.1",
                env: [ { name: "DATABASE_URL", value: "postgres://orders@localhost:5432/orders" } ],
            } ],
            classicAmbassadors: [ {
                name: "db-proxy",
                image: "alpine/socat:1.8.0.0",
                args: ["TCP-LISTEN:5432,fork,reuseaddr", "TCP:db.prod.example.com:5432"],
                ports: [ { containerPort: 5432, name: "postgres" } ],
            } ],
            classicAdapters: [ {
                name: "exporter",
                image: "quay.io/prometheuscommunity/postgres-exporter:v0.16.0",
                ports: [ { containerPort: 9187, name: "metrics" } ],
            } ],
        }
        .build()?
        .into(),
        // Deployment `api` (document 2)
        k8s_dsl::deployment! {
            name: "api",
            replicas: 2,
            selector: { matchLabels: { app: "api" } },
            template: {
                labels: { app: "api" },
                annotations: {
                    "k8s-dsl.io/roles": "sidecar=log-shipper,ambassador=cache-proxy,adapter=metrics",
                    team: "payments",
                },
                sidecars: [ {
                    name: "log-shipper",
                    image: "fluent/fluent-bit:3.2",
                    volumeMounts: [ { name: "logs", mountPath: "/logs", readOnly: true } ],
                } ],
                containers: [ {
                    name: "api",
                    image: "ghcr.io/example/api:1.0.0",
                    volumeMounts: [ { name: "logs", mountPath: "/var/log/api" } ],
                } ],
                classicAmbassadors: [ {
                    name: "cache-proxy",
                    image: "envoyproxy/envoy:v1.32.1",
                    ports: [ { containerPort: 6379, name: "redis" } ],
                } ],
                classicAdapters: [ {
                    name: "metrics",
                    image: "ghcr.io/example/api-exporter:1.0.0",
                    ports: [ { containerPort: 9100, name: "metrics" } ],
                } ],
                volumes: [ { name: "logs", emptyDir: {} } ],
            },
        }
        .build()?
        .into(),
        // Pod `stale-roles` (document 3)
        k8s_dsl::pod! {
            name: "stale-roles",
            annotations: { "k8s-dsl.io/roles": "ambassador=old-proxy" },
            containers: [
                { name: "app", image: "nginx:1.27" },
                {
                    name: "proxy",
                    image: "envoyproxy/envoy:v1.32.1",
                    ports: [ { containerPort: 9901 } ],
                },
            ],
        }
        .build()?
        .into(),
    ])
}
