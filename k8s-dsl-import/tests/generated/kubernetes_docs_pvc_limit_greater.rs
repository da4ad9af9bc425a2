// `tests/corpus/kubernetes-docs/pvc-limit-greater.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/pvc-limit-greater.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PersistentVolumeClaim `pvc-limit-greater` (document 1)
        PersistentVolumeClaim::new("pvc-limit-greater")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("5Gi")
            .build()?
            .into(),
    ])
}
