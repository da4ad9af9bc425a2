// `tests/corpus/kubernetes-docs/sched-pod1.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/sched-pod1.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `no-annotation` (document 1)
        k8s_dsl::pod! {
            name: "no-annotation",
            labels: { name: "multischeduler-example" },
            containers: [ {
                name: "pod-with-no-annotation-container",
                image: "registry.k8s.io/pause:3.8",
            } ],
        }
        .build()?
        .into(),
    ])
}
