// `tests/corpus/kubernetes-docs/network-policy-default-deny-all.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/network-policy-default-deny-all.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // NetworkPolicy `default-deny-all` (document 1)
        NetworkPolicy::new("default-deny-all")
            .deny_ingress()
            .deny_egress()
            .build()?
            .into(),
    ])
}
