// `tests/corpus/kubernetes-docs/storagelimits.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/storagelimits.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // LimitRange `storagelimits` (document 1)
        LimitRange::new("storagelimits")
            .limit(Limits::claim().min("storage", "1Gi").max("storage", "2Gi"))
            .build()?
            .into(),
    ])
}
