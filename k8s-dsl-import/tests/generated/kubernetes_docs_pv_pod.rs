// `tests/corpus/kubernetes-docs/pv-pod.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/pv-pod.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `task-pv-pod` (document 1)
        Pod::new("task-pv-pod")
            .container(
                Container::new("task-pv-container")
                    .image("nginx")
                    .port(ContainerPort::new(80).name("http-server"))
                    .mount("task-pv-storage", "/usr/share/nginx/html"),
            )
            .volume(Volume::persistent_volume_claim(
                "task-pv-storage",
                "task-pv-claim",
            ))
            .build()?
            .into(),
    ])
}
