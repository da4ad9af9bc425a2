// `tests/corpus/kubernetes-docs/csr-installer-serviceaccount.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/csr-installer-serviceaccount.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ServiceAccount `installer` (document 1)
        ServiceAccount::new("installer")
            .namespace("csr-signer-installer")
            .build()?
            .into(),
    ])
}
