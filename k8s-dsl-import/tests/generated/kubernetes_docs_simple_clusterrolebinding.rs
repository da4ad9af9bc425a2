// `tests/corpus/kubernetes-docs/simple-clusterrolebinding.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/simple-clusterrolebinding.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ClusterRoleBinding `read-secrets-global` (document 1)
        ClusterRoleBinding::new("read-secrets-global")
            .cluster_role("secret-reader")
            .subject(Subject::group("manager"))
            .build()?
            .into(),
    ])
}
