// `tests/corpus/pods/roles-classic.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/roles-classic.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `classic-roles` (document 1)
        Pod::new("classic-roles")
            .init_container(
                Container::new("migrate")
                    .image("migrate/migrate:v4.17.1")
                    .args(["-path", "/migrations", "up"]),
            )
            .container(
                Container::new("app")
                    .image("ghcr.io/example/orders:2.3.1")
                    .env("DATABASE_URL", "postgres://orders@localhost:5432/orders"),
            )
            .classic_ambassador(
                Container::new("db-proxy")
                    .image("alpine/socat:1.8.0.0")
                    .args([
                        "TCP-LISTEN:5432,fork,reuseaddr",
                        "TCP:db.prod.example.com:5432",
                    ])
                    .port(ContainerPort::new(5432).name("postgres")),
            )
            .classic_adapter(
                Container::new("exporter")
                    .image("quay.io/prometheuscommunity/postgres-exporter:v0.16.0")
                    .port(ContainerPort::new(9187).name("metrics")),
            )
            .role_annotations()
            .build()?
            .into(),
        // Deployment `api` (document 2)
        Deployment::new("api")
            .replicas(2)
            .template(
                Pod::template()
                    .label("app", "api")
                    .annotation("team", "payments")
                    .sidecar(
                        Container::new("log-shipper")
                            .image("fluent/fluent-bit:3.2")
                            .mount_read_only("logs", "/logs"),
                    )
                    .container(
                        Container::new("api")
                            .image("ghcr.io/example/api:1.0.0")
                            .mount("logs", "/var/log/api"),
                    )
                    .classic_ambassador(
                        Container::new("cache-proxy")
                            .image("envoyproxy/envoy:v1.32.1")
                            .port(ContainerPort::new(6379).name("redis")),
                    )
                    .classic_adapter(
                        Container::new("metrics")
                            .image("ghcr.io/example/api-exporter:1.0.0")
                            .port(ContainerPort::new(9100).name("metrics")),
                    )
                    .volume(Volume::empty_dir("logs"))
                    .role_annotations(),
            )
            .build()?
            .into(),
        // Pod `stale-roles` (document 3)
        Pod::new("stale-roles")
            .annotation("k8s-dsl.io/roles", "ambassador=old-proxy")
            .container(Container::new("app").image("nginx:1.27"))
            .container(
                Container::new("proxy")
                    .image("envoyproxy/envoy:v1.32.1")
                    .port(ContainerPort::new(9901)),
            )
            .build()?
            .into(),
    ])
}
