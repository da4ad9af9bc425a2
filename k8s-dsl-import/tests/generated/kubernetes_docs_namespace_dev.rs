// `tests/corpus/kubernetes-docs/namespace-dev.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/namespace-dev.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Namespace `development` (document 1)
        Namespace::new("development")
            .label("name", "development")
            .build()?
            .into(),
    ])
}
