// `tests/corpus/kubernetes-docs/dns-busybox.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/dns-busybox.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `busybox` (document 1)
        Pod::new("busybox")
            .namespace("default")
            .container(
                Container::new("busybox")
                    .image("busybox:1.28")
                    .image_pull_policy(ImagePullPolicy::IfNotPresent)
                    .command(["sleep", "3600"]),
            )
            .restart_policy(RestartPolicy::Always)
            .build()?
            .into(),
    ])
}
