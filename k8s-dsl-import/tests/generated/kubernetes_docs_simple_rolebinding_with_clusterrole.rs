// `tests/corpus/kubernetes-docs/simple-rolebinding-with-clusterrole.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/simple-rolebinding-with-clusterrole.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // RoleBinding `read-secrets` (document 1)
        RoleBinding::new("read-secrets")
            .namespace("development")
            .cluster_role("secret-reader")
            .subject(Subject::user("dave"))
            .build()?
            .into(),
    ])
}
