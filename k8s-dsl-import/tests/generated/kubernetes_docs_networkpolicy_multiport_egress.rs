// `tests/corpus/kubernetes-docs/networkpolicy-multiport-egress.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/networkpolicy-multiport-egress.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // NetworkPolicy `multi-port-egress` (document 1)
        NetworkPolicy::new("multi-port-egress")
            .namespace("default")
            .pods([("role", "db")])
            .allow_egress(
                [Peer::cidr("10.0.0.0/24")],
                [PolicyPort::tcp(32000).to(32768)],
            )
            .build()?
            .into(),
    ])
}
