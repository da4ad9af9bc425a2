// `tests/corpus/kubernetes-docs/frontend-replicaset.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/frontend-replicaset.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ReplicaSet `frontend` (document 1)
        ReplicaSet::new("frontend")
            .label("app", "nginx")
            .label("tier", "frontend")
            .replicas(3)
            .template(
                Pod::template()
                    .label("tier", "frontend")
                    .container(Container::new("nginx").image("nginx")),
            )
            .build()?
            .into(),
    ])
}
