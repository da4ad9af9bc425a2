// `tests/corpus/pods/roles-annotation.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/roles-annotation.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `roles` (document 1)
        Pod::new("roles")
            .annotation("owner", "team-a")
            .init_container(
                Container::new("setup")
                    .image("busybox:1.36")
                    .command(["sh", "-c", "echo ready > /work/ready"])
                    .mount("work", "/work"),
            )
            .ambassador(
                Container::new("db-proxy")
                    .image("haproxy:3.0")
                    .port(ContainerPort::new(5432).name("postgres")),
            )
            .adapter(
                Container::new("exporter")
                    .image("nginx/nginx-prometheus-exporter:1.4")
                    .args(["--nginx.scrape-uri=http://localhost:80/stub_status"])
                    .port(ContainerPort::new(9113).name("metrics")),
            )
            .container(
                Container::new("app")
                    .image("nginx:1.27")
                    .port(ContainerPort::new(80).name("http"))
                    .mount("work", "/work")
                    .readiness_probe(Probe::tcp_socket("http")),
            )
            .classic_sidecar(
                Container::new("logger")
                    .image("fluent/fluent-bit:3.2")
                    .mount_read_only("work", "/logs"),
            )
            .volume(Volume::empty_dir("work"))
            .role_annotations()
            .build()?
            .into(),
    ])
}
