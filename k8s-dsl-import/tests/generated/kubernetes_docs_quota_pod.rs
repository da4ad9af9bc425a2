// `tests/corpus/kubernetes-docs/quota-pod.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/quota-pod.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ResourceQuota `pod-demo` (document 1)
        ResourceQuota::new("pod-demo")
            .hard("pods", "2")
            .build()?
            .into(),
    ])
}
