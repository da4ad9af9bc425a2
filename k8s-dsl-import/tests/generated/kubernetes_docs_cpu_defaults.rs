// `tests/corpus/kubernetes-docs/cpu-defaults.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/cpu-defaults.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // LimitRange `cpu-limit-range` (document 1)
        LimitRange::new("cpu-limit-range")
            .limit(
                Limits::container()
                    .default("cpu", "1")
                    .default_request("cpu", "0.5"),
            )
            .build()?
            .into(),
    ])
}
