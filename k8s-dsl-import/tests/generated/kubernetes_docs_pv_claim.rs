// `tests/corpus/kubernetes-docs/pv-claim.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/pv-claim.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PersistentVolumeClaim `task-pv-claim` (document 1)
        PersistentVolumeClaim::new("task-pv-claim")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("3Gi")
            .storage_class("manual")
            .build()?
            .into(),
    ])
}
