// `tests/corpus/web-app.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/web-app.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ConfigMap `web-config` (document 1)
        ConfigMap::new("web-config")
            .data("GREETING", "Hello from k8s-dsl")
            .build()?
            .into(),
        // Deployment `web` (document 2)
        Deployment::new("web")
            .label("app", "web")
            .replicas(3)
            .template(
                Pod::template().label("app", "web").container(
                    Container::new("web")
                        .image("nginx:1.27")
                        .port(ContainerPort::new(80).name("http"))
                        .env_from(EnvFrom::config_map("web-config"))
                        .cpu("100m", "500m")
                        .memory("64Mi", "128Mi")
                        .readiness_probe(Probe::http_get("/", "http").period(Duration::seconds(5))),
                ),
            )
            .build()?
            .into(),
        // Service `web` (document 3)
        Service::new("web")
            .selector("app", "web")
            .port(ServicePort::new(80).name("http").target("http"))
            .build()?
            .into(),
        // PodDisruptionBudget `web` (document 4)
        PodDisruptionBudget::new("web")
            .selector(Selector::new().label("app", "web"))
            .min_available(2)
            .build()?
            .into(),
    ])
}
