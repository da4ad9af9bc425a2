// `tests/corpus/kubernetes-docs/csr-installer-namespace.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/csr-installer-namespace.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Namespace `csr-signer-installer` (document 1)
        Namespace::new("csr-signer-installer").build()?.into(),
    ])
}
