// `tests/corpus/kubernetes-docs/limit-range-pod-1.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/limit-range-pod-1.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `busybox1` (document 1)
        k8s_dsl::pod! {
            name: "busybox1",
            containers: [
                {
                    name: "busybox-cnt01",
                    image: "busybox",
                    command: ["/bin/sh"],
                    args: ["-c", "while true; do echo hello from cnt01; sleep 10;done"],
                    resources: {
                        requests: { cpu: "100m", memory: "100Mi" },
                        limits: { cpu: "500m", memory: "200Mi" },
                    },
                },
                {
                    name: "busybox-cnt02",
                    image: "busybox",
                    command: ["/bin/sh"],
                    args: ["-c", "while true; do echo hello from cnt02; sleep 10;done"],
                    resources: { requests: { cpu: "100m", memory: "100Mi" } },
                },
                {
                    name: "busybox-cnt03",
                    image: "busybox",
                    command: ["/bin/sh"],
                    args: ["-c", "while true; do echo hello from cnt03; sleep 10;done"],
                    resources: { limits: { cpu: "500m", memory: "200Mi" } },
                },
                {
                    name: "busybox-cnt04",
                    image: "busybox",
                    command: ["/bin/sh"],
                    args: ["-c", "while true; do echo hello from cnt04; sleep 10;done"],
                },
            ],
        }
        .build()?
        .into(),
    ])
}
