// `tests/corpus/kubernetes-docs/quota-objects-pvc.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/quota-objects-pvc.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PersistentVolumeClaim `pvc-quota-demo` (document 1)
        PersistentVolumeClaim::new("pvc-quota-demo")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("3Gi")
            .storage_class("manual")
            .build()?
            .into(),
    ])
}
