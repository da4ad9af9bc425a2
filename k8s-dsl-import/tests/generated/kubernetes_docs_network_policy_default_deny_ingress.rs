// `tests/corpus/kubernetes-docs/network-policy-default-deny-ingress.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/network-policy-default-deny-ingress.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // NetworkPolicy `default-deny-ingress` (document 1)
        NetworkPolicy::new("default-deny-ingress")
            .deny_ingress()
            .build()?
            .into(),
    ])
}
