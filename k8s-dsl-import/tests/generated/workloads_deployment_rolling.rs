// `tests/corpus/workloads/deployment-rolling.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/deployment-rolling.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `web` (document 1)
        Deployment::new("web")
            .namespace("shop")
            .label("app", "web")
            .replicas(3)
            .strategy(
                DeploymentStrategy::rolling_update()
                    .max_surge("25%")
                    .max_unavailable(0),
            )
            .min_ready(Duration::seconds(10))
            .progress_deadline(Duration::minutes(10))
            .revision_history_limit(5)
            .paused(false)
            .template(
                Pod::template()
                    .label("app", "web")
                    .annotation("prometheus.io/scrape", "true")
                    .container(
                        Container::new("web")
                            .image("nginx:1.27")
                            .port(ContainerPort::new(80).name("http"))
                            .readiness_probe(Probe::http_get("/", "http")),
                    ),
            )
            .build()?
            .into(),
    ])
}
