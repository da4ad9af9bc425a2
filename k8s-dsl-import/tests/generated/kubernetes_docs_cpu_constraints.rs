// `tests/corpus/kubernetes-docs/cpu-constraints.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/cpu-constraints.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // LimitRange `cpu-min-max-demo-lr` (document 1)
        LimitRange::new("cpu-min-max-demo-lr")
            .limit(Limits::container().min("cpu", "200m").max("cpu", "800m"))
            .build()?
            .into(),
    ])
}
