// `tests/corpus/examples/pod_ambassador.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_ambassador.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `app-dev` (document 1)
        Pod::new("app-dev")
            .label("app", "orders")
            .label("env", "dev")
            .sidecar(
                Container::new("db-proxy")
                    .image("alpine/socat:1.8.0.0")
                    .command([
                        "sh",
                        "-c",
                        "exec socat TCP-LISTEN:5432,fork,reuseaddr TCP:$(UPSTREAM)",
                    ])
                    .port(ContainerPort::tcp(5432).name("postgres"))
                    .env("UPSTREAM", "postgres.dev.svc.cluster.local:5432")
                    .readiness_probe(Probe::tcp_socket("postgres")),
            )
            .container(
                Container::new("app")
                    .image("ghcr.io/example/orders:2.3.1")
                    .env("DATABASE_URL", "postgres://orders@localhost:5432/orders"),
            )
            .build()?
            .into(),
        // Pod `app-prod` (document 2)
        Pod::new("app-prod")
            .label("app", "orders")
            .label("env", "prod")
            .sidecar(
                Container::new("db-proxy")
                    .image("alpine/socat:1.8.0.0")
                    .command([
                        "sh",
                        "-c",
                        "exec socat TCP-LISTEN:5432,fork,reuseaddr TCP:$(UPSTREAM)",
                    ])
                    .port(ContainerPort::tcp(5432).name("postgres"))
                    .env("UPSTREAM", "db.prod.example.com:5432")
                    .readiness_probe(Probe::tcp_socket("postgres")),
            )
            .container(
                Container::new("app")
                    .image("ghcr.io/example/orders:2.3.1")
                    .env("DATABASE_URL", "postgres://orders@localhost:5432/orders"),
            )
            .build()?
            .into(),
    ])
}
