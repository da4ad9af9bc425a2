// `tests/corpus/kubernetes-docs/limit-mem-cpu-container.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/limit-mem-cpu-container.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // LimitRange `limit-mem-cpu-per-container` (document 1)
        LimitRange::new("limit-mem-cpu-per-container")
            .limit(
                Limits::container()
                    .min("cpu", "100m")
                    .min("memory", "99Mi")
                    .max("cpu", "800m")
                    .max("memory", "1Gi")
                    .default("cpu", "700m")
                    .default("memory", "900Mi")
                    .default_request("cpu", "110m")
                    .default_request("memory", "111Mi"),
            )
            .build()?
            .into(),
    ])
}
