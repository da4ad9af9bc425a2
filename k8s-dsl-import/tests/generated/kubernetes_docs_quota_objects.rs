// `tests/corpus/kubernetes-docs/quota-objects.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/quota-objects.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ResourceQuota `object-quota-demo` (document 1)
        ResourceQuota::new("object-quota-demo")
            .hard("persistentvolumeclaims", "1")
            .hard("services.loadbalancers", "2")
            .hard("services.nodeports", "0")
            .build()?
            .into(),
    ])
}
