// `tests/corpus/kubernetes-docs/memory-defaults.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/memory-defaults.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // LimitRange `mem-limit-range` (document 1)
        LimitRange::new("mem-limit-range")
            .limit(
                Limits::container()
                    .default("memory", "512Mi")
                    .default_request("memory", "256Mi"),
            )
            .build()?
            .into(),
    ])
}
