// `tests/corpus/kubernetes-docs/expandable-pvc.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/expandable-pvc.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PersistentVolumeClaim `expandable-pvc` (document 1)
        PersistentVolumeClaim::new("expandable-pvc")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("1Gi")
            .build()?
            .into(),
    ])
}
