// `tests/corpus/examples/gitops/production/deployment_shop-production_web.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/gitops/production/deployment_shop-production_web.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `web` (document 1)
        Deployment::new("web")
            .namespace("shop-production")
            .label("app", "web")
            .replicas(3)
            .template(
                Pod::template().label("app", "web").container(
                    Container::new("web")
                        .image("nginx:1.27")
                        .port(ContainerPort::tcp(80).name("http"))
                        .env_from(EnvFrom::config_map("web-config"))
                        .readiness_probe(Probe::http_get("/", "http"))
                        .liveness_probe(Probe::tcp_socket("http")),
                ),
            )
            .build()?
            .into(),
    ])
}
