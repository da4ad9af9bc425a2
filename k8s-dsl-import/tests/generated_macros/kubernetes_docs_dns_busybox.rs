// `tests/corpus/kubernetes-docs/dns-busybox.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/dns-busybox.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `busybox` (document 1)
        k8s_dsl::pod! {
            name: "busybox",
            namespace: "default",
            containers: [ {
                name: "busybox",
                image: "busybox:1.28",
                imagePullPolicy: IfNotPresent,
                command: ["sleep", "3600"],
            } ],
            restartPolicy: Always,
        }
        .build()?
        .into(),
    ])
}
