// `tests/corpus/kubernetes-docs/quota-objects-pvc-2.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/quota-objects-pvc-2.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PersistentVolumeClaim `pvc-quota-demo-2` (document 1)
        PersistentVolumeClaim::new("pvc-quota-demo-2")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("4Gi")
            .storage_class("manual")
            .build()?
            .into(),
    ])
}
