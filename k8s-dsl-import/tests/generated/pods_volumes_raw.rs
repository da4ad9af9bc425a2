// `tests/corpus/pods/volumes-raw.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/volumes-raw.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `volumes-raw` (document 1)
        Pod::new("volumes-raw")
            .container(
                Container::new("app")
                    .image("example/app:1.0")
                    .mount("shared", "/shared")
                    .mount_read_only("secrets-store", "/mnt/secrets")
                    .mount("scratch", "/scratch"),
            )
            .volume(Volume::nfs("shared", "nfs.example.com", "/exports/shared"))
            .volume(
                Volume::csi("secrets-store", "secrets-store.csi.k8s.io")
                    .read_only()
                    .attribute("secretProviderClass", "app-secrets"),
            )
            .volume(
                Volume::ephemeral("scratch", AccessMode::ReadWriteOnce, "1Gi")
                    .storage_class("fast"),
            )
            .build()?
            .into(),
    ])
}
