// `tests/corpus/kubernetes-docs/sched-pod1.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/sched-pod1.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `no-annotation` (document 1)
        Pod::new("no-annotation")
            .label("name", "multischeduler-example")
            .container(
                Container::new("pod-with-no-annotation-container")
                    .image("registry.k8s.io/pause:3.8"),
            )
            .build()?
            .into(),
    ])
}
