// `tests/corpus/kubernetes-docs/limit-memory-ratio-pod.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/limit-memory-ratio-pod.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // LimitRange `limit-memory-ratio-pod` (document 1)
        LimitRange::new("limit-memory-ratio-pod")
            .limit(Limits::pod().max_ratio("memory", "2"))
            .build()?
            .into(),
    ])
}
