// `tests/corpus/kubernetes-docs/backend-deployment.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/backend-deployment.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `backend` (document 1)
        Deployment::new("backend")
            .replicas(3)
            .template(
                Pod::template()
                    .label("app.kubernetes.io/name", "hello")
                    .label("tier", "backend")
                    .label("track", "stable")
                    .container(
                        Container::new("hello")
                            .image("gcr.io/google-samples/hello-go-gke:1.0")
                            .port(ContainerPort::new(80).name("http")),
                    ),
            )
            .build()?
            .into(),
    ])
}
