// `tests/corpus/examples/gitops/staging/deployment_shop-staging_web.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/gitops/staging/deployment_shop-staging_web.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `web` (document 1)
        k8s_dsl::deployment! {
            name: "web",
            namespace: "shop-staging",
            labels: { app: "web" },
            replicas: 1,
            selector: { matchLabels: { app: "web" } },
            template: {
                labels: { app: "web" },
                containers: [ {
                    name: "web",
                    image: "nginx:1.27",
                    ports: [ { containerPort: 80, name: "http", protocol: TCP } ],
                    envFrom: [ { configMapRef: { name: "web-config" } } ],
                    readinessProbe: { httpGet: { path: "/", port: "http" } },
                    livenessProbe: { tcpSocket: { port: "http" } },
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
