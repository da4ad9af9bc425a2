// `tests/corpus/pods/native-sidecar.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/native-sidecar.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `with-proxy` (document 1)
        Pod::new("with-proxy")
            .sidecar(
                Container::new("proxy")
                    .image("envoyproxy/envoy:v1.31.0")
                    .port(ContainerPort::new(9901).name("admin"))
                    .liveness_probe(Probe::tcp_socket(9901))
                    .startup_probe(
                        Probe::http_get("/ready", "admin")
                            .period(Duration::seconds(2))
                            .failure_threshold(30),
                    ),
            )
            .init_container(
                Container::new("migrate")
                    .image("migrate/migrate:v4.17.1")
                    .args(["-path", "/migrations", "up"]),
            )
            .container(
                Container::new("app")
                    .image("example/app:2.1.0")
                    .port(ContainerPort::new(8080).name("http"))
                    .readiness_probe(Probe::http_get("/healthz", "http")),
            )
            .build()?
            .into(),
    ])
}
