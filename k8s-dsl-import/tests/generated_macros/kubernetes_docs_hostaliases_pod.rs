// `tests/corpus/kubernetes-docs/hostaliases-pod.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/hostaliases-pod.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `hostaliases-pod` (document 1)
        k8s_dsl::pod! {
            name: "hostaliases-pod",
            containers: [ {
                name: "cat-hosts",
                image: "busybox:1.28",
                command: ["cat"],
                args: ["/etc/hosts"],
            } ],
            hostAliases: [
                { ip: "127.0.0.1", hostnames: ["foo.local", "bar.local"] },
                { ip: "10.1.2.3", hostnames: ["foo.remote", "bar.remote"] },
            ],
            restartPolicy: Never,
        }
        .build()?
        .into(),
    ])
}
