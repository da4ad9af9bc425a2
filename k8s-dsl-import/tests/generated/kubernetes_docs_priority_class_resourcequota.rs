// `tests/corpus/kubernetes-docs/priority-class-resourcequota.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/priority-class-resourcequota.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ResourceQuota `pods-cluster-services` (document 1)
        ResourceQuota::new("pods-cluster-services")
            .priority_classes(["cluster-services"])
            .build()?
            .into(),
    ])
}
