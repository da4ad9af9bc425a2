// `tests/corpus/kubernetes-docs/run-my-nginx.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/run-my-nginx.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `my-nginx` (document 1)
        Deployment::new("my-nginx")
            .replicas(2)
            .template(
                Pod::template().label("run", "my-nginx").container(
                    Container::new("my-nginx")
                        .image("nginx")
                        .port(ContainerPort::new(80)),
                ),
            )
            .build()?
            .into(),
    ])
}
