// `tests/corpus/kubernetes-docs/storageclass-local.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/storageclass-local.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // StorageClass `local-storage` (document 1)
        StorageClass::new("local-storage", "kubernetes.io/no-provisioner")
            .binding_mode(VolumeBindingMode::WaitForFirstConsumer)
            .build()?
            .into(),
    ])
}
