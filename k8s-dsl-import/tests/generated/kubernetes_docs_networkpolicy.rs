// `tests/corpus/kubernetes-docs/networkpolicy.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/networkpolicy.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // NetworkPolicy `test-network-policy` (document 1)
        NetworkPolicy::new("test-network-policy")
            .namespace("default")
            .pods([("role", "db")])
            .allow_ingress(
                [
                    Peer::cidr("172.17.0.0/16").except(["172.17.1.0/24"]),
                    Peer::namespaces([("project", "myproject")]),
                    Peer::pods([("role", "frontend")]),
                ],
                [PolicyPort::tcp(6379)],
            )
            .allow_egress([Peer::cidr("10.0.0.0/24")], [PolicyPort::tcp(5978)])
            .build()?
            .into(),
    ])
}
