// `tests/corpus/kubernetes-docs/simple-rolebinding-with-role.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/simple-rolebinding-with-role.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // RoleBinding `read-pods` (document 1)
        RoleBinding::new("read-pods")
            .namespace("default")
            .role("pod-reader")
            .subject(Subject::user("jane"))
            .build()?
            .into(),
    ])
}
