// `tests/corpus/kubernetes-docs/memory-constraints.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/memory-constraints.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // LimitRange `mem-min-max-demo-lr` (document 1)
        LimitRange::new("mem-min-max-demo-lr")
            .limit(
                Limits::container()
                    .min("memory", "500Mi")
                    .max("memory", "1Gi"),
            )
            .build()?
            .into(),
    ])
}
