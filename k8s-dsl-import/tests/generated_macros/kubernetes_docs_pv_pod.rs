// `tests/corpus/kubernetes-docs/pv-pod.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/pv-pod.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `task-pv-pod` (document 1)
        k8s_dsl::pod! {
            name: "task-pv-pod",
            containers: [ {
                name: "task-pv-container",
                image: "nginx",
                ports: [ { containerPort: 80, name: "http-server" } ],
                volumeMounts: [ { name: "task-pv-storage", mountPath: "/usr/share/nginx/html" } ],
            } ],
            volumes: [ {
                name: "task-pv-storage",
                persistentVolumeClaim: { claimName: "task-pv-claim" },
            } ],
        }
        .build()?
        .into(),
    ])
}
