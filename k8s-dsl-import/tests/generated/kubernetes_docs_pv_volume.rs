// `tests/corpus/kubernetes-docs/pv-volume.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/pv-volume.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PersistentVolume `task-pv-volume` (document 1)
        PersistentVolume::host_path("task-pv-volume", "/mnt/data")
            .label("type", "local")
            .capacity("10Gi")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage_class("manual")
            .build()?
            .into(),
    ])
}
