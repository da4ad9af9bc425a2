// `tests/corpus/kubernetes-docs/storageclass-low-latency.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/storageclass-low-latency.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // StorageClass `low-latency` (document 1)
        StorageClass::new("low-latency", "csi-driver.example-vendor.example")
            .annotation("storageclass.kubernetes.io/is-default-class", "false")
            .parameter("guaranteedReadWriteLatency", "true")
            .reclaim_policy(ReclaimPolicy::Retain)
            .binding_mode(VolumeBindingMode::WaitForFirstConsumer)
            .allow_volume_expansion(true)
            .mount_option("discard")
            .build()?
            .into(),
    ])
}
