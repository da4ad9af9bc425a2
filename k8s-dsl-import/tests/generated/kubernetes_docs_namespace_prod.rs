// `tests/corpus/kubernetes-docs/namespace-prod.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/namespace-prod.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Namespace `production` (document 1)
        Namespace::new("production")
            .label("name", "production")
            .build()?
            .into(),
    ])
}
