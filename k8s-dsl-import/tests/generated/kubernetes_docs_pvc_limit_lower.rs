// `tests/corpus/kubernetes-docs/pvc-limit-lower.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/pvc-limit-lower.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PersistentVolumeClaim `pvc-limit-lower` (document 1)
        PersistentVolumeClaim::new("pvc-limit-lower")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("500Mi")
            .build()?
            .into(),
    ])
}
