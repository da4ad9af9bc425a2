// `tests/corpus/kubernetes-docs/hostaliases-pod.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/hostaliases-pod.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `hostaliases-pod` (document 1)
        Pod::new("hostaliases-pod")
            .container(
                Container::new("cat-hosts")
                    .image("busybox:1.28")
                    .command(["cat"])
                    .args(["/etc/hosts"]),
            )
            .restart_policy(RestartPolicy::Never)
            .host_alias(HostAlias::new("127.0.0.1", ["foo.local", "bar.local"]))
            .host_alias(HostAlias::new("10.1.2.3", ["foo.remote", "bar.remote"]))
            .build()?
            .into(),
    ])
}
