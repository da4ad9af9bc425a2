// `tests/corpus/kubernetes-docs/custom-dns.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/custom-dns.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `dns-example` (document 1)
        k8s_dsl::pod! {
            name: "dns-example",
            namespace: "default",
            containers: [ { name: "test", image: "nginx" } ],
            dnsPolicy: None,
            dnsConfig: {
                nameservers: ["192.0.2.1"],
                searches: ["ns1.svc.cluster-domain.example", "my.dns.search.suffix"],
                options: [ { name: "ndots", value: "2" }, { name: "edns0" } ],
            },
        }
        .build()?
        .into(),
    ])
}
