// `tests/corpus/kubernetes-docs/limit-range-pod-1.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/limit-range-pod-1.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `busybox1` (document 1)
        Pod::new("busybox1")
            .container(
                Container::new("busybox-cnt01")
                    .image("busybox")
                    .command(["/bin/sh"])
                    .args(["-c", "while true; do echo hello from cnt01; sleep 10;done"])
                    .cpu("100m", "500m")
                    .memory("100Mi", "200Mi"),
            )
            .container(
                Container::new("busybox-cnt02")
                    .image("busybox")
                    .command(["/bin/sh"])
                    .args(["-c", "while true; do echo hello from cnt02; sleep 10;done"])
                    .request("cpu", "100m")
                    .request("memory", "100Mi"),
            )
            .container(
                Container::new("busybox-cnt03")
                    .image("busybox")
                    .command(["/bin/sh"])
                    .args(["-c", "while true; do echo hello from cnt03; sleep 10;done"])
                    .limit("cpu", "500m")
                    .limit("memory", "200Mi"),
            )
            .container(
                Container::new("busybox-cnt04")
                    .image("busybox")
                    .command(["/bin/sh"])
                    .args(["-c", "while true; do echo hello from cnt04; sleep 10;done"]),
            )
            .build()?
            .into(),
    ])
}
