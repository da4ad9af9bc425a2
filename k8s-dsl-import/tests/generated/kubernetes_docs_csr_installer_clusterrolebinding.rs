// `tests/corpus/kubernetes-docs/csr-installer-clusterrolebinding.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/csr-installer-clusterrolebinding.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ClusterRoleBinding `insaller-binding` (document 1)
        ClusterRoleBinding::new("insaller-binding")
            .cluster_role("installer-role")
            .subject(Subject::service_account_named(
                "installer",
                "csr-signer-installer",
            ))
            .build()?
            .into(),
    ])
}
