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
        k8s_dsl::deployment! {
            name: "web",
            labels: { app: "web" },
            replicas: 3,
            selector: { matchLabels: { app: "web" } },
            template: {
                labels: { app: "web" },
                containers: [ {
                    name: "web",
                    image: "nginx:1.27",
                    ports: [ { containerPort: 80, name: "http" } ],
                    envFrom: [ { configMapRef: { name: "web-config" } } ],
                    resources: {
                        requests: { cpu: "100m", memory: "64Mi" },
                        limits: { cpu: "500m", memory: "128Mi" },
                    },
                    readinessProbe: { httpGet: { path: "/", port: "http" }, periodSeconds: 5s },
                } ],
            },
        }
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
