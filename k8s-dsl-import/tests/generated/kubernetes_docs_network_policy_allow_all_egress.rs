// `tests/corpus/kubernetes-docs/network-policy-allow-all-egress.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/network-policy-allow-all-egress.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // NetworkPolicy `allow-all-egress` (document 1)
        NetworkPolicy::new("allow-all-egress")
            .allow_egress([], [])
            .build()?
            .into(),
    ])
}
