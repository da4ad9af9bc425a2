// `tests/corpus/pods/volumes-raw.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - Pod/volumes-raw `spec.volumes[0]`: kept with `Volume::from_k8s`
// - Pod/volumes-raw `spec.volumes[1]`: kept with `Volume::from_k8s`
// - Pod/volumes-raw `spec.volumes[2]`: kept with `Volume::from_k8s`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/volumes-raw.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `volumes-raw` (document 1)
        // Builder code, not a macro:
        // - `pod!` has no key for `spec.volumes[0].nfs`
        // - `pod!` has no key for `spec.volumes[1].csi`
        // - `pod!` has no key for `spec.volumes[2].ephemeral`
        Pod::new("volumes-raw")
            .container(
                Container::new("app")
                    .image("example/app:1.0")
                    .mount("shared", "/shared")
                    .mount_read_only("secrets-store", "/mnt/secrets")
                    .mount("scratch", "/scratch"),
            )
            .volume(Volume::from_k8s(serde_json::from_value(
                serde_json::json!({
                    "name": "shared",
                    "nfs": { "path": "/exports/shared", "server": "nfs.example.com" },
                }),
            )?))
            .volume(Volume::from_k8s(serde_json::from_value(
                serde_json::json!({
                    "csi": {
                        "driver": "secrets-store.csi.k8s.io",
                        "readOnly": true,
                        "volumeAttributes": { "secretProviderClass": "app-secrets" },
                    },
                    "name": "secrets-store",
                }),
            )?))
            .volume(Volume::from_k8s(serde_json::from_value(
                serde_json::json!({
                    "ephemeral": {
                        "volumeClaimTemplate": {
                            "spec": {
                                "accessModes": ["ReadWriteOnce"],
                                "resources": { "requests": { "storage": "1Gi" } },
                                "storageClassName": "fast",
                            },
                        },
                    },
                    "name": "scratch",
                }),
            )?))
            .build()?
            .into(),
    ])
}
