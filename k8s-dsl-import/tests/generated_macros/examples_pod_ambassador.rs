// `tests/corpus/examples/pod_ambassador.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_ambassador.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `app-dev` (document 1)
        k8s_dsl::pod! {
            name: "app-dev",
            labels: { app: "orders", env: "dev" },
            sidecars: [ {
                name: "db-proxy",
                image: "alpine/socat:1.8.0.0",
                command: ["sh", "-c", "exec socat TCP-LISTEN:5432,fork,reuseaddr TCP:$(UPSTREAM)"],
                ports: [ { containerPort: 5432, name: "postgres", protocol: TCP } ],
                env: [ { name: "UPSTREAM", value: "postgres.dev.svc.cluster.local:5432" } ],
                readinessProbe: { tcpSocket: { port: "postgres" } },
            } ],
            containers: [ {
                name: "app",
                image: "ghcr.io/example/orders:2.3.1",
                env: [ { name: "DATABASE_URL", value: "postgres://orders@localhost:5432/orders" } ],
            } ],
        }
        .build()?
        .into(),
        // Pod `app-prod` (document 2)
        k8s_dsl::pod! {
            name: "app-prod",
            labels: { app: "orders", env: "prod" },
            sidecars: [ {
                name: "db-proxy",
                image: "alpine/socat:1.8.0.0",
                command: ["sh", "-c", "exec socat TCP-LISTEN:5432,fork,reuseaddr TCP:$(UPSTREAM)"],
                ports: [ { containerPort: 5432, name: "postgres", protocol: TCP } ],
                env: [ { name: "UPSTREAM", value: "db.prod.example.com:5432" } ],
                readinessProbe: { tcpSocket: { port: "postgres" } },
            } ],
            containers: [ {
                name: "app",
                image: "ghcr.io/example/orders:2.3.1",
                env: [ { name: "DATABASE_URL", value: "postgres://orders@localhost:5432/orders" } ],
            } ],
        }
        .build()?
        .into(),
    ])
}
